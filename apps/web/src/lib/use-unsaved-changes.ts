import { useEffect } from 'react';

/**
 * Warn before unsaved changes are lost (issue 14): closing or reloading the tab (the browser's own
 * `beforeunload` prompt), following a link inside the app and the browser's Back button (a confirm;
 * Cancel stays on the page with the changes).
 *
 * Not react-router's `useBlocker`: it needs the data router, and the app uses declarative routes to keep
 * the first load small (app/router.tsx). Links are caught in the capture phase, before react-router's
 * `<Link>` handles them. Back cannot be cancelled once the browser has gone back, so while a form is dirty
 * a copy of the current history entry (same URL, same react-router state, marked) sits on top of it:
 * Back only takes that copy off, react-router sees the same location, and the page asks; Cancel puts the
 * copy back, OK goes back one more step. When the form is saved the copy is taken off again, so Back is
 * one step as usual. The measure form also keeps a local draft (measure-draft.ts).
 */
export function useUnsavedChangesWarning(dirty: boolean, message: string): void {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // Back was answered OK and leads out of the app: asked once already.
      if (quiet) return;
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
    const releaseBack = guardBack(message);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      releaseBack();
    };
  }, [dirty, message]);
}

const COPY_MARK = 'prongsaiUnsavedCopy';
/** The messages of the dirty forms on the page, newest last (one listener asks once for all of them). */
const guards: string[] = [];
/** True from a step back the page takes itself until the browser has made it (nothing to ask then). */
let quiet = false;

function backQuietly(): void {
  quiet = true;
  window.history.back();
}

/** One listener for the page's life (added with the first guard): it also sees the pops the page makes itself. */
let listening = false;

const onCopy = (): boolean => {
  const state: unknown = window.history.state;
  return typeof state === 'object' && state !== null && COPY_MARK in state;
};

function pushCopy(): void {
  const state: unknown = window.history.state;
  window.history.pushState({ ...(typeof state === 'object' && state !== null ? state : {}), [COPY_MARK]: true }, '');
}

function onPopState(): void {
  if (quiet) {
    // Our own step back has been made.
    quiet = false;
    return;
  }
  // Forward onto a copy, a copy left by an earlier visit, or no dirty form: nothing to ask.
  if (onCopy() || guards.length === 0) return;
  if (window.confirm(guards[guards.length - 1]!)) backQuietly();
  else pushCopy();
}

/** Guard the Back button while a form is dirty; returns the release. */
export function guardBack(message: string): () => void {
  guards.push(message);
  if (!listening) {
    window.addEventListener('popstate', onPopState);
    listening = true;
  }
  if (guards.length === 1 && !onCopy()) pushCopy();
  return () => {
    guards.splice(guards.lastIndexOf(message), 1);
    if (guards.length > 0) return;
    // Later, not now: a form re-guarding at once (React's StrictMode runs effects twice) keeps the copy.
    // Only the copy on top is taken off (saved and staying); after a link it is behind the new page.
    setTimeout(() => {
      if (guards.length === 0 && !quiet && onCopy()) backQuietly();
    }, 0);
  };
}
