import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { AppProvider } from './provider';
import { AppRoutes } from './router';

/**
 * The paths whose first screen the build writes into an HTML file of its own (`dist/prerendered/`,
 * see vite.config.ts), which the API sends for exactly that path: "/" (a visitor's start) and
 * "/public", the national dashboard where most first visits land.
 */
export const PRERENDERED_PATHS = ['/', '/public'] as const;

/**
 * What the app's first render of `path` shows before any answer from the API (its frame, heading,
 * search box and loading state) as static HTML for `#root`, in Thai with Thai digits (ADR 028). A
 * phone then paints the page's heading, its largest text, with the HTML and the stylesheet instead
 * of after ~150 KB of JavaScript. The app's own routes and components render it, so it cannot drift
 * from the page; React replaces it with the same elements on its first render.
 */
export function prerenderPath(path: (typeof PRERENDERED_PATHS)[number]): string {
  return renderToStaticMarkup(
    <AppProvider>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProvider>,
  );
}
