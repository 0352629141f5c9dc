import type {
  AgencyType,
  EvidenceFile,
  PlanDetail,
  PublicAgency,
  PublicAgencySearchQuery,
  PublicAgencySearchResponse,
  PublicFigures,
  PublicProvince,
  PublicSummary,
} from '@prongsai/shared';
import { currentFiscalYear } from '@prongsai/shared';
import { PUBLIC_SCOPE } from '../../access/scope';
import { notFound } from '../../lib/app-error';
import { rootDb } from '../../lib/db';
import { listProvinces, toAgency } from '../agencies/agencies.service';
import { listPublicPlanFiles } from '../evidence-files/evidence-files.service';
import { listPlanSummaries, loadPlanDetail } from '../plans/plans.service';
import * as queries from './public.queries';
import type { FigureRow } from './public.queries';

/**
 * The public dashboard: no session; everything is read with `PUBLIC_SCOPE` (published plans, their
 * live measures, active agencies), applied inside each statement (public.queries.ts).
 */

/** The version of everything the public pages show (ADR 007: the public answers' cache key). */
export const publicDataVersion = (): Promise<string> => queries.readPublicDataVersion();

const EMPTY: PublicFigures = { agencies: 0, agenciesPublished: 0, measures: 0, measuresCompleted: 0, measuresNotCarriedOut: 0 };

function add(into: PublicFigures, row: FigureRow): PublicFigures {
  return {
    agencies: into.agencies + row.agencies,
    agenciesPublished: into.agenciesPublished + row.published,
    measures: into.measures + row.measures,
    measuresCompleted: into.measuresCompleted + row.completed,
    measuresNotCarriedOut: into.measuresNotCarriedOut + row.notCarriedOut,
  };
}

export async function getPublicSummary(fiscalYear?: number): Promise<PublicSummary> {
  const years = await queries.planYears(PUBLIC_SCOPE);
  const year = fiscalYear ?? years[0] ?? currentFiscalYear();
  const [rows, provinces] = await Promise.all([queries.figureRows(PUBLIC_SCOPE, year), listProvinces()]);
  const byType = new Map<AgencyType, PublicFigures>();
  const byProvince = new Map<number, PublicFigures>();
  let totals = EMPTY;
  for (const row of rows) {
    totals = add(totals, row);
    byType.set(row.type, add(byType.get(row.type) ?? EMPTY, row));
    byProvince.set(row.provinceId, add(byProvince.get(row.provinceId) ?? EMPTY, row));
  }
  return {
    fiscalYear: year,
    fiscalYears: years,
    totals,
    byType: (['pao', 'municipality', 'sao', 'special'] as const)
      .filter((type) => byType.has(type))
      .map((type) => ({ type, ...byType.get(type)! })),
    byProvince: provinces.map((province) => ({
      provinceId: province.id,
      nameTh: province.nameTh,
      nameEn: province.nameEn,
      ...(byProvince.get(province.id) ?? EMPTY),
    })),
  };
}

export async function getPublicProvince(
  provinceId: number,
  query: { fiscalYear?: number; page: number; pageSize: number; q?: string; type?: AgencyType },
): Promise<PublicProvince> {
  const province = await queries.findProvince(provinceId);
  if (!province) throw notFound('ไม่พบจังหวัดนี้');
  const year = query.fiscalYear ?? (await queries.planYears(PUBLIC_SCOPE))[0] ?? currentFiscalYear();
  const [figures, { rows, total }] = await Promise.all([
    queries.figureRows(PUBLIC_SCOPE, year, provinceId),
    queries.listProvinceAgencies(PUBLIC_SCOPE, provinceId, year, query),
  ]);
  return {
    provinceId,
    nameTh: province.nameTh,
    nameEn: province.nameEn,
    fiscalYear: year,
    totals: figures.reduce(add, EMPTY),
    agencies: {
      items: rows.map((agency) => {
        const outcomes = agency.outcomes ?? [];
        return {
          id: agency.id,
          nameTh: agency.nameTh,
          type: agency.type,
          districtNameTh: agency.districtNameTh,
          published: agency.outcomes !== null,
          measures: outcomes.length,
          measuresCompleted: outcomes.filter((outcome) => outcome === 'completed').length,
        };
      }),
      page: query.page,
      pageSize: query.pageSize,
      total,
    },
  };
}

/** The national search: agencies (public themselves) matching what was typed, best match first, and whether they published. */
export async function searchPublicAgencies(query: PublicAgencySearchQuery): Promise<PublicAgencySearchResponse> {
  const rows = await queries.searchAgencies(PUBLIC_SCOPE, query);
  return {
    items: rows.map(({ total: _total, ...item }) => item),
    page: query.page,
    pageSize: query.pageSize,
    total: rows[0]?.total ?? 0,
  };
}

export async function getPublicAgency(agencyId: string): Promise<PublicAgency> {
  const agency = await queries.findAgency(PUBLIC_SCOPE, agencyId);
  if (!agency) throw notFound('ไม่พบหน่วยงานนี้');
  return { agency: toAgency(agency), plans: await listPlanSummaries(PUBLIC_SCOPE, agencyId) };
}

/** The public evidence files of a published report (ADR 015: public data = the published plan); 404 otherwise. */
export async function getPublicPlanFiles(agencyId: string, fiscalYear: number): Promise<EvidenceFile[]> {
  const planId = await queries.findPlanId(PUBLIC_SCOPE, agencyId, fiscalYear);
  if (!planId) throw notFound('ไม่พบรายงานที่เผยแพร่ของปีนี้');
  return listPublicPlanFiles(planId);
}

export async function getPublicPlan(agencyId: string, fiscalYear: number): Promise<PlanDetail> {
  const planId = await queries.findPlanId(PUBLIC_SCOPE, agencyId, fiscalYear);
  if (!planId) throw notFound('ไม่พบรายงานที่เผยแพร่ของปีนี้');
  return loadPlanDetail(rootDb(), PUBLIC_SCOPE, planId, { publicView: true });
}
