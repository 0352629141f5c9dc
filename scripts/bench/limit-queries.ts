/**
 * THE LIMIT: each read scenario's question answered by one hand-written SQL query. No framework,
 * no session, no validation, no response schema: what is left is PostgreSQL plus JSON.
 */

/** Fiscal years with a published plan, newest first: a skip scan of the (fiscalYear, status) index. */
const PUBLISHED_YEARS = `
  years AS (
    (SELECT "fiscalYear" FROM "Plan" WHERE status = 'published' ORDER BY "fiscalYear" DESC LIMIT 1)
    UNION ALL
    SELECT (SELECT "fiscalYear" FROM "Plan" WHERE status = 'published' AND "fiscalYear" < years."fiscalYear" ORDER BY "fiscalYear" DESC LIMIT 1)
    FROM years WHERE years."fiscalYear" IS NOT NULL),
  yr AS (SELECT max("fiscalYear") AS fy FROM years)`;

/** Per agency: its published plan of that year, with the measure counters the API keeps on each plan. */
const AGENCY_FIGURES = `
  LEFT JOIN "Plan" p ON p."agencyId" = a.id AND p."fiscalYear" = (SELECT fy FROM yr) AND p.status = 'published'`;

/** 1: national figures of the latest published year, per agency type and province. */
export const SUMMARY_SQL = `
  WITH RECURSIVE ${PUBLISHED_YEARS}
  SELECT (SELECT fy FROM yr) AS "fiscalYear", (SELECT array_agg("fiscalYear") FROM years WHERE "fiscalYear" IS NOT NULL) AS "fiscalYears",
         json_agg(f) AS figures FROM (
    SELECT a.type, a."provinceId", pr."nameTh", count(*)::int AS agencies, count(p.id)::int AS published,
           coalesce(sum(p."measureCount"), 0)::int AS measures, coalesce(sum(p."completedCount"), 0)::int AS completed,
           coalesce(sum(p."notCarriedOutCount"), 0)::int AS "notCarriedOut"
    FROM "Agency" a JOIN "Province" pr ON pr.id = a."provinceId" ${AGENCY_FIGURES}
    WHERE a."isActive" GROUP BY a.type, a."provinceId", pr."nameTh") f`;

/** 2: a province's totals and its first page of 50 agencies by name. $1 = province. */
export const PROVINCE_SQL = `
  WITH RECURSIVE ${PUBLISHED_YEARS},
  rows AS (
    SELECT a.id, a."nameTh", a.type, d."nameTh" AS "districtNameTh", p.id IS NOT NULL AS published,
           coalesce(p."measureCount", 0) AS measures, coalesce(p."completedCount", 0) AS "measuresCompleted",
           coalesce(p."notCarriedOutCount", 0) AS "notCarriedOut"
    FROM "Agency" a LEFT JOIN "District" d ON d.id = a."districtId" ${AGENCY_FIGURES}
    WHERE a."provinceId" = $1 AND a."isActive")
  SELECT pr.id AS "provinceId", pr."nameTh", pr."nameEn", (SELECT fy FROM yr) AS "fiscalYear",
         (SELECT json_build_object('agencies', count(*), 'agenciesPublished', count(*) FILTER (WHERE published),
                 'measures', sum(measures), 'measuresCompleted', sum("measuresCompleted"), 'measuresNotCarriedOut', sum("notCarriedOut"))
          FROM rows) AS totals,
         (SELECT json_agg(r) FROM (SELECT * FROM rows ORDER BY "nameTh", id LIMIT 50) r) AS items,
         (SELECT count(*) FROM rows)::int AS total
  FROM "Province" pr WHERE pr.id = $1`;

/**
 * 3: the reviewer overview of one province, year and agency type, by completion, first page. $1 province, $2 year, $3 type.
 * The province's agencies with their plan are read once (the status counts take all of them, the page
 * those of the type); the district's name and the ITA score only for the page's rows; percentages in integer
 * arithmetic, the plans by their province (`Plan.provinceId`): the API's way too. The answer is serialised by
 * the statement (`body`, json as text) and sent as it is, as the API sends its own (ADR 036).
 */
export const OVERVIEW_SQL = `
  WITH base AS MATERIALIZED (
    SELECT ag.id AS "agencyId", ag."nameTh", ag.type, ag."districtId", pl.id AS "planId", pl.status AS "planStatus",
           coalesce(pl."measureCount", 0) AS measures,
           CASE WHEN coalesce(pl."measureCount", 0) = 0 THEN 0 ELSE ((2000 * pl."completedCount" + pl."measureCount") / (2 * pl."measureCount"))::float8 / 10 END AS "completedPercent",
           CASE WHEN coalesce(pl."measureCount", 0) = 0 THEN 0 ELSE ((2000 * pl."notCarriedOutCount" + pl."measureCount") / (2 * pl."measureCount"))::float8 / 10 END AS "notCarriedOutPercent",
           coalesce(pl."indicatorsCovered", 0) AS "indicatorsCovered", coalesce(pl."warningCount", 0) AS warnings,
           pl."updatedAt" AS "lastUpdate", ag.type = $3::"AgencyType" AS "inView"
    FROM "Agency" ag LEFT JOIN "Plan" pl ON pl."agencyId" = ag.id AND pl."fiscalYear" = $2 AND pl."provinceId" = $1
    WHERE ag."provinceId" = $1 AND ag."isActive")
  SELECT json_build_object(
    'items', (SELECT json_agg(r) FROM (
            SELECT b."agencyId", b."nameTh", b.type, b."districtId", (SELECT d."nameTh" FROM "District" d WHERE d.id = b."districtId") AS "districtNameTh",
                   b."planId", b."planStatus", b.measures, b."completedPercent", b."notCarriedOutPercent", b."indicatorsCovered", b.warnings, b."lastUpdate",
                   (SELECT r.score FROM "ItaResult" r WHERE r."agencyId" = b."agencyId" AND r."fiscalYear" = $2 LIMIT 1) AS "itaScore"
            FROM (SELECT * FROM base WHERE "inView" ORDER BY "completedPercent" DESC NULLS LAST, "nameTh", "agencyId" LIMIT 50) b) r),
    'total', (SELECT count(*) FROM base WHERE "inView")::int,
    'statusCounts', (SELECT json_object_agg(coalesce(s.status::text, 'none'), s.n) FROM (
            SELECT "planStatus" AS status, count(*) AS n FROM base GROUP BY "planStatus") s))::text AS body`;

/**
 * The texts of plan `p` (results and summaries) that another agency's measure shares word for word:
 * how widely (agencies and provinces among the first 100 rows of the text's hash; 5 and 3 make it a
 * template) and, when not a template, the other measures of the same or the previous year (up to 20).
 * What the copy warnings of an editor's or reviewer's plan page are made of (issue 18, ADR 014).
 */
const SHARED_TEXTS = `
  (SELECT json_agg(t) FROM (
    WITH mine AS (
      SELECT f."measureId", f.field, f.position, f.hash, f."agencyId", f."fiscalYear"
      FROM "MeasureFingerprint" f WHERE f."planId" = p.id AND f.field IN ('result', 'summary')
    ), spread AS (
      SELECT h.hash, s.agencies, s.provinces, (s.agencies >= 5 AND s.provinces >= 3) AS "isTemplate"
      FROM (SELECT DISTINCT hash FROM mine) h
      CROSS JOIN LATERAL (
        SELECT count(DISTINCT x."agencyId")::int AS agencies, count(DISTINCT x."provinceId")::int AS provinces
        FROM (SELECT o."agencyId", o."provinceId" FROM "MeasureFingerprint" o WHERE o.hash = h.hash LIMIT 100) x) s
      WHERE s.agencies > 1
    )
    SELECT mine."measureId", mine.field, mine.position, spread.agencies, spread.provinces, spread."isTemplate",
           om.id AS "otherMeasureId", om.sequence AS "otherSequence", op."fiscalYear" AS "otherFiscalYear",
           op."agencyNameTh" AS "otherAgencyNameTh", op."submittedAt" AS "otherSubmittedAt", oa.website AS "otherWebsite",
           opr."nameTh" AS "otherProvinceNameTh"
    FROM mine JOIN spread USING (hash)
    LEFT JOIN LATERAL (
      SELECT o."measureId" FROM "MeasureFingerprint" o
      WHERE NOT spread."isTemplate" AND o.hash = mine.hash AND o."agencyId" <> mine."agencyId"
        AND o."fiscalYear" BETWEEN mine."fiscalYear" - 1 AND mine."fiscalYear"
      ORDER BY o."fiscalYear", o."measureId" LIMIT 20) o ON true
    LEFT JOIN "Measure" om ON om.id = o."measureId"
    LEFT JOIN "Plan" op ON op.id = om."planId"
    LEFT JOIN "Agency" oa ON oa.id = om."agencyId"
    LEFT JOIN "Province" opr ON opr.id = oa."provinceId"
    WHERE spread."isTemplate" OR o."measureId" IS NOT NULL) t)`;

/**
 * 4: one agency's plan of one year with its measures, indicator titles, evidence and review comments,
 * and the shared texts its copy warnings are made of (the API's plan page shows them to staff). $1
 * agency, $2 year. Built as `json` from rows (a row's columns plus nested ones), not by merging `jsonb`
 * objects: the same values for about half of PostgreSQL's time (the API's projection is built the same way).
 */
export const PLAN_SQL = `
  SELECT (SELECT to_json(x) FROM (SELECT p.*,
    (SELECT coalesce(json_agg(mm ORDER BY mm.sequence), '[]') FROM (
       SELECT m.*,
         (SELECT coalesce(json_agg(json_build_object('fiscalYear', mi."fiscalYear", 'code', mi.code, 'raw', mi.raw,
                                                     'titleTh', ii."titleTh", 'group', ii."group") ORDER BY mi.id), '[]')
          FROM "MeasureIndicator" mi LEFT JOIN "IndicatorItem" ii ON ii."fiscalYear" = mi."fiscalYear" AND ii.code = mi.code
          WHERE mi."measureId" = m.id) AS indicators,
         (SELECT coalesce(json_agg(json_build_object('url', e.url, 'label', e.label) ORDER BY e.position), '[]')
          FROM "EvidenceLink" e WHERE e."measureId" = m.id) AS evidence
       FROM "Measure" m WHERE m."planId" = p.id) mm) AS measures,
    (SELECT coalesce(json_agg(c ORDER BY c."createdAt"), '[]') FROM "ReviewComment" c WHERE c."planId" = p.id) AS comments,
    ${SHARED_TEXTS} AS "sharedTexts") x) AS plan
  FROM "Plan" p WHERE p."agencyId" = $1 AND p."fiscalYear" = $2`;

/** 5: agencies whose Thai name contains a substring, first 20 by name, with the total. $1 = %q%. */
export const SEARCH_SQL = `
  SELECT a.id, a.code, a.type, a."municipalityClass", a."nameTh", a."provinceId", pr."nameTh" AS "provinceNameTh",
         a."districtId", d."nameTh" AS "districtNameTh", count(*) OVER () AS total
  FROM "Agency" a JOIN "Province" pr ON pr.id = a."provinceId" LEFT JOIN "District" d ON d.id = a."districtId"
  WHERE a."nameTh" ILIKE $1 ORDER BY a."nameTh", a.id LIMIT 20`;

/**
 * 6: a measure's summary saved with its version, in one statement: the same rows the API writes
 * (the measure, its plan's row, one audit row; the triggers on both fire as for the API), nothing
 * checked. $1 measure, $2 version, $3 summary. No row: the version was not the current one.
 */
export const SAVE_SQL = `
  WITH m AS (
    UPDATE "Measure" SET summary = $3, version = version + 1, "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE id = $1::uuid AND version = $2::int AND "deletedAt" IS NULL
    RETURNING *
  ), plan AS (
    UPDATE "Plan" p SET "updatedAt" = now() AT TIME ZONE 'UTC' FROM m WHERE p.id = m."planId" RETURNING p."agencyId"
  ), audit AS (
    INSERT INTO "AuditLog" ("at", "action", "entityType", "entityId", "agencyId", "changes")
    SELECT now() AT TIME ZONE 'UTC', 'update', 'measure', m.id::text, m."agencyId",
           jsonb_build_object('summary', jsonb_build_object('to', m.summary), 'version', jsonb_build_object('to', m.version))
    FROM m
  )
  SELECT to_jsonb(m) AS measure FROM m`;
