import os from 'node:os';
import type autocannon from 'autocannon';
import type { ForeignCpu } from './cpu';
import type { Fixtures } from './fixtures';
import { CSRF_HEADERS, request } from './http';
import { runLoad, type LatencyStats } from './load';
import type { Server } from './processes';
import { sampleRss } from './rss';

export type Role = 'anonymous' | 'reviewer' | 'editor' | 'admin';
export type Sessions = Record<Exclude<Role, 'anonymous'>, string>;

export interface Timing {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Measures how much CPU something other than the benchmark took meanwhile. */
  foreign: ForeignCpu;
}

export interface ReadScenario {
  id: string;
  name: string;
  path: string;
  as: Role;
  limitPath: string;
  /** The p95 target in ms. */
  p95TargetMs: number;
}

/** A measurement, with the share of the machine's CPU (%) that other processes took during it. */
export type Measured = LatencyStats & { peakRssMb: number; foreignCpuPercent: number };

export interface ScenarioResult {
  id: string;
  name: string;
  request: string;
  as: Role;
  concurrency: number;
  api: Measured;
  limit?: Measured;
  /** API ÷ limit: p50 latency (lower is better, target ≤ 2) and throughput. */
  ratio?: { p50: number; throughput: number };
  /** 1-minute load average when the scenario started: above ~2 on this 2-core machine, something else was running. */
  loadAverage: number;
}

export function readScenarios(fixtures: Fixtures): ReadScenario[] {
  const province = fixtures.province.id;
  const q = encodeURIComponent(fixtures.search.q);
  return [
    { id: '1', name: 'public national summary', path: '/api/v1/public/summary', as: 'anonymous', limitPath: '/summary', p95TargetMs: 20 },
    {
      id: '2',
      name: `public province page (${fixtures.province.nameEn}, ${fixtures.province.agencies} agencies)`,
      path: `/api/v1/public/provinces/${province}`,
      as: 'anonymous',
      limitPath: `/province/${province}`,
      p95TargetMs: 20,
    },
    {
      id: '3',
      name: 'reviewer province overview (SAOs by completion)',
      path: `/api/v1/review/provinces/${province}/overview?fiscalYear=${fixtures.plan.fiscalYear}&sort=completion&order=desc&type=sao`,
      as: 'reviewer',
      limitPath: `/overview/${province}?fiscalYear=${fixtures.plan.fiscalYear}&type=sao`,
      p95TargetMs: 50,
    },
    {
      id: '4',
      name: `one agency's plan of FY${fixtures.plan.fiscalYear} (${fixtures.plan.measures} measures, as its editor)`,
      path: `/api/v1/agencies/${fixtures.agency.id}/plans/${fixtures.plan.fiscalYear}`,
      as: 'editor',
      limitPath: `/plan/${fixtures.agency.id}/${fixtures.plan.fiscalYear}`,
      p95TargetMs: 20,
    },
    {
      id: '5',
      name: `Thai substring search "${fixtures.search.q}" (${fixtures.search.matches} matches, as admin)`,
      path: `/api/v1/agencies?q=${q}&pageSize=20`,
      as: 'admin',
      limitPath: `/search?q=${q}`,
      p95TargetMs: 50,
    },
    ...AGENCY_SEARCHES.map((search): ReadScenario => ({
      id: search.id,
      name: `${search.label} "${search.q}"${search.path === 'public' ? ' (national public search)' : ' (as admin)'}`,
      path: `${search.path === 'public' ? '/api/v1/public/agencies' : '/api/v1/agencies'}?q=${encodeURIComponent(search.q)}&pageSize=20`,
      as: search.path === 'public' ? 'anonymous' : 'admin',
      // The least a server could do: the plain substring query of the name's main word.
      limitPath: `/search?q=${encodeURIComponent(search.word)}`,
      p95TargetMs: 50,
    })),
  ];
}

/**
 * Scenario 5's searches as officials type them (issue 15): an abbreviation glued to the name, a
 * type and a word, words in reverse order with a dotted abbreviation, and the national public search.
 */
export const AGENCY_SEARCHES: { id: string; label: string; q: string; word: string; path: 'agencies' | 'public' }[] = [
  { id: '5b', label: 'abbreviation', q: 'อบต.บางทรายน้อย', word: 'บางทรายน้อย', path: 'agencies' },
  { id: '5c', label: 'type and word', q: 'เทศบาล หนองบัว', word: 'หนองบัว', path: 'agencies' },
  { id: '5d', label: 'words in any order', q: 'น้อย บางทราย อ.บ.ต.', word: 'บางทราย', path: 'agencies' },
  { id: '5e', label: 'abbreviation', q: 'ทต. หนองบัว', word: 'หนองบัว', path: 'public' },
];

const headersFor = (role: Role, sessions: Sessions): Record<string, string> => (role === 'anonymous' ? {} : { cookie: sessions[role] });

/** One request first: a scenario that does not answer 2xx is a broken harness, not a slow API. */
export async function assertAnswers(url: string, headers: Record<string, string>, label: string): Promise<void> {
  const reply = await request(url, { headers });
  if (reply.status < 200 || reply.status >= 300) throw new Error(`${label}: ${url} answered ${reply.status}: ${reply.body.slice(0, 300)}`);
}

/** Warm up (JIT, caches, pool), then measure under load while sampling the server's RSS every 100 ms. */
async function measure(server: Server, options: Parameters<typeof runLoad>[0], timing: Timing): Promise<Measured> {
  await runLoad({ ...options, durationSeconds: timing.warmupSeconds });
  const rss = sampleRss(server.pid);
  const foreign = timing.foreign.start();
  const stats = await runLoad(options);
  return { ...stats, peakRssMb: rss.stop(), foreignCpuPercent: foreign.stop() };
}

export async function runReadScenario(
  scenario: ReadScenario,
  servers: { api: Server; limit: Server },
  sessions: Sessions,
  timing: Timing,
): Promise<ScenarioResult> {
  const loadAverage = os.loadavg()[0]!;
  const load = { connections: timing.connections, durationSeconds: timing.durationSeconds };
  const api = await measure(
    servers.api,
    { ...load, url: `${servers.api.baseUrl}${scenario.path}`, headers: headersFor(scenario.as, sessions) },
    timing,
  );
  const limit = await measure(servers.limit, { ...load, url: `${servers.limit.baseUrl}${scenario.limitPath}` }, timing);
  return {
    id: scenario.id,
    name: scenario.name,
    request: `GET ${scenario.path}`,
    as: scenario.as,
    concurrency: timing.connections,
    api,
    limit,
    ratio: { p50: ratio(api.p50, limit.p50), throughput: ratio(api.requestsPerSecond, limit.requestsPerSecond) },
    loadAverage,
  };
}

/** Which measure the next PATCH takes, and the version the API last answered for each (kept across re-runs). */
export interface UpdateCursor {
  next: number;
  versions: Map<string, number>;
}

export const updateCursor = (fixtures: Fixtures): UpdateCursor => ({
  next: 0,
  versions: new Map(fixtures.measures.map((measure) => [measure.id, measure.version])),
});

/**
 * The saves of scenario 6: each request takes the next measure of a long list (no two in flight on
 * the same one), sends the version last answered for it and remembers the version answered now.
 */
function saveRequests(fixtures: Fixtures, cursor: UpdateCursor, pathOf: (measureId: string) => string): autocannon.Request[] {
  return [
    {
      method: 'PATCH',
      setupRequest: (req) => {
        const measure = fixtures.measures[cursor.next % fixtures.measures.length]!;
        cursor.next += 1;
        const body = { version: cursor.versions.get(measure.id), summary: `ปรับปรุงสรุปผลการดำเนินการ (bench ${cursor.next})` };
        return { ...req, path: pathOf(measure.id), body: JSON.stringify(body) };
      },
      onResponse: (status, body) => {
        if (status !== 200) return;
        const updated = JSON.parse(body) as { id: string; version: number };
        cursor.versions.set(updated.id, updated.version);
      },
    },
  ];
}

/**
 * PATCH /measures/:id with the version last read, as admin; then the limit's save of the same
 * rows (one statement, no session, no checks) on the same list, so the two share one cursor.
 *
 * Each of the two runs starts right after `settle()` (the caller's `VACUUM (ANALYZE)` of the tables a
 * save writes): the saves of earlier runs cross autovacuum's thresholds now and then, and a vacuum of the
 * 700,000-row audit log or an analyze of "Measure" landing inside one 10-second run halved that run's
 * saves per second (docs/performance.md, tenth session). Both runs start from the same state instead.
 */
export async function runUpdateScenario(
  servers: { api: Server; limit: Server },
  sessions: Sessions,
  fixtures: Fixtures,
  cursor: UpdateCursor,
  timing: Timing,
  settle: () => Promise<void>,
): Promise<ScenarioResult> {
  const loadAverage = os.loadavg()[0]!;
  const load = { connections: timing.connections, durationSeconds: timing.durationSeconds };
  const json = { 'content-type': 'application/json' };
  await settle();
  const api = await measure(
    servers.api,
    {
      ...load,
      url: servers.api.baseUrl,
      headers: { cookie: sessions.admin, ...json, ...CSRF_HEADERS },
      requests: saveRequests(fixtures, cursor, (id) => `/api/v1/measures/${id}`),
    },
    timing,
  );
  await settle();
  const limit = await measure(
    servers.limit,
    { ...load, url: servers.limit.baseUrl, headers: json, requests: saveRequests(fixtures, cursor, (id) => `/measure/${id}`) },
    timing,
  );
  return {
    id: '6',
    name: `measure update with its version (${fixtures.measures.length} measures of draft/returned plans, as admin)`,
    request: 'PATCH /api/v1/measures/:id',
    as: 'admin',
    concurrency: timing.connections,
    api,
    limit,
    ratio: { p50: ratio(api.p50, limit.p50), throughput: ratio(api.requestsPerSecond, limit.requestsPerSecond) },
    loadAverage,
  };
}

export async function runReportScenario(
  api: Server,
  sessions: Sessions,
  fixtures: Fixtures,
  timing: Timing,
  connections: number,
): Promise<ScenarioResult> {
  const loadAverage = os.loadavg()[0]!;
  const path = `/api/v1/plans/${fixtures.plan.id}/report.docx`;
  const stats = await measure(
    api,
    { url: `${api.baseUrl}${path}`, connections, durationSeconds: timing.durationSeconds, headers: { cookie: sessions.editor } },
    timing,
  );
  return {
    id: connections === 1 ? '8b' : '8',
    name: `.docx report of one plan (${fixtures.plan.measures} measures, as its editor${connections === 1 ? ', one at a time' : ''})`,
    request: `GET ${path.replace(fixtures.plan.id, ':planId')}`,
    as: 'editor',
    concurrency: connections,
    api: stats,
    loadAverage,
  };
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 100) / 100);
