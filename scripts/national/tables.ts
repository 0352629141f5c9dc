import { textArrayLiteral, type TableSpec } from './bulk-insert';

/** Rows as the generator builds them: timestamps as ISO strings, dates as YYYY-MM-DD (CE, UTC). */
export interface DistrictRow {
  id: number;
  provinceId: number;
  nameTh: string;
  nameEn: string | null;
}

export interface AgencyRow {
  id: string;
  code: string;
  type: 'pao' | 'municipality' | 'sao' | 'special';
  municipalityClass: 'nakhon' | 'mueang' | 'tambon' | null;
  nameTh: string;
  nameEn: string | null;
  provinceId: number;
  districtId: number | null;
  address: string | null;
  postcode: string | null;
  phone: string | null;
  website: string | null;
  facebook: string | null;
  isActive: boolean;
  createdAt: string;
}

export interface PlanRow {
  id: string;
  agencyId: string;
  fiscalYear: number;
  status: 'draft' | 'submitted' | 'returned' | 'accepted' | 'published';
  agencyType: AgencyRow['type'];
  agencyNameTh: string;
  introText: string | null;
  copiedFromPlanId: string | null;
  warningCount: number;
  /** Live measures, and how many are completed / not carried out (the API keeps these on every write). */
  measureCount: number;
  completedCount: number;
  notCarriedOutCount: number;
  /** Distinct indicators the live measures cite. */
  indicatorsCovered: number;
  submittedAt: string | null;
  reviewedAt: string | null;
  publishedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type Outcome = 'planned' | 'in_progress' | 'completed' | 'not_carried_out';

export interface MeasureRow {
  id: string;
  planId: string;
  agencyId: string;
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
  carriedOutPrecision: 'day' | 'month' | null;
  carriedOutRaw: string | null;
  sourceMeasureId: string | null;
  version: number;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IndicatorRow {
  measureId: string;
  fiscalYear: number;
  code: string;
  raw: string | null;
}

export interface EvidenceRow {
  measureId: string;
  position: number;
  url: string;
  label: string;
  createdAt: string;
}

export interface TimelineRow {
  id: string;
  measureId: string;
  agencyId: string;
  kind: 'note' | 'status_change' | 'evidence_added';
  note: string | null;
  fromOutcome: Outcome | null;
  toOutcome: Outcome | null;
  evidenceUrl: string | null;
  occurredOn: string;
  createdAt: string;
}

export interface CommentRow {
  id: string;
  planId: string;
  measureId: string | null;
  agencyId: string;
  authorId: string | null;
  kind: 'comment' | 'return' | 'accept' | 'reopen';
  body: string;
  createdAt: string;
}

export interface ItaRow {
  agencyId: string;
  fiscalYear: number;
  score: string;
  createdAt: string;
}

export const DISTRICTS: TableSpec<DistrictRow> = {
  table: 'District',
  onConflict: 'ON CONFLICT DO NOTHING',
  columns: [
    { name: 'id', type: 'int4', value: (r) => r.id },
    { name: 'provinceId', type: 'int4', value: (r) => r.provinceId },
    { name: 'nameTh', type: 'text', value: (r) => r.nameTh },
    { name: 'nameEn', type: 'text', value: (r) => r.nameEn },
  ],
};

export const AGENCIES: TableSpec<AgencyRow> = {
  table: 'Agency',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'code', type: 'text', value: (r) => r.code },
    { name: 'type', type: 'text', cast: '"AgencyType"', value: (r) => r.type },
    { name: 'municipalityClass', type: 'text', cast: '"MunicipalityClass"', value: (r) => r.municipalityClass },
    { name: 'nameTh', type: 'text', value: (r) => r.nameTh },
    { name: 'nameEn', type: 'text', value: (r) => r.nameEn },
    { name: 'provinceId', type: 'int4', value: (r) => r.provinceId },
    { name: 'districtId', type: 'int4', value: (r) => r.districtId },
    { name: 'address', type: 'text', value: (r) => r.address },
    { name: 'postcode', type: 'text', value: (r) => r.postcode },
    { name: 'phone', type: 'text', value: (r) => r.phone },
    { name: 'website', type: 'text', value: (r) => r.website },
    { name: 'facebook', type: 'text', value: (r) => r.facebook },
    { name: 'isActive', type: 'bool', value: (r) => r.isActive },
    { name: 'createdAt', type: 'timestamp', value: (r) => r.createdAt },
    { name: 'updatedAt', type: 'timestamp', value: (r) => r.createdAt },
  ],
};

export const PLANS: TableSpec<PlanRow> = {
  table: 'Plan',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'agencyId', type: 'uuid', value: (r) => r.agencyId },
    { name: 'fiscalYear', type: 'int4', value: (r) => r.fiscalYear },
    { name: 'status', type: 'text', cast: '"PlanStatus"', value: (r) => r.status },
    { name: 'agencyType', type: 'text', cast: '"AgencyType"', value: (r) => r.agencyType },
    { name: 'agencyNameTh', type: 'text', value: (r) => r.agencyNameTh },
    { name: 'introText', type: 'text', value: (r) => r.introText },
    { name: 'copiedFromPlanId', type: 'uuid', value: (r) => r.copiedFromPlanId },
    { name: 'warningCount', type: 'int4', value: (r) => r.warningCount },
    { name: 'measureCount', type: 'int4', value: (r) => r.measureCount },
    { name: 'completedCount', type: 'int4', value: (r) => r.completedCount },
    { name: 'notCarriedOutCount', type: 'int4', value: (r) => r.notCarriedOutCount },
    { name: 'indicatorsCovered', type: 'int4', value: (r) => r.indicatorsCovered },
    { name: 'submittedAt', type: 'timestamp', value: (r) => r.submittedAt },
    { name: 'reviewedAt', type: 'timestamp', value: (r) => r.reviewedAt },
    { name: 'publishedAt', type: 'timestamp', value: (r) => r.publishedAt },
    { name: 'version', type: 'int4', value: (r) => r.version },
    { name: 'createdAt', type: 'timestamp', value: (r) => r.createdAt },
    { name: 'updatedAt', type: 'timestamp', value: (r) => r.updatedAt },
  ],
};

export const MEASURES: TableSpec<MeasureRow> = {
  table: 'Measure',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'planId', type: 'uuid', value: (r) => r.planId },
    { name: 'agencyId', type: 'uuid', value: (r) => r.agencyId },
    { name: 'sequence', type: 'int4', value: (r) => r.sequence },
    { name: 'title', type: 'text', value: (r) => r.title },
    { name: 'actions', type: 'text', cast: 'text[]', value: (r) => textArrayLiteral(r.actions) },
    { name: 'responsible', type: 'text', value: (r) => r.responsible },
    { name: 'plannedStart', type: 'date', value: (r) => r.plannedStart },
    { name: 'plannedEnd', type: 'date', value: (r) => r.plannedEnd },
    { name: 'outcome', type: 'text', cast: '"Outcome"', value: (r) => r.outcome },
    { name: 'outcomeReason', type: 'text', value: (r) => r.outcomeReason },
    { name: 'resultText', type: 'text', value: (r) => r.resultText },
    { name: 'summary', type: 'text', value: (r) => r.summary },
    { name: 'carriedOutDate', type: 'date', value: (r) => r.carriedOutDate },
    { name: 'carriedOutPrecision', type: 'text', cast: '"DatePrecision"', value: (r) => r.carriedOutPrecision },
    { name: 'carriedOutRaw', type: 'text', value: (r) => r.carriedOutRaw },
    { name: 'sourceMeasureId', type: 'uuid', value: (r) => r.sourceMeasureId },
    { name: 'version', type: 'int4', value: (r) => r.version },
    { name: 'deletedAt', type: 'timestamp', value: (r) => r.deletedAt },
    { name: 'createdAt', type: 'timestamp', value: (r) => r.createdAt },
    { name: 'updatedAt', type: 'timestamp', value: (r) => r.updatedAt },
  ],
};

export const INDICATORS: TableSpec<IndicatorRow> = {
  table: 'MeasureIndicator',
  columns: [
    { name: 'measureId', type: 'uuid', value: (r) => r.measureId },
    { name: 'fiscalYear', type: 'int4', value: (r) => r.fiscalYear },
    { name: 'code', type: 'text', value: (r) => r.code },
    { name: 'raw', type: 'text', value: (r) => r.raw },
  ],
};

export const EVIDENCE: TableSpec<EvidenceRow> = {
  table: 'EvidenceLink',
  columns: [
    { name: 'measureId', type: 'uuid', value: (r) => r.measureId },
    { name: 'position', type: 'int4', value: (r) => r.position },
    { name: 'url', type: 'text', value: (r) => r.url },
    { name: 'label', type: 'text', value: (r) => r.label },
    { name: 'createdAt', type: 'timestamp', value: (r) => r.createdAt },
  ],
};

export const TIMELINE: TableSpec<TimelineRow> = {
  table: 'TimelineEntry',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'measureId', type: 'uuid', value: (r) => r.measureId },
    { name: 'agencyId', type: 'uuid', value: (r) => r.agencyId },
    { name: 'kind', type: 'text', cast: '"TimelineKind"', value: (r) => r.kind },
    { name: 'note', type: 'text', value: (r) => r.note },
    { name: 'fromOutcome', type: 'text', cast: '"Outcome"', value: (r) => r.fromOutcome },
    { name: 'toOutcome', type: 'text', cast: '"Outcome"', value: (r) => r.toOutcome },
    { name: 'evidenceUrl', type: 'text', value: (r) => r.evidenceUrl },
    { name: 'occurredOn', type: 'date', value: (r) => r.occurredOn },
    { name: 'createdAt', type: 'timestamp', value: (r) => r.createdAt },
  ],
};

export const COMMENTS: TableSpec<CommentRow> = {
  table: 'ReviewComment',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'planId', type: 'uuid', value: (r) => r.planId },
    { name: 'measureId', type: 'uuid', value: (r) => r.measureId },
    { name: 'agencyId', type: 'uuid', value: (r) => r.agencyId },
    { name: 'authorId', type: 'uuid', value: (r) => r.authorId },
    { name: 'kind', type: 'text', cast: '"ReviewKind"', value: (r) => r.kind },
    { name: 'body', type: 'text', value: (r) => r.body },
    { name: 'createdAt', type: 'timestamp', value: (r) => r.createdAt },
  ],
};

export const ITA_RESULTS: TableSpec<ItaRow> = {
  table: 'ItaResult',
  // The demo data already scored a few demo agencies: keep those.
  onConflict: 'ON CONFLICT ("agencyId", "fiscalYear") DO NOTHING',
  columns: [
    { name: 'agencyId', type: 'uuid', value: (r) => r.agencyId },
    { name: 'fiscalYear', type: 'int4', value: (r) => r.fiscalYear },
    { name: 'score', type: 'numeric', value: (r) => r.score },
    { name: 'createdAt', type: 'timestamp', value: (r) => r.createdAt },
  ],
};
