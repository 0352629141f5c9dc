import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { currentFiscalYear } from '../../packages/shared/src/index';
import { DEMO_ADMIN, DEMO_PASSWORD, ensureBuilt, login, reliabilityDir, startBuiltApi, type ApiProcess } from './api-process';

/**
 * The load test behind `pnpm loadtest`: the built API with its own embedded PostgreSQL and the demo
 * data, several agency editors made through the admin API, then a fixed request rate (autocannon's
 * overallRate) of 80% reads and 20% writes. It records errors, latency percentiles, and the API
 * process's resident memory (RSS) once a second.
 */

export interface LoadOptions {
  durationSeconds: number;
  rate: number;
  connections: number;
  editors: number;
  /** When RSS is first compared (seconds into the measured run); the end is the other point. */
  rssAtSeconds: number;
  warmupSeconds: number;
  log: (line: string) => void;
  keepData?: boolean;
  /** Write a CPU profile of the API (node --cpu-prof) into this folder. */
  profileDir?: string;
  /** Shorter runs at these rates first (same server, same mix), to show where latency turns. */
  sweep?: { rates: number[]; seconds: number };
}

export interface SweepStep {
  rate: number;
  achievedRate: number;
  errors: number;
  p50: number;
  p99: number;
}

export interface LoadResult {
  durationSeconds: number;
  rate: number;
  connections: number;
  editors: number;
  requests: number;
  achievedRate: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  statusCounts: Record<string, number>;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  rss: { atMb: number; atSeconds: number; endMb: number; growthPercent: number; samplesMb: number[] };
  mix: { reads: number; writes: number };
  node: string;
  startedAt: string;
  sweep: SweepStep[];
  /** SIGTERM after the run: did the API exit by itself, with code 0? */
  cleanShutdown: boolean;
  /** The machine's 1-minute load average when the measured run started (other work on a shared machine shows here). */
  loadAverage: number;
}

interface Slot {
  cookie: string;
  agencyId: string;
  planId: string;
  measureId: string;
  version: number;
}

interface Context {
  slot?: Slot;
  note?: number;
}

const rssMb = (pid: number): number => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
};

async function api(baseUrl: string, cookie: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { cookie, 'x-prongsai-csrf': '1', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status >= 400) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

/** Editors made through the admin API (one per demo agency), each with a draft plan of measures to write to. */
async function prepare(server: ApiProcess, editors: number, measuresPerEditor: number, log: (line: string) => void): Promise<Slot[]> {
  const admin = await login(server.baseUrl, DEMO_ADMIN, DEMO_PASSWORD);
  const agencies = (await api(server.baseUrl, admin, 'GET', '/agencies?pageSize=200')) as { items: { id: string; nameTh: string }[] };
  if (agencies.items.length < editors)
    throw new Error(`only ${agencies.items.length} agencies in the demo data; asked for ${editors} editors`);
  const slots: Slot[] = [];
  for (const [index, agency] of agencies.items.slice(0, editors).entries()) {
    const email = `load-editor-${index + 1}-${Date.now().toString(36)}@loadtest.example`;
    const password = `load-test-password-${index + 1}`;
    await api(server.baseUrl, admin, 'POST', '/users', {
      email,
      name: `ผู้ทดสอบโหลด ${index + 1}`,
      password,
      assignment: { role: 'agency_editor', agencyId: agency.id },
    });
    const cookie = await login(server.baseUrl, email, password);
    // Next fiscal year's plan: the demo seed never holds one (its plans follow the current year).
    const plan = (await api(server.baseUrl, cookie, 'POST', `/agencies/${agency.id}/plans/${currentFiscalYear() + 1}`, {
      introText: 'แผนสำหรับทดสอบโหลด',
    })) as {
      id: string;
    };
    for (let m = 0; m < measuresPerEditor; m += 1) {
      const measure = (await api(server.baseUrl, cookie, 'POST', `/plans/${plan.id}/measures`, {
        title: `มาตรการทดสอบโหลดที่ ${m + 1}`,
        actions: ['ประชุมชี้แจง', 'เผยแพร่ประกาศ'],
        evidence: [{ url: `https://example.go.th/load/${index}/${m}`, label: 'หลักฐาน' }],
      })) as { id: string; version: number };
      slots.push({ cookie, agencyId: agency.id, planId: plan.id, measureId: measure.id, version: measure.version });
    }
  }
  log(`prepared ${editors} editors (made through POST /api/v1/users) with ${slots.length} measures`);
  return slots;
}

type Req = Omit<autocannon.Request, 'onResponse'> & { onResponse?: (status: number, body: string, context: Context) => void };

/** One cycle per connection: 8 reads, 2 writes (80/20). Each connection owns one measure. */
function requestCycle(slots: Slot[]): Req[] {
  let next = 0;
  // Slots are shared objects: the version a connection tracks carries over from the warm-up to the run.
  const slotOf = (context: Context): Slot => (context.slot ??= slots[next++ % slots.length]!);
  const get = (path: (slot: Slot) => string, signedIn = true): Req => ({
    setupRequest: ((request: autocannon.Request, context: Context) => {
      const slot = slotOf(context);
      return { ...request, method: 'GET', path: path(slot), headers: signedIn ? { cookie: slot.cookie } : {}, body: undefined };
    }) as Req['setupRequest'],
  });
  const json = { 'content-type': 'application/json', 'x-prongsai-csrf': '1' };
  return [
    get(() => '/api/v1/public/summary', false),
    get((slot) => `/api/v1/plans/${slot.planId}`),
    get(() => '/api/v1/public/provinces/49?page=1&pageSize=20', false),
    get((slot) => `/api/v1/measures/${slot.measureId}`),
    {
      setupRequest: ((request: autocannon.Request, context: Context) => {
        const slot = slotOf(context);
        context.note = (context.note ?? 0) + 1;
        return {
          ...request,
          method: 'PATCH',
          path: `/api/v1/measures/${slot.measureId}`,
          headers: { ...json, cookie: slot.cookie },
          body: JSON.stringify({
            version: slot.version,
            summary: `สรุปผลครั้งที่ ${context.note}`,
            outcome: context.note % 2 ? 'in_progress' : 'completed',
          }),
        };
      }) as Req['setupRequest'],
      onResponse: (status, body, context) => {
        const parsed = JSON.parse(body) as { version?: number; error?: { current?: { version?: number } } };
        // A 409 (only after a timed-out write) re-syncs the version; it is still counted as an error.
        const version = status === 200 ? parsed.version : parsed.error?.current?.version;
        if (context.slot && typeof version === 'number') context.slot.version = version;
      },
    },
    get((slot) => `/api/v1/agencies/${slot.agencyId}/plans`),
    get((slot) => `/api/v1/public/agencies/${slot.agencyId}`, false),
    get(() => '/api/v1/auth/me'),
    {
      setupRequest: ((request: autocannon.Request, context: Context) => {
        const slot = slotOf(context);
        return {
          ...request,
          method: 'POST',
          path: `/api/v1/measures/${slot.measureId}/timeline`,
          headers: { ...json, cookie: slot.cookie },
          body: JSON.stringify({ note: 'บันทึกความคืบหน้าระหว่างทดสอบโหลด', occurredOn: '2026-01-15' }),
        };
      }) as Req['setupRequest'],
    },
    get((slot) => `/api/v1/measures/${slot.measureId}/timeline`),
  ];
}

function runAutocannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export async function runLoadTest(options: LoadOptions): Promise<LoadResult> {
  const { log } = options;
  ensureBuilt(log);
  const dataDir = reliabilityDir('loadtest');
  log(`starting the built API with its own PostgreSQL in ${dataDir} (first start seeds the demo data)`);
  // The public limit stays on, but out of reach: its counter write is part of every public request measured.
  const server = await startBuiltApi({
    dataDir,
    env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'warn' },
    nodeArgs: options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [],
  });
  try {
    const slots = await prepare(server, options.editors, Math.ceil(options.connections / options.editors), log);
    const requests = requestCycle(slots);
    const base = {
      url: server.baseUrl,
      connections: options.connections,
      overallRate: options.rate,
      timeout: 10,
      requests: requests as autocannon.Request[],
      initialContext: {},
    } as autocannon.Options;

    if (options.warmupSeconds > 0) {
      log(`warming up for ${options.warmupSeconds} s`);
      await runAutocannon({ ...base, requests: requestCycle(slots) as autocannon.Request[], duration: options.warmupSeconds });
      // Writes still in flight when the warm-up stopped were never seen: read each measure's version again.
      for (const slot of slots)
        slot.version = ((await api(server.baseUrl, slot.cookie, 'GET', `/measures/${slot.measureId}`)) as { version: number }).version;
    }

    const sweep: SweepStep[] = [];
    for (const rate of options.sweep?.rates ?? []) {
      log(`sweep: ${rate} req/s for ${options.sweep!.seconds} s`);
      const step = await runAutocannon({
        ...base,
        overallRate: rate,
        requests: requestCycle(slots) as autocannon.Request[],
        duration: options.sweep!.seconds,
      });
      sweep.push({
        rate,
        achievedRate: Math.round((step.requests.total / step.duration) * 10) / 10,
        errors: step.errors + step.non2xx,
        p50: step.latency.p50,
        p99: step.latency.p99,
      });
      for (const slot of slots)
        slot.version = ((await api(server.baseUrl, slot.cookie, 'GET', `/measures/${slot.measureId}`)) as { version: number }).version;
    }

    log(`measuring: ${options.rate} req/s for ${options.durationSeconds} s over ${options.connections} connections`);
    const loadAverage = Math.round(os.loadavg()[0]! * 100) / 100;
    const startedAt = new Date().toISOString();
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssMb(server.pid)), 1000);
    const statusCounts: Record<string, number> = {};
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ ...base, duration: options.durationSeconds }, (error, done) => (error ? reject(error) : resolve(done)));
      instance.on('response', (_client: unknown, statusCode: number) => {
        statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
      });
    });
    clearInterval(sampler);
    samples.push(rssMb(server.pid));

    // Stop right away, with requests of the last moment still in flight: shutdown must still finish.
    const shutdown = await server.stop(30_000);
    const at = samples[Math.min(samples.length - 1, Math.max(0, options.rssAtSeconds - 1))]!;
    const end = samples[samples.length - 1]!;
    return {
      durationSeconds: options.durationSeconds,
      rate: options.rate,
      connections: options.connections,
      editors: options.editors,
      requests: result.requests.total,
      achievedRate: Math.round((result.requests.total / result.duration) * 10) / 10,
      errors: result.errors + result.non2xx,
      non2xx: result.non2xx,
      timeouts: result.timeouts,
      statusCounts,
      latency: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
        mean: Math.round(result.latency.average * 10) / 10,
      },
      rss: {
        atMb: at,
        atSeconds: options.rssAtSeconds,
        endMb: end,
        growthPercent: Math.round(((end - at) / at) * 1000) / 10,
        samplesMb: samples,
      },
      mix: { reads: 80, writes: 20 },
      node: process.version,
      startedAt,
      loadAverage,
      cleanShutdown: shutdown.clean,
      sweep,
    };
  } finally {
    await server.stop();
    if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Share of the API's sampled CPU time per package (node --cpu-prof output), largest first. */
export function summariseProfile(dir: string, top = 8): { name: string; percent: number }[] {
  const file = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => path.join(dir, name))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (!file) return [];
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id)!;
    const delta = profile.timeDeltas[index] ?? 0;
    all += delta;
    const inModules = frame.url.split('/node_modules/').at(-1)!;
    const name = frame.url.startsWith('wasm://')
      ? '@prisma/client (WASM query compiler)'
      : frame.url.includes('/node_modules/')
        ? inModules.startsWith('@')
          ? inModules.split('/').slice(0, 2).join('/')
          : inModules.split('/')[0]!
        : frame.url
          ? path.basename(frame.url)
          : frame.functionName;
    totals.set(name, (totals.get(name) ?? 0) + delta);
  });
  return [...totals.entries()]
    .map(([name, time]) => ({ name, percent: Math.round((time / all) * 1000) / 10 }))
    .sort((a, b) => b.percent - a.percent)
    .slice(0, top);
}
