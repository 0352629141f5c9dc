import pg from 'pg';
import { buildAgencies, type ExistingAgency, type GeneratedAgency } from './agencies';
import { createEditors, createReviewers } from './accounts';
import { bulkInsert } from './bulk-insert';
import {
  countAgencies,
  markerMatches,
  migrate,
  readMarker,
  recreateDatabase,
  withClient,
  writeMarker,
  DATASET_VERSION,
  type BenchDatabase,
  type DatasetMarker,
} from './database';
import { buildDistricts, planProvinces, type Province } from './geography';
import { COPY_TRUTH, CopyPool, CREATE_COPY_TRUTH, rebuildFingerprintIndex } from './copies';
import { buildHistory, type AgencyHistory } from './history';
import { AGENCIES, COMMENTS, DISTRICTS, EVIDENCE, INDICATORS, ITA_RESULTS, MEASURES, PLANS, TIMELINE } from './tables';
import { WarningCounter } from './warnings';

export type Log = (line: string) => void;

export interface NationalOptions {
  seed: number;
  /** 1 = the national data set, 0.05 = --quick. */
  scale: number;
  /** Drop and recreate a database that holds something else. */
  reset: boolean;
  log: Log;
}

export interface NationalData {
  reused: boolean;
  marker: DatasetMarker;
}

/** Agencies whose histories are built and inserted together; the next batch is built while one loads. */
const AGENCIES_PER_BATCH = 200;
/** Provinces that get a bench reviewer and a bench agency with an editor. */
const LARGE_PROVINCES = { full: 10, quick: 3 };
/** At most this many agencies of the demo data: a database holding only those may be filled. */
const DEMO_AGENCY_COUNT = 10;

/** Reuse the data set when the database already holds it (same seed, scale and generator version); else load it. */
export async function ensureNationalData(database: BenchDatabase, options: NationalOptions): Promise<NationalData> {
  const { marker, agencies } = await withClient(database.url, async (client) => ({
    marker: await readMarker(client),
    agencies: await countAgencies(client),
  }));
  if (!options.reset && markerMatches(marker, options.seed, options.scale)) {
    options.log(
      `database ${database.name} already holds the data set (seed ${marker!.seed}, scale ${marker!.scale}, loaded ${marker!.loadedAt}): reusing it`,
    );
    return { reused: true, marker: marker! };
  }
  if (agencies > DEMO_AGENCY_COUNT || options.reset) {
    if (!options.reset && !database.embedded) {
      throw new Error(
        `${database.name} already holds ${agencies} agencies that are not this data set. ` +
          'Run with --reset to drop and recreate that database, or point DATABASE_URL at an empty one.',
      );
    }
    options.log(`dropping and recreating database ${database.name}`);
    await recreateDatabase(database);
  }
  await migrate(database.url, options.log);
  return { reused: false, marker: await generateNationalData(database.url, options) };
}

async function generateNationalData(url: string, options: NationalOptions): Promise<DatasetMarker> {
  const started = Date.now();
  const log: Log = (line) => options.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${line}`);
  const { passwordHash } = await seedDemoData(url, log);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await tuneLoadingSession(client, log);
    const { loadThaiGeography } = await import('../../apps/api/src/db/seed-data/geography');
    const districts = buildDistricts(await loadThaiGeography());
    await bulkInsert(client, DISTRICTS, districts);
    const agencies = buildAgencies(planProvinces(districts, options.scale), options.seed, await loadExistingAgencies(client));
    const inserted = await bulkInsert(
      client,
      AGENCIES,
      agencies.filter((agency) => !agency.existing).map((agency) => agency.row),
    );
    log(`${districts.length} districts, ${agencies.length} agencies (${inserted} new, ${agencies.length - inserted} from the demo data)`);
    const large = largestProvinces(agencies, options.scale >= 1 ? LARGE_PROVINCES.full : LARGE_PROVINCES.quick);
    const reviewers = await createReviewers(client, large, passwordHash, options.seed);
    await client.query(CREATE_COPY_TRUTH);
    await loadHistories(client, agencies, {
      seed: options.seed,
      reviewers,
      planned: await loadExistingPlanYears(client),
      copies: new CopyPool(),
      log,
    });
    const indexStarted = Date.now();
    const fingerprints = await rebuildFingerprintIndex(async () => {
      const part = new pg.Client({ connectionString: url });
      await part.connect();
      return part;
    });
    log(`copy detector index: ${fingerprints.toLocaleString('en')} fingerprints in ${((Date.now() - indexStarted) / 1000).toFixed(1)} s`);
    const benchAgencies = await chooseBenchAgencies(client, large);
    await createEditors(client, benchAgencies, passwordHash, options.seed);
    log(`${large.length} bench reviewers and ${benchAgencies.length} bench editors; ANALYZE`);
    await client.query('ANALYZE');
    const marker: DatasetMarker = {
      kind: 'prongsai-national',
      version: DATASET_VERSION,
      seed: options.seed,
      scale: options.scale,
      loadedAt: new Date().toISOString(),
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    await writeMarker(client, marker);
    log(`done in ${marker.seconds} s`);
    return marker;
  } finally {
    await client.end();
  }
}

/** The demo agencies and accounts first, through the API's own seed (so `pnpm start` logins work here too). */
async function seedDemoData(url: string, log: Log): Promise<{ passwordHash: string }> {
  process.env.DATABASE_URL = url;
  const { seedDemo, DEMO_PASSWORD } = await import('../../apps/api/src/db/seed');
  const { getPrisma, disconnectPrisma } = await import('../../apps/api/src/lib/prisma');
  const { hashPassword } = await import('../../apps/api/src/lib/passwords');
  try {
    await seedDemo(getPrisma(), log);
  } finally {
    await disconnectPrisma();
  }
  return { passwordHash: await hashPassword(DEMO_PASSWORD) };
}

/**
 * Loading only: commits need not wait for the disk, and as a superuser the foreign-key triggers are
 * skipped (the generator writes parents before children and its ids are consistent by construction).
 */
async function tuneLoadingSession(client: pg.Client, log: Log): Promise<void> {
  await client.query('SET synchronous_commit = off');
  try {
    await client.query('SET session_replication_role = replica');
  } catch {
    log('not a superuser: foreign keys are checked row by row (slower load)');
  }
}

async function loadExistingAgencies(client: pg.Client): Promise<Map<string, ExistingAgency>> {
  const { rows } = await client.query<ExistingAgency>(
    `SELECT id, code, type, "municipalityClass", "nameTh", "nameEn", "provinceId", "districtId", website FROM "Agency" WHERE code IS NOT NULL`,
  );
  return new Map(rows.map((row) => [row.code, row]));
}

async function loadExistingPlanYears(client: pg.Client): Promise<Map<string, Set<number>>> {
  const { rows } = await client.query<{ agencyId: string; fiscalYear: number }>('SELECT "agencyId", "fiscalYear" FROM "Plan"');
  const years = new Map<string, Set<number>>();
  for (const row of rows) years.set(row.agencyId, (years.get(row.agencyId) ?? new Set()).add(row.fiscalYear));
  return years;
}

function largestProvinces(agencies: GeneratedAgency[], count: number): Province[] {
  const sizes = new Map<number, { province: Province; size: number }>();
  for (const agency of agencies) {
    const entry = sizes.get(agency.province.id) ?? { province: agency.province, size: 0 };
    entry.size += 1;
    sizes.set(agency.province.id, entry);
  }
  return [...sizes.values()]
    .sort((a, b) => b.size - a.size || a.province.id - b.province.id)
    .slice(0, count)
    .map((entry) => entry.province);
}

interface HistoryContext {
  seed: number;
  copies: CopyPool;
  reviewers: Map<number, string>;
  planned: Map<string, Set<number>>;
  log: Log;
}

/** Parents before children: the database takes each batch table by table in this order. */
const LOADERS: [name: string, load: (client: pg.Client, batch: AgencyHistory) => Promise<number>][] = [
  ['plans', (client, batch) => bulkInsert(client, PLANS, batch.plans)],
  ['measures', (client, batch) => bulkInsert(client, MEASURES, batch.measures)],
  ['indicators', (client, batch) => bulkInsert(client, INDICATORS, batch.indicators)],
  ['evidence', (client, batch) => bulkInsert(client, EVIDENCE, batch.evidence)],
  ['timeline', (client, batch) => bulkInsert(client, TIMELINE, batch.timeline)],
  ['comments', (client, batch) => bulkInsert(client, COMMENTS, batch.comments)],
  ['ita', (client, batch) => bulkInsert(client, ITA_RESULTS, batch.ita)],
  ['planted copies', (client, batch) => bulkInsert(client, COPY_TRUTH, batch.copies)],
];

/**
 * Build histories batch by batch: while PostgreSQL loads batch k, a worker thread runs the quality
 * checks of batch k+1 and the main thread builds batch k+2.
 */
async function loadHistories(client: pg.Client, agencies: GeneratedAgency[], context: HistoryContext): Promise<void> {
  const totals = new Map<string, number>(LOADERS.map(([name]) => [name, 0]));
  const warnings = new WarningCounter();
  let pending: Promise<void> = Promise.resolve();
  let reported = 0;
  try {
    for (let start = 0; start < agencies.length; start += AGENCIES_PER_BATCH) {
      const batch = buildBatch(agencies.slice(start, start + AGENCIES_PER_BATCH), context);
      const checked = warnings.apply(batch.checks);
      const done = Math.min(start + AGENCIES_PER_BATCH, agencies.length);
      const previous = pending;
      pending = Promise.all([previous, checked])
        .then(() => insertBatch(client, batch, totals))
        .then(() => {
          if (done / agencies.length - reported < 0.1 && done < agencies.length) return;
          reported = done / agencies.length;
          const counts = [...totals].map(([name, count]) => `${name} ${count.toLocaleString('en')}`).join(' · ');
          context.log(`${String(Math.round(reported * 100)).padStart(3)}% of agencies · ${counts}`);
        });
      // Keep at most one batch waiting behind the one loading: memory stays flat.
      await previous;
    }
    await pending;
  } finally {
    await warnings.close();
  }
}

function buildBatch(agencies: GeneratedAgency[], context: HistoryContext): AgencyHistory {
  const batch: AgencyHistory = {
    plans: [],
    measures: [],
    indicators: [],
    evidence: [],
    timeline: [],
    comments: [],
    ita: [],
    checks: [],
    copies: [],
  };
  for (const agency of agencies) {
    const history = buildHistory(
      agency,
      context.seed,
      context.planned.get(agency.row.id) ?? new Set(),
      context.reviewers.get(agency.row.provinceId) ?? null,
      context.copies,
    );
    for (const key of Object.keys(batch) as (keyof AgencyHistory)[]) (batch[key] as unknown[]).push(...history[key]);
  }
  return batch;
}

async function insertBatch(client: pg.Client, batch: AgencyHistory, totals: Map<string, number>): Promise<void> {
  for (const [name, load] of LOADERS) totals.set(name, totals.get(name)! + (await load(client, batch)));
}

/** In each large province, an SAO with a plan of 8+ measures in FY2567: the plan and report the bench reads. */
async function chooseBenchAgencies(client: pg.Client, provinces: Province[]): Promise<{ id: string; code: string; nameTh: string }[]> {
  const chosen: { id: string; code: string; nameTh: string }[] = [];
  for (const province of provinces) {
    const { rows } = await client.query<{ id: string; code: string; nameTh: string }>(
      `SELECT a.id, a.code, a."nameTh" FROM "Agency" a
       JOIN "Plan" p ON p."agencyId" = a.id AND p."fiscalYear" = 2567
       WHERE a."provinceId" = $1 AND a.type = 'sao' AND a."isActive"
         AND (SELECT count(*) FROM "Measure" m WHERE m."planId" = p.id AND m."deletedAt" IS NULL) >= 8
       ORDER BY a.code LIMIT 1`,
      [province.id],
    );
    if (rows[0]) chosen.push(rows[0]);
  }
  return chosen;
}
