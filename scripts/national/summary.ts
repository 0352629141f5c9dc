import type pg from 'pg';

export interface DatasetSummary {
  rows: Record<string, number>;
  agencyTypes: Record<string, number>;
  largestProvinces: { provinceId: number; nameTh: string; agencies: number }[];
  planStatus: Record<string, Record<string, number>>;
  averageWarnings: number;
  averageItaScore: Record<string, number>;
}

const TABLES = [
  'Province',
  'District',
  'Subdistrict',
  'Agency',
  'Plan',
  'Measure',
  'MeasureIndicator',
  'EvidenceLink',
  'TimelineEntry',
  'ReviewComment',
  'ItaResult',
  'User',
  'RoleMembership',
] as const;

/** What the database holds: exact row counts and the mix that makes the data set realistic. */
export async function summariseDataset(client: pg.ClientBase): Promise<DatasetSummary> {
  const rows: Record<string, number> = {};
  for (const table of TABLES) rows[table] = Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
  const types = await client.query<{ kind: string; n: string }>(
    `SELECT coalesce(type::text || ':' || "municipalityClass"::text, type::text) AS kind, count(*) AS n FROM "Agency" GROUP BY 1 ORDER BY 1`,
  );
  const provinces = await client.query<{ provinceId: number; nameTh: string; agencies: string }>(
    `SELECT p.id AS "provinceId", p."nameTh", count(*) AS agencies FROM "Agency" a JOIN "Province" p ON p.id = a."provinceId"
     GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 5`,
  );
  const statuses = await client.query<{ fiscalYear: number; status: string; n: string }>(
    `SELECT "fiscalYear", status::text, count(*) AS n FROM "Plan" GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const warnings = await client.query<{ average: number }>(`SELECT coalesce(avg("warningCount"), 0)::float8 AS average FROM "Plan"`);
  const scores = await client.query<{ fiscalYear: number; average: number }>(
    `SELECT "fiscalYear", round(avg(score), 2)::float8 AS average FROM "ItaResult" GROUP BY 1 ORDER BY 1`,
  );
  const planStatus: Record<string, Record<string, number>> = {};
  for (const row of statuses.rows) (planStatus[row.fiscalYear] ??= {})[row.status] = Number(row.n);
  return {
    rows,
    agencyTypes: Object.fromEntries(types.rows.map((row) => [row.kind, Number(row.n)])),
    largestProvinces: provinces.rows.map((row) => ({ ...row, agencies: Number(row.agencies) })),
    planStatus,
    averageWarnings: Math.round(warnings.rows[0]!.average * 100) / 100,
    averageItaScore: Object.fromEntries(scores.rows.map((row) => [row.fiscalYear, row.average])),
  };
}

export function formatSummary(summary: DatasetSummary): string {
  const lines = [
    'rows:',
    ...Object.entries(summary.rows).map(([table, count]) => `  ${table.padEnd(17)} ${count.toLocaleString('en').padStart(10)}`),
  ];
  lines.push(
    `agency types: ${Object.entries(summary.agencyTypes)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ')}`,
  );
  lines.push(`largest provinces: ${summary.largestProvinces.map((p) => `${p.nameTh} (${p.provinceId}) ${p.agencies}`).join(', ')}`);
  for (const [year, counts] of Object.entries(summary.planStatus)) {
    lines.push(
      `plans FY${year}: ${Object.entries(counts)
        .map(([status, n]) => `${status} ${n}`)
        .join(', ')}`,
    );
  }
  lines.push(`average warnings per plan: ${summary.averageWarnings}`);
  lines.push(
    `average ITA score: ${Object.entries(summary.averageItaScore)
      .map(([year, score]) => `FY${year} ${score}`)
      .join(', ')}`,
  );
  return lines.join('\n');
}
