import type { ExportResult } from './export-run';
import type { ReadScenario, ScenarioResult } from './scenarios';

export interface TargetCheck {
  scenario: string;
  target: string;
  actual: string;
  met: boolean;
  /**
   * A latency target missed by the scenario's limit server too (the least any server does for the
   * same answer, measured in the same run): the issue's clause for targets this machine cannot meet.
   */
  limitMissesToo?: boolean;
}

const RSS_LIMIT_MB = 300;

/** The issue's targets (national data set, concurrency 16), each with what was measured. */
export function checkTargets(reads: ReadScenario[], results: ScenarioResult[], exported: ExportResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const byId = new Map(results.map((result) => [result.id, result]));
  for (const scenario of reads) {
    const result = byId.get(scenario.id)!;
    checks.push(latency(scenario.id, `p95 ≤ ${scenario.p95TargetMs} ms`, result, scenario.p95TargetMs));
    checks.push(check(scenario.id, 'p50 ≤ 2 × limit', `${result.ratio!.p50} ×`, result.ratio!.p50 <= 2));
  }
  const update = byId.get('6')!;
  checks.push(latency('6', 'p95 ≤ 50 ms', update, 50));
  const slowest = Math.max(...exported.runs.map((run) => run.seconds));
  checks.push(check('7', 'whole-country CSV ≤ 30 s', `${slowest} s`, slowest <= 30 && exported.runs.every((run) => run.status === 200)));
  checks.push(check('7', `streams: API peak RSS < ${RSS_LIMIT_MB} MB`, `${exported.peakRssMb} MB`, exported.peakRssMb < RSS_LIMIT_MB));
  const report = byId.get('8')!;
  checks.push(latency('8', 'p95 ≤ 500 ms at concurrency 16', report, 500));
  const single = byId.get('8b');
  if (single) checks.push(latency('8b', 'p95 ≤ 500 ms one at a time', single, 500));
  const readRss = Math.max(...reads.map((scenario) => byId.get(scenario.id)!.api.peakRssMb));
  checks.push(check('1–5', `API peak RSS under read load ≤ ${RSS_LIMIT_MB} MB`, `${readRss} MB`, readRss <= RSS_LIMIT_MB));
  return checks;
}

const check = (scenario: string, target: string, actual: string, met: boolean): TargetCheck => ({ scenario, target, actual, met });

/**
 * A latency target, which a run that got no response at all does not meet; with the limit's p95
 * beside it where the scenario has a limit server.
 */
function latency(scenario: string, target: string, result: Pick<ScenarioResult, 'api' | 'limit'>, limitMs: number): TargetCheck {
  const { api, limit } = result;
  if (api.requests === 0) return check(scenario, target, 'no response within the run', false);
  const met = api.p95 <= limitMs;
  if (!limit) return check(scenario, target, `${api.p95} ms`, met);
  const measured = check(scenario, target, `${api.p95} ms (limit ${limit.p95} ms)`, met);
  return met ? measured : { ...measured, limitMissesToo: limit.p95 > limitMs };
}

const status = (entry: TargetCheck) => (entry.met ? 'met' : entry.limitMissesToo ? 'missed, by its limit too' : 'MISSED');

const cell = (value: string | number, width: number) => String(value).padStart(width);

/** The printed table: API figures, then the limit's and the ratios where there is a limit. */
export function formatTable(results: ScenarioResult[], exported: ExportResult): string {
  const header = `${'#'.padEnd(3)} ${'scenario'.padEnd(44)} ${cell('c', 2)} ${cell('p50', 7)} ${cell('p95', 7)} ${cell('p99', 7)} ${cell('req/s', 7)} ${cell('err', 5)} ${cell('RSS', 5)} ${cell('oth%', 4)} │ ${cell('lim p50', 7)} ${cell('lim r/s', 7)} ${cell('p50 ×', 6)} ${cell('r/s ×', 6)}`;
  const lines = [header, '─'.repeat(header.length)];
  for (const result of results) {
    const api = result.api;
    const limit = result.limit;
    const left = `${result.id.padEnd(3)} ${result.name.slice(0, 44).padEnd(44)} ${cell(result.concurrency, 2)} ${cell(api.p50, 7)} ${cell(api.p95, 7)} ${cell(api.p99, 7)} ${cell(api.requestsPerSecond, 7)} ${cell(api.errors, 5)} ${cell(api.peakRssMb, 5)} ${cell(api.foreignCpuPercent, 4)}`;
    const right = limit
      ? `${cell(limit.p50, 7)} ${cell(limit.requestsPerSecond, 7)} ${cell(result.ratio!.p50, 6)} ${cell(result.ratio!.throughput, 6)}`
      : '';
    lines.push(`${left} │ ${right}`);
  }
  for (const [index, run] of exported.runs.entries()) {
    lines.push(
      `${'7'.padEnd(3)} ${`CSV export, run ${index + 1}: ${run.megabytes} MB, ${run.rows.toLocaleString('en')} rows`.padEnd(44)} ${cell(1, 2)} ${cell(`${run.seconds} s`, 23)} ${cell(`first byte ${run.firstByteMs} ms`, 21)} ${cell(exported.peakRssMb, 5)} ${cell(exported.foreignCpuPercent, 4)} │`,
    );
  }
  lines.push(
    'latencies in ms; RSS = API peak resident memory (MB); oth% = CPU share other processes took meanwhile; c = connections; limit = one SQL query + JSON.stringify',
  );
  return lines.join('\n');
}

export function formatTargets(checks: TargetCheck[]): string {
  return checks
    .map((entry) => `${entry.scenario.padEnd(4)} ${entry.target.padEnd(34)} ${entry.actual.padEnd(26)} ${status(entry)}`)
    .join('\n');
}

/** The same figures as a Markdown table (docs/performance.md quotes it). */
export function formatMarkdown(results: ScenarioResult[], exported: ExportResult, checks: TargetCheck[]): string {
  const rows = [
    '| # | scenario | c | p50 ms | p95 ms | p99 ms | req/s | errors | API RSS MB | other CPU % | limit p50 ms | limit req/s | p50 API/limit | req/s API/limit |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const result of results) {
    const { api, limit } = result;
    const limitCells = limit
      ? [limit.p50, limit.requestsPerSecond, `${result.ratio!.p50} ×`, `${result.ratio!.throughput} ×`]
      : ['', '', '', ''];
    rows.push(
      `| ${result.id} | ${result.name} | ${result.concurrency} | ${api.p50} | ${api.p95} | ${api.p99} | ${api.requestsPerSecond} | ${api.errors} | ${api.peakRssMb} | ${Math.max(api.foreignCpuPercent, limit?.foreignCpuPercent ?? 0)} | ${limitCells.join(' | ')} |`,
    );
  }
  for (const run of exported.runs) {
    rows.push(
      `| 7 | ${exported.name}: ${run.megabytes} MB, ${run.rows.toLocaleString('en')} records, first byte ${run.firstByteMs} ms | 1 | ${run.seconds} s total | | | | ${run.status === 200 ? 0 : 1} | ${exported.peakRssMb} | ${exported.foreignCpuPercent} | | | | |`,
    );
  }
  const targets = [
    '| # | target | measured | |',
    '| --- | --- | --- | --- |',
    ...checks.map(
      (c) =>
        `| ${c.scenario} | ${c.target} | ${c.actual} | ${c.met ? 'met' : c.limitMissesToo ? 'missed, by its limit too' : '**missed**'} |`,
    ),
  ];
  return `${rows.join('\n')}\n\n${targets.join('\n')}\n`;
}
