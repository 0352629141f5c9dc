import { diffChars } from 'diff';
import { useMemo } from 'react';
import { useI18n } from '@/lib/i18n';

/**
 * Two texts side by side, character by character (Thai has no spaces between words): what only this
 * plan's text has is marked on the left, what only the other's has on the right; the rest is common.
 */
export function TextDiff({ mine, other, otherLabel }: { mine: string; other: string | null; otherLabel: string }) {
  const { t } = useI18n();
  const parts = useMemo(() => (other === null ? null : diffChars(mine, other)), [mine, other]);
  const same = parts !== null && parts.every((part) => !part.added && !part.removed);
  return (
    <div className="text-diff">
      <figure className="text-diff__side">
        <figcaption>{t('similar.thisText')}</figcaption>
        <p>
          {parts === null
            ? mine
            : parts
                .filter((part) => !part.added)
                .map((part, index) => (part.removed ? <del key={index}>{part.value}</del> : <span key={index}>{part.value}</span>))}
        </p>
      </figure>
      <figure className="text-diff__side">
        <figcaption>{otherLabel}</figcaption>
        {parts === null ? (
          <p className="muted">{t('similar.textHidden')}</p>
        ) : (
          <p>
            {parts
              .filter((part) => !part.removed)
              .map((part, index) => (part.added ? <ins key={index}>{part.value}</ins> : <span key={index}>{part.value}</span>))}
          </p>
        )}
      </figure>
      {same && <p className="text-diff__same">{t('similar.identical')}</p>}
    </div>
  );
}
