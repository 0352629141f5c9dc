import type {
  CopyCluster,
  CopyClustersQuery,
  CopyClustersResponse,
  FirstWriter,
  QualityWarning,
  SimilarityKind,
  SimilarMeasure,
  SimilarMeasuresResponse,
  SimilarText,
} from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan } from '../../access/policies';
import { scopeFor, SYSTEM_SCOPE, type Scope } from '../../access/scope';
import { AppError, notFound } from '../../lib/app-error';
import { rootDb, type Db } from '../../lib/db';
import { readCoreName } from '../quality-checks/local-government-names';
import { readHost } from '../quality-checks/web-addresses';
import * as queries from './similarity.queries';
import type { SharedTextRow } from './similarity.queries';

/**
 * The copy detector (ADR 014): which of a plan's texts other agencies' plans (same and previous fiscal
 * year, whole country) share word for word once names, districts and web addresses are masked; which
 * of those are templates (many agencies in several provinces) and which are copies; who wrote first.
 * Reviewers read it per plan and as clusters; editors get `COPIED_FROM_OTHER_AGENCY` on their plan;
 * nothing here is reachable from a public page.
 */

const MAX_CLUSTERS = 50;
const STRONG_FIELDS = new Set(['result', 'summary']);

const compact = (text: string) => text.replace(/\s+/g, '').toLowerCase();

function classify(row: SharedTextRow): SimilarityKind {
  if (row.isTemplate) return 'template';
  return STRONG_FIELDS.has(row.field) ? 'copied' : 'similar';
}

/** The earlier fiscal year wrote first; in the same year, the plan submitted first (unknown if neither was). */
export function firstWriter(
  mine: { fiscalYear: number; submittedAt: Date | null },
  other: { fiscalYear: number; submittedAt: Date | null },
): FirstWriter {
  if (other.fiscalYear !== mine.fiscalYear) return other.fiscalYear < mine.fiscalYear ? 'other' : 'this';
  if (mine.submittedAt && other.submittedAt) {
    if (other.submittedAt.getTime() === mine.submittedAt.getTime()) return 'unknown';
    return other.submittedAt < mine.submittedAt ? 'other' : 'this';
  }
  if (other.submittedAt) return 'other';
  if (mine.submittedAt) return 'this';
  return 'unknown';
}

/** Does this text name the other agency or cite its website (what a hurried copier leaves in)? */
export function namesOtherAgency(text: string, other: { agencyNameTh: string; website: string | null }): boolean {
  const words = compact(text);
  const core = compact(readCoreName(other.agencyNameTh));
  if (core.length >= 2 && words.includes(core)) return true;
  const host = other.website ? readHost(other.website) : '';
  return host !== '' && words.includes(host);
}

function group(rows: SharedTextRow[], fiscalYear: number): SimilarMeasure[] {
  const measures = new Map<string, SimilarMeasure>();
  const texts = new Map<string, SimilarText>();
  for (const row of rows) {
    let measure = measures.get(row.measureId);
    if (!measure) {
      measure = { measureId: row.measureId, sequence: row.sequence, title: row.measureTitle, texts: [] };
      measures.set(row.measureId, measure);
    }
    const key = `${row.measureId}:${row.field}:${row.position}`;
    let text = texts.get(key);
    if (!text) {
      text = { field: row.field, position: row.position, kind: classify(row), agencyCount: row.agencies, text: row.text, others: [] };
      texts.set(key, text);
      measure.texts.push(text);
    }
    if (row.other) {
      const { website: _website, submittedAt, ...other } = row.other;
      text.others.push({
        ...other,
        namesOther: namesOtherAgency(row.text, row.other),
        first: firstWriter({ fiscalYear, submittedAt: row.planSubmittedAt }, { fiscalYear: row.other.fiscalYear, submittedAt }),
      });
    }
  }
  return [...measures.values()];
}

async function similarMeasures(
  db: Db,
  scope: Scope,
  plan: { id: string; fiscalYear: number },
  options: { resultsOnly?: boolean } = {},
): Promise<SimilarMeasure[]> {
  return group(await queries.listSharedTexts(db, scope, plan.id, options), plan.fiscalYear);
}

/** Reviewers (province, national): the plan's measures whose texts other agencies' plans share. 404 out of reach, 403 for editors. */
export async function getSimilarMeasures(actor: Actor, planId: string): Promise<SimilarMeasuresResponse> {
  const db = rootDb();
  // The plan's owner read here (not through plans.service, which imports this module for its warnings).
  const plan = await queries.findPlanOwner(db, scopeFor(actor, 'read:plan'), planId);
  if (!plan) throw notFound('ไม่พบแผนนี้');
  assertCan(actor, 'review:plan', plan);
  const measures = await similarMeasures(db, scopeFor(actor, 'read:plan'), plan);
  return {
    planId: plan.id,
    fiscalYear: plan.fiscalYear,
    measures,
    copiedCount: measures.filter((measure) => measure.texts.some((text) => text.kind === 'copied')).length,
  };
}

const FIELD_TH: Record<string, string> = { result: 'ผลลัพธ์', summary: 'สรุปผลการดำเนินการ' };

/**
 * `COPIED_FROM_OTHER_AGENCY` warnings of a plan (staff pages only; the caller has checked its reach):
 * one per measure whose result or summary another agency's plan has word for word, naming the agency
 * that wrote it first (or the first one listed).
 */
export async function copyWarnings(db: Db, plan: { id: string; fiscalYear: number }): Promise<QualityWarning[]> {
  return copyWarningsOf(await queries.listSharedTexts(db, SYSTEM_SCOPE, plan.id, { resultsOnly: true }), plan);
}

/** `copyWarnings` from the plan's shared results and summaries as the plan page's own statement read them. */
export function copyWarningsOf(rows: SharedTextRow[], plan: { fiscalYear: number }): QualityWarning[] {
  return group(rows, plan.fiscalYear).flatMap((measure) => {
    // The plan that clearly wrote first is not told it copied: its reviewers see the pair, its editors no warning.
    const copied = measure.texts
      .filter((text) => text.kind === 'copied')
      .map((text) => ({ ...text, others: text.others.filter((other) => other.first !== 'this') }))
      .filter((text) => text.others.length > 0);
    if (copied.length === 0) return [];
    const all = copied.flatMap((text) => text.others.map((other) => ({ text, other })));
    const { other } = all.find(({ other }) => other.namesOther) ?? all.find(({ other }) => other.first === 'other') ?? all[0]!;
    const fields = [...new Set(copied.map((entry) => FIELD_TH[entry.field] ?? entry.field))].join('และ');
    const more = new Set(all.map((entry) => entry.other.agencyId)).size - 1;
    const named = other.namesOther ? ` ข้อความยังมีชื่อหรือเว็บไซต์ของ${other.agencyNameTh}อยู่` : '';
    const first = other.first === 'other' ? ' ซึ่งเขียนไว้ก่อน' : '';
    return [
      {
        code: 'COPIED_FROM_OTHER_AGENCY',
        sequence: measure.sequence,
        message:
          `${fields}ของมาตรการที่ ${measure.sequence} ตรงกับมาตรการที่ ${other.sequence} ของ${other.agencyNameTh} จังหวัด${other.provinceNameTh} ` +
          `(ปีงบประมาณ ${other.fiscalYear})${first}${more > 0 ? ` และอีก ${more} หน่วยงาน` : ''}${named}: ` +
          `ผลการดำเนินการต้องบอกสิ่งที่หน่วยงานนี้ทำเอง`,
        // For the screens' catalogues (warning.COPIED_FROM_OTHER_AGENCY[.named|.first]).
        params: {
          agency: other.agencyNameTh,
          province: other.provinceNameTh,
          fiscalYear: other.fiscalYear,
          otherSequence: other.sequence,
          more,
          ...(other.namesOther ? { kind: 'named' } : other.first === 'other' ? { kind: 'first' } : {}),
        },
      },
    ];
  });
}

/** Reviewers: the largest groups of results and summaries shared word for word (templates left out). */
export async function listCopyClusters(actor: Actor, query: CopyClustersQuery): Promise<CopyClustersResponse> {
  assertCan(actor, 'review:plan');
  const scope = scopeFor(actor, 'read:plan');
  let provinceId = query.provinceId ?? null;
  if (scope.kind === 'province') {
    if (provinceId !== null && provinceId !== scope.provinceId) throw new AppError('FORBIDDEN', 'ดูได้เฉพาะจังหวัดของคุณ');
    provinceId = scope.provinceId;
  }
  const rows = await queries.listCopyClusters(rootDb(), scope, { fiscalYear: query.fiscalYear, provinceId, limit: MAX_CLUSTERS });
  const clusters: CopyCluster[] = rows.map((row) => ({
    field: row.field,
    agencyCount: row.agencies,
    text: row.text,
    members: row.members.map((member) => ({ ...member, submittedAt: member.submittedAt?.toISOString() ?? null })),
  }));
  return { fiscalYear: query.fiscalYear, provinceId, clusters };
}

/** The similar-measures answer of one plan without the caller's checks (the benchmark times it). */
export const similarMeasuresForBench = (db: Db, plan: { id: string; fiscalYear: number }): Promise<SimilarMeasure[]> =>
  similarMeasures(db, SYSTEM_SCOPE, plan);

/** Build the index from nothing (bulk loads that bypass the trigger: the national data generator). */
export const rebuildSimilarityIndex = (db: Db): Promise<number> => queries.rebuildFingerprints(db);
