import type pg from 'pg';
import { DEMO_AGENCIES } from '../../apps/api/src/db/seed-data/demo-agencies';
import { COPY_TRUTH_TABLE, type CopyVariant } from './copies';

/**
 * Precision and recall of the copy detector against the truth the generator planted (copies.ts):
 * a measure is flagged when its plan carries `COPIED_FROM_OTHER_AGENCY` for it (what editors and
 * reviewers see); it is a true positive when the generator made it by copying another agency's result
 * and summary. Templates (the legitimate class) and the sources of copies must stay unflagged. The
 * demo agencies' plans (seeded before the generator runs, all from one list of generic measures, so
 * genuinely identical to each other) are outside the truth and left out.
 */
export interface CopyDetectorAccuracy {
  plans: number;
  planted: number;
  flagged: number;
  truePositives: number;
  precision: number;
  recall: number;
  recallByVariant: Record<CopyVariant, { planted: number; found: number }>;
  /** Up to five flagged measures that were not planted (to read when precision drops). */
  falsePositives: string[];
  seconds: number;
}

export type WarningsOf = (plan: { id: string; fiscalYear: number }) => Promise<{ code: string; sequence?: number | null }[]>;

/**
 * `sample`: read only that many plans, chosen at random (the national data set has 38,000; every plan
 * costs one detector answer); precision and recall are then those of the sampled plans' measures.
 */
export async function measureCopyDetector(
  client: pg.ClientBase,
  warningsOf: WarningsOf,
  options: { sample?: number | null } = {},
): Promise<CopyDetectorAccuracy> {
  const started = Date.now();
  const { rows: plans } = await client.query<{ id: string; fiscalYear: number }>(
    `SELECT p.id, p."fiscalYear" FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId"
     WHERE a.code IS NULL OR NOT (a.code = ANY($1::text[])) ORDER BY md5(p.id::text) LIMIT $2`,
    [DEMO_AGENCIES.map((agency) => agency.code), options.sample ?? null],
  );
  const planIds = plans.map((plan) => plan.id);
  const { rows: measures } = await client.query<{ id: string; planId: string; sequence: number }>(
    'SELECT id, "planId", sequence FROM "Measure" WHERE "deletedAt" IS NULL AND "planId" = ANY($1::uuid[])',
    [planIds],
  );
  const { rows: truth } = await client.query<{ measureId: string; variant: CopyVariant }>(
    `SELECT t."measureId", t.variant FROM "${COPY_TRUTH_TABLE}" t JOIN "Measure" m ON m.id = t."measureId" AND m."deletedAt" IS NULL
     JOIN "Measure" s ON s.id = t."sourceMeasureId" AND s."deletedAt" IS NULL WHERE m."planId" = ANY($1::uuid[])`,
    [planIds],
  );
  const idOf = new Map(measures.map((measure) => [`${measure.planId}:${measure.sequence}`, measure.id]));
  const flagged = new Set<string>();
  for (const plan of plans) {
    for (const warning of await warningsOf(plan)) {
      if (warning.code !== 'COPIED_FROM_OTHER_AGENCY' || warning.sequence == null) continue;
      const id = idOf.get(`${plan.id}:${warning.sequence}`);
      if (id) flagged.add(id);
    }
  }
  const planted = new Map(truth.map((row) => [row.measureId, row.variant]));
  const truePositives = [...flagged].filter((id) => planted.has(id)).length;
  const recallByVariant: CopyDetectorAccuracy['recallByVariant'] = {
    verbatim: { planted: 0, found: 0 },
    renamed: { planted: 0, found: 0 },
  };
  for (const [id, variant] of planted) {
    recallByVariant[variant].planted += 1;
    if (flagged.has(id)) recallByVariant[variant].found += 1;
  }
  return {
    plans: plans.length,
    planted: planted.size,
    flagged: flagged.size,
    truePositives,
    precision: flagged.size === 0 ? 1 : truePositives / flagged.size,
    recall: planted.size === 0 ? 1 : truePositives / planted.size,
    recallByVariant,
    falsePositives: [...flagged].filter((id) => !planted.has(id)).slice(0, 5),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
