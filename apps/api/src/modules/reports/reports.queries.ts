import type { AgencyType, DatePrecision, ExportQuery, ImportMeasureInput, Outcome, PlanStatus, QualityWarning } from '@prongsai/shared';
import { scopeSql, scopeWhere, type Scope } from '../../access/scope';
import { clientOf, rootDb, type Db } from '../../lib/db';
import { getPool, type Prisma } from '../../lib/prisma';
import { empty, join, queryRow, sql, type Sql } from '../../lib/sql';
import { AGENCY_SELECT, type AgencyRow } from '../agencies/agencies.queries';
import { toDbDate } from '../plans/measure-dto';
import type { MeasureExportRow } from './export';

// ---------------------------------------------------------------- import

/** The agency's plan of one fiscal year, if `scope` reaches it. */
export async function findPlanOfYear(
  db: Db,
  scope: Scope,
  agencyId: string,
  fiscalYear: number,
): Promise<{ id: string; status: PlanStatus } | null> {
  return clientOf(db).plan.findFirst({
    where: { AND: [{ agencyId, fiscalYear }, scopeWhere.plan(scope)] },
    select: { id: true, status: true },
  });
}

export async function insertImportPlan(
  db: Db,
  plan: { agencyId: string; fiscalYear: number; agencyType: AgencyType; agencyNameTh: string; introText: string | null },
): Promise<{ id: string; status: PlanStatus }> {
  return clientOf(db).plan.create({ data: plan, select: { id: true, status: true } });
}

/** The sequence after the plan's last live measure. */
export async function nextSequence(db: Db, planId: string): Promise<number> {
  const last = await clientOf(db).measure.aggregate({ where: { planId, deletedAt: null }, _max: { sequence: true } });
  return (last._max.sequence ?? 0) + 1;
}

/** One imported measure with its indicator references (deduplicated by the caller) and evidence links. */
export async function insertImportedMeasure(
  db: Db,
  target: { planId: string; agencyId: string; sequence: number },
  measure: ImportMeasureInput,
  warnings: QualityWarning[],
): Promise<void> {
  await clientOf(db).measure.create({
    data: {
      ...target,
      title: measure.title,
      actions: measure.actions,
      responsible: measure.responsible ?? null,
      plannedStart: toDbDate(measure.plannedStart) ?? null,
      plannedEnd: toDbDate(measure.plannedEnd) ?? null,
      outcome: measure.outcome,
      outcomeReason: measure.outcomeReason ?? null,
      resultText: measure.resultText ?? null,
      summary: measure.summary ?? null,
      carriedOutDate: toDbDate(measure.carriedOut?.date ?? null),
      carriedOutPrecision: measure.carriedOut?.precision ?? null,
      carriedOutRaw: measure.carriedOutRaw ?? null,
      importWarnings: warnings as Prisma.InputJsonValue,
      indicators: { create: measure.indicators.map((ref) => ({ fiscalYear: ref.fiscalYear, code: ref.code, raw: ref.raw ?? null })) },
      evidence: { create: measure.evidence.map((link, position) => ({ ...link, position })) },
    },
  });
}

// ---------------------------------------------------------------- open-data export (F6)

/** Rows per FETCH: what the export holds in memory at once. */
const EXPORT_BATCH = 1000;

/**
 * The measures an export writes as ONE statement, in the order open-data users read them (province,
 * agency code, fiscal year, sequence; ids break ties): the measures `scope` reaches (for the public:
 * live measures of published plans), live ones only, and the query's agency, year and province. Dates are
 * formatted by PostgreSQL, so no time zone can shift them.
 */
export function exportStatement(scope: Scope, query: ExportQuery): Sql {
  const conditions = [
    scopeSql('measure', scope, 'm'),
    sql`m."deletedAt" IS NULL`,
    query.agencyId ? sql`m."agencyId" = ${query.agencyId}::uuid` : empty,
    query.fiscalYear ? sql`p."fiscalYear" = ${query.fiscalYear}::int` : empty,
    query.provinceId ? sql`a."provinceId" = ${query.provinceId}::int` : empty,
  ].filter((condition) => condition !== empty);
  return sql`
    SELECT a.id AS "agencyId", a.code AS "agencyCode", a."nameTh" AS "agencyNameTh", a.type AS "agencyType",
           a."provinceId", pr."nameTh" AS "provinceNameTh", a."districtId", d."nameTh" AS "districtNameTh",
           p."fiscalYear", p.status AS "planStatus",
           m.id, m.sequence, m.title, m.actions, m.responsible,
           to_char(m."plannedStart", 'YYYY-MM-DD') AS "plannedStart",
           to_char(m."plannedEnd", 'YYYY-MM-DD') AS "plannedEnd",
           m.outcome, m."outcomeReason", m."resultText", m.summary,
           to_char(m."carriedOutDate", 'YYYY-MM-DD') AS "carriedOutDate", m."carriedOutPrecision", m."carriedOutRaw",
           to_char(m."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt",
           (SELECT json_agg(json_build_array(mi."fiscalYear", mi.code, mi.raw, ii."titleTh") ORDER BY mi.id)
              FROM "MeasureIndicator" mi
              LEFT JOIN "IndicatorItem" ii ON ii."fiscalYear" = mi."fiscalYear" AND ii.code = mi.code
              WHERE mi."measureId" = m.id) AS indicators,
           (SELECT json_agg(json_build_array(e.url, e.label) ORDER BY e.position, e.id)
              FROM "EvidenceLink" e WHERE e."measureId" = m.id) AS evidence
    FROM "Measure" m
    JOIN "Plan" p ON p.id = m."planId"
    JOIN "Agency" a ON a.id = m."agencyId"
    JOIN "Province" pr ON pr.id = a."provinceId"
    LEFT JOIN "District" d ON d.id = a."districtId"
    WHERE ${join(conditions, ' AND ')}
    ORDER BY a."provinceId", a.code, a.id, p."fiscalYear", m.sequence, m."createdAt", m.id`;
}

interface ExportSqlRow {
  agencyId: string;
  agencyCode: string | null;
  agencyNameTh: string;
  agencyType: AgencyType;
  provinceId: number;
  provinceNameTh: string;
  districtId: number | null;
  districtNameTh: string | null;
  fiscalYear: number;
  planStatus: PlanStatus;
  id: string;
  sequence: number;
  title: string;
  actions: string[];
  responsible: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  outcome: Outcome;
  outcomeReason: string | null;
  resultText: string | null;
  summary: string | null;
  carriedOutDate: string | null;
  carriedOutPrecision: DatePrecision | null;
  carriedOutRaw: string | null;
  updatedAt: string;
  indicators: [number, string, string | null, string | null][] | null;
  evidence: [string, string][] | null;
}

function toExportRow(row: ExportSqlRow): MeasureExportRow {
  return {
    agency: {
      id: row.agencyId,
      code: row.agencyCode,
      nameTh: row.agencyNameTh,
      type: row.agencyType,
      provinceId: row.provinceId,
      provinceNameTh: row.provinceNameTh,
      districtId: row.districtId,
      districtNameTh: row.districtNameTh,
    },
    plan: { fiscalYear: row.fiscalYear, status: row.planStatus },
    measure: {
      id: row.id,
      sequence: row.sequence,
      title: row.title,
      actions: row.actions,
      indicators: (row.indicators ?? []).map(([fiscalYear, code, raw, titleTh]) => ({ fiscalYear, code, raw, titleTh })),
      responsible: row.responsible,
      plannedStart: row.plannedStart,
      plannedEnd: row.plannedEnd,
      outcome: row.outcome,
      outcomeReason: row.outcomeReason,
      resultText: row.resultText,
      summary: row.summary,
      carriedOut: row.carriedOutDate && row.carriedOutPrecision ? { date: row.carriedOutDate, precision: row.carriedOutPrecision } : null,
      carriedOutRaw: row.carriedOutRaw,
      evidence: (row.evidence ?? []).map(([url, label]) => ({ url, label })),
      updatedAt: row.updatedAt,
    },
  };
}

/**
 * The export's rows read through a server-side cursor on ONE pooled connection (BEGIN; DECLARE; FETCH
 * until empty; COMMIT): memory holds one batch, PostgreSQL runs one statement. The connection is taken
 * on the first row asked for and always given back: when the rows run out, when reading fails, and when
 * the consumer stops early (a client that went away ends the `for await`, which runs the `finally`).
 */
export async function* readExportRows(statement: Sql): AsyncGenerator<MeasureExportRow> {
  const client = await getPool().connect();
  let inTransaction = false;
  let broken: Error | undefined;
  try {
    await client.query('BEGIN READ ONLY');
    inTransaction = true;
    await client.query(`DECLARE measures_export NO SCROLL CURSOR FOR ${statement.text}`, statement.values);
    for (;;) {
      const { rows } = await client.query<ExportSqlRow>(`FETCH ${EXPORT_BATCH} FROM measures_export`);
      for (const row of rows) yield toExportRow(row);
      if (rows.length < EXPORT_BATCH) break;
    }
    await client.query('COMMIT');
    inTransaction = false;
  } catch (error) {
    // BEGIN itself failed: the connection is suspect.
    if (!inTransaction) broken = error as Error;
    throw error;
  } finally {
    if (inTransaction) {
      // Stopped early or failed: end the transaction (and the cursor with it) before the connection is reused.
      await client.query('ROLLBACK').catch((error: Error) => {
        broken = error;
      });
    }
    // A connection that could not even roll back is closed instead of going back to the pool.
    client.release(broken);
  }
}

// ---------------------------------------------------------------- official report (F8)

/** What a report is rendered from, as one comparable string, and what its file is named after. */
export interface ReportStamp {
  planId: string;
  version: string;
  agencyId: string;
  agencyCode: string | null;
  fiscalYear: number;
}

/**
 * Everything a rendered report depends on, read in one statement on every request: the plan row (intro
 * text, status, counters), the agency row (name, address, contacts), each measure's id, sequence, version,
 * last change and deletion (text, outcome, indicators and evidence change only with the version; a
 * reorder changes sequences, a hard delete the set), and the codebooks (indicator titles). A change made
 * through any replica changes `version`, so a render cached under it is never stale. The plan's own
 * version alone would not do: editing a measure does not change it. The plan is named by id or by
 * (agency, fiscal year) and read inside `scope`: null when it does not exist or is out of reach.
 */
export async function readReportStamp(
  scope: Scope,
  plan: { planId: string } | { agencyId: string; fiscalYear: number },
): Promise<ReportStamp | null> {
  const which =
    'planId' in plan
      ? sql`p.id = ${plan.planId}::uuid`
      : sql`p."agencyId" = ${plan.agencyId}::uuid AND p."fiscalYear" = ${plan.fiscalYear}::int`;
  const row = await queryRow<ReportStamp>(
    clientOf(rootDb()),
    sql`SELECT p.id::text AS "planId", concat_ws('|', p.version, p."updatedAt", a."updatedAt", m.digest, cb.newest, ef.digest) AS version,
            a.id::text AS "agencyId", a.code AS "agencyCode", p."fiscalYear"
     FROM "Plan" p
     JOIN "Agency" a ON a.id = p."agencyId"
     CROSS JOIN LATERAL (
       SELECT md5(string_agg(concat_ws(':', id, sequence, version, "updatedAt", "deletedAt"), ',' ORDER BY id)) AS digest
       FROM "Measure" WHERE "planId" = p.id
     ) m
     CROSS JOIN (SELECT max("updatedAt") AS newest FROM "IndicatorCodebook") cb
     -- The report lists the measures' evidence files (ADR 015): adding, hiding or deleting one changes it.
     CROSS JOIN LATERAL (
       SELECT md5(string_agg(concat_ws(':', f.id, f."isInternal", f."deletedAt"), ',' ORDER BY f.id)) AS digest
       FROM "EvidenceFile" f WHERE f."measureId" IN (SELECT id FROM "Measure" WHERE "planId" = p.id)
     ) ef
     WHERE ${which} AND ${scopeSql('plan', scope, 'p')}`,
  );
  return row ?? null;
}

/** The agency row a report's cover shows (the agency of a plan already read in scope). */
export async function findReportAgency(agencyId: string): Promise<AgencyRow> {
  return clientOf(rootDb()).agency.findUniqueOrThrow({ where: { id: agencyId }, select: AGENCY_SELECT });
}
