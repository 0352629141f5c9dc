// The JavaScript a first visit to a page downloads, from the built app (run `pnpm build` first):
// the boot script and the app's modules it preloads (data-app) from dist/index.html, plus the page's lazily loaded
// chunk (dist/assets/<page>-<hash>.js; none for a page the router imports eagerly) and everything
// those import statically, gzip-compressed.
//
//   node scripts/initial-js.mjs public-national [public-province …]
//
// The public pages must stay at or under BUDGET_KB (see README.md). Exits 1 when one does not.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_KB = 150;
const dist = new URL('../dist/', import.meta.url);
const html = fs.readFileSync(new URL('index.html', dist), 'utf8');
const assets = fs.readdirSync(new URL('assets/', dist));

/** Chunks a chunk imports statically (`import … from "./x.js"` / `import "./x.js"`), not `import()`. */
function staticImports(file) {
  const code = fs.readFileSync(new URL(`assets/${file}`, dist), 'utf8');
  const found = new Set();
  for (const match of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([\w.-]+\.js)["']/g)) found.add(match[1]);
  return [...found];
}

function closure(start) {
  const seen = new Set();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return seen;
}

// The boot script, and the app's modules it preloads after the first paint (its data-app list, ADR 028).
const entry = [
  ...[...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((match) => match[1]),
  ...(html.match(/data-app="([^"]+)"/)?.[1].split(' ') ?? []).map((file) => file.replace(/^\/assets\//, '')),
];
const gzipKb = (file) => zlib.gzipSync(fs.readFileSync(new URL(`assets/${file}`, dist)), { level: 9 }).length / 1024;

let failed = false;
for (const page of process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['public-national']) {
  const chunk = assets.find((name) => name.startsWith(`${page}-`) && name.endsWith('.js') && /^[\w-]+-[\w-]{8}\.js$/.test(name));
  // A page the router imports eagerly (the national dashboard) has no chunk: it ships with the entry.
  const eager = !chunk && fs.existsSync(new URL(`../src/app/routes/${page}.tsx`, import.meta.url));
  if (!chunk && !eager) {
    console.error(`no chunk named ${page}-<hash>.js in ${path.join('dist', 'assets')}, and no page src/app/routes/${page}.tsx`);
    process.exit(2);
  }
  const files = [...closure(chunk ? [...entry, chunk] : entry)].sort((a, b) => gzipKb(b) - gzipKb(a));
  const total = files.reduce((sum, file) => sum + gzipKb(file), 0);
  const over = page.startsWith('public-') && total > BUDGET_KB;
  failed ||= over;
  console.log(
    `${page}${eager ? ' (in the entry)' : ''}: ${files.length} files, ${total.toFixed(1)} KB gzip${page.startsWith('public-') ? ` (budget ${BUDGET_KB} KB)` : ''}${over ? '  OVER BUDGET' : ''}`,
  );
  for (const file of files) console.log(`  ${gzipKb(file).toFixed(1).padStart(6)}  ${file}`);
}
process.exit(failed ? 1 : 0);
