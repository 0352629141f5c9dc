// tsx scripts/bench/explain.ts [--quick]: every SQL statement the API runs for one request of each
// read scenario (and the update), with its EXPLAIN ANALYZE plan, captured by PostgreSQL's
// auto_explain on the embedded bench cluster. Writes bench/explain/<scenario>.txt.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findFreePort, repoRoot } from '@prongsai/db-tools';
import { DEMO_PASSWORD } from '../../apps/api/src/db/seed';
import { openDatabase, withClient } from '../national/database';
import { loadFixtures } from './fixtures';
import { CSRF_HEADERS, login, request } from './http';
import { startApi, startLimit, type Server } from './processes';
import { readScenarios } from './scenarios';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const captured: string[] = [];
const database = await openDatabase(
  values.quick,
  (line) => process.stdout.write(`${line}\n`),
  (line) => captured.push(line),
);
if (!database.embedded) throw new Error('explain needs the embedded bench cluster (its server log): unset DATABASE_URL');
const outDir = path.join(repoRoot(), 'bench', 'explain');
fs.mkdirSync(outDir, { recursive: true });
const ident = `"${database.name}"`;
const SETTINGS = {
  session_preload_libraries: "'auto_explain'",
  'auto_explain.log_min_duration': '0',
  'auto_explain.log_analyze': 'on',
  'auto_explain.log_buffers': 'on',
  'auto_explain.log_timing': 'on',
};
const servers: Server[] = [];
try {
  await withClient(database.url, async (client) => {
    for (const [name, value] of Object.entries(SETTINGS)) await client.query(`ALTER DATABASE ${ident} SET ${name} = ${value}`);
  });
  const fixtures = await withClient(database.url, (client) => loadFixtures(client, 1));
  const api = await startApi(await findFreePort(), database.url);
  servers.push(api);
  const limit = await startLimit(await findFreePort(), database.url);
  servers.push(limit);
  const sessions = {
    admin: await login(api.baseUrl, 'admin@prongsai.example', DEMO_PASSWORD),
    reviewer: await login(api.baseUrl, fixtures.reviewerEmail, DEMO_PASSWORD),
    editor: await login(api.baseUrl, fixtures.agency.editorEmail, DEMO_PASSWORD),
  };
  const capture = async (name: string, send: () => Promise<unknown>) => {
    await send();
    await new Promise((resolve) => setTimeout(resolve, 300));
    captured.length = 0;
    const started = performance.now();
    await send();
    const ms = Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const statements = captured.filter((line) => line.includes('plan:')).length;
    const durations = captured
      .map((line) => /duration: ([\d.]+) ms\s+plan:/.exec(line)?.[1])
      .filter(Boolean)
      .map(Number);
    const total = Math.round(durations.reduce((sum, value) => sum + value, 0) * 10) / 10;
    const header = `${name}\nrequest ${ms} ms (with auto_explain overhead), ${statements} SQL statements, ${total} ms inside PostgreSQL\n\n`;
    fs.writeFileSync(path.join(outDir, `${name}.txt`), header + captured.join('\n') + '\n');
    process.stdout.write(`${name}: ${statements} statements, ${total} ms in PostgreSQL, request ${ms} ms\n`);
  };
  for (const scenario of readScenarios(fixtures)) {
    const headers: Record<string, string> = scenario.as === 'anonymous' ? {} : { cookie: sessions[scenario.as] };
    await capture(`scenario-${scenario.id}-api`, () => request(`${api.baseUrl}${scenario.path}`, { headers }));
    await capture(`scenario-${scenario.id}-limit`, () => request(`${limit.baseUrl}${scenario.limitPath}`));
  }
  const measure = (await withClient(database.url, (client) => loadFixtures(client, 2))).measures;
  let round = 0;
  await capture('scenario-6-api', async () => {
    const target = measure[round++ % measure.length]!;
    const current = JSON.parse(
      (await request(`${api.baseUrl}/api/v1/measures/${target.id}`, { headers: { cookie: sessions.admin } })).body,
    ) as { version: number };
    captured.length = 0;
    return request(`${api.baseUrl}/api/v1/measures/${target.id}`, {
      method: 'PATCH',
      headers: { cookie: sessions.admin, 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify({ version: current.version, summary: 'ปรับปรุงสรุปผล (explain)' }),
    });
  });
  await capture('scenario-7-export-first-batch', () =>
    request(`${api.baseUrl}/api/v1/public/exports/measures.csv?provinceId=${fixtures.province.id}`),
  );
} finally {
  for (const server of servers.reverse()) await server.stop();
  await withClient(database.url, async (client) => {
    for (const name of Object.keys(SETTINGS)) await client.query(`ALTER DATABASE ${ident} RESET ${name}`);
  });
  await database.stop();
}
