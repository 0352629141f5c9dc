import type pg from 'pg';
import { EDITABLE_PLAN_STATUSES } from '../../packages/shared/src/index';
import { BENCH_EMAIL_DOMAIN, reviewerEmail } from '../national/accounts';
import type { Province } from '../national/geography';

/** What the scenarios read and write, looked up in the data set (never hard-coded ids). */
export interface Fixtures {
  province: Province & { agencies: number };
  reviewerEmail: string;
  agency: { id: string; code: string; nameTh: string; editorEmail: string };
  /** The bench agency's FY2567 plan (scenario 4 reads it, scenario 8 renders it). */
  plan: { id: string; fiscalYear: number; measures: number };
  /** Live measures of editable (draft or returned) plans, with their current versions (scenario 6). */
  measures: { id: string; version: number }[];
  search: { q: string; matches: number };
}

export const OVERVIEW_YEAR = 2567;
export const SEARCH_TERM = 'หนองบัว';

export async function loadFixtures(client: pg.ClientBase, measureCount: number): Promise<Fixtures> {
  const { rows: provinces } = await client.query<Province & { agencies: string }>(
    `SELECT p.id, p."nameTh", p."nameEn", count(*) AS agencies FROM "Agency" a JOIN "Province" p ON p.id = a."provinceId"
     WHERE a."isActive" GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1`,
  );
  const province = { ...provinces[0]!, agencies: Number(provinces[0]!.agencies) };
  const { rows: agencies } = await client.query<Fixtures['agency'] & { planId: string; measures: string }>(
    `SELECT a.id, a.code, a."nameTh", u.email AS "editorEmail", p.id AS "planId",
            (SELECT count(*) FROM "Measure" m WHERE m."planId" = p.id AND m."deletedAt" IS NULL) AS measures
     FROM "User" u JOIN "RoleMembership" r ON r."userId" = u.id JOIN "Agency" a ON a.id = r."agencyId"
     JOIN "Plan" p ON p."agencyId" = a.id AND p."fiscalYear" = $2
     WHERE u.email LIKE $3 AND a."provinceId" = $1 LIMIT 1`,
    [province.id, OVERVIEW_YEAR, `editor-%@${BENCH_EMAIL_DOMAIN}`],
  );
  const agency = agencies[0];
  if (!agency) throw new Error(`no bench editor with a FY${OVERVIEW_YEAR} plan in province ${province.id}: regenerate the data set`);
  const { rows: measures } = await client.query<{ id: string; version: number }>(
    `SELECT m.id, m.version FROM "Measure" m JOIN "Plan" p ON p.id = m."planId"
     WHERE p.status::text = ANY($2::text[]) AND m."deletedAt" IS NULL ORDER BY m.id LIMIT $1`,
    [measureCount, EDITABLE_PLAN_STATUSES],
  );
  const { rows: matches } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Agency" WHERE "nameTh" LIKE $1`, [
    `%${SEARCH_TERM}%`,
  ]);
  return {
    province,
    reviewerEmail: reviewerEmail(province),
    agency: { id: agency.id, code: agency.code, nameTh: agency.nameTh, editorEmail: agency.editorEmail },
    plan: { id: agency.planId, fiscalYear: OVERVIEW_YEAR, measures: Number(agency.measures) },
    measures,
    search: { q: SEARCH_TERM, matches: Number(matches[0]!.n) },
  };
}
