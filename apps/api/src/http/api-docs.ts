import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

/**
 * /api/docs: the OpenAPI document rendered by Swagger UI (swagger-ui-dist, a maintained renderer),
 * its files served from our own origin under our CSP (script-src 'self'; styles inline are already
 * allowed app-wide): no CDN, works offline. The page text is in the document's description
 * (sign-in, CSRF, errors and their codes). ADR 012.
 */
const require = createRequire(import.meta.url);
const SWAGGER_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const SWAGGER_FILES = new Set(['swagger-ui-bundle.js', 'swagger-ui.css', 'favicon-32x32.png']);

/** init.js sits beside this file in the sources and is copied beside main.js by build.mjs. */
function initScript(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, 'api-docs', 'init.js'), path.join(here, 'api-docs-init.js')]) {
    if (fs.existsSync(candidate)) return fs.readFileSync(candidate, 'utf8');
  }
  throw new Error('api-docs init.js not found');
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Prongsai API reference</title>
<link rel="icon" href="/api/docs/assets/favicon-32x32.png">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<noscript><p>This page needs JavaScript. The document itself: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p></noscript>
<div id="api-reference"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

export const docsRouter = Router();
let init: string | undefined;

docsRouter.get('/docs', (_req, res) => {
  res.setHeader('Cache-Control', 'no-cache');
  res.type('html').send(PAGE);
});
docsRouter.get('/docs/init.js', (_req, res) => {
  init ??= initScript();
  res.setHeader('Cache-Control', 'no-cache');
  res.type('text/javascript').send(init);
});
docsRouter.use(
  '/docs/assets',
  (req, res, next) => (SWAGGER_FILES.has(req.path.slice(1)) ? next() : res.status(404).end()),
  express.static(SWAGGER_DIR, { index: false, maxAge: '1d', fallthrough: false }),
);
