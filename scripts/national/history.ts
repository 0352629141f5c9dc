import { THAI_MONTHS, ceYearOfFiscalMonth, toBuddhistYear, toCommonEraYear, toThaiDigits } from '../../packages/shared/src/index';
import { SAO_PREFIX, type GeneratedAgency } from './agencies';
import {
  MEASURE_TEMPLATES,
  NOT_CARRIED_OUT_REASONS,
  RESPONSIBLE_UNITS,
  REVIEW_RETURN_REASONS,
  TIMELINE_NOTES,
  type MeasureTemplate,
} from './measure-templates';
import { COPY_RATE, OWN_WORDS_RATE, type CopyPool, type CopyTruthRow } from './copies';
import { Prng } from './prng';
import { hostLabel } from './thai-names';
import type { CommentRow, EvidenceRow, IndicatorRow, ItaRow, MeasureRow, Outcome, PlanRow, TimelineRow } from './tables';

export const FISCAL_YEARS = [2564, 2565, 2566, 2567, 2568] as const;

/** Everything one agency did over the five fiscal years, ready to insert. */
export interface AgencyHistory {
  plans: PlanRow[];
  measures: MeasureRow[];
  indicators: IndicatorRow[];
  evidence: EvidenceRow[];
  timeline: TimelineRow[];
  comments: CommentRow[];
  ita: ItaRow[];
  /** Per plan: its live measures in the shape the quality checks read (warningCount is computed later). */
  checks: PlanCheck[];
  /** Planted copies of another agency's result and summary (the copy detector's truth). */
  copies: CopyTruthRow[];
}

export interface PlanCheck {
  plan: PlanRow;
  website: string | null;
  measures: { row: MeasureRow; evidence: EvidenceRow[]; indicators: IndicatorRow[] }[];
}

type Status = PlanRow['status'];

/** Older years are mostly published; the latest year is still being worked on. */
const STATUS_WEIGHTS: Record<number, Record<Status, number>> = {
  2564: { published: 90, accepted: 4, submitted: 1, returned: 1, draft: 4 },
  2565: { published: 88, accepted: 5, submitted: 2, returned: 1, draft: 4 },
  2566: { published: 84, accepted: 7, submitted: 3, returned: 2, draft: 4 },
  2567: { published: 62, accepted: 12, submitted: 10, returned: 6, draft: 10 },
  2568: { published: 22, accepted: 16, submitted: 24, returned: 12, draft: 26 },
};
/** Share of agencies with a plan that year (adoption grew over the years). */
const PLAN_PRESENCE: Record<number, number> = { 2564: 0.9, 2565: 0.94, 2566: 0.97, 2567: 0.985, 2568: 0.96 };
/** National average ITA score by year (FY2565 87.57 and FY2568 93.82 are published figures). */
const ITA_MEAN: Record<number, number> = { 2564: 84.9, 2565: 87.57, 2566: 89.2, 2567: 91.6, 2568: 93.82 };

const OUTCOME_WEIGHTS: Record<Status, Record<Outcome, number>> = {
  published: { completed: 84, not_carried_out: 8, in_progress: 6, planned: 2 },
  accepted: { completed: 84, not_carried_out: 8, in_progress: 6, planned: 2 },
  submitted: { completed: 55, in_progress: 30, planned: 10, not_carried_out: 5 },
  returned: { completed: 40, in_progress: 35, planned: 20, not_carried_out: 5 },
  draft: { planned: 45, in_progress: 35, completed: 20, not_carried_out: 0 },
};

const OTHER_AGENCY = 'องค์การบริหารส่วนตำบลบ้านซ่ง';
const OTHER_SITE = 'www.banshong.go.th';
const DAY_MS = 86_400_000;

/** Build one agency's plans, measures and scores; `skipYears` already have a plan (demo data). */
export function buildHistory(
  agency: GeneratedAgency,
  seed: number,
  skipYears: ReadonlySet<number>,
  reviewerId: string | null,
  pool: CopyPool | null = null,
): AgencyHistory {
  const prng = new Prng(seed, 0x4157, agency.index);
  const history: AgencyHistory = {
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
  let previous: PlanDraft | null = null;
  for (const fiscalYear of FISCAL_YEARS) {
    history.ita.push(...itaScore(prng, agency, fiscalYear));
    if (skipYears.has(fiscalYear) || !prng.chance(PLAN_PRESENCE[fiscalYear]! + agency.quality * 0.01)) {
      previous = null;
      continue;
    }
    previous = new PlanBuilder(prng, agency, fiscalYear, reviewerId, history, pool).build(previous);
  }
  return history;
}

function itaScore(prng: Prng, agency: GeneratedAgency, fiscalYear: number): ItaRow[] {
  if (!prng.chance(0.99)) return [];
  // Scores bunch below 100 with a long tail of weak agencies: 100 minus a log-normal gap.
  const gap = (100 - ITA_MEAN[fiscalYear]!) * Math.exp(prng.normal(-0.18, 0.6) - 0.35 * agency.quality);
  const score = Math.max(20, Math.min(100, 100 - gap));
  const ceEnd = toCommonEraYear(fiscalYear);
  return [{ agencyId: agency.row.id, fiscalYear, score: score.toFixed(2), createdAt: iso(Date.UTC(ceEnd, 8, 30, 3)) }];
}

interface WrittenTexts {
  resultText: string;
  summary: string;
  own: boolean;
  copiedFrom: { measureId: string; variant: CopyTruthRow['variant'] } | null;
}

interface PlanDraft {
  planId: string;
  measures: { id: string; template: number }[];
}

class PlanBuilder {
  private readonly ceStart: number;
  private readonly website: string;

  constructor(
    private readonly prng: Prng,
    private readonly agency: GeneratedAgency,
    private readonly fiscalYear: number,
    private readonly reviewerId: string | null,
    private readonly history: AgencyHistory,
    private readonly pool: CopyPool | null,
  ) {
    this.ceStart = ceYearOfFiscalMonth(fiscalYear, 10);
    this.website = agency.row.website ?? `www.${hostLabel(agency.place)}.go.th`;
  }

  build(previous: PlanDraft | null): PlanDraft {
    const prng = this.prng;
    const weights = { ...STATUS_WEIGHTS[this.fiscalYear]! };
    weights.published *= Math.exp(0.3 * this.agency.quality);
    const status = prng.weighted(weights);
    const plan = this.planRow(status, previous);
    const templates = this.chooseTemplates(previous);
    const check: PlanCheck = { plan, website: this.agency.row.website, measures: [] };
    const draft: PlanDraft = { planId: plan.id, measures: [] };
    let latest = Date.parse(plan.updatedAt);
    templates.forEach(({ template, source }, index) => {
      const built = this.measure(plan, index + 1, template, source);
      draft.measures.push({ id: built.row.id, template });
      if (!built.row.deletedAt) check.measures.push(built);
      latest = Math.max(latest, built.updatedAt);
    });
    this.copyActionDefect(check);
    plan.measureCount = check.measures.length;
    plan.completedCount = check.measures.filter(({ row }) => row.outcome === 'completed').length;
    plan.notCarriedOutCount = check.measures.filter(({ row }) => row.outcome === 'not_carried_out').length;
    plan.indicatorsCovered = new Set(
      check.measures.flatMap(({ indicators }) => indicators.map((ref) => `${ref.fiscalYear}:${ref.code}`)),
    ).size;
    plan.updatedAt = iso(latest);
    this.history.plans.push(plan);
    this.history.checks.push(check);
    this.comments(plan, draft);
    return draft;
  }

  private planRow(status: Status, previous: PlanDraft | null): PlanRow {
    const prng = this.prng;
    const created = Date.UTC(this.ceStart, 9 + prng.int(0, 1), prng.int(1, 28), prng.int(2, 9), prng.int(0, 59));
    const submitted = status === 'draft' ? null : created + prng.int(20, 60) * DAY_MS;
    const reviewed = submitted !== null && status !== 'submitted' ? submitted + prng.int(3, 30) * DAY_MS : null;
    const published = reviewed !== null && status === 'published' ? reviewed + prng.int(1, 20) * DAY_MS : null;
    const transitions = { draft: 0, submitted: 1, returned: 2, accepted: 2, published: 3 }[status];
    const wasSao = this.agency.upgradedIn !== null && this.fiscalYear < this.agency.upgradedIn;
    const agencyNameTh = wasSao ? `${SAO_PREFIX}${this.agency.place.th}` : this.agency.row.nameTh;
    return {
      id: prng.uuid(),
      agencyId: this.agency.row.id,
      fiscalYear: this.fiscalYear,
      status,
      agencyType: wasSao ? 'sao' : this.agency.row.type,
      agencyNameTh,
      introText: prng.chance(0.35) ? introText(agencyNameTh, this.fiscalYear) : null,
      copiedFromPlanId: previous && prng.chance(0.45) ? previous.planId : null,
      warningCount: 0,
      measureCount: 0,
      completedCount: 0,
      notCarriedOutCount: 0,
      indicatorsCovered: 0,
      submittedAt: submitted === null ? null : iso(submitted),
      reviewedAt: reviewed === null ? null : iso(reviewed),
      publishedAt: published === null ? null : iso(published),
      version: 1 + transitions + prng.int(0, 3),
      createdAt: iso(created),
      updatedAt: iso(Math.max(created, submitted ?? 0, reviewed ?? 0, published ?? 0)),
    };
  }

  /** 5–10 distinct measures; a plan copied from last year keeps most of last year's measures. */
  private chooseTemplates(previous: PlanDraft | null): { template: number; source: string | null }[] {
    const prng = this.prng;
    const count = prng.int(5, 10);
    const kept = previous && prng.chance(0.45) ? previous.measures.filter(() => prng.chance(0.8)) : [];
    const chosen = kept.slice(0, count).map((measure) => ({ template: measure.template, source: measure.id }));
    const used = new Set(chosen.map((choice) => choice.template));
    const fresh = prng.sample(
      MEASURE_TEMPLATES.map((_, index) => index).filter((index) => !used.has(index)),
      count - chosen.length,
    );
    return [...chosen, ...fresh.map((template) => ({ template, source: null }))];
  }

  private measure(
    plan: PlanRow,
    sequence: number,
    templateIndex: number,
    source: string | null,
  ): { row: MeasureRow; evidence: EvidenceRow[]; indicators: IndicatorRow[]; updatedAt: number } {
    const prng = this.prng;
    const template = MEASURE_TEMPLATES[templateIndex]!;
    const outcome = prng.weighted(OUTCOME_WEIGHTS[plan.status]);
    const id = prng.uuid();
    const created = Date.parse(plan.createdAt);
    const start = this.monthStart(prng.int(0, 5));
    const done = outcome === 'completed';
    const carried = done ? this.carriedOut() : null;
    const written = done ? this.resultTexts(template, plan) : null;
    const texts = written
      ? { resultText: written.resultText, summary: written.summary }
      : { resultText: outcome === 'in_progress' ? 'อยู่ระหว่างดำเนินการ' : null, summary: null };
    const evidenceAt = (carried?.at ?? created) + 3_600_000;
    const evidence = this.evidence(id, template, outcome, sequence, evidenceAt);
    const timeline = this.timeline(id, outcome, start, carried?.at ?? start + 60 * DAY_MS, evidence, evidenceAt);
    const updated = Math.max(created, timeline.latest);
    const deletable = plan.status === 'draft' || plan.status === 'returned' || plan.status === 'submitted';
    const row: MeasureRow = {
      id,
      planId: plan.id,
      agencyId: plan.agencyId,
      sequence,
      title: this.title(template),
      actions: prng.sample(template.actions, prng.int(2, 5)).sort((a, b) => template.actions.indexOf(a) - template.actions.indexOf(b)),
      responsible: prng.chance(0.6) ? prng.pick(RESPONSIBLE_UNITS) : null,
      plannedStart: prng.chance(0.7) ? day(start) : null,
      plannedEnd: null,
      outcome,
      outcomeReason: outcome === 'not_carried_out' ? prng.pick(NOT_CARRIED_OUT_REASONS) : null,
      ...texts,
      carriedOutDate: carried?.date ?? null,
      carriedOutPrecision: carried?.precision ?? null,
      carriedOutRaw: carried?.raw ?? null,
      sourceMeasureId: source,
      version: 1 + timeline.entries.length + prng.int(0, 2),
      deletedAt: deletable && prng.chance(0.008) ? iso(updated) : null,
      createdAt: iso(created),
      updatedAt: iso(updated),
    };
    if (row.plannedStart) row.plannedEnd = day(this.monthStart(prng.int(6, 11)) + 27 * DAY_MS);
    if (written && !row.deletedAt) this.recordWording(row, plan, written);
    this.history.measures.push(row);
    const indicators = this.indicators(id, template);
    this.history.indicators.push(...indicators);
    this.history.evidence.push(...evidence);
    this.history.timeline.push(...timeline.entries);
    return { row, evidence, indicators, updatedAt: updated };
  }

  private title(template: MeasureTemplate): string {
    const roll = this.prng.next();
    if (roll < 0.25) return `${template.title} ประจำปีงบประมาณ พ.ศ. ${toThaiDigits(String(this.fiscalYear))}`;
    if (roll < 0.35) return `โครงการ${template.title}`;
    return template.title;
  }

  /** Own words become copy sources; copies become the detector's truth (see copies.ts). */
  private recordWording(row: MeasureRow, plan: PlanRow, written: WrittenTexts): void {
    if (written.copiedFrom) {
      this.history.copies.push({ measureId: row.id, sourceMeasureId: written.copiedFrom.measureId, variant: written.copiedFrom.variant });
    } else if (written.own && plan.submittedAt && this.pool) {
      this.pool.add({
        measureId: row.id,
        agencyId: plan.agencyId,
        agencyNameTh: plan.agencyNameTh,
        website: this.website,
        fiscalYear: this.fiscalYear,
        submittedAt: Date.parse(plan.submittedAt),
        resultText: written.resultText,
        summary: written.summary,
      });
    }
  }

  /**
   * Result and summary: another agency's copied now and then, else the template's words or the
   * agency's own (what it did: its name, a date, numbers, sometimes its website), with the defects
   * real reports have (same text twice, another agency's name or site).
   */
  private resultTexts(template: MeasureTemplate, plan: PlanRow): WrittenTexts {
    const prng = this.prng;
    const source =
      this.pool && prng.chance(COPY_RATE) ? this.pool.pick(prng, this.fiscalYear, Date.parse(plan.createdAt), plan.agencyId) : null;
    if (source) {
      if (prng.chance(0.5)) {
        return {
          resultText: source.resultText,
          summary: source.summary,
          own: false,
          copiedFrom: { measureId: source.measureId, variant: 'verbatim' },
        };
      }
      const rename = (text: string) => text.replaceAll(source.agencyNameTh, plan.agencyNameTh).replaceAll(source.website, this.website);
      return {
        resultText: rename(source.resultText),
        summary: rename(source.summary),
        own: false,
        copiedFrom: { measureId: source.measureId, variant: 'renamed' },
      };
    }
    if (prng.chance(OWN_WORDS_RATE)) {
      const date = new Date(this.monthStart(prng.int(1, 11)) + prng.int(0, 27) * DAY_MS);
      const when = `${toThaiDigits(String(date.getUTCDate()))} ${THAI_MONTHS[date.getUTCMonth()]} ${toThaiDigits(String(toBuddhistYear(date.getUTCFullYear())))}`;
      const people = toThaiDigits(String(prng.int(12, 240)));
      const village = toThaiDigits(String(prng.int(1, 24)));
      const budget = toThaiDigits((prng.int(5, 900) * 100).toLocaleString('en'));
      const resultText = `${template.result} โดย ${plan.agencyNameTh} ดำเนินการเมื่อวันที่ ${when} มีผู้เข้าร่วม ${people} คน ใช้งบประมาณ ${budget} บาท`;
      const site = prng.chance(0.4) ? ` และเผยแพร่ทางเว็บไซต์ ${this.website}` : '';
      const households = toThaiDigits(String(prng.int(20, 900)));
      const meetings = toThaiDigits(String(prng.int(2, 30)));
      const summary = `${template.summary} ณ ศาลาประชาคมหมู่ที่ ${village} ของ ${plan.agencyNameTh} ครอบคลุม ${households} ครัวเรือน ประชุมติดตาม ${meetings} ครั้ง${site}`;
      return { ...this.withDefects(resultText, summary, 2), own: true, copiedFrom: null };
    }
    // The template's words as they are: identical in every plan that uses them (the legitimate class).
    const summary = prng.chance(0.06) ? template.result : template.summary;
    return { resultText: template.result, summary, own: false, copiedFrom: null };
  }

  /**
   * The slips real reports have, on texts of the agency's own (`weight` keeps their national rate):
   * the same text twice, another agency's name or site left in.
   */
  private withDefects(result: string, summaryText: string, weight: number): { resultText: string; summary: string } {
    const prng = this.prng;
    let resultText = result;
    let summary = summaryText;
    if (prng.chance(0.06)) summary = resultText;
    if (prng.chance(0.02 * weight)) resultText = `${resultText} ของ${OTHER_AGENCY}`;
    if (prng.chance(0.02 * weight)) summary = `${summary} และเผยแพร่ทางเว็บไซต์ ${OTHER_SITE}`;
    return { resultText, summary };
  }

  /** When a completed measure was carried out: month or day precision, sometimes outside the year or with a blank day. */
  private carriedOut(): { date: string; precision: 'day' | 'month'; raw: string | null; at: number } {
    const prng = this.prng;
    const outside = prng.chance(0.025);
    const month = outside ? this.monthStart(-prng.int(1, 3)) : this.monthStart(prng.int(1, 11));
    const isDay = prng.chance(0.45);
    const at = isDay ? month + prng.int(0, 27) * DAY_MS : month;
    const date = new Date(at);
    const thaiMonth = `${THAI_MONTHS[date.getUTCMonth()]} ${toThaiDigits(String(toBuddhistYear(date.getUTCFullYear())))}`;
    const blankDay = !isDay && prng.chance(0.05);
    const raw = blankDay
      ? `ดำเนินการเมื่อวันที่ ${thaiMonth}`
      : prng.chance(0.6)
        ? isDay
          ? `ดำเนินการเมื่อวันที่ ${toThaiDigits(String(date.getUTCDate()))} ${thaiMonth}`
          : `ดำเนินการเมื่อ ${thaiMonth}`
        : null;
    return { date: day(at), precision: isDay ? 'day' : 'month', raw, at };
  }

  private indicators(measureId: string, template: MeasureTemplate): IndicatorRow[] {
    const prng = this.prng;
    const roll = prng.next();
    const count = roll < 0.3 ? 0 : roll < 0.8 ? 1 : 2;
    const codebookYear = this.fiscalYear <= 2565 ? 2565 : 2566;
    return prng.sample(template.codes, count).map((code) => ({
      measureId,
      fiscalYear: codebookYear,
      code,
      raw: prng.chance(0.5) ? `อ้างอิงจาก ${toThaiDigits(code.slice(1).padStart(3, '0'))}` : null,
    }));
  }

  private evidence(measureId: string, template: MeasureTemplate, outcome: Outcome, sequence: number, at: number): EvidenceRow[] {
    const prng = this.prng;
    const count = outcome === 'completed' ? (prng.chance(0.12) ? 0 : prng.int(1, 3)) : outcome === 'in_progress' ? prng.int(0, 1) : 0;
    return Array.from({ length: count }, (_, position) => {
      const onFacebook = prng.chance(0.15);
      return {
        measureId,
        position,
        url: onFacebook
          ? `https://www.facebook.com/${hostLabel(this.agency.place)}/posts/${prng.int(100000, 999999)}`
          : `https://${this.website}/ita/${this.fiscalYear}/${sequence}-${position + 1}.pdf`,
        label: onFacebook ? 'ภาพกิจกรรม' : (template.evidence[position] ?? 'หลักฐานการดำเนินการ'),
        createdAt: iso(at),
      };
    });
  }

  private timeline(
    measureId: string,
    outcome: Outcome,
    start: number,
    end: number,
    evidence: EvidenceRow[],
    evidenceAt: number,
  ): { entries: TimelineRow[]; latest: number } {
    const prng = this.prng;
    const entries: TimelineRow[] = [];
    let latest = 0;
    const add = (kind: TimelineRow['kind'], at: number, fields: Partial<TimelineRow>) => {
      const createdAt = at + prng.int(8, 16) * 3_600_000;
      latest = Math.max(latest, createdAt);
      entries.push({
        id: prng.uuid(),
        measureId,
        agencyId: this.agency.row.id,
        kind,
        note: null,
        fromOutcome: null,
        toOutcome: null,
        evidenceUrl: null,
        occurredOn: day(at),
        createdAt: iso(createdAt),
        ...fields,
      });
    };
    if (outcome === 'in_progress' || outcome === 'completed')
      add('status_change', start, { fromOutcome: 'planned', toOutcome: 'in_progress' });
    if (prng.chance(0.12)) add('note', start + 20 * DAY_MS, { note: prng.pick(TIMELINE_NOTES) });
    if (outcome === 'completed') add('status_change', end, { fromOutcome: 'in_progress', toOutcome: 'completed' });
    if (outcome === 'not_carried_out') add('status_change', end, { fromOutcome: 'planned', toOutcome: 'not_carried_out' });
    for (const link of evidence) add('evidence_added', evidenceAt, { note: link.label, evidenceUrl: link.url });
    return { entries, latest };
  }

  /** Now and then a sub-action pasted from the wrong row (the checks flag it as duplicate text). */
  private copyActionDefect(check: PlanCheck): void {
    const [first, second] = check.measures;
    if (!first || !second || !this.prng.chance(0.03)) return;
    second.row.actions = [...second.row.actions, first.row.actions[0]!];
  }

  private comments(plan: PlanRow, draft: PlanDraft): void {
    const prng = this.prng;
    const at = plan.reviewedAt ?? plan.submittedAt;
    if (!at) return;
    const comment = (kind: CommentRow['kind'], body: string, measureId: string | null = null) =>
      this.history.comments.push({
        id: prng.uuid(),
        planId: plan.id,
        measureId,
        agencyId: plan.agencyId,
        authorId: this.reviewerId,
        kind,
        body,
        createdAt: at,
      });
    if (plan.status === 'returned') comment('return', prng.pick(REVIEW_RETURN_REASONS));
    if ((plan.status === 'accepted' || plan.status === 'published') && prng.chance(0.5)) comment('accept', 'ตรวจสอบแล้ว เห็นชอบ');
    if ((plan.status === 'returned' || plan.status === 'submitted') && prng.chance(0.3)) {
      comment('comment', 'กรุณาระบุวันที่ดำเนินการให้ครบ และแนบลิงก์หลักฐาน', prng.pick(draft.measures).id);
    }
  }

  /** Midnight UTC on the first day of the fiscal year's month `index` (0 = October; negative = before the year). */
  private monthStart(index: number): number {
    return Date.UTC(this.ceStart, 9 + index, 1);
  }
}

function introText(agencyNameTh: string, fiscalYear: number): string {
  return (
    `ตามที่${agencyNameTh}ได้วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ` +
    `ประจำปีงบประมาณ พ.ศ. ${toThaiDigits(String(fiscalYear - 1))} และได้กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ` +
    `ประจำปีงบประมาณ พ.ศ. ${toThaiDigits(String(fiscalYear))} ดังนี้`
  );
}

// Millions of timestamps: format the date part once per day, the time part by hand.
const DAYS = new Map<number, string>();
function day(ms: number): string {
  const index = Math.floor(ms / DAY_MS);
  let text = DAYS.get(index);
  if (text === undefined) {
    text = new Date(index * DAY_MS).toISOString().slice(0, 10);
    DAYS.set(index, text);
  }
  return text;
}
const pad = (value: number, width: number) => String(value).padStart(width, '0');
function iso(ms: number): string {
  const rest = ms - Math.floor(ms / DAY_MS) * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  const minutes = Math.floor((rest % 3_600_000) / 60_000);
  const seconds = Math.floor((rest % 60_000) / 1000);
  return `${day(ms)}T${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(rest % 1000, 3)}Z`;
}
