import {
  fiscalYearRange,
  formatPartialDate,
  reportSignatureLines,
  thaiDistrictLabel,
  thaiProvinceLabel,
  toThaiDigits,
  type Agency,
  type Measure,
  type Outcome,
  type PlanDetail,
  type ReportSignature,
} from '@prongsai/shared';

/** Everything the official report shows: one agency and its plan, measures ordered by sequence. */
export interface ReportData {
  agency: Agency;
  plan: PlanDetail;
  /** The agency's signature block (ADR 022): the report ends with it when set. */
  signature?: ReportSignature | null;
}

/** The fields of a measure the open-data export writes (docs/open-data.md): a full `Measure` is one too. */
export type MeasureExportFields = Pick<
  Measure,
  | 'id'
  | 'sequence'
  | 'title'
  | 'actions'
  | 'responsible'
  | 'plannedStart'
  | 'plannedEnd'
  | 'outcome'
  | 'outcomeReason'
  | 'resultText'
  | 'summary'
  | 'carriedOut'
  | 'evidence'
  | 'updatedAt'
> &
  Partial<Pick<Measure, 'carriedOutRaw'>> & {
    indicators: (Pick<Measure['indicators'][number], 'fiscalYear' | 'code'> & { raw?: string | null; titleTh?: string | null })[];
  };

/** One measure of the open-data export, with the agency and plan it belongs to. */
export interface MeasureExportRow {
  agency: Pick<Agency, 'id' | 'code' | 'nameTh' | 'type' | 'provinceId' | 'provinceNameTh' | 'districtId' | 'districtNameTh'>;
  plan: Pick<PlanDetail, 'fiscalYear' | 'status'>;
  measure: MeasureExportFields;
}

export const OUTCOME_LABEL_TH: Record<Outcome, string> = {
  planned: 'ยังไม่เริ่มดำเนินการ',
  in_progress: 'อยู่ระหว่างดำเนินการ',
  completed: 'ดำเนินการแล้วเสร็จ',
  not_carried_out: 'ไม่สามารถดำเนินการได้',
};

/** The Thai words of the export's codes (the same wording as the web's catalogues), for people reading the XLSX. */
export const AGENCY_TYPE_LABEL_TH: Record<Agency['type'], string> = {
  pao: 'องค์การบริหารส่วนจังหวัด',
  municipality: 'เทศบาล',
  sao: 'องค์การบริหารส่วนตำบล',
  special: 'องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ',
};

export const PLAN_STATUS_LABEL_TH: Record<PlanDetail['status'], string> = {
  draft: 'ฉบับร่าง',
  submitted: 'ส่งให้จังหวัดตรวจสอบแล้ว',
  returned: 'ส่งกลับให้แก้ไข',
  accepted: 'อนุมัติแล้ว',
  published: 'เผยแพร่แล้ว',
};

export const DATE_PRECISION_LABEL_TH = { day: 'ระบุวัน', month: 'ระบุเพียงเดือน' } as const;

export const REPORT_TITLE = 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน';

export const REPORT_COLUMNS = {
  sequence: 'ลำดับที่',
  measure: 'มาตรการ / โครงการ / กิจกรรม ที่ดำเนินการ',
  result: 'ผลลัพธ์หรือความสำเร็จของการดำเนินการ',
  notCarriedOut: OUTCOME_LABEL_TH.not_carried_out,
  completed: OUTCOME_LABEL_TH.completed,
  summary: 'สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม',
  period: 'ระยะเวลาในการดำเนินการ',
} as const;

/** Where a measure's result stands: under its outcome, or across both result columns while not yet decided. */
export type ResultColumn = 'not_carried_out' | 'completed' | 'both';

export interface ReportRowView {
  sequence: string;
  measureLines: string[];
  indicatorLines: string[];
  resultColumn: ResultColumn;
  /** The outcome label, shown (bold) when the result spans both columns. */
  resultLabel: string | null;
  resultLines: string[];
  summaryLines: string[];
  responsible: string | null;
  evidence: { url: string; label: string }[];
  period: string;
}

/** The report as text, ready for a renderer: every Thai digit, date and label already decided here. */
export interface ReportView {
  title: string;
  fiscalYearLine: string;
  periodLine: string;
  agencyName: string;
  agencyLocationLine: string | null;
  contactLines: string[];
  introHeading: [string, string];
  introParagraphs: string[];
  rows: ReportRowView[];
  /** The signature block after the table, one string a line; empty when the agency has none. */
  signatureLines: string[];
  documentTitle: string;
}

// XML 1.0 forbids these; one of them in a stored text would make the .docx/.xlsx unreadable.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Drop characters that XML cannot hold and unify line ends; other text is kept as typed. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(XML_INVALID, '');
}

/** The non-empty lines of a stored text. */
export function splitLines(text: string | null | undefined): string[] {
  if (!text) return [];
  return cleanText(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Only http(s) links become clickable; anything else is shown as text. */
export const isHttpUrl = (url: string): boolean => /^https?:\/\/[^\s]+$/i.test(url.trim());

export const thaiNumber = (value: number): string => toThaiDigits(String(value));

export function buildReportView(data: ReportData): ReportView {
  const { agency, plan } = data;
  const fiscalYear = thaiNumber(plan.fiscalYear);
  const name = cleanText(agency.nameTh).trim();
  return {
    title: REPORT_TITLE,
    fiscalYearLine: `ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`,
    periodLine: formatFiscalPeriodLine(plan.fiscalYear),
    agencyName: name,
    agencyLocationLine: formatLocationLine(agency),
    contactLines: formatContactLines(agency),
    introHeading: ['รายงานผลการดำเนินการมาตรการส่งเสริมคุณธรรมและความโปร่งใส', `ของ${name} ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`],
    introParagraphs: plan.introText?.trim() ? splitLines(plan.introText) : [buildDefaultIntro(name, plan.fiscalYear)],
    rows: [...plan.measures].sort((a, b) => a.sequence - b.sequence).map(buildRowView),
    signatureLines: data.signature ? reportSignatureLines(cleanSignature(data.signature)) : [],
    documentTitle: `${REPORT_TITLE} ${name} ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`,
  };
}

const cleanSignature = (signature: ReportSignature): ReportSignature => ({
  ...signature,
  name: cleanText(signature.name).trim(),
  position: cleanText(signature.position).trim(),
});

/** "รอบ ๑๒ เดือน (เดือนตุลาคม ๒๕๖๕ ถึง เดือนกันยายน ๒๕๖๖)" */
export function formatFiscalPeriodLine(fiscalYear: number): string {
  const { start, end } = fiscalYearRange(fiscalYear);
  const month = (date: string) => formatPartialDate({ date, precision: 'month' });
  return `รอบ ${thaiNumber(12)} เดือน (เดือน${month(start)} ถึง เดือน${month(end)})`;
}

/** The wording of the sample report, naming the agency, the assessed year and the plan's year. */
export function buildDefaultIntro(agencyName: string, fiscalYear: number): string {
  return (
    `ตามที่ได้ดำเนินการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ` +
    `ของ${agencyName} ประจำปีงบประมาณ พ.ศ. ${thaiNumber(fiscalYear - 1)} ` +
    `และได้กำหนดมาตรการ/แนวทางในการส่งเสริมคุณธรรมและความโปร่งใสของ${agencyName} ` +
    `ในปีงบประมาณ พ.ศ. ${thaiNumber(fiscalYear)} ` +
    `โดยได้มีการดำเนินการขับเคลื่อนมาตรการในการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานของ${agencyName} ดังนี้`
  );
}

function formatLocationLine(agency: Agency): string | null {
  const parts = [
    agency.districtNameTh ? thaiDistrictLabel(agency.districtNameTh, agency.provinceNameTh) : null,
    thaiProvinceLabel(agency.provinceNameTh),
  ];
  return parts.filter(Boolean).join(' ') || null;
}

function formatContactLines(agency: Agency): string[] {
  const location = [formatLocationLine(agency), agency.postcode ? toThaiDigits(agency.postcode.trim()) : null].filter(Boolean).join(' ');
  return [
    ...splitLines(agency.address),
    location,
    agency.phone?.trim() ? `โทร. ${toThaiDigits(cleanText(agency.phone).trim())}` : '',
    agency.website?.trim() ? `เว็บไซต์ ${cleanText(agency.website).trim()}` : '',
    agency.facebook?.trim() ? `Facebook : ${cleanText(agency.facebook).trim()}` : '',
  ].filter((line) => line !== '');
}

function buildRowView(measure: Measure): ReportRowView {
  return {
    sequence: thaiNumber(measure.sequence),
    measureLines: formatMeasureLines(measure),
    indicatorLines: measure.indicators.map(formatIndicatorLine),
    ...placeResult(measure),
    summaryLines: splitLines(measure.summary),
    responsible: measure.responsible?.trim() ? cleanText(measure.responsible).trim() : null,
    evidence: measure.evidence.map((link) => ({ url: link.url.trim(), label: cleanText(link.label).trim() })),
    period: formatPeriod(measure),
  };
}

/**
 * Every text the .docx prints in a measure's row, in column order (the renderer prints exactly these):
 * its fingerprint tells an untouched row from one edited in Word (report-copy.ts).
 */
export function reportRowTexts(row: ReportRowView): string[] {
  return [
    row.sequence,
    ...row.measureLines,
    ...row.indicatorLines,
    ...(row.resultLabel ? [row.resultLabel] : []),
    ...row.resultLines,
    ...row.summaryLines,
    ...(row.responsible ? [`${RESPONSIBLE_PREFIX}${row.responsible}`] : []),
    ...row.evidence.map((link) => `${EVIDENCE_PREFIX}${link.label || link.url}`),
    row.period,
  ];
}

export const RESPONSIBLE_PREFIX = 'ผู้รับผิดชอบ: ';
export const EVIDENCE_PREFIX = 'หลักฐาน: ';

/** Numbered sub-actions ("๑. …"), or the title when the measure has none. */
function formatMeasureLines(measure: Measure): string[] {
  const actions = measure.actions.map((action) =>
    cleanText(action)
      .replace(/\s*\n\s*/g, ' ')
      .trim(),
  );
  if (actions.length === 0) return splitLines(measure.title);
  return actions.map((action, index) => `${thaiNumber(index + 1)}. ${action}`);
}

/** "อ้างอิงตัวชี้วัด ITA ปี ๒๕๖๖ O๑๑ แผนดำเนินงาน…": the codebook year matters, codes change meaning. */
function formatIndicatorLine(indicator: Measure['indicators'][number]): string {
  const title = indicator.titleTh ? ` ${cleanText(indicator.titleTh).trim()}` : '';
  return `อ้างอิงตัวชี้วัด ITA ปี ${thaiNumber(indicator.fiscalYear)} ${toThaiDigits(indicator.code)}${title}`;
}

function placeResult(measure: Measure): Pick<ReportRowView, 'resultColumn' | 'resultLabel' | 'resultLines'> {
  const result = splitLines(measure.resultText);
  switch (measure.outcome) {
    case 'completed':
      return {
        resultColumn: 'completed',
        resultLabel: null,
        resultLines: result.length ? result : [OUTCOME_LABEL_TH.completed],
      };
    case 'not_carried_out': {
      const reason = splitLines(measure.outcomeReason);
      const reasonLines = reason.length ? [`เหตุผล: ${reason[0]}`, ...reason.slice(1)] : [];
      const lines = [...result, ...reasonLines];
      return {
        resultColumn: 'not_carried_out',
        resultLabel: null,
        resultLines: lines.length ? lines : [OUTCOME_LABEL_TH.not_carried_out],
      };
    }
    default:
      return { resultColumn: 'both', resultLabel: OUTCOME_LABEL_TH[measure.outcome], resultLines: result };
  }
}

/** "ดำเนินการเมื่อวันที่ ๗ มีนาคม ๒๕๖๖", "ดำเนินการเมื่อ มีนาคม ๒๕๖๖" (no day invented), or the planned period. */
function formatPeriod(measure: Measure): string {
  if (measure.carriedOut) {
    const when = formatPartialDate(measure.carriedOut);
    return measure.carriedOut.precision === 'day' ? `ดำเนินการเมื่อวันที่ ${when}` : `ดำเนินการเมื่อ ${when}`;
  }
  const day = (date: string) => formatPartialDate({ date, precision: 'day' });
  if (measure.plannedStart && measure.plannedEnd) {
    return `กำหนดการ ${day(measure.plannedStart)} ถึง ${day(measure.plannedEnd)}`;
  }
  if (measure.plannedStart) return `กำหนดเริ่ม ${day(measure.plannedStart)}`;
  if (measure.plannedEnd) return `กำหนดแล้วเสร็จ ${day(measure.plannedEnd)}`;
  return '-';
}
