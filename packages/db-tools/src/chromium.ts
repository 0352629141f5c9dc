/**
 * Flags for Debian's Chromium wherever we drive it headless (PDF reports, e2e, Lighthouse): root in a
 * container needs no sandbox; no GPU; nothing that talks to Google or shows first-run screens while
 * we measure or print. Callers add what their use needs (headless mode, output, profile dir).
 */
export const QUIET_CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // /dev/shm is tiny in containers.
  '--disable-dev-shm-usage',
];

/** Where Debian's `chromium` package puts the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
