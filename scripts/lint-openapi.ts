/**
 * `pnpm lint:openapi`: generate the OpenAPI document from the route registry (as the API serves it at
 * /api/v1/openapi.json) and lint it with Redocly's recommended rules; any error OR warning fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// The API's Express request augmentation (req.actor…), for type-checking the app imported below.
import type {} from '../apps/api/src/http/express';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.DATABASE_URL ??= 'postgresql://localhost/unused'; // nothing connects: the document is static
const { createApp } = await import('../apps/api/src/app');
const { openApiDocument } = await import('../apps/api/src/http/openapi');
createApp(); // registers every route
const file = path.join(root, '.tmp', 'openapi.json');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));

const result = spawnSync('pnpm', ['exec', 'redocly', 'lint', file, '--extends=recommended', '--format=json'], {
  cwd: root,
  encoding: 'utf8',
});
const report = JSON.parse(result.stdout || '{}') as {
  totals?: { errors: number; warnings: number };
  problems?: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
};
if (!report.totals) {
  process.stderr.write(`redocly lint did not report:\n${result.stdout}\n${result.stderr}\n`);
  process.exit(1);
}
for (const problem of report.problems ?? []) {
  process.stderr.write(`${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer ?? '?'}\n`);
}
const { errors, warnings } = report.totals;
process.stdout.write(`OpenAPI lint (redocly recommended): ${errors} errors, ${warnings} warnings\n`);
process.exit(errors + warnings > 0 ? 1 : 0);
