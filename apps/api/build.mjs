// Bundles the API (and the workspace packages it imports as TypeScript source) into dist/.
// npm dependencies stay external and are loaded from node_modules at run time.
import { build } from 'esbuild';
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }).filter((name) => !name.startsWith('@prongsai/'));
const dbTools = JSON.parse(fs.readFileSync(new URL('../../packages/db-tools/package.json', import.meta.url), 'utf8'));
external.push(...Object.keys({ ...dbTools.dependencies, ...dbTools.optionalDependencies }), '@prisma/client', '@prisma/client/*');

await build({
  // worker: `pnpm worker`, the e-mail worker as its own process (ADR 010).
  // parse-worker: the import parsers' worker thread (modules/reports/import/parse-pool.ts finds it beside main.js).
  entryPoints: {
    main: 'src/main.ts',
    cli: 'src/cli.ts',
    worker: 'src/worker.ts',
    'parse-worker': 'src/modules/reports/import/parse-worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external,
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
// The API reference page's start-up script (http/api-docs.ts), served as a file.
fs.copyFileSync(new URL('./src/http/api-docs/init.js', import.meta.url), new URL('./dist/api-docs-init.js', import.meta.url));
console.log('api built to apps/api/dist');
