import { csvLine } from '@prongsai/shared';
import {
  AGENCY_TYPE_LABEL_TH,
  DATE_PRECISION_LABEL_TH,
  OUTCOME_LABEL_TH,
  PLAN_STATUS_LABEL_TH,
  cleanText,
  type MeasureExportRow,
} from './report-model';

export type ExportCellValue = string | number | null;

export interface MeasureExportColumn {
  /** Stable machine name: the CSV header. Never renamed; new columns are only appended. */
  id: string;
  header_th: string;
  header_en: string;
  description: string;
  value: (row: MeasureExportRow) => ExportCellValue;
}

/** One line per item, so that a newline inside an item cannot be mistaken for the next item. */
const joinItems = (items: string[]): string | null => {
  const flat = items
    .map((item) =>
      cleanText(item)
        .replace(/\s*\n\s*/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  return flat.length ? flat.join('\n') : null;
};

const text = (value: string | null | undefined): string | null => (value ? cleanText(value).trim() || null : null);

/** ISO 8601 at the precision known: "2023-03-07", or "2023-03" when only the month is known. */
const carriedOutDate = ({ measure }: MeasureExportRow): string | null => {
  if (!measure.carriedOut) return null;
  return measure.carriedOut.precision === 'month' ? measure.carriedOut.date.slice(0, 7) : measure.carriedOut.date;
};

/** The open-data column set of measures, documented in docs/open-data.md (keep the two in step). */
export const MEASURE_EXPORT_COLUMNS: readonly MeasureExportColumn[] = [
  {
    id: 'agency_id',
    header_th: 'รหัสหน่วยงานในระบบ',
    header_en: 'Agency ID',
    description: 'Stable identifier (UUID) of the agency in Prongsai.',
    value: ({ agency }) => agency.id,
  },
  {
    id: 'agency_code',
    header_th: 'รหัสหน่วยงาน',
    header_en: 'Agency code',
    description: 'The agency code recorded in Prongsai (meant to be the official local-government code); may be empty.',
    value: ({ agency }) => agency.code,
  },
  {
    id: 'agency_name_th',
    header_th: 'ชื่อหน่วยงาน',
    header_en: 'Agency name (Thai)',
    description: 'Official Thai name of the agency.',
    value: ({ agency }) => text(agency.nameTh),
  },
  {
    id: 'agency_type',
    header_th: 'ประเภทหน่วยงาน',
    header_en: 'Agency type',
    description: 'pao (อบจ.), municipality (เทศบาล), sao (อบต.) or special (กรุงเทพมหานคร, เมืองพัทยา).',
    value: ({ agency }) => agency.type,
  },
  {
    id: 'province_code',
    header_th: 'รหัสจังหวัด',
    header_en: 'Province code',
    description: 'Two-digit DOPA province code, e.g. 49 for Mukdahan.',
    value: ({ agency }) => agency.provinceId,
  },
  {
    id: 'province_name_th',
    header_th: 'จังหวัด',
    header_en: 'Province',
    description: 'Thai province name, without the word จังหวัด.',
    value: ({ agency }) => agency.provinceNameTh,
  },
  {
    id: 'district_code',
    header_th: 'รหัสอำเภอ',
    header_en: 'District code',
    description: 'Four-digit DOPA district code; empty when unknown.',
    value: ({ agency }) => agency.districtId,
  },
  {
    id: 'district_name_th',
    header_th: 'อำเภอ',
    header_en: 'District',
    description: 'Thai district name, without the word อำเภอ or เขต; empty when unknown.',
    value: ({ agency }) => agency.districtNameTh,
  },
  {
    id: 'fiscal_year',
    header_th: 'ปีงบประมาณ (พ.ศ.)',
    header_en: 'Fiscal year (BE)',
    description: 'Thai fiscal year in the Buddhist era, Arabic digits: 2566 runs 1 Oct 2022 – 30 Sep 2023.',
    value: ({ plan }) => plan.fiscalYear,
  },
  {
    id: 'plan_status',
    header_th: 'สถานะแผน',
    header_en: 'Plan status',
    description: 'draft, submitted, returned, accepted or published.',
    value: ({ plan }) => plan.status,
  },
  {
    id: 'measure_id',
    header_th: 'รหัสมาตรการในระบบ',
    header_en: 'Measure ID',
    description: 'Stable identifier (UUID) of the measure.',
    value: ({ measure }) => measure.id,
  },
  {
    id: 'sequence',
    header_th: 'ลำดับที่',
    header_en: 'Sequence',
    description: 'Order of the measure in the plan, from 1.',
    value: ({ measure }) => measure.sequence,
  },
  {
    id: 'title',
    header_th: 'มาตรการ',
    header_en: 'Measure',
    description: 'Title of the measure.',
    value: ({ measure }) => text(measure.title),
  },
  {
    id: 'actions',
    header_th: 'ขั้นตอนย่อย',
    header_en: 'Sub-actions',
    description: 'Sub-actions in order, one per line (line breaks inside a sub-action become spaces).',
    value: ({ measure }) => joinItems(measure.actions),
  },
  {
    id: 'indicators',
    header_th: 'ตัวชี้วัด ITA ที่อ้างอิง',
    header_en: 'ITA indicators cited',
    description:
      'Cited OIT items as <codebook fiscal year>:<code>, separated by ";", e.g. "2566:O11;2566:O27". ' +
      'Codes change meaning between years, so the year is part of the reference.',
    value: ({ measure }) => measure.indicators.map((item) => `${item.fiscalYear}:${item.code}`).join(';') || null,
  },
  {
    id: 'outcome',
    header_th: 'รหัสผลการดำเนินการ',
    header_en: 'Outcome',
    description: 'planned, in_progress, completed or not_carried_out.',
    value: ({ measure }) => measure.outcome,
  },
  {
    id: 'outcome_th',
    header_th: 'ผลการดำเนินการ',
    header_en: 'Outcome (Thai)',
    description: 'The outcome as worded in the report, e.g. ดำเนินการแล้วเสร็จ.',
    value: ({ measure }) => OUTCOME_LABEL_TH[measure.outcome],
  },
  {
    id: 'outcome_reason',
    header_th: 'เหตุผลที่ไม่สามารถดำเนินการได้',
    header_en: 'Reason not carried out',
    description: 'Why the measure could not be carried out (outcome not_carried_out).',
    value: ({ measure }) => text(measure.outcomeReason),
  },
  {
    id: 'result_text',
    header_th: 'ผลลัพธ์หรือความสำเร็จ',
    header_en: 'Result',
    description: 'Result or achievement, as written by the agency.',
    value: ({ measure }) => text(measure.resultText),
  },
  {
    id: 'summary',
    header_th: 'สรุปผลการดำเนินการ',
    header_en: 'Summary',
    description: 'Summary of what was done, as written by the agency.',
    value: ({ measure }) => text(measure.summary),
  },
  {
    id: 'carried_out_date',
    header_th: 'วันที่ดำเนินการ (ค.ศ.)',
    header_en: 'Date carried out (CE)',
    description: 'ISO 8601 Common Era date, YYYY-MM-DD, or YYYY-MM when only the month is known (no day is invented).',
    value: carriedOutDate,
  },
  {
    id: 'carried_out_precision',
    header_th: 'ความละเอียดของวันที่',
    header_en: 'Date precision',
    description: 'day or month; empty when there is no date.',
    value: ({ measure }) => measure.carriedOut?.precision ?? null,
  },
  {
    id: 'planned_start',
    header_th: 'วันเริ่มตามแผน (ค.ศ.)',
    header_en: 'Planned start (CE)',
    description: 'Planned start, YYYY-MM-DD (Common Era).',
    value: ({ measure }) => measure.plannedStart,
  },
  {
    id: 'planned_end',
    header_th: 'วันสิ้นสุดตามแผน (ค.ศ.)',
    header_en: 'Planned end (CE)',
    description: 'Planned end, YYYY-MM-DD (Common Era).',
    value: ({ measure }) => measure.plannedEnd,
  },
  {
    id: 'responsible',
    header_th: 'ผู้รับผิดชอบ',
    header_en: 'Responsible',
    description: 'Office or person responsible, as written by the agency.',
    value: ({ measure }) => text(measure.responsible),
  },
  {
    id: 'evidence',
    header_th: 'หลักฐาน',
    header_en: 'Evidence',
    description: 'Evidence links (http or https), one per line, each as "<url>|<label>".',
    value: ({ measure }) => joinItems(measure.evidence.map((link) => `${link.url}|${link.label}`)),
  },
  {
    id: 'updated_at',
    header_th: 'แก้ไขล่าสุด',
    header_en: 'Last updated',
    description: 'When the measure was last changed, ISO 8601 timestamp in UTC.',
    value: ({ measure }) => measure.updatedAt,
  },
  {
    id: 'carried_out_raw',
    header_th: 'ระยะเวลาตามที่เขียนในรายงานเดิม',
    header_en: 'Period as written',
    description: 'The period cell as written in an imported report (e.g. ดำเนินการเมื่อวันที่ ๗ มีนาคม ๒๕๖๖); empty for measures typed in.',
    value: ({ measure }) => text(measure.carriedOutRaw),
  },
  {
    id: 'indicator_citations',
    header_th: 'การอ้างอิงตัวชี้วัดตามที่เขียน',
    header_en: 'Indicator citations as written',
    description: 'For indicators cited in words in an imported report: one per line, "<fiscal year>:<code>|<citation as written>".',
    value: ({ measure }) =>
      joinItems(measure.indicators.filter((item) => item.raw).map((item) => `${item.fiscalYear}:${item.code}|${item.raw}`)),
  },
  // Words for the codes above, for people reading the XLSX (issue 16); the codes keep their own columns.
  {
    id: 'agency_type_th',
    header_th: 'ประเภทหน่วยงาน (คำ)',
    header_en: 'Agency type (Thai)',
    description: 'agency_type in Thai words, e.g. องค์การบริหารส่วนตำบล for sao.',
    value: ({ agency }) => AGENCY_TYPE_LABEL_TH[agency.type],
  },
  {
    id: 'plan_status_th',
    header_th: 'สถานะแผน (คำ)',
    header_en: 'Plan status (Thai)',
    description: 'plan_status in Thai words, e.g. เผยแพร่แล้ว for published.',
    value: ({ plan }) => PLAN_STATUS_LABEL_TH[plan.status],
  },
  {
    id: 'carried_out_precision_th',
    header_th: 'ความละเอียดของวันที่ (คำ)',
    header_en: 'Date precision (Thai)',
    description: 'carried_out_precision in Thai words: ระบุวัน (day) or ระบุเพียงเดือน (month); empty when there is no date.',
    value: ({ measure }) => (measure.carriedOut ? DATE_PRECISION_LABEL_TH[measure.carriedOut.precision] : null),
  },
  {
    id: 'indicators_th',
    header_th: 'ตัวชี้วัด ITA ที่อ้างอิง (ชื่อ)',
    header_en: 'ITA indicators cited (titles)',
    description:
      'The cited OIT items one per line, each as "<codebook fiscal year> <code> <title in that year\'s codebook>", e.g. ' +
      '"2566 O11 แผนดำเนินงานและการใช้จ่ายงบประมาณประจำปี"; the title is left out when the codebook lacks the item.',
    value: ({ measure }) =>
      joinItems(measure.indicators.map((item) => [item.fiscalYear, item.code, item.titleTh?.trim()].filter(Boolean).join(' '))),
  },
];

export const UTF8_BOM = '\uFEFF';

export const toMeasureExportCells = (row: MeasureExportRow): ExportCellValue[] => MEASURE_EXPORT_COLUMNS.map((column) => column.value(row));

/**
 * The measures as CSV text chunks: the BOM and header line first (so Excel reads UTF-8 Thai), then one line per
 * row as the rows arrive, so a caller can stream every agency in the country without holding them in memory.
 */
export async function* measuresCsvStream(rows: AsyncIterable<MeasureExportRow>): AsyncIterable<string> {
  yield UTF8_BOM + csvLine(MEASURE_EXPORT_COLUMNS.map((column) => column.id));
  for await (const row of rows) yield csvLine(toMeasureExportCells(row));
}
