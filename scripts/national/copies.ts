import pg from 'pg';
import type { Prng } from './prng';
import type { TableSpec } from './bulk-insert';

/**
 * The copy detector's known truth (ADR 014). Half of the completed measures carry a result and summary
 * of the agency's own (the template's words plus what this agency did: its name, dates, numbers,
 * sometimes its website); those become copy sources. Now and then an agency copies another agency's
 * own result and summary word for word, from a plan of the previous fiscal year or one submitted
 * before its own plan was started: either as it was (the source's name and website left in) or with
 * the source's name and website replaced by its own. Every such copy is recorded in
 * `_national_copy_truth`; templates shared by everyone are the legitimate class.
 */
export interface CopySource {
  measureId: string;
  agencyId: string;
  agencyNameTh: string;
  website: string;
  fiscalYear: number;
  /** When the source's plan was submitted (ms), or null while it is a draft (never copied then). */
  submittedAt: number;
  resultText: string;
  summary: string;
}

export type CopyVariant = 'verbatim' | 'renamed';

export interface CopyTruthRow {
  measureId: string;
  sourceMeasureId: string;
  variant: CopyVariant;
}

/** Share of completed measures that copy another agency's result and summary. */
export const COPY_RATE = 0.02;
/** Share of completed measures written in the agency's own words (the rest keep the template's). */
export const OWN_WORDS_RATE = 0.5;
const POOL_SIZE = 4_000;

/** Recent own-words texts by fiscal year, nationwide: what later agencies may copy. */
export class CopyPool {
  private readonly byYear = new Map<number, CopySource[]>();
  private readonly next = new Map<number, number>();

  add(source: CopySource): void {
    const pool = this.byYear.get(source.fiscalYear) ?? [];
    const at = this.next.get(source.fiscalYear) ?? 0;
    pool[at % POOL_SIZE] = source;
    this.byYear.set(source.fiscalYear, pool);
    this.next.set(source.fiscalYear, at + 1);
  }

  /** Another agency's source from the previous fiscal year, or from this year submitted before `startedAt`; null if none found. */
  pick(prng: Prng, fiscalYear: number, startedAt: number, agencyId: string): CopySource | null {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const year = prng.chance(0.5) ? fiscalYear - 1 : fiscalYear;
      const pool = this.byYear.get(year);
      if (!pool || pool.length === 0) continue;
      const source = pool[prng.int(0, pool.length - 1)]!;
      if (source.agencyId === agencyId) continue;
      if (year < fiscalYear || source.submittedAt < startedAt) return source;
    }
    return null;
  }
}

export const COPY_TRUTH_TABLE = '_national_copy_truth';

export const COPY_TRUTH: TableSpec<CopyTruthRow> = {
  table: COPY_TRUTH_TABLE,
  columns: [
    { name: 'measureId', type: 'uuid', value: (r) => r.measureId },
    { name: 'sourceMeasureId', type: 'uuid', value: (r) => r.sourceMeasureId },
    { name: 'variant', type: 'text', value: (r) => r.variant },
  ],
};

export const CREATE_COPY_TRUTH = `CREATE TABLE IF NOT EXISTS "${COPY_TRUTH_TABLE}" ("measureId" uuid PRIMARY KEY, "sourceMeasureId" uuid NOT NULL, variant text NOT NULL)`;

/**
 * The copy detector's index from nothing (ADR 014), for data loaded with triggers off: the measures are
 * split by id into `parts` filled on as many connections at once, then the two lookup indexes are built
 * (one per connection). Returns the rows written.
 */
export async function rebuildFingerprintIndex(connect: () => Promise<pg.Client>, parts = 2): Promise<number> {
  const clients = await Promise.all(Array.from({ length: parts }, connect));
  try {
    await clients[0]!.query(
      'TRUNCATE "MeasureFingerprint"; DROP INDEX IF EXISTS "MeasureFingerprint_hash_fiscalYear_agencyId_provinceId_idx"; DROP INDEX IF EXISTS "MeasureFingerprint_planId_idx"',
    );
    const written = await Promise.all(
      clients.map((client, part) =>
        client.query<{ written: number }>('SELECT prongsai_rebuild_fingerprints_part($1, $2)::int AS written', [part, parts]),
      ),
    );
    const indexes = [
      'CREATE INDEX "MeasureFingerprint_hash_fiscalYear_agencyId_provinceId_idx" ON "MeasureFingerprint"("hash", "fiscalYear", "agencyId", "provinceId")',
      'CREATE INDEX "MeasureFingerprint_planId_idx" ON "MeasureFingerprint"("planId")',
    ];
    await Promise.all(indexes.map((statement, index) => clients[index % clients.length]!.query(statement)));
    // VACUUM sets the visibility map, so the detector's reads are index-only from the start.
    await clients[0]!.query('VACUUM (ANALYZE) "MeasureFingerprint"');
    return written.reduce((sum, result) => sum + result.rows[0]!.written, 0);
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}
