// pnpm bench [--quick] [--seed N]: the national data set (generated or reused), the built API and
// the limit server side by side under autocannon; writes bench/results.json (docs/performance.md).
import { spawnSync } from 'node:child_process';
import { findFreePort, postgresSettings, repoRoot } from '@prongsai/db-tools';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import * as prettier from 'prettier';
import { DEMO_PASSWORD } from '../apps/api/src/db/seed';
import { ForeignCpu, postmasterPid } from './bench/cpu';
import { runExportScenario } from './bench/export-run';
import { loadFixtures, type Fixtures } from './bench/fixtures';
import { login } from './bench/http';
import { ensureApiBuilt, startApi, startLimit, type Server } from './bench/processes';
import { checkTargets, formatMarkdown, formatTable, formatTargets } from './bench/report';
import {
  assertAnswers,
  readScenarios,
  runReadScenario,
  runReportScenario,
  runUpdateScenario,
  updateCursor,
  type ScenarioResult,
  type Sessions,
  type Timing,
} from './bench/scenarios';
import { measureSimilarity } from './bench/similarity';
import { measureWebBundle } from './bench/web-bundle';
import { openDatabase, withClient, type BenchDatabase } from './national/database';
import { ensureNationalData } from './national/generate';
import { summariseDataset } from './national/summary';

const CONNECTIONS = 16;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string' },
    'wait-quiet': { type: 'string' },
    /** Only the copy detector's measurements (issue 18), written to bench/similarity(.quick).json. */
    'similarity-only': { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const log = (line: string) => process.stdout.write(`${line}\n`);
const started = Date.now();

const database = await openDatabase(quick, log);
const foreign = new ForeignCpu(() => [process.pid, ...(database.embedded ? [postmasterPid(database.embedded.dataDir) ?? -1] : [])]);
const timing: Timing = {
  connections: CONNECTIONS,
  durationSeconds: Number(values.duration ?? (quick ? 2 : 10)),
  warmupSeconds: quick ? 0.5 : 2,
  foreign,
};
const servers: Server[] = [];
try {
  const data = await ensureNationalData(database, { seed: Number(values.seed), scale: quick ? 0.05 : 1, reset: false, log });
  const dataset = await withClient(database.url, summariseDataset);
  if (values['similarity-only']) {
    const similarity = await measureSimilarity(database.url, { quick, log });
    const file = path.join(repoRoot(), 'bench', quick ? 'similarity.quick.json' : 'similarity.json');
    const output = { generatedAt: new Date().toISOString(), mode: quick ? 'quick' : 'full', dataset: data.marker, similarity };
    await writeFormatted(file, JSON.stringify(output, null, 2));
    log(`wrote ${path.relative(repoRoot(), file)}`);
    await database.stop();
    process.exit(0);
  }
  const fixtures = await withClient(database.url, (client) => loadFixtures(client, quick ? 2_000 : 20_000));
  ensureApiBuilt(log);
  const build = describeBuild();
  // Free ports: a fixed one collides with whatever else runs on the machine (CI runs this too).
  const api = await startApi(await findFreePort(), database.url);
  servers.push(api);
  const limit = await startLimit(await findFreePort(), database.url);
  servers.push(limit);
  log(
    `API (pid ${api.pid}) on ${api.baseUrl}, limit (pid ${limit.pid}) on ${limit.baseUrl}; ${timing.durationSeconds} s per scenario at ${CONNECTIONS} connections`,
  );

  const sessions = await signIn(api, fixtures);
  await waitForQuiet(Number(values['wait-quiet'] ?? (quick ? 0 : 900)));
  const reads = readScenarios(fixtures);
  for (const scenario of reads) {
    await assertAnswers(
      `${api.baseUrl}${scenario.path}`,
      scenario.as === 'anonymous' ? {} : { cookie: sessions[scenario.as] },
      `scenario ${scenario.id}`,
    );
    await assertAnswers(`${limit.baseUrl}${scenario.limitPath}`, {}, `limit of scenario ${scenario.id}`);
  }

  const results: ScenarioResult[] = [];
  for (const scenario of reads) {
    log(`scenario ${scenario.id}: ${scenario.name}`);
    results.push(await steady(() => runReadScenario(scenario, { api, limit }, sessions, timing), busiest));
  }
  log('scenario 6: measure updates');
  const cursor = updateCursor(fixtures);
  const settle = () => withClient(database.url, vacuumWrittenTables);
  results.push(await steady(() => runUpdateScenario({ api, limit }, sessions, fixtures, cursor, timing, settle), busiest));
  log('scenario 8: .docx report');
  results.push(await steady(() => runReportScenario(api, sessions, fixtures, timing, CONNECTIONS), busiest));
  results.push(await steady(() => runReportScenario(api, sessions, fixtures, timing, 1), busiest));
  log('scenario 7: whole-country CSV export');
  const exported = await steady(
    () => runExportScenario(api, 1, foreign),
    (result) => result.foreignCpuPercent,
  );
  await stopAll(servers);
  log('copy detector (issue 18)');
  const similarity = await measureSimilarity(database.url, { quick, log });

  const targets = checkTargets(reads, results, exported);
  const output = {
    generatedAt: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: await describeMachine(database),
    api: build,
    dataset: { ...data.marker, reused: data.reused, ...dataset },
    fixtures: { ...fixtures, measures: fixtures.measures.length },
    timing: { ...timing, foreign: undefined },
    scenarios: results,
    export: exported,
    similarity,
    targets,
    webBundle: measureWebBundle(),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  const file = path.join(repoRoot(), 'bench', quick ? 'results.quick.json' : 'results.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await writeFormatted(file, JSON.stringify(output, null, 2));
  await writeFormatted(file.replace(/\.json$/, '.md'), formatMarkdown(results, exported, targets));
  log(
    `\n${formatTable(results, exported)}\n\ntargets${quick ? ' (quick data set: indicative only, never fails the run)' : ''}:\n${formatTargets(targets)}`,
  );
  if (output.webBundle)
    log(
      `web: initial JS ${output.webBundle.initialGzipKb} kB gzip (${output.webBundle.initialJs.length} files), all JS ${output.webBundle.allJsGzipKb} kB`,
    );
  log(`\nwrote ${path.relative(repoRoot(), file)} in ${output.seconds} s`);
} finally {
  await stopAll(servers);
  await database.stop();
}

/** Results are committed: write them as `pnpm format:check` expects. */
async function writeFormatted(file: string, text: string): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
}

/** The larger share of CPU other processes took while the API or the limit was measured. */
function busiest(result: ScenarioResult): number {
  return Math.max(result.api.foreignCpuPercent, result.limit?.foreignCpuPercent ?? 0);
}

/**
 * Measure again (full runs only, at most twice, after waiting for a quiet machine) when other
 * processes took over a quarter of the CPU meanwhile; keep the least disturbed measurement.
 */
async function steady<T>(run: () => Promise<T>, disturbance: (result: T) => number): Promise<T> {
  let best = await run();
  for (let attempt = 0; attempt < (quick ? 0 : 2) && disturbance(best) > 25; attempt += 1) {
    log(`  other processes took ${disturbance(best)}% of the CPU meanwhile: measuring again once the machine is quiet`);
    await waitForQuiet(300);
    const again = await run();
    if (disturbance(again) < disturbance(best)) best = again;
  }
  return best;
}

/**
 * On a shared machine, wait (up to `seconds`) until other processes use under 15% of the CPU for
 * 10 s running; a run that starts busy still runs, and every result says how busy it was.
 */
/** The tables a measure save writes, vacuumed and analysed (scenario 6 starts each of its runs from here). */
async function vacuumWrittenTables(client: pg.Client): Promise<void> {
  await client.query('VACUUM (ANALYZE) "Measure", "Plan", "AuditLog", "MeasureFingerprint", "TimelineEntry"');
}

async function waitForQuiet(seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const sample = foreign.start();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const busy = sample.stop();
    if (busy < 15) return;
    log(
      `other processes are using ${busy}% of the CPU: waiting for a quiet machine (${Math.round((deadline - Date.now()) / 1000)} s left)`,
    );
  }
}

async function signIn(api: Server, fixtures: Fixtures): Promise<Sessions> {
  return {
    admin: await login(api.baseUrl, 'admin@prongsai.example', DEMO_PASSWORD),
    reviewer: await login(api.baseUrl, fixtures.reviewerEmail, DEMO_PASSWORD),
    editor: await login(api.baseUrl, fixtures.agency.editorEmail, DEMO_PASSWORD),
  };
}

async function stopAll(running: Server[]): Promise<void> {
  for (const server of running.splice(0).reverse()) await server.stop();
}

/** Which API was measured: the bundle's build time and the commit the tree was at (others edit it too). */
function describeBuild() {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot(), encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', 'apps/api', 'packages'], { cwd: repoRoot(), encoding: 'utf8' });
  return {
    builtAt: fs.statSync(path.join(repoRoot(), 'apps', 'api', 'dist', 'main.js')).mtime.toISOString(),
    commit: git.stdout.trim(),
    uncommittedApiChanges: dirty.stdout.trim().split('\n').filter(Boolean).length,
  };
}

async function describeMachine(database: BenchDatabase) {
  // The settings the server runs with, as it reports them (deploy/postgres/tuning.conf's for the embedded one, ADR 035).
  const { postgres, settings } = await withClient(database.url, async (client) => ({
    postgres: (await client.query<{ version: string }>('SELECT version()')).rows[0]!.version,
    settings: Object.fromEntries(
      (
        await client.query<{ name: string; setting: string }>(
          'SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY($1::text[]) ORDER BY name',
          [Object.keys(postgresSettings())],
        )
      ).rows.map((row) => [row.name, row.setting]),
    ),
  }));
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    postgres: postgres.split(' on ')[0],
    database: database.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL',
    postgresSettings: settings,
    loadAverageAtEnd: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}
