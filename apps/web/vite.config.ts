/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The SPA. In development `/api` goes to the API on port 3000 (VITE_API_PROXY overrides). The
 * proxy keeps the browser's Host header (no changeOrigin) so the API's same-origin CSRF check
 * sees the Vite origin as its own.
 */
const apiTarget = process.env.VITE_API_PROXY ?? 'http://localhost:3000';
const apiProxy = { '/api': { target: apiTarget, changeOrigin: false } };

/**
 * Vite writes the stylesheet after the entry script and its modulepreloads; this puts it before
 * them. The first paint (the header in index.html) waits only for the stylesheet, so on a slow
 * connection it should be the first thing asked for, not queue behind ~140 KB of scripts.
 */
function stylesheetsFirst(): Plugin {
  return {
    name: 'prongsai:stylesheets-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const stylesheets = html.match(/[ \t]*<link rel="stylesheet"[^>]*>\n?/g) ?? [];
        const rest = stylesheets.reduce((text, tag) => text.replace(tag, ''), html);
        return rest.replace(/([ \t]*)<script type="module"/, (script, indent: string) =>
          [...stylesheets.map((tag) => `${indent}${tag.trim()}\n`), script].join(''),
        );
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), stylesheetsFirst()],
  // `@/lib/…`: one way to reach shared code from any depth (features use relative paths only inside themselves).
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      treeshake: {
        // The shared package only declares schemas and helpers: a page that uses one schema
        // need not carry the others (its package.json does not say "sideEffects": false).
        moduleSideEffects: [{ test: /packages[\\/]shared[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    // Node 20 here and in CI (.nvmrc); jsdom 31 needs a few Node 22 APIs: see the shim.
    execArgv: ['--harmony-iterator-helpers', '--import', new URL('./test/node20-shim.mjs', import.meta.url).href],
  },
});
