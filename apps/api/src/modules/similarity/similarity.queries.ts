import { TEMPLATE_MIN_AGENCIES, TEMPLATE_MIN_PROVINCES, type SimilarField } from '@prongsai/shared';
import { scopeSql, type Scope } from '../../access/scope';
import { clientOf, type Db } from '../../lib/db';
import { empty, jsonTimestampOrNull, queryRow, queryRows, sql, tableAlias, type Sql } from '../../lib/sql';

/**
 * The copy detector's reads (ADR 014). `MeasureFingerprint` holds one 64-bit hash per compared text of
 * every live measure, kept by a trigger on "Measure" (migration 20261202090648); these statements join
 * on it. The caller's plan scope decides only whether another plan's *text* may be shown: the names of
 * agencies that share wording are shown to every reviewer, the words only where the caller could read them.
 */

/** How many rows of one hash are looked at to tell a template from a copy (an index range scan, capped). */
const SPREAD_SAMPLE = 100;
/** At most this many other measures are listed per shared text. */
const OTHERS_PER_TEXT = 20;

/** The text of a fingerprint row's field (a sub-action by its 0-based position) in a measure row. */
function fieldText(measureAlias: string, fingerprintAlias: string): Sql {
  const m = tableAlias(measureAlias);
  const f = tableAlias(fingerprintAlias);
  return sql`CASE ${f}.field WHEN 'title' THEN ${m}.title WHEN 'action' THEN ${m}.actions[${f}.position + 1]
    WHEN 'result' THEN ${m}."resultText" ELSE ${m}.summary END`;
}

export interface SharedTextRow {
  measureId: string;
  sequence: number;
  measureTitle: string;
  field: SimilarField;
  position: number;
  text: string;
  agencies: number;
  provinces: number;
  isTemplate: boolean;
  planSubmittedAt: Date | null;
  other: {
    agencyId: string;
    agencyNameTh: string;
    website: string | null;
    provinceNameTh: string;
    planId: string;
    fiscalYear: number;
    planStatus: string;
    submittedAt: Date | null;
    measureId: string;
    sequence: number;
    measureTitle: string;
    text: string | null;
  } | null;
}

/** A shared-text row as json carries it (the timestamps as strings). */
export type SharedTextJson = Omit<SharedTextRow, 'other' | 'planSubmittedAt'> & {
  planSubmittedAt: string | null;
  other: (Omit<NonNullable<SharedTextRow['other']>, 'submittedAt'> & { submittedAt: string | null }) | null;
};

export function toSharedTextRow(row: SharedTextJson): SharedTextRow {
  return {
    ...row,
    planSubmittedAt: jsonTimestampOrNull(row.planSubmittedAt),
    other: row.other && { ...row.other, submittedAt: jsonTimestampOrNull(row.other.submittedAt) },
  };
}

/**
 * THE shared-texts statement of the plan whose id is `planId` (a parameter, or a column of an outer
 * statement such as the plan page's `p.id`): every text of the plan's live measures that another
 * agency's measure shares, with how widely the wording is shared (agencies and provinces among the first
 * `SPREAD_SAMPLE` rows of its hash) and, for wording that is not a template, the other measures of the
 * same and the previous fiscal year, in the order `group` reads them. `scope` (the caller's plan scope)
 * decides whether each other text is returned or null; `resultsOnly` reads only results and summaries
 * (what the warnings need: half the work). One row per (text, other measure), as `SharedTextJson`.
 */
export function sharedTextsSql(planId: Sql, scope: Scope, options: { resultsOnly?: boolean } = {}): Sql {
  return sql`
    WITH mine AS (
      SELECT f."measureId", f.field, f.position, f.hash, f."agencyId", f."fiscalYear"
      FROM "MeasureFingerprint" f
      WHERE f."planId" = ${planId} ${options.resultsOnly ? sql`AND f.field IN ('result', 'summary')` : empty}
    ), spread AS (
      SELECT h.hash, s.agencies, s.provinces,
        (s.agencies >= ${TEMPLATE_MIN_AGENCIES}::int AND s.provinces >= ${TEMPLATE_MIN_PROVINCES}::int) AS "isTemplate"
      FROM (SELECT DISTINCT hash FROM mine) h
      CROSS JOIN LATERAL (
        SELECT count(DISTINCT x."agencyId")::int AS agencies, count(DISTINCT x."provinceId")::int AS provinces
        FROM (SELECT o."agencyId", o."provinceId" FROM "MeasureFingerprint" o WHERE o.hash = h.hash LIMIT ${SPREAD_SAMPLE}::int) x
      ) s
      WHERE s.agencies > 1
    ), matched AS (
      SELECT mine.*, spread.agencies, spread.provinces, spread."isTemplate", o."measureId" AS "otherMeasureId"
      FROM mine JOIN spread USING (hash)
      LEFT JOIN LATERAL (
        SELECT o."measureId" FROM "MeasureFingerprint" o
        WHERE NOT spread."isTemplate" AND o.hash = mine.hash AND o."agencyId" <> mine."agencyId"
          AND o."fiscalYear" BETWEEN mine."fiscalYear" - 1 AND mine."fiscalYear"
        ORDER BY o."fiscalYear", o."measureId" LIMIT ${OTHERS_PER_TEXT}::int
      ) o ON true
      WHERE spread."isTemplate" OR o."measureId" IS NOT NULL
    )
    SELECT m.id AS "measureId", m.sequence, m.title AS "measureTitle", x.field, x.position,
      ${fieldText('m', 'x')} AS text,
      x.agencies, x.provinces, x."isTemplate", to_jsonb(sp."submittedAt") #>> '{}' AS "planSubmittedAt",
      CASE WHEN om.id IS NULL THEN NULL ELSE jsonb_build_object(
        'agencyId', oa.id, 'agencyNameTh', op."agencyNameTh", 'website', oa.website, 'provinceNameTh', opr."nameTh",
        'planId', op.id, 'fiscalYear', op."fiscalYear", 'planStatus', op.status, 'submittedAt', op."submittedAt",
        'measureId', om.id, 'sequence', om.sequence, 'measureTitle', om.title,
        'text', CASE WHEN op.status = 'published' OR ${scopeSql('plan', scope, 'op')} THEN ${fieldText('om', 'x')} END
      ) END AS other
    FROM matched x
    JOIN "Measure" m ON m.id = x."measureId"
    JOIN "Plan" sp ON sp.id = m."planId"
    LEFT JOIN "Measure" om ON om.id = x."otherMeasureId"
    LEFT JOIN "Plan" op ON op.id = om."planId"
    LEFT JOIN "Agency" oa ON oa.id = om."agencyId"
    LEFT JOIN "Province" opr ON opr.id = oa."provinceId"
    ORDER BY m.sequence, x.field, x.position, op."fiscalYear", op."submittedAt" NULLS LAST, om.id`;
}

/** The plan's shared texts (`sharedTextsSql`) on their own; the plan page reads them inside its own statement. */
export async function listSharedTexts(
  db: Db,
  scope: Scope,
  planId: string,
  options: { resultsOnly?: boolean } = {},
): Promise<SharedTextRow[]> {
  const rows = await queryRows<SharedTextJson>(clientOf(db), sharedTextsSql(sql`${planId}::uuid`, scope, options));
  return rows.map(toSharedTextRow);
}

export interface ClusterRow {
  field: SimilarField;
  agencies: number;
  text: string | null;
  members: {
    agencyId: string;
    agencyNameTh: string;
    provinceNameTh: string;
    planId: string;
    fiscalYear: number;
    sequence: number;
    submittedAt: Date | null;
  }[];
}

/**
 * The largest groups of results and summaries that several agencies share word for word in a fiscal
 * year and the one before it (at least one member in the year asked; templates left out), touching the province when one is given. `scope` decides whether a
 * member's text may be shown.
 */
export async function listCopyClusters(
  db: Db,
  scope: Scope,
  filter: { fiscalYear: number; provinceId: number | null; limit: number },
): Promise<ClusterRow[]> {
  type Raw = Omit<ClusterRow, 'members'> & {
    members: (Omit<ClusterRow['members'][number], 'submittedAt'> & { submittedAt: string | null })[];
  };
  const touchesProvince = filter.provinceId === null ? sql`true` : sql`bool_or(f."provinceId" = ${filter.provinceId}::int)`;
  const rows = await queryRows<Raw>(
    clientOf(db),
    sql`
    WITH groups AS (
      SELECT f.hash, min(f.field) AS field, count(DISTINCT f."agencyId")::int AS agencies
      FROM "MeasureFingerprint" f
      WHERE f."fiscalYear" BETWEEN ${filter.fiscalYear}::int - 1 AND ${filter.fiscalYear}::int AND f.field IN ('result', 'summary')
      GROUP BY f.hash
      HAVING count(DISTINCT f."agencyId") > 1 AND bool_or(f."fiscalYear" = ${filter.fiscalYear}::int)
        AND NOT (count(DISTINCT f."agencyId") >= ${TEMPLATE_MIN_AGENCIES}::int AND count(DISTINCT f."provinceId") >= ${TEMPLATE_MIN_PROVINCES}::int)
        AND ${touchesProvince}
      ORDER BY agencies DESC, hash LIMIT ${filter.limit}::int
    )
    SELECT g.field, g.agencies,
      (SELECT ${fieldText('m', 'f')} FROM "MeasureFingerprint" f JOIN "Measure" m ON m.id = f."measureId"
       JOIN "Plan" p ON p.id = m."planId"
       WHERE f.hash = g.hash AND f."fiscalYear" BETWEEN ${filter.fiscalYear}::int - 1 AND ${filter.fiscalYear}::int AND (p.status = 'published' OR ${scopeSql('plan', scope, 'p')})
       ORDER BY p."submittedAt" NULLS LAST LIMIT 1) AS text,
      (SELECT jsonb_agg(jsonb_build_object('agencyId', a.id, 'agencyNameTh', p."agencyNameTh", 'provinceNameTh', pr."nameTh",
          'planId', p.id, 'fiscalYear', p."fiscalYear", 'sequence', m.sequence, 'submittedAt', p."submittedAt")
          ORDER BY p."submittedAt" NULLS LAST, a.id)
       FROM "MeasureFingerprint" f JOIN "Measure" m ON m.id = f."measureId" JOIN "Plan" p ON p.id = m."planId"
       JOIN "Agency" a ON a.id = m."agencyId" JOIN "Province" pr ON pr.id = a."provinceId"
       WHERE f.hash = g.hash AND f."fiscalYear" BETWEEN ${filter.fiscalYear}::int - 1 AND ${filter.fiscalYear}::int) AS members
    FROM groups g
    ORDER BY g.agencies DESC, g.hash`,
  );
  return rows.map((row) => ({
    ...row,
    members: row.members.map((member) => ({ ...member, submittedAt: jsonTimestampOrNull(member.submittedAt) })),
  }));
}

/** A plan's owner and fiscal year if `scope` reaches it. */
export async function findPlanOwner(
  db: Db,
  scope: Scope,
  planId: string,
): Promise<{ id: string; agencyId: string; provinceId: number; fiscalYear: number } | undefined> {
  return queryRow(
    clientOf(db),
    sql`SELECT p.id, p."agencyId", a."provinceId", p."fiscalYear" FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId"
      WHERE p.id = ${planId}::uuid AND ${scopeSql('plan', scope, 'p')}`,
  );
}

/** Build the whole index from nothing (after bulk loads that bypass triggers); returns the rows written. */
export async function rebuildFingerprints(db: Db): Promise<number> {
  const row = await queryRow<{ written: number }>(clientOf(db), sql`SELECT prongsai_rebuild_fingerprints()::int AS written`);
  return row?.written ?? 0;
}
