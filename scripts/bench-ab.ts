// pnpm bench:ab <other checkout> [--quick] [--rounds N] [--duration S]: this checkout's built API
// against another checkout's built API (say, `git worktree add ../base <commit>` built there), on
// the same bench database, in alternating rounds of the signed-in read scenarios (3–5). Alternating
// spreads whatever else the machine does over both, so a difference of a few ms is ours, not noise.
import { parseArgs } from 'node:util';
import { findFreePort, repoRoot } from '@prongsai/db-tools';
import { DEMO_PASSWORD } from '../apps/api/src/db/seed';
import { loadFixtures } from './bench/fixtures';
import { login } from './bench/http';
import { runLoad } from './bench/load';
import { ensureApiBuilt, startApi, type Server } from './bench/processes';
import { readScenarios } from './bench/scenarios';
import { openDatabase, withClient } from './national/database';
import { ensureNationalData } from './national/generate';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '4' },
    duration: { type: 'string', default: '5' },
  },
});
const other = positionals[0];
if (!other) throw new Error('usage: pnpm bench:ab <other checkout with apps/api/dist built> [--quick]');
const log = (line: string) => process.stdout.write(`${line}\n`);
const quick = values.quick;

const database = await openDatabase(quick, log);
const servers: Server[] = [];
try {
  await ensureNationalData(database, { seed: 1, scale: quick ? 0.05 : 1, reset: false, log });
  const fixtures = await withClient(database.url, (client) => loadFixtures(client, quick ? 2_000 : 20_000));
  ensureApiBuilt(log);
  const apis = {
    this: await startApi(await findFreePort(), database.url),
    other: await startApi(await findFreePort(), database.url, other),
  };
  servers.push(apis.this, apis.other);
  const scenarios = readScenarios(fixtures).filter((scenario) => scenario.as !== 'anonymous');
  const results: Record<string, Record<'this' | 'other', { p50: number[]; p95: number[] }>> = {};
  for (let round = 1; round <= Number(values.rounds); round++) {
    for (const name of round % 2 ? (['this', 'other'] as const) : (['other', 'this'] as const)) {
      const api = apis[name];
      const sessions = {
        admin: await login(api.baseUrl, 'admin@prongsai.example', DEMO_PASSWORD),
        reviewer: await login(api.baseUrl, fixtures.reviewerEmail, DEMO_PASSWORD),
        editor: await login(api.baseUrl, fixtures.agency.editorEmail, DEMO_PASSWORD),
      };
      for (const scenario of scenarios) {
        const options = {
          url: `${api.baseUrl}${scenario.path}`,
          connections: 16,
          headers: { cookie: sessions[scenario.as as keyof typeof sessions] },
        };
        await runLoad({ ...options, durationSeconds: 1 });
        const stats = await runLoad({ ...options, durationSeconds: Number(values.duration) });
        if (stats.errors) throw new Error(`${name} ${scenario.id}: ${JSON.stringify(stats.statusCodes)}`);
        const entry = ((results[scenario.id] ??= { this: { p50: [], p95: [] }, other: { p50: [], p95: [] } })[name] ??= {
          p50: [],
          p95: [],
        });
        entry.p50.push(stats.p50);
        entry.p95.push(stats.p95);
        log(`round ${round} ${name.padEnd(5)} scenario ${scenario.id}: p50 ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms`);
      }
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  log(`\n| scenario | ${repoRoot()} p50 / p95 ms | ${other} p50 / p95 ms |\n| --- | --- | --- |`);
  for (const scenario of scenarios) {
    const { this: mine, other: theirs } = results[scenario.id]!;
    log(
      `| ${scenario.id} ${scenario.name} | ${median(mine.p50).toFixed(1)} / ${median(mine.p95).toFixed(1)} | ${median(theirs.p50).toFixed(1)} / ${median(theirs.p95).toFixed(1)} |`,
    );
  }
} finally {
  for (const server of servers) await server.stop();
  await database.stop();
}
