/// <reference types="vitest/config" />
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, defineConfig, transformWithEsbuild, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The SPA. In development `/api` goes to the API on port 3000 (VITE_API_PROXY overrides). The
 * proxy keeps the browser's Host header (no changeOrigin) so the API's same-origin CSRF check
 * sees the Vite origin as its own.
 */
const apiTarget = process.env.VITE_API_PROXY ?? 'http://localhost:3000';
const apiProxy = { '/api': { target: apiTarget, changeOrigin: false } };

/**
 * The stylesheet of the entry (the shared layer's sheets and the fonts' faces, ~6 KB gzip) goes into
 * index.html as a `<style>` (the CSP allows inline styles, not inline scripts): the first paint, the
 * page's prerendered heading included (ADR 028), then needs the HTML alone, not a second round trip
 * that on a slow connection also queues behind ~150 KB of scripts. The file stays in dist/assets.
 */
function inlineEntryStylesheet(): Plugin {
  return {
    name: 'prongsai:inline-entry-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        return html.replace(/[ \t]*<link rel="stylesheet" crossorigin href="\/([^"]+\.css)">\n?/g, (_tag, file: string) => {
          const asset = bundle?.[file];
          if (asset?.type !== 'asset') throw new Error(`no stylesheet ${file} in the bundle`);
          const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          if (css.includes('</style')) throw new Error(`${file} cannot be inlined: it contains </style`);
          return `    <style>${css}</style>\n`;
        });
      },
    },
  };
}

/**
 * The app's scripts are asked for once the browser has painted index.html's first screen (ADR 028):
 * the entry's `<script>` and its modulepreloads become one list on src/app/boot.ts (`data-app`),
 * which after the next paint preloads them all at once and imports the entry. Asked for with the
 * page, ~150 KB of scripts took the connection from the fonts, and when they were at hand before the
 * first paint (a fast connection, a cache) evaluating them (~100 ms on a mid-range phone) held it back.
 */
function bootAfterFirstPaint(): Plugin {
  const source = fileURLToPath(new URL('./src/app/boot.ts', import.meta.url));
  let bootFile = '';
  return {
    name: 'prongsai:boot-after-first-paint',
    apply: 'build',
    // An asset, not a second input: a second entry changes how the bundler splits the app's chunks.
    async generateBundle() {
      const { code } = await transformWithEsbuild(fs.readFileSync(source, 'utf8'), source, {
        loader: 'ts',
        minify: true,
        target: 'es2022',
      });
      const referenceId = this.emitFile({ type: 'asset', name: 'boot.js', source: code });
      bootFile = this.getFileName(referenceId);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!bootFile) throw new Error('src/app/boot.ts was not emitted');
        const modules: string[] = [];
        const rest = html
          .replace(/[ \t]*<script type="module" crossorigin src="([^"]+)"><\/script>\n?/, (_tag, src: string) => {
            modules.unshift(src);
            return '<!--app-->';
          })
          .replace(/[ \t]*<link rel="modulepreload" crossorigin href="([^"]+)">\n?/g, (_tag, href: string) => {
            modules.push(href);
            return '';
          });
        if (!rest.includes('<!--app-->')) throw new Error('index.html has no module script to start after the first paint');
        return rest.replace(
          '<!--app-->',
          `    <script type="module" crossorigin src="/${bootFile}" data-app="${modules.join(' ')}"></script>\n`,
        );
      },
    },
  };
}

// `@/lib/…`: one way to reach shared code from any depth (features use relative paths only inside themselves).
const alias = { '@': fileURLToPath(new URL('./src', import.meta.url)) };

const PRERENDER_SLOT = /<!--prerender:start-->[\s\S]*<!--prerender:end-->/;

/**
 * ADR 028: after the build, renders the first screen of each path of `src/app/prerender.tsx` with
 * the app's own components (in Node, through Vite's SSR loader) and writes dist/index.html with it
 * in `#root` as dist/prerendered/<path>.html ("/" is index.html), which the API sends for exactly
 * that path. The page's heading then paints with the HTML and the stylesheet.
 */
function prerenderedPages(): Plugin {
  let outDir = '';
  let root = '';
  return {
    name: 'prongsai:prerendered-pages',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const template = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
      if (!PRERENDER_SLOT.test(template)) throw new Error('index.html has no <!--prerender:start-->…<!--prerender:end--> in #root');
      const server = await createServer({
        configFile: false,
        root,
        resolve: { alias },
        logLevel: 'error',
        appType: 'custom',
        server: { middlewareMode: true, hmr: false, ws: false },
        optimizeDeps: { noDiscovery: true, include: [] },
      });
      try {
        const prerender = (await server.ssrLoadModule('/src/app/prerender.tsx')) as typeof import('./src/app/prerender');
        const folder = path.join(outDir, 'prerendered');
        fs.rmSync(folder, { recursive: true, force: true });
        fs.mkdirSync(folder);
        for (const page of prerender.PRERENDERED_PATHS) {
          const html = template.replace(PRERENDER_SLOT, () => prerender.prerenderPath(page));
          fs.writeFileSync(path.join(folder, `${page === '/' ? 'index' : page.slice(1)}.html`), html);
        }
      } finally {
        await server.close();
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), bootAfterFirstPaint(), inlineEntryStylesheet(), prerenderedPages()],
  resolve: { alias },
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
