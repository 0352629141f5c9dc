import {
  toArabicDigits,
  type Outcome,
  type ParsedMeasure,
  type ParseProblemKind,
  type QualityWarning,
  type QualityWarningParams,
} from '@prongsai/shared';
import { cleanCellText, toNullableText, toSingleLine } from '../../quality-checks/clean-text';
import { findItaReferences } from './ita-references';
import { readCarriedOut } from './read-carried-out';
import { findWebAddresses } from '../../quality-checks/web-addresses';

/** Where each field stands in a table row (0-based), null when the table has no such column. */
export interface ColumnMap {
  sequence: number;
  measure: number;
  notCarriedOut: number | null;
  completed: number | null;
  /** A single result column, used when the table does not split results by outcome. */
  result: number | null;
  summary: number | null;
  period: number | null;
  responsible: number | null;
  evidence: number | null;
}

export interface MeasureRowReading {
  measure: ParsedMeasure;
  problems: QualityWarning[];
}

// "๑." / "1)" at the start or after a space, not a decimal ("9.1") and not a year ("๒๕๖๖.").
const ACTION_NUMBER = /(^|\s)([0-9]{1,2})\s*[.)](?![0-9])\s*/g;
// A cell holding only a tick or a cross marks the outcome column; the text is elsewhere.
const MARK_ONLY = /^[✓✔√☑☒✗✘xX×/•*]+$/;
const CROSS_ONLY = /^[☒✗✘xX×]+$/;
const NOT_CARRIED_OUT = /ไม่สามารถดำเนินการ|ไม่ได้ดำเนินการ|ยังไม่ได้ดำเนินการ|ยังไม่ดำเนินการ/;
const IN_PROGRESS = /อยู่ระหว่าง(?:การ)?ดำเนินการ/;

/**
 * Numbered sub-actions ("๑. … ๒. …") in order, numbering removed, plus any text before the first
 * number. Only a run 1, 2, 3… counts, so other numbers in the text are left alone.
 */
export function splitActions(text: string): { preamble: string; actions: string[] } {
  // Thai and Arabic digits are one UTF-16 unit each, so positions in `arabic` hold for `text`.
  const arabic = toArabicDigits(text);
  const starts: { at: number; textAt: number }[] = [];
  for (const match of arabic.matchAll(ACTION_NUMBER)) {
    if (Number(match[2]) !== starts.length + 1) continue;
    starts.push({ at: match.index + match[1]!.length, textAt: match.index + match[0].length });
  }
  if (starts.length === 0) return { preamble: toSingleLine(text), actions: [] };
  const actions = starts
    .map((start, index) => toSingleLine(text.slice(start.textAt, starts[index + 1]?.at ?? text.length)))
    .filter((action) => action !== '');
  return { preamble: toSingleLine(text.slice(0, starts[0]!.at)), actions };
}

const cellAt = (cells: string[], index: number | null): string => (index === null ? '' : cleanCellText(cells[index] ?? ''));

function readSingleResult(text: string): { outcome: Outcome; resultText: string | null } {
  if (text === '') return { outcome: 'planned', resultText: null };
  if (CROSS_ONLY.test(text)) return { outcome: 'not_carried_out', resultText: null };
  if (MARK_ONLY.test(text)) return { outcome: 'completed', resultText: null };
  if (NOT_CARRIED_OUT.test(text)) return { outcome: 'not_carried_out', resultText: text };
  if (IN_PROGRESS.test(text)) return { outcome: 'in_progress', resultText: text };
  return { outcome: 'completed', resultText: text };
}

/** The outcome is the column the result text stands in. */
function readOutcome(cells: string[], columns: ColumnMap): { outcome: Outcome; resultText: string | null; problem: string | null } {
  if (columns.notCarriedOut === null || columns.completed === null) {
    return { ...readSingleResult(cellAt(cells, columns.result ?? columns.completed ?? columns.notCarriedOut)), problem: null };
  }
  const notCarriedOut = cellAt(cells, columns.notCarriedOut);
  const completed = cellAt(cells, columns.completed);
  const text = (value: string) => (MARK_ONLY.test(value) ? null : toNullableText(value));
  if (notCarriedOut === '' && completed === '') return { outcome: 'planned', resultText: null, problem: null };
  if (completed === '') return { outcome: 'not_carried_out', resultText: text(notCarriedOut), problem: null };
  if (notCarriedOut === '') return { outcome: 'completed', resultText: text(completed), problem: null };
  // Both filled: a lone tick decides; otherwise the row is ambiguous.
  if (MARK_ONLY.test(completed)) return { outcome: 'completed', resultText: text(notCarriedOut), problem: null };
  if (MARK_ONLY.test(notCarriedOut)) return { outcome: 'not_carried_out', resultText: text(completed), problem: null };
  return {
    outcome: 'completed',
    resultText: completed,
    problem: 'มีข้อความทั้งในช่อง "ไม่สามารถดำเนินการได้" และ "ดำเนินการแล้วเสร็จ" จึงถือว่าดำเนินการแล้วเสร็จ โปรดตรวจสอบ',
  };
}

function readEvidence(text: string): { url: string; label: string }[] {
  return findWebAddresses(text).map((address) => ({
    url: /^https?:\/\//i.test(address.text) ? address.text : `https://${address.text}`,
    label: address.text,
  }));
}

// The line Prongsai's own report prints under a measure: "อ้างอิงตัวชี้วัด ITA ปี ๒๕๖๖ O๑๑ <title>".
const PRINTED_INDICATOR = /^อ้างอิงตัวชี้วัด ITA ปี\s*([0-9๐-๙]{4})\s+[OoＯ]\s?([0-9๐-๙]{1,2})(?![0-9๐-๙]).*$/gm;

/** Indicator lines of an exported report, taken out of the measure text (they are not part of the last sub-action). */
export function takeIndicatorLines(text: string): { text: string; indicators: ParsedMeasure['indicators'] } {
  const indicators: ParsedMeasure['indicators'] = [];
  const rest = text.replace(PRINTED_INDICATOR, (_line, year: string, number: string) => {
    indicators.push({ fiscalYear: Number(toArabicDigits(year)), code: `O${Number(toArabicDigits(number))}`, raw: null });
    return '';
  });
  return { text: indicators.length ? rest.replace(/\n{2,}/g, '\n').trim() : text, indicators };
}

/** One measure from its table row. */
export function readMeasureRow(sequence: number, cells: string[], columns: ColumnMap, fiscalYear: number | null): MeasureRowReading {
  const problems: QualityWarning[] = [];
  const problem = (message: string, kind: ParseProblemKind, params: QualityWarningParams = {}) =>
    problems.push({ code: 'PARSE_PROBLEM', sequence, message: `มาตรการที่ ${sequence}: ${message}`, params: { kind, ...params } });

  const { text: measureText, indicators: printedIndicators } = takeIndicatorLines(cellAt(cells, columns.measure));
  const { preamble, actions } = splitActions(measureText);
  const title = preamble !== '' ? preamble : (actions[0] ?? '');
  if (title === '') problem('ไม่มีข้อความในช่องมาตรการ/โครงการ/กิจกรรม', 'noTitle');

  const outcome = readOutcome(cells, columns);
  if (outcome.problem) problem(outcome.problem, 'bothOutcomes');

  const carriedOutRaw = toNullableText(toSingleLine(cellAt(cells, columns.period)));
  const carriedOut = readCarriedOut(carriedOutRaw);
  if (carriedOut.problem) problem(carriedOut.problem.message, carriedOut.problem.kind, { value: carriedOut.problem.value });

  return {
    measure: {
      sequence,
      title,
      actions,
      indicators: [...printedIndicators, ...findItaReferences(measureText, fiscalYear)].filter(
        (indicator, index, all) => all.findIndex((other) => other.code === indicator.code) === index,
      ),
      outcome: outcome.outcome,
      outcomeReason: outcome.outcome === 'not_carried_out' ? outcome.resultText : null,
      resultText: outcome.resultText,
      summary: toNullableText(cellAt(cells, columns.summary)),
      responsible: toNullableText(toSingleLine(cellAt(cells, columns.responsible))),
      carriedOut: carriedOut.carriedOut,
      carriedOutRaw,
      evidence: readEvidence(cellAt(cells, columns.evidence)),
    },
    problems,
  };
}
