import {
  customIssue,
  fiscalYearBounds,
  fiscalYearRangeMessage,
  isValidFiscalYear,
  percentOf,
  parseCsv,
  type CompareResponse,
  type FieldIssue,
  type IndicatorHeatmap,
  type ProvinceOverview,
  type ProvinceOverviewQuery,
  type ProvinceOverviewRow,
  type Trends,
  type WaitingPlansResponse,
} from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan } from '../../access/policies';
import { reachesProvince, scopeFor, type Scope } from '../../access/scope';
import { AppError, notFound } from '../../lib/app-error';
import { csvHeaderColumns } from '../../lib/csv-header';
import { transaction } from '../../lib/db';
import type { JsonText } from '../../lib/json-text';
import { recordAudit } from '../audit/audit.service';
import * as queries from './review.queries';

/**
 * The reviewer workspace: a province's agencies side by side. Reviewers see their own province;
 * national admins any. The scope is applied inside every statement (review.queries.ts).
 */

/** The caller's review scope, once it is known to reach the province: 404 for an unknown province, 403 for another one. */
async function reviewScope(actor: Actor, provinceId: number): Promise<{ scope: Scope; provinceNameTh: string }> {
  assertCan(actor, 'review:plan');
  const scope = scopeFor(actor, 'review:plan');
  const province = await queries.findProvince(provinceId);
  if (!province) throw notFound('ไม่พบจังหวัดนี้');
  if (!reachesProvince(scope, provinceId)) throw new AppError('FORBIDDEN', 'คุณไม่มีสิทธิ์ทำรายการนี้');
  return { scope, provinceNameTh: province.nameTh };
}

export async function getProvinceOverview(
  actor: Actor,
  provinceId: number,
  query: ProvinceOverviewQuery,
): Promise<JsonText<ProvinceOverview>> {
  assertCan(actor, 'review:plan');
  const scope = scopeFor(actor, 'review:plan');
  // 403 for another province, 404 for an unknown one (reviewScope), before any of its rows is read.
  if (!reachesProvince(scope, provinceId)) await reviewScope(actor, provinceId);
  // The hot path: scope, rows, total, province name and status counts in one statement, answered as it serialised them (ADR 036).
  const page = await queries.overviewAnswer(scope, provinceId, query, query.pageSize);
  if (!page.found) await reviewScope(actor, provinceId); // no such province: 404
  return page.answer;
}

/** Every row of the filtered overview (exports), once the caller is known to reach the province. */
export async function listOverviewRows(actor: Actor, provinceId: number, query: ProvinceOverviewQuery): Promise<ProvinceOverviewRow[]> {
  const { scope } = await reviewScope(actor, provinceId);
  return (await queries.overviewAnswer(scope, provinceId, query, null)).answer.parse().items;
}

/** 2–6 agencies side by side across every fiscal year they have plans or scores for. */
export async function compareAgencies(actor: Actor, agencyIds: string[]): Promise<CompareResponse> {
  assertCan(actor, 'review:plan');
  const { agencies, plans, groups, scores } = await queries.compareRows(scopeFor(actor, 'review:plan'), agencyIds);
  if (agencies.length !== new Set(agencyIds).size) {
    throw new AppError('NOT_FOUND', 'ไม่พบหน่วยงานบางแห่งที่เลือก', { reason: 'compareAgenciesNotFound' });
  }
  return {
    agencies: agencyIds.map((agencyId) => {
      const agency = agencies.find((candidate) => candidate.id === agencyId)!;
      const years = new Set([
        ...plans.filter((p) => p.agencyId === agencyId).map((p) => p.fiscalYear),
        ...scores.filter((s) => s.agencyId === agencyId).map((s) => s.fiscalYear),
      ]);
      return {
        agencyId,
        nameTh: agency.nameTh,
        type: agency.type,
        years: [...years].sort().map((fiscalYear) => {
          const plan = plans.find((p) => p.agencyId === agencyId && p.fiscalYear === fiscalYear);
          const total = plan?.measures ?? 0;
          const completed = plan?.completed ?? 0;
          const score = scores.find((s) => s.agencyId === agencyId && s.fiscalYear === fiscalYear)?.score;
          return {
            fiscalYear,
            planStatus: plan?.status ?? null,
            measures: total,
            completedPercent: percentOf(completed, total),
            warnings: plan?.warnings ?? 0,
            itaScore: score ?? null,
            byGroup: Object.fromEntries(
              groups.filter((g) => g.agencyId === agencyId && g.fiscalYear === fiscalYear).map((g) => [g.group, g.count]),
            ),
          };
        }),
      };
    }),
  };
}

/** Which agencies of the province have measures citing which OIT items, in one fiscal year. */
export async function getIndicatorHeatmap(actor: Actor, provinceId: number, fiscalYear: number): Promise<IndicatorHeatmap> {
  const rows = await queries.heatmapRows((await reviewScope(actor, provinceId)).scope, provinceId, fiscalYear);
  const codeKeys = [...new Set(rows.filter((row) => row.code).map((row) => `${row.codeYear}:${row.code}`))];
  const items = await queries.indicatorTitles(codeKeys.map((key) => ({ fiscalYear: Number(key.split(':')[0]), code: key.split(':')[1]! })));
  const agencies = new Map<string, { agencyId: string; nameTh: string; counts: Record<string, number> }>();
  for (const row of rows) {
    const entry = agencies.get(row.agencyId) ?? { agencyId: row.agencyId, nameTh: row.nameTh, counts: {} };
    if (row.code) entry.counts[`${row.codeYear}:${row.code}`] = row.count;
    agencies.set(row.agencyId, entry);
  }
  return {
    provinceId,
    fiscalYear,
    codes: codeKeys
      .map((key) => {
        const [year, code] = key.split(':') as [string, string];
        return {
          fiscalYear: Number(year),
          code,
          titleTh: items.find((item) => item.fiscalYear === Number(year) && item.code === code)?.titleTh ?? null,
        };
      })
      .sort((a, b) => a.fiscalYear - b.fiscalYear || Number(a.code.slice(1)) - Number(b.code.slice(1))),
    agencies: [...agencies.values()],
  };
}

/** Province figures per fiscal year, and whether completing measures went with better ITA scores next year. */
export async function getProvinceTrends(actor: Actor, provinceId: number): Promise<Trends> {
  const { years, agencies, pairs } = await queries.trendRows((await reviewScope(actor, provinceId)).scope, provinceId);
  // Bucketed by the same rounded completion the pages show.
  const bucketOf = ({ completed, measures }: { completed: number; measures: number }) => {
    const completion = percentOf(completed, measures);
    return completion >= 100 ? 'completed_all' : completion >= 50 ? 'completed_most' : 'completed_few';
  };
  const improvement = (['completed_all', 'completed_most', 'completed_few'] as const).map((bucket) => {
    const members = pairs.filter((pair) => bucketOf(pair) === bucket);
    return {
      bucket,
      agencies: members.length,
      averageScoreChange: members.length
        ? Math.round((members.reduce((sum, pair) => sum + pair.change, 0) / members.length) * 100) / 100
        : null,
    };
  });
  return {
    provinceId,
    years: years.map((year) => ({
      fiscalYear: year.fiscalYear,
      agencies,
      plans: year.plans,
      published: year.published,
      completedPercent: percentOf(year.completed, year.measures),
      averageScore: year.averageScore === null ? null : Math.round(year.averageScore * 100) / 100,
      passRate: year.scored ? percentOf(year.passed, year.scored) : null,
    })),
    improvement,
  };
}

/** National admins load the NACC's published scores: CSV agency_code,fiscal_year,score. */
export async function uploadItaResults(actor: Actor, csv: string): Promise<{ imported: number; unknownAgencyCodes: string[] }> {
  assertCan(actor, 'write:ita-result');
  const rows = parseCsv(csv);
  const columns = csvHeaderColumns(rows[0], ['agency_code', 'fiscal_year', 'score']);
  const { min, max } = fiscalYearBounds();
  const issues: FieldIssue[] = [];
  const parsed = rows.slice(1).flatMap((row, index) => {
    const line = index + 2;
    const code = (row[columns.agency_code] ?? '').trim();
    const fiscalYearText = (row[columns.fiscal_year] ?? '').trim();
    const fiscalYear = /^[0-9]{4}$/.test(fiscalYearText) ? Number(fiscalYearText) : Number.NaN;
    const score = Number(row[columns.score]);
    if (!code) issues.push({ path: `body.csv.line${line}.agency_code`, message: 'กรุณาระบุรหัสหน่วยงาน', code: 'required' });
    if (!isValidFiscalYear(fiscalYear)) {
      issues.push({
        path: `body.csv.line${line}.fiscal_year`,
        message: fiscalYearRangeMessage(),
        code: 'custom',
        params: customIssue('fiscalYearRange', { min, max }),
      });
    }
    if (!Number.isFinite(score) || score < 0 || score > 100) {
      issues.push({
        path: `body.csv.line${line}.score`,
        message: 'คะแนนต้องอยู่ระหว่าง 0–100',
        code: 'number_range',
        params: { minimum: 0, maximum: 100 },
      });
    }
    return [{ code, fiscalYear, score }];
  });
  if (issues.length) throw new AppError('VALIDATION_FAILED', 'ไฟล์ CSV มีข้อมูลไม่ถูกต้อง', { reason: 'csvInvalid', issues: issues.slice(0, 50) });
  const agencies = await queries.agencyIdsByCode(parsed.map((row) => row.code));
  const known = parsed.filter((row) => agencies.has(row.code));
  await transaction(async (db) => {
    await queries.upsertItaResults(
      db,
      known.map((row) => ({ agencyId: agencies.get(row.code)!, fiscalYear: row.fiscalYear, score: row.score })),
    );
    await recordAudit(db, actor, { action: 'import', entityType: 'ita_result', entityId: 'batch', changes: { rows: known.length } });
  });
  return {
    imported: known.length,
    unknownAgencyCodes: [...new Set(parsed.filter((row) => !agencies.has(row.code)).map((row) => row.code))],
  };
}

/** A reviewer's home, "waiting for me": submitted plans of their province (an admin: all), every year, oldest first. */
export async function listWaitingPlans(actor: Actor): Promise<WaitingPlansResponse> {
  assertCan(actor, 'review:plan');
  const { rows, total } = await queries.waitingPlans(scopeFor(actor, 'review:plan'), 500);
  return { items: rows.map((row) => ({ ...row, submittedAt: row.submittedAt?.toISOString() ?? null })), total };
}
