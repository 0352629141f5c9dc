/**
 * Starts the app once the browser has painted the page's first screen from the HTML alone (ADR 028):
 * then preloads the app's modules (`data-app`: the entry first, then what it imports; written by
 * `bootAfterFirstPaint` in vite.config.ts) all at once and imports the entry. In a hidden tab, which
 * does not paint, at once.
 */
function afterNextPaint(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

const [entry, ...imported] = document.querySelector<HTMLScriptElement>('script[data-app]')?.dataset.app?.split(' ') ?? [];
if (!entry) throw new Error('index.html names no app to start (script[data-app])');
await afterNextPaint();
for (const href of [entry, ...imported]) {
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.crossOrigin = '';
  link.href = href;
  document.head.append(link);
}
await import(/* @vite-ignore */ entry);

export {}; // a module (its top-level awaits), run as <script type="module">
