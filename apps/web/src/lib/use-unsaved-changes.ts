import { useEffect } from 'react';

/**
 * Warn before unsaved changes are lost (issue 14): closing or reloading the tab (the browser's own
 * `beforeunload` prompt) and following a link inside the app (a confirm; Cancel stays on the page).
 *
 * Not react-router's `useBlocker`: it needs the data router, and the app uses declarative routes to keep
 * the first load small (app/router.tsx). Links are caught in the capture phase, before react-router's
 * `<Link>` handles them; the browser's Back button is not caught (it cannot be cancelled without the data
 * router), which is why the measure form also keeps a local draft.
 */
export function useUnsavedChangesWarning(dirty: boolean, message: string): void {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, message]);
}
