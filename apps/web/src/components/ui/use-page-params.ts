import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type ParamsPatch = Record<string, string | number | undefined>;

/**
 * A paged list's state kept in the URL's search parameters, so a view can be shared: the current
 * `page` (1 when absent or invalid), `update` to set or clear (undefined / '') some parameters, and
 * `clear` to drop them all. Both replace the history entry rather than adding one.
 */
export function usePageParams() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);

  const update = useCallback(
    (patch: ParamsPatch) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { params, page, update, clear };
}
