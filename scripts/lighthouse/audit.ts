import lighthouse, { desktopConfig, generateReport, type Result } from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type FormFactor = 'mobile' | 'desktop';

/** Lighthouse's metric audits, in the order the report shows them (ms except CLS). */
const METRICS = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  siMs: 'speed-index',
} as const;
export type Metrics = Record<keyof typeof METRICS, number>;

export interface FailingAudit {
  id: string;
  category: Category;
  score: number;
  displayValue?: string;
}

export interface Run {
  /** 0–100, as the report shows them. */
  scores: Record<Category, number>;
  metrics: Metrics;
  failing: FailingAudit[];
  /** Lighthouse's measure of this machine's speed (simulated throttling scales with it). */
  benchmarkIndex: number;
  lighthouseVersion: string;
  lhr: Result;
}

/** Attempts per measurement when Lighthouse reports a runtime error. */
const MAX_ATTEMPTS = 3;

/** Audit modes that pass or fail; the others (informative, manual, not applicable) never do. */
const SCORED_MODES = new Set(['binary', 'numeric', 'metricSavings']);

/**
 * One Lighthouse navigation of `url` in the already running Chromium: the default (mobile,
 * simulated slow 4G and 4× CPU slowdown) or the desktop configuration.
 */
export async function runLighthouse(url: string, port: number, formFactor: FormFactor, log: (line: string) => void): Promise<Run> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await lighthouse(
      url,
      { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const error = result.lhr.runtimeError;
    if (!error) return summariseRun(result.lhr, `${url} (${formFactor})`);
    // Lighthouse's own advice for these (e.g. NO_NAVSTART, a trace it failed to record) is to run again.
    if (attempt === MAX_ATTEMPTS) throw new Error(`Lighthouse could not measure ${url} (${formFactor}): ${error.code} ${error.message}`);
    log(`  ${error.code} on ${url} (${formFactor}): running again`);
  }
}

function summariseRun(lhr: Result, what: string): Run {
  const scores = Object.fromEntries(
    CATEGORIES.map((category) => {
      const score = lhr.categories[category]?.score;
      if (score === null || score === undefined) throw new Error(`no ${category} score for ${what}`);
      return [category, Math.round(score * 100)];
    }),
  ) as Record<Category, number>;
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([key, id]) => {
      const value = lhr.audits[id]?.numericValue;
      if (value === undefined) throw new Error(`no ${id} for ${what}`);
      return [key, key === 'cls' ? Math.round(value * 1000) / 1000 : Math.round(value)];
    }),
  ) as Metrics;
  const failing = CATEGORIES.flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? []).flatMap((ref): FailingAudit[] => {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 0.9 || !SCORED_MODES.has(audit.scoreDisplayMode)) return [];
      return [{ id: ref.id, category, score: audit.score, ...(audit.displayValue ? { displayValue: audit.displayValue } : {}) }];
    }),
  );
  return {
    scores,
    metrics,
    failing,
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    lighthouseVersion: lhr.lighthouseVersion,
    lhr,
  };
}

export const reportHtml = (run: Run): string => generateReport(run.lhr, 'html');

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Each score and metric's median over the runs (each on its own, as Lighthouse's docs advise for variance). */
export function summarise(runs: Run[]) {
  const scores = Object.fromEntries(CATEGORIES.map((category) => [category, median(runs.map((run) => run.scores[category]))])) as Record<
    Category,
    number
  >;
  const metrics = Object.fromEntries(
    (Object.keys(METRICS) as (keyof Metrics)[]).map((key) => [key, median(runs.map((run) => run.metrics[key]))]),
  ) as Metrics;
  const failed = new Map<string, FailingAudit & { runs: number }>();
  for (const audit of runs.flatMap((run) => run.failing)) {
    const key = `${audit.category}/${audit.id}`;
    const seen = failed.get(key);
    failed.set(key, { ...audit, runs: (seen?.runs ?? 0) + 1 });
  }
  return {
    scores,
    metrics,
    /** Audits that failed in at least one run, with how many runs they failed in. */
    failingAudits: [...failed.values()].map(({ id, category, runs: count, displayValue }) => ({
      id,
      category,
      failedRuns: count,
      ...(displayValue ? { displayValue } : {}),
    })),
  };
}

/** The run whose performance score is the median one: its HTML report is kept for reading. */
export function medianRun(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
