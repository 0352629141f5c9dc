import {
  AGENCY_NAME_TYPES,
  agencySearchTerms,
  hasAgencySearchTerms,
  type AgencyListQuery,
  type AgencyListResponse,
  type AgencySearchTerms,
  type AgencySearchWord,
  type District,
  type Province,
  type ReportSignature,
} from '@prongsai/shared';
import { guardOf, scopeSql, scopeWhere, type Scope } from '../../access/scope';
import { clientOf, type Db } from '../../lib/db';
import { getPrisma, type Prisma } from '../../lib/prisma';
import { containsPattern, empty, join, prefixPattern, queryRow, queryRows, sql, tableAlias, type Sql } from '../../lib/sql';

/** The agency row every agency view shows (the API, the public pages and the report cover). */
export const AGENCY_SELECT = {
  id: true,
  code: true,
  type: true,
  municipalityClass: true,
  nameTh: true,
  nameEn: true,
  provinceId: true,
  districtId: true,
  address: true,
  postcode: true,
  phone: true,
  website: true,
  facebook: true,
  province: { select: { nameTh: true } },
  district: { select: { nameTh: true } },
} satisfies Prisma.AgencySelect;

export type AgencyRow = Prisma.AgencyGetPayload<{ select: typeof AGENCY_SELECT }>;

/** One agency inside `scope`, or null (missing and out of reach look the same). */
export async function findAgency(db: Db, scope: Scope, agencyId: string): Promise<AgencyRow | null> {
  return clientOf(db).agency.findFirst({ where: { AND: [{ id: agencyId }, scopeWhere.agency(scope)] }, select: AGENCY_SELECT });
}

/** The one agency search (issue 15): a condition for WHERE and the ranking to put first in ORDER BY. */
export interface AgencySearchSql {
  /** Every word contained in its name field (each `LIKE '%word%'` can use a trigram index), and the type typed. */
  where: Sql;
  /** 0 for the exact name (type prefix optional), 1 for a name starting with the words after its type prefix, 2 for the rest. */
  rank: Sql;
  /** pg_trgm similarity to what was typed (float4), the order within a rank. */
  similarity: Sql;
  /** Best match first: `rank, similarity DESC`. */
  order: Sql;
}

const LATIN = /[a-z]/;

/**
 * A Thai word is looked for in the Thai name (LIKE: Thai has no case, and ILIKE costs twice as much
 * on Thai text); any other (English, numbers, codes written into a name) in either name, ignoring case.
 */
function wordSql(word: AgencySearchWord, a: Sql): Sql {
  const pattern = containsPattern(word.text);
  if (word.field === 'th') {
    return LATIN.test(word.text) ? sql`${a}."nameTh" ILIKE ${pattern}::text` : sql`${a}."nameTh" LIKE ${pattern}::text`;
  }
  return sql`(${a}."nameEn" ILIKE ${pattern}::text OR ${a}."nameTh" ILIKE ${pattern}::text)`;
}

/**
 * The Thai name without its type prefix (the first of AGENCY_NAME_TYPES, longest first, that it starts
 * with), as plain string tests: what `regexp_replace` with AGENCY_NAME_PREFIX_PATTERN gives, at a fraction
 * of its cost (the regular expression took ~24 µs a row on Thai names, most of a 50-match search).
 */
export function nameWithoutTypeSql(a: Sql): Sql {
  const cases = AGENCY_NAME_TYPES.map(
    ({ prefix }) => sql`WHEN starts_with(${a}."nameTh", ${prefix}::text) THEN substr(${a}."nameTh", ${prefix.length + 1}::int)`,
  );
  return sql`(CASE ${join(cases, ' ')} ELSE ${a}."nameTh" END)`;
}

/**
 * The search of agencies every list uses (`GET /agencies`, the reviewer overview, the public province
 * page and the national public search), over the agency row `alias`. The type typed ("อบต.", "ทต.",
 * "เทศบาล") filters on the type columns; the type prefix of a name is optional, so "บางทรายน้อย" is an
 * exact match of องค์การบริหารส่วนตำบลบางทรายน้อย. Only a type typed (no words) ranks by name alone.
 */
export function agencySearchSql(terms: AgencySearchTerms, alias: string): AgencySearchSql {
  const a = tableAlias(alias);
  const { nameType, stem, latinPhrase, thaiName } = terms;
  const conditions = [
    nameType ? sql`${a}.type = ${nameType.type}::"AgencyType"` : empty,
    nameType?.municipalityClass ? sql`${a}."municipalityClass" = ${nameType.municipalityClass}::"MunicipalityClass"` : empty,
    ...terms.words.map((word) => wordSql(word, a)),
  ].filter((condition) => condition !== empty);
  const where = conditions.length === 0 ? sql`true` : join(conditions, ' AND ');
  if (!stem && !latinPhrase) return { where, rank: sql`0`, similarity: sql`0::float4`, order: sql`${a}."nameTh"` };

  const stripped = nameWithoutTypeSql(a);
  const englishName = sql`lower(coalesce(${a}."nameEn", ''))`;
  const either = (parts: Sql[]) => join(parts, ' OR ');
  const exact = either([
    ...(stem ? [sql`${stripped} = ${stem}::text`] : []),
    ...(latinPhrase ? [sql`${englishName} = ${latinPhrase}::text`] : []),
  ]);
  const prefix = either([
    ...(stem ? [sql`${stripped} LIKE ${prefixPattern(stem)}::text`] : []),
    ...(latinPhrase ? [sql`${englishName} LIKE ${prefixPattern(latinPhrase)}::text`] : []),
  ]);
  const rank = sql`(CASE WHEN ${exact} THEN 0 WHEN ${prefix} THEN 1 ELSE 2 END)`;
  const similarity = thaiName
    ? sql`similarity(${a}."nameTh", ${thaiName}::text)`
    : sql`similarity(coalesce(${a}."nameEn", ''), ${latinPhrase}::text)`;
  return { where, rank, similarity, order: sql`${rank}, ${similarity} DESC` };
}

/** The search for what was typed into a `q` box, or null when it holds nothing to search for. */
export function agencySearchFor(q: string | undefined, alias: string): AgencySearchSql | null {
  if (!q) return null;
  const terms = agencySearchTerms(q);
  return hasAgencySearchTerms(terms) ? agencySearchSql(terms, alias) : null;
}

type AgencyListItem = AgencyListResponse['items'][number];

/**
 * Agencies inside `scope`, filtered, with their plan status in one fiscal year: one statement (the
 * page and the total together), as it serves the Thai name search reviewers type into.
 */
export async function listAgencies(scope: Scope, query: AgencyListQuery): Promise<{ items: AgencyListItem[]; total: number }> {
  const search = agencySearchFor(query.q, 'a');
  const conditions = join(
    [
      scopeSql('agency', scope, 'a'),
      query.provinceId !== undefined ? sql`a."provinceId" = ${query.provinceId}::int` : empty,
      query.districtId !== undefined ? sql`a."districtId" = ${query.districtId}::int` : empty,
      query.type !== undefined ? sql`a.type = ${query.type}::"AgencyType"` : empty,
      search ? search.where : empty,
    ].filter((condition) => condition !== empty),
    ' AND ',
  );
  // The province and district names and the plan's status are looked up for the page's rows only
  // (PostgreSQL evaluates these subqueries after the LIMIT): joining the tables hashed all 928 districts
  // on every search and made planning the statement cost as much as running it (docs/performance.md,
  // sixth session), and a join to "Plan" probed it for every match, with no fiscal year asked for too.
  const planStatus =
    query.fiscalYear === undefined
      ? sql`NULL::text`
      : sql`(SELECT p.status::text FROM "Plan" p WHERE p."agencyId" = a.id AND p."fiscalYear" = ${query.fiscalYear}::int)`;
  const rows = await queryRows<AgencyListItem & { total: number }>(
    getPrisma(),
    sql`SELECT a.id, a.code, a.type::text AS type, a."municipalityClass"::text AS "municipalityClass", a."nameTh",
               a."provinceId", (SELECT pr."nameTh" FROM "Province" pr WHERE pr.id = a."provinceId") AS "provinceNameTh",
               a."districtId", (SELECT d."nameTh" FROM "District" d WHERE d.id = a."districtId") AS "districtNameTh",
               ${planStatus} AS "planStatus", (count(*) OVER ())::int AS total
        FROM "Agency" a
        WHERE ${conditions}
        ORDER BY ${search ? sql`${search.order}, ` : empty}a."nameTh", a.id
        LIMIT ${query.pageSize}::int OFFSET ${(query.page - 1) * query.pageSize}::int`,
    { guard: guardOf(scope), name: 'agency-search' },
  );
  // A page past the end has no row to carry the total: count separately (rare).
  const total =
    rows[0]?.total ??
    (await queryRow<{ total: number }>(getPrisma(), sql`SELECT count(*)::int AS total FROM "Agency" a WHERE ${conditions}`))?.total ??
    0;
  return { items: rows.map(({ total: _total, ...item }) => item), total };
}

// ---------------------------------------------------------------- the report's signature block (ADR 022)

const SIGNATURE_SELECT = { signatoryName: true, signatoryPosition: true, signatureDate: true } satisfies Prisma.AgencySelect;
type SignatureColumns = Prisma.AgencyGetPayload<{ select: typeof SIGNATURE_SELECT }>;

const toSignature = (row: SignatureColumns): ReportSignature | null =>
  row.signatoryName !== null && row.signatoryPosition !== null
    ? { name: row.signatoryName, position: row.signatoryPosition, signedOn: row.signatureDate?.toISOString().slice(0, 10) ?? null }
    : null;

/** The agency's signature block (null when unset); the agency is one the caller already reached in scope. */
export async function findReportSignature(db: Db, agencyId: string): Promise<ReportSignature | null> {
  const row = await clientOf(db).agency.findUnique({ where: { id: agencyId }, select: SIGNATURE_SELECT });
  return row ? toSignature(row) : null;
}

/**
 * Set (or clear, with null) the agency's signature block, returning the block as it was. The row is locked
 * first so two editors saving at once each audit what they replaced. `updatedAt` moves, so every cached
 * report of the agency is rendered again (reports.queries readReportStamp).
 */
export async function saveReportSignature(db: Db, agencyId: string, signature: ReportSignature | null): Promise<ReportSignature | null> {
  const client = clientOf(db);
  await queryRows(client, sql`SELECT id FROM "Agency" WHERE id = ${agencyId}::uuid FOR UPDATE`);
  const before = await findReportSignature(db, agencyId);
  await client.agency.update({
    where: { id: agencyId },
    data: {
      signatoryName: signature?.name ?? null,
      signatoryPosition: signature?.position ?? null,
      signatureDate: signature?.signedOn ? new Date(`${signature.signedOn}T00:00:00Z`) : null,
    },
  });
  return before;
}

export async function listProvinces(): Promise<Province[]> {
  return getPrisma().province.findMany({ orderBy: { id: 'asc' } });
}

export async function listDistricts(provinceId: number): Promise<District[]> {
  return getPrisma().district.findMany({ where: { provinceId }, orderBy: { id: 'asc' } });
}
