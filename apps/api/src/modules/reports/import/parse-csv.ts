import {
  MEASURE_CSV_COLUMNS,
  OUTCOMES,
  isValidIsoDate,
  parseCsv,
  toArabicDigits,
  toCommonEraYear,
  type MeasureCsvColumn,
  type Outcome,
  type ParsedEvidenceLink,
  type ParsedIndicator,
  type ParsedMeasure,
  type ParsedReport,
  type ParseProblemKind,
  type PartialDate,
  type QualityWarning,
  type QualityWarningParams,
} from '@prongsai/shared';
import { buildUnreadableReport } from './build-parsed-report';
import { parseItaCode } from './ita-references';
import { checkMeasures } from '../../quality-checks/quality-checks';
import { readCarriedOut } from './read-carried-out';

type CsvRecord = Partial<Record<MeasureCsvColumn, string>>;

/**
 * Records what a row could not read: its kind and values (the web writes the text from them) and
 * the Thai text for API clients. `value` is always the cell as written.
 */
type Problem = (kind: ParseProblemKind, params: QualityWarningParams, message: string) => void;

const THAI_OUTCOMES: Record<string, Outcome> = {
  ดำเนินการแล้วเสร็จ: 'completed',
  แล้วเสร็จ: 'completed',
  ไม่สามารถดำเนินการได้: 'not_carried_out',
  ไม่ได้ดำเนินการ: 'not_carried_out',
  อยู่ระหว่างดำเนินการ: 'in_progress',
  ยังไม่ดำเนินการ: 'planned',
  ตามแผน: 'planned',
};

/** The exporter prefixes cells a spreadsheet would run as a formula with "'"; take it off again. */
const readCell = (value: string | undefined): string => (value ?? '').replace(/^'(?=[=+\-@\t\r])/, '').trim();

const readLines = (value: string): string[] =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

const toNullable = (value: string): string | null => (value === '' ? null : value);

function readHeader(row: string[]): Map<MeasureCsvColumn, number> | null {
  const columns = new Map<MeasureCsvColumn, number>();
  row.forEach((cell, index) => {
    const name = cell.trim().toLowerCase().replace(/\s+/g, '_') as MeasureCsvColumn;
    if ((MEASURE_CSV_COLUMNS as readonly string[]).includes(name) && !columns.has(name)) columns.set(name, index);
  });
  return columns.has('sequence') && columns.has('title') ? columns : null;
}

function readOutcome(value: string, problem: Problem): Outcome {
  if (value === '') return 'planned';
  const key = value.toLowerCase().replace(/[\s-]+/g, '_');
  if ((OUTCOMES as readonly string[]).includes(key)) return key as Outcome;
  const thai = THAI_OUTCOMES[value.replace(/\s+/g, '')];
  if (thai) return thai;
  const allowed = OUTCOMES.join(', ');
  problem('unknownOutcome', { value, allowed }, `ผลการดำเนินการ "${value}" ไม่รู้จัก (ใช้ ${allowed}) จึงถือว่ายังไม่ดำเนินการ`);
  return 'planned';
}

function readIndicators(value: string, fiscalYear: number, problem: Problem): ParsedIndicator[] {
  const indicators: ParsedIndicator[] = [];
  for (const entry of value
    .split(/[|\n,;]/)
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [yearPart, codePart] = entry.includes(':') ? entry.split(':', 2) : [null, entry];
    const year = yearPart === null ? fiscalYear : Number(toArabicDigits(yearPart.trim()));
    const code = parseItaCode(codePart ?? '');
    if (!code || !Number.isInteger(year)) {
      problem('badIndicator', { value: entry }, `ตัวชี้วัด "${entry}" อ่านไม่ออก (รูปแบบ 2566:O11)`);
      continue;
    }
    if (!indicators.some((indicator) => indicator.code === code && indicator.fiscalYear === year)) {
      indicators.push({ fiscalYear: year, code, raw: null });
    }
  }
  return indicators;
}

/** The export's "2566:O11|อ้างอิงจาก ๐๑๑" lines: the citation as written, for the indicator it names. */
function withCitations(indicators: ParsedIndicator[], cell: string): ParsedIndicator[] {
  const citations = new Map<string, string>();
  for (const line of readLines(cell)) {
    const bar = line.indexOf('|');
    if (bar > 0) citations.set(line.slice(0, bar).trim(), line.slice(bar + 1).trim());
  }
  return indicators.map((indicator) => ({
    ...indicator,
    raw: citations.get(`${indicator.fiscalYear}:${indicator.code}`) || indicator.raw,
  }));
}

function readCarriedOutCells(date: string, precisionCell: string, problem: Problem): PartialDate | null {
  if (date === '') return null;
  // The export writes a month-only date as YYYY-MM (no invented day).
  const monthOnly = /^([0-9]{4})-([0-9]{2})$/.exec(toArabicDigits(date));
  if (monthOnly) return readCarriedOutCells(`${monthOnly[1]}-${monthOnly[2]}-01`, 'month', problem);
  const precision = precisionCell.toLowerCase() === 'month' ? 'month' : 'day';
  const iso = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(toArabicDigits(date));
  if (!iso) {
    // Spreadsheets edited by hand may hold a Thai date such as "7 มี.ค. 2566".
    const reading = readCarriedOut(date);
    if (reading.problem || !reading.carriedOut) problem('badDate', { value: date }, `วันที่ "${date}" อ่านไม่ออก (รูปแบบ YYYY-MM-DD ค.ศ.)`);
    return reading.carriedOut;
  }
  let year = Number(iso[1]);
  if (year >= 2400) {
    problem(
      'buddhistEraDate',
      { value: date, year: toCommonEraYear(year) },
      `วันที่ "${date}" เป็นปี พ.ศ. จึงแปลงเป็น ค.ศ. ${toCommonEraYear(year)}`,
    );
    year = toCommonEraYear(year);
  }
  const value = `${year}-${iso[2]}-${precision === 'month' ? '01' : iso[3]}`;
  if (!isValidIsoDate(value)) {
    problem('impossibleDate', { value: date }, `วันที่ "${date}" ไม่มีอยู่จริง`);
    return null;
  }
  return { date: value, precision };
}

/** Only the CSV export carries a planned period; other sources leave the fields out. */
function plannedPeriod(record: CsvRecord, problem: Problem): Pick<ParsedMeasure, 'plannedStart' | 'plannedEnd'> {
  const plannedStart = readPlainDate(readCell(record.planned_start), 'planned_start', problem);
  const plannedEnd = readPlainDate(readCell(record.planned_end), 'planned_end', problem);
  return { ...(plannedStart ? { plannedStart } : {}), ...(plannedEnd ? { plannedEnd } : {}) };
}

function readPlainDate(value: string, column: string, problem: Problem): string | null {
  if (value === '') return null;
  const iso = toArabicDigits(value);
  if (!isValidIsoDate(iso)) {
    problem('badPlannedDate', { column, value }, `${column} "${value}" ต้องเป็นวันที่ YYYY-MM-DD (ค.ศ.)`);
    return null;
  }
  return iso;
}

function readEvidence(value: string, problem: Problem): ParsedEvidenceLink[] {
  const links: ParsedEvidenceLink[] = [];
  for (const line of readLines(value)) {
    const separator = line.indexOf('|');
    const written = (separator >= 0 ? line.slice(0, separator) : line).trim();
    const label = (separator >= 0 ? line.slice(separator + 1) : '').trim();
    const url = /^www\./i.test(written) ? `https://${written}` : written;
    if (!/^https?:\/\/\S+$/i.test(url)) {
      problem('badEvidenceUrl', { value: written }, `ลิงก์หลักฐาน "${written}" ต้องขึ้นต้นด้วย http:// หรือ https://`);
      continue;
    }
    links.push({ url, label: label || written });
  }
  return links;
}

/** `line` is the CSV line (the header is line 1). */
function readRecord(record: CsvRecord, fiscalYear: number, line: number, problems: QualityWarning[]): ParsedMeasure | null {
  const sequence = Number(toArabicDigits(readCell(record.sequence)).replace(/\.$/, ''));
  if (!Number.isInteger(sequence) || sequence < 1) {
    const value = readCell(record.sequence);
    problems.push({
      code: 'PARSE_PROBLEM',
      sequence: null,
      message: `แถวที่ ${line}: ลำดับที่ "${value}" ไม่ใช่ตัวเลข จึงข้ามแถวนี้`,
      params: { kind: 'csvBadSequence', line, value },
    });
    return null;
  }
  const problem: Problem = (kind, params, message) =>
    problems.push({ code: 'PARSE_PROBLEM', sequence, message: `มาตรการที่ ${sequence}: ${message}`, params: { kind, line, ...params } });
  const actions = readLines(readCell(record.actions));
  const title = readCell(record.title) || actions[0] || '';
  if (title === '') problem('noTitle', {}, 'ไม่มีชื่อมาตรการ');
  const carriedOutDate = readCell(record.carried_out_date);
  return {
    sequence,
    title,
    actions,
    indicators: withCitations(readIndicators(readCell(record.indicators), fiscalYear, problem), readCell(record.indicator_citations)),
    outcome: readOutcome(readCell(record.outcome), problem),
    outcomeReason: toNullable(readCell(record.outcome_reason)),
    resultText: toNullable(readCell(record.result_text)),
    summary: toNullable(readCell(record.summary)),
    responsible: toNullable(readCell(record.responsible)),
    carriedOut: readCarriedOutCells(carriedOutDate, readCell(record.carried_out_precision), problem),
    carriedOutRaw:
      toNullable(readCell(record.carried_out_raw)) ??
      (/^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$/.test(carriedOutDate) ? null : toNullable(carriedOutDate)),
    ...plannedPeriod(record, problem),
    evidence: readEvidence(readCell(record.evidence), problem),
  };
}

/**
 * Measures from a CSV in the export's columns (MEASURE_CSV_COLUMNS; a header row names them, in any
 * order). The CSV carries no agency, so only the checks that need none run here: run
 * `checkMeasures` again with the agency once it is known. Never throws.
 */
export function parseMeasuresCsv(text: string, fiscalYear: number): ParsedReport {
  try {
    const rows = parseCsv(text);
    const header = rows.length > 0 ? readHeader(rows[0]!) : null;
    if (!header) {
      const columns = MEASURE_CSV_COLUMNS.join(',');
      return buildUnreadableReport(`ไม่พบแถวหัวตารางของ CSV (ต้องมีคอลัมน์ ${columns})`, fiscalYear, { kind: 'csvNoHeader', columns });
    }
    const problems: QualityWarning[] = [];
    const measures = rows.slice(1).flatMap((row, index) => {
      const record: CsvRecord = Object.fromEntries([...header].map(([column, at]) => [column, row[at]]));
      return readRecord(record, fiscalYear, index + 2, problems) ?? [];
    });
    const checks = checkMeasures({ agencyNameTh: '', website: null, fiscalYear }, measures);
    return {
      agency: { name: null, district: null, province: null, postcode: null, phone: null, website: null },
      fiscalYear,
      introText: null,
      measures,
      warnings: [...problems, ...checks],
    };
  } catch (error) {
    const detail = (error as Error).message;
    return buildUnreadableReport(`อ่านไฟล์ CSV ไม่ได้: ${detail}`, fiscalYear, { kind: 'csvUnreadable', detail });
  }
}
