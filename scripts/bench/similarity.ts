import pg from 'pg';
import { measureCopyDetector, type CopyDetectorAccuracy } from '../national/copy-accuracy';
import { rebuildFingerprintIndex } from '../national/copies';

/**
 * The copy detector at scale (issue 18, ADR 014), measured straight on the database and through the
 * API's service functions (no HTTP):
 * - the index built from nothing (`rebuildFingerprintIndex`, two connections);
 * - what keeping it current adds to a measure save: the same one-row UPDATE of a text column (the
 *   trigger runs) and of a column the trigger ignores, each rolled back, p50/p95 and the difference;
 * - the similar-measures answer for one plan (`getSimilarMeasures`' query and grouping) over random plans;
 * - precision and recall against the generator's planted copies (all plans, or a random sample at full scale).
 */
export interface SimilarityBench {
  fingerprints: number;
  rebuildSeconds: number;
  save: { withTriggerP50Ms: number; withTriggerP95Ms: number; withoutTriggerP50Ms: number; withoutTriggerP95Ms: number; samples: number };
  answer: { p50Ms: number; p95Ms: number; maxMs: number; plans: number };
  /** What the staff plan page adds for `COPIED_FROM_OTHER_AGENCY` (results and summaries only). */
  planPageWarnings: { p50Ms: number; p95Ms: number; plans: number };
  accuracy: CopyDetectorAccuracy & { sampledPlans: number | null };
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
};

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function timeSaves(client: pg.Client, ids: string[], statement: string): Promise<number[]> {
  const times: number[] = [];
  for (const id of ids) {
    await client.query('BEGIN');
    const started = process.hrtime.bigint();
    await client.query(statement, [id]);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    await client.query('ROLLBACK');
  }
  return times;
}

export async function measureSimilarity(url: string, options: { quick: boolean; log: (line: string) => void }): Promise<SimilarityBench> {
  const { log } = options;
  const rebuildStarted = Date.now();
  const fingerprints = await rebuildFingerprintIndex(() => connect(url));
  const rebuildSeconds = Math.round((Date.now() - rebuildStarted) / 100) / 10;
  log(`copy detector: index from nothing, ${fingerprints.toLocaleString('en')} fingerprints in ${rebuildSeconds} s`);

  const client = await connect(url);
  try {
    const samples = options.quick ? 200 : 1_000;
    const { rows: measures } = await client.query<{ id: string }>(
      `SELECT id FROM "Measure" WHERE "deletedAt" IS NULL AND "resultText" IS NOT NULL ORDER BY md5(id::text) LIMIT $1`,
      [samples],
    );
    const ids = measures.map((row) => row.id);
    await timeSaves(client, ids.slice(0, 20), `UPDATE "Measure" SET summary = coalesce(summary, '') || ' ' WHERE id = $1`); // warm-up
    const withTrigger = await timeSaves(client, ids, `UPDATE "Measure" SET summary = coalesce(summary, '') || ' ' WHERE id = $1`);
    const withoutTrigger = await timeSaves(
      client,
      ids,
      `UPDATE "Measure" SET responsible = coalesce(responsible, '') || ' ' WHERE id = $1`,
    );
    const save = {
      withTriggerP50Ms: percentile(withTrigger, 50),
      withTriggerP95Ms: percentile(withTrigger, 95),
      withoutTriggerP50Ms: percentile(withoutTrigger, 50),
      withoutTriggerP95Ms: percentile(withoutTrigger, 95),
      samples: ids.length,
    };
    log(
      `copy detector: a text save p95 ${save.withTriggerP95Ms} ms with the trigger, ${save.withoutTriggerP95Ms} ms for a column it ignores (${ids.length} saves, rolled back)`,
    );

    process.env.DATABASE_URL = url;
    const { rootDb } = await import('../../apps/api/src/lib/db');
    const { copyWarnings, similarMeasuresForBench } = await import('../../apps/api/src/modules/similarity/similarity.service');
    const { disconnectPrisma } = await import('../../apps/api/src/lib/prisma');
    try {
      const { rows: plans } = await client.query<{ id: string; fiscalYear: number }>(
        `SELECT id, "fiscalYear" FROM "Plan" ORDER BY md5(id::text) LIMIT $1`,
        [options.quick ? 300 : 1_000],
      );
      for (const plan of plans.slice(0, 20)) await similarMeasuresForBench(rootDb(), plan); // warm-up
      const times: number[] = [];
      for (const plan of plans) {
        const started = process.hrtime.bigint();
        await similarMeasuresForBench(rootDb(), plan);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      const answer = { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: percentile(times, 100), plans: plans.length };
      log(`copy detector: similar measures of one plan p50 ${answer.p50Ms} ms, p95 ${answer.p95Ms} ms (${plans.length} plans)`);
      const warningTimes: number[] = [];
      for (const plan of plans) {
        const started = process.hrtime.bigint();
        await copyWarnings(rootDb(), plan);
        warningTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      const planPageWarnings = { p50Ms: percentile(warningTimes, 50), p95Ms: percentile(warningTimes, 95), plans: plans.length };
      log(`copy detector: the plan page's warnings p50 ${planPageWarnings.p50Ms} ms, p95 ${planPageWarnings.p95Ms} ms`);

      const sample = options.quick ? null : 4_000;
      const accuracy = await measureCopyDetector(client, (plan) => copyWarnings(rootDb(), plan), { sample });
      log(
        `copy detector: precision ${accuracy.precision.toFixed(3)}, recall ${accuracy.recall.toFixed(3)} (${accuracy.truePositives}/${accuracy.flagged} flagged, ${accuracy.planted} planted, ${accuracy.plans} plans)`,
      );
      return { fingerprints, rebuildSeconds, save, answer, planPageWarnings, accuracy: { ...accuracy, sampledPlans: sample } };
    } finally {
      await disconnectPrisma();
    }
  } finally {
    await client.end();
  }
}
