// The quality checks of a plan's measures (module quality-checks): pure functions of the measures and
// their agency's name, website and fiscal year, run on every plan page and save (plans) and on every
// imported report (reports/import); the name and web-address readers are shared with the copy detector.
import {
  THAI_MONTHS,
  THAI_MONTHS_SHORT,
  fiscalYearRange,
  formatPartialDate,
  isInFiscalYear,
  type CheckableMeasure,
  type QualityCheckContext,
  type QualityWarning,
  type QualityWarningCode,
  type QualityWarningParams,
} from '@prongsai/shared';
import { normaliseForComparison, stripTags, toSingleLine } from './clean-text';
import { findLocalGovernmentMentions, readCoreName } from './local-government-names';
import { computeDiceSimilarity, maxDiceSimilarity } from './text-similarity';
import { findWebAddresses, isSameSite, isSharedPlatform, readHost } from './web-addresses';

/** Result and summary at least this similar (character-bigram Dice) count as the same text. */
export const DUPLICATE_SIMILARITY = 0.9;
/** Shorter texts are not compared: short phrases repeat legitimately. */
const MIN_COMPARED_LENGTH = 20;
const SNIPPET_LENGTH = 60;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MONTH_NAMES = [...THAI_MONTHS, ...THAI_MONTHS_SHORT].map(escapeRegExp).join('|');
// "วันที่" then straight to a month (spaces, dots or underscores as a blank to fill in between).
const BLANK_DAY = new RegExp(`วันที่[\\s._…-]*(?:เดือน\\s*)?(?:${MONTH_NAMES})`);
// A document cited by number or date, or a file name: what a reviewer can look up.
const NAMED_DOCUMENT = new RegExp(
  [
    '(?:คำสั่ง|ประกาศ|หนังสือ|บันทึกข้อความ|รายงานการประชุม|ระเบียบ|ข้อบัญญัติ)[^\\n]{0,80}?(?:ที่|เลขที่|ลงวันที่|ฉบับที่)\\s*[0-9๐-๙]',
    '\\.(?:pdf|docx?|xlsx?|pptx?|jpe?g|png)\\b',
  ].join('|'),
  'i',
);

/** A warning: the Thai `message` for API clients, and `params` the web writes it from in any language. */
const warn = (code: QualityWarningCode, sequence: number, message: string, params: QualityWarningParams): QualityWarning => ({
  code,
  sequence,
  message,
  params: { sequence, ...params },
});

const snippet = (text: string) => {
  const line = toSingleLine(stripTags(text));
  return line.length > SNIPPET_LENGTH ? `${line.slice(0, SNIPPET_LENGTH)}…` : line;
};

const textsOf = (measure: CheckableMeasure): string[] =>
  [measure.title, ...measure.actions, measure.resultText, measure.summary].filter(
    (text): text is string => typeof text === 'string' && text !== '',
  );

/** What the checks read from the context once per plan rather than once per measure. */
interface Own {
  /** The agency's name without its type ("บางทรายน้อย"); '' when the context gives none. */
  core: string;
  /** The host of the agency's website; null without one. */
  host: string | null;
}

function checkOtherAgencyMentions(agencyNameTh: string, ownCore: string, measure: CheckableMeasure): QualityWarning[] {
  if (ownCore === '') return [];
  const others = new Map<string, string>();
  for (const text of textsOf(measure)) {
    for (const mention of findLocalGovernmentMentions(text)) {
      if (mention.compactFollowing.startsWith(ownCore)) continue;
      const name = `${mention.prefix}${mention.name}`;
      if (!others.has(mention.name)) others.set(mention.name, name);
    }
  }
  return [...others.values()].map((name) =>
    warn(
      'OTHER_AGENCY_MENTION',
      measure.sequence,
      `มาตรการที่ ${measure.sequence} กล่าวถึง "${name}" ซึ่งไม่ใช่${agencyNameTh.trim()} อาจคัดลอกมาจากรายงานของหน่วยงานอื่น`,
      { name, agency: agencyNameTh.trim() },
    ),
  );
}

function checkOtherWebsites(website: string | null, ownHost: string | null, measure: CheckableMeasure): QualityWarning[] {
  if (!website || ownHost === null) return [];
  const texts = [...textsOf(measure), ...measure.evidence.map((link) => link.url)];
  const others = new Map<string, string>();
  for (const address of texts.flatMap(findWebAddresses)) {
    if (isSameSite(address.host, ownHost) || isSharedPlatform(address.host)) continue;
    if (!others.has(address.host)) others.set(address.host, address.text);
  }
  return [...others.values()].map((address) =>
    warn(
      'OTHER_WEBSITE',
      measure.sequence,
      `มาตรการที่ ${measure.sequence} อ้างถึงเว็บไซต์ ${address} ซึ่งไม่ใช่เว็บไซต์ของหน่วยงาน (${website}) อาจคัดลอกมาจากรายงานของหน่วยงานอื่น`,
      { address, website },
    ),
  );
}

function checkDateInFiscalYear(fiscalYear: number | null, measure: CheckableMeasure): QualityWarning[] {
  if (fiscalYear === null || !measure.carriedOut) return [];
  if (isInFiscalYear(measure.carriedOut.date, fiscalYear)) return [];
  const { start, end } = fiscalYearRange(fiscalYear);
  const show = (date: string) => formatPartialDate({ date, precision: 'day' }, 'th', 'arabic');
  return [
    warn(
      'DATE_OUTSIDE_FISCAL_YEAR',
      measure.sequence,
      `วันที่ดำเนินการของมาตรการที่ ${measure.sequence} (${formatPartialDate(measure.carriedOut, 'th', 'arabic')}) อยู่นอกปีงบประมาณ พ.ศ. ${fiscalYear} (${show(start)} – ${show(end)})`,
      { date: measure.carriedOut.date, datePrecision: measure.carriedOut.precision, fiscalYear, start, end },
    ),
  ];
}

function checkDayLeftBlank(measure: CheckableMeasure): QualityWarning[] {
  const texts = [measure.carriedOutRaw, measure.resultText, measure.summary];
  for (const text of texts) {
    const match = text ? BLANK_DAY.exec(text) : null;
    if (match) {
      return [
        warn(
          'DAY_LEFT_BLANK',
          measure.sequence,
          `มาตรการที่ ${measure.sequence} เว้นวันที่ว่างไว้ ("${match[0]}…"): ระบุวันที่ให้ครบ หรือหากทราบเพียงเดือนให้เขียนเดือนและปีโดยไม่มีคำว่า "วันที่"`,
          { quote: match[0] },
        ),
      ];
    }
  }
  return [];
}

function checkResultRepeatsSummary(measure: CheckableMeasure): QualityWarning[] {
  const result = normaliseForComparison(measure.resultText ?? '');
  const summary = normaliseForComparison(measure.summary ?? '');
  if (result.length < MIN_COMPARED_LENGTH || summary.length < MIN_COMPARED_LENGTH) return [];
  // Texts this different in length cannot reach the threshold: their bigrams are not counted.
  if (maxDiceSimilarity(result.length, summary.length) < DUPLICATE_SIMILARITY) return [];
  const similarity = computeDiceSimilarity(result, summary);
  if (similarity < DUPLICATE_SIMILARITY) return [];
  return [
    warn(
      'DUPLICATE_TEXT',
      measure.sequence,
      `ผลลัพธ์และสรุปผลการดำเนินการของมาตรการที่ ${measure.sequence} เป็นข้อความเดียวกันเกือบทั้งหมด (เหมือนกัน ${Math.round(similarity * 100)}%): สรุปผลควรบอกสิ่งที่ทำได้จริงเพิ่มเติมจากผลลัพธ์`,
      { kind: 'resultSummary', percent: Math.round(similarity * 100) },
    ),
  ];
}

/** A sub-action that appears word for word in another measure: usually pasted from the wrong row. */
function checkCopiedActions(measures: CheckableMeasure[]): QualityWarning[] {
  const keys = measures.map((measure) => measure.actions.map(normaliseForComparison));
  const owners = new Map<string, Set<number>>();
  measures.forEach((measure, position) => {
    for (const key of keys[position]!) {
      if (key.length < MIN_COMPARED_LENGTH) continue;
      owners.set(key, (owners.get(key) ?? new Set()).add(measure.sequence));
    }
  });
  const warnings: QualityWarning[] = [];
  measures.forEach((measure, position) => {
    const copiedFrom = new Map<number, { numbers: number[]; text: string }>();
    measure.actions.forEach((action, index) => {
      const others = [...(owners.get(keys[position]![index]!) ?? [])].filter((sequence) => sequence !== measure.sequence);
      for (const other of others) {
        const entry = copiedFrom.get(other) ?? { numbers: [], text: action };
        entry.numbers.push(index + 1);
        copiedFrom.set(other, entry);
      }
    });
    for (const [other, { numbers, text }] of copiedFrom) {
      warnings.push(
        warn(
          'DUPLICATE_TEXT',
          measure.sequence,
          `ขั้นตอนย่อยข้อ ${numbers.join(', ')} ของมาตรการที่ ${measure.sequence} ซ้ำกับมาตรการที่ ${other} ทุกตัวอักษร ("${snippet(text)}"): ตรวจว่าคัดลอกมาผิดแถวหรือไม่`,
          { kind: 'copiedSteps', steps: numbers.join(', '), other, quote: snippet(text) },
        ),
      );
    }
  });
  return warnings;
}

/** A link (other than another agency's site) or a numbered document in the result or summary. */
function namesEvidence(ownHost: string | null, measure: CheckableMeasure): boolean {
  if (measure.evidence.length > 0) return true;
  const texts = [measure.resultText, measure.summary].filter((text): text is string => Boolean(text));
  const hasLink = texts
    .flatMap(findWebAddresses)
    .some((address) => !ownHost || isSameSite(address.host, ownHost) || isSharedPlatform(address.host));
  return hasLink || texts.some((text) => NAMED_DOCUMENT.test(text));
}

function checkEvidence(ownHost: string | null, measure: CheckableMeasure): QualityWarning[] {
  if (measure.outcome !== 'completed' || namesEvidence(ownHost, measure)) return [];
  return [
    warn(
      'NO_EVIDENCE',
      measure.sequence,
      `มาตรการที่ ${measure.sequence} ดำเนินการแล้วเสร็จแต่ไม่มีลิงก์หลักฐานหรือเอกสารอ้างอิง (เช่น ลิงก์ประกาศบนเว็บไซต์ หรือเลขที่คำสั่ง/หนังสือ)`,
      {},
    ),
  ];
}

/**
 * The quality checks, for imported reports and for plans entered by hand alike. Warnings come in
 * measure order; each names the measure it concerns. Checks that need the agency's name or website
 * are skipped when the context leaves them empty.
 */
export function checkMeasures(context: QualityCheckContext, measures: CheckableMeasure[]): QualityWarning[] {
  const own: Own = { core: readCoreName(context.agencyNameTh), host: context.website ? readHost(context.website) : null };
  const perMeasure = measures.flatMap((measure) => [
    ...checkOtherAgencyMentions(context.agencyNameTh, own.core, measure),
    ...checkOtherWebsites(context.website, own.host, measure),
    ...checkDateInFiscalYear(context.fiscalYear, measure),
    ...checkDayLeftBlank(measure),
    ...checkResultRepeatsSummary(measure),
    ...checkEvidence(own.host, measure),
  ]);
  const all = [...perMeasure, ...checkCopiedActions(measures)];
  const order = new Map(measures.map((measure, index) => [measure.sequence, index]));
  return all
    .map((warning, index) => ({ warning, index }))
    .sort((a, b) => (order.get(a.warning.sequence ?? -1) ?? -1) - (order.get(b.warning.sequence ?? -1) ?? -1) || a.index - b.index)
    .map(({ warning }) => warning);
}
