// Thai digits, month names and Buddhist-era conversion. The only place such logic lives.

export const BE_OFFSET = 543;
const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

export const toBuddhistYear = (ceYear: number): number => ceYear + BE_OFFSET;
export const toCommonEraYear = (beYear: number): number => beYear - BE_OFFSET;

/** Replace Thai digits with Arabic ones ("๒๕๖๖" → "2566"); other text is kept. */
export function toArabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (digit) => String(THAI_DIGITS.indexOf(digit)));
}

/** Replace Arabic digits with Thai ones ("2566" → "๒๕๖๖"). */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => THAI_DIGITS[Number(digit)]!);
}

export type DigitStyle = 'thai' | 'arabic';

export const withDigits = (text: string, style: DigitStyle): string => (style === 'thai' ? toThaiDigits(text) : toArabicDigits(text));

export const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;

export const THAI_MONTHS_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'] as const;

export const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Month number 1–12 from a full or abbreviated Thai month name, or undefined. */
export function thaiMonthNumber(name: string): number | undefined {
  const clean = name.replace(/\s+/g, '');
  const full = THAI_MONTHS.findIndex((month) => month === clean);
  if (full >= 0) return full + 1;
  const short = THAI_MONTHS_SHORT.findIndex((month) => month.replace(/\s+/g, '') === clean);
  return short >= 0 ? short + 1 : undefined;
}

/** Remove whitespace between two Thai characters ("มี แนว ทาง" → "มีแนวทาง"), a PDF-extraction artefact. */
export function joinThaiSpacing(text: string): string {
  return text.replace(/([\u0E00-\u0E7F]) +(?=[\u0E00-\u0E7F])/g, '$1');
}

const BANGKOK_TH = 'กรุงเทพมหานคร';
const isBangkok = (provinceNameTh: string) => provinceNameTh.replace(/^จังหวัด/, '').trim() === BANGKOK_TH;

/** "จังหวัดมุกดาหาร" from "มุกดาหาร"; Bangkok is written without จังหวัด. A name already prefixed is kept. */
export function thaiProvinceLabel(provinceNameTh: string): string {
  const name = provinceNameTh.trim().replace(/^จังหวัด\s*/, '');
  return name === BANGKOK_TH ? name : `จังหวัด${name}`;
}

/** "อำเภอหว้านใหญ่" from "หว้านใหญ่"; Bangkok's districts are เขต. A name already prefixed is kept. */
export function thaiDistrictLabel(districtNameTh: string, provinceNameTh: string): string {
  const name = districtNameTh.trim().replace(/^(อำเภอ|เขต)\s*/, '');
  return `${isBangkok(provinceNameTh) ? 'เขต' : 'อำเภอ'}${name}`;
}

// Letters, vowels and tone marks only: no digits, no ฯ (U+0E2F), no ๆ (U+0E46), no ฿ (U+0E3F).
const isThaiLetter = (code: number): boolean =>
  (code >= 0x0e01 && code <= 0x0e2e) ||
  (code >= 0x0e30 && code <= 0x0e3a) ||
  (code >= 0x0e40 && code <= 0x0e45) ||
  (code >= 0x0e47 && code <= 0x0e4e);
const isThaiLettersOnly = (text: string): boolean => text !== '' && Array.from(text).every((char) => isThaiLetter(char.charCodeAt(0)));
const PDF_FRAGMENT_MAX_LENGTH = 6;
const PDF_FRAGMENT_MIN_RUN = 4;

/**
 * Repair PDF-extraction spacing ("มี แนว ทาง ใน การ กำกับ" → "มีแนวทางในการกำกับ") without touching
 * the spaces Thai writing really uses between phrases and list items. Only a run of at least four
 * short, letters-only fragments separated by spaces is joined; spaces next to digits, Latin text,
 * ๆ or ฯ, and shorter runs ("กำกับ ดูแล และ"), are kept.
 */
export function repairThaiPdfSpacing(text: string): string {
  return text
    .split(/(\r?\n|\t)/)
    .map((line) => (line === '\n' || line === '\r\n' || line === '\t' ? line : repairLineSpacing(line)))
    .join('');
}

function repairLineSpacing(line: string): string {
  const parts = line.split(/( +)/);
  const isFragment = (index: number) =>
    index < parts.length && parts[index]!.length <= PDF_FRAGMENT_MAX_LENGTH && isThaiLettersOnly(parts[index]!);
  let output = '';
  let index = 0;
  while (index < parts.length) {
    let end = index;
    while (isFragment(end) && isFragment(end + 2)) end += 2;
    const runLength = (end - index) / 2 + 1;
    if (isFragment(index) && runLength >= PDF_FRAGMENT_MIN_RUN) {
      for (let word = index; word <= end; word += 2) output += parts[word];
      index = end + 1;
    } else {
      output += parts[index];
      index += 1;
    }
  }
  return output;
}

/** A date found in Thai text; `day` is null when only month and year are written. */
export interface ThaiDateMatch {
  day: number | null;
  month: number;
  /** Buddhist-era year, also when the text wrote a CE or a two-digit year. */
  beYear: number;
  /** The matched text as written. */
  text: string;
  index: number;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MONTH_PATTERN = [...THAI_MONTHS, ...THAI_MONTHS_SHORT.map((name) => name.replace(/\.$/, ''))]
  .map((name) => name.split('.').map(escapeRegExp).join('\\.\\s*'))
  .join('|');
const NAMED_DATE = new RegExp(
  `(?<![0-9])(?:([0-9]{1,2})\\s*)?(?:เดือน\\s*)?(${MONTH_PATTERN})\\.?\\s*(?:(พ\\.\\s*ศ|ค\\.\\s*ศ)\\.?\\s*)?([0-9]{4}|[0-9]{2})(?![0-9])`,
);
const NUMERIC_DATE = /(?<![0-9])([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4}|[0-9]{2})(?![0-9])/;
const ISO_DATE = /(?<![0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])/;

/**
 * Normalise a written year to BE: a two-digit year is BE ("มี.ค. 66" → 2566), a four-digit one is
 * BE from 2400 on and CE below, unless the text said ค.ศ.
 */
function toBuddhistEraYear(written: string, isCommonEra: boolean): number {
  const value = Number(written);
  if (written.length === 2) return isCommonEra ? toBuddhistYear(2000 + value) : 2500 + value;
  return isCommonEra || value < 2400 ? toBuddhistYear(value) : value;
}

/**
 * The first date in a text: "๗ มีนาคม ๒๕๖๖", "มี.ค. 66", "7/3/2566", "2023-03-07" (Thai or Arabic
 * digits). Day and month are range-checked but not checked against the month's length.
 */
export function findThaiDate(text: string): ThaiDateMatch | null {
  // Thai and Arabic digits are both one UTF-16 unit, so indices into `arabic` hold for `text`.
  const arabic = toArabicDigits(text);
  const candidates: ThaiDateMatch[] = [];
  const named = NAMED_DATE.exec(arabic);
  if (named) {
    const written = named[2]!.replace(/\s+/g, '');
    const month = thaiMonthNumber(written) ?? thaiMonthNumber(`${written}.`);
    if (month) {
      candidates.push({
        day: named[1] ? Number(named[1]) : null,
        month,
        beYear: toBuddhistEraYear(named[4]!, named[3]?.startsWith('ค') ?? false),
        text: text.slice(named.index, named.index + named[0].length),
        index: named.index,
      });
    }
  }
  const iso = ISO_DATE.exec(arabic);
  if (iso) {
    candidates.push({
      day: Number(iso[3]),
      month: Number(iso[2]),
      beYear: toBuddhistEraYear(iso[1]!, false),
      text: text.slice(iso.index, iso.index + iso[0].length),
      index: iso.index,
    });
  }
  const numeric = NUMERIC_DATE.exec(arabic);
  if (numeric) {
    candidates.push({
      day: Number(numeric[1]),
      month: Number(numeric[2]),
      beYear: toBuddhistEraYear(numeric[3]!, false),
      text: text.slice(numeric.index, numeric.index + numeric[0].length),
      index: numeric.index,
    });
  }
  const valid = candidates.filter(
    (candidate) => candidate.month >= 1 && candidate.month <= 12 && (candidate.day === null || (candidate.day >= 1 && candidate.day <= 31)),
  );
  return valid.sort((a, b) => a.index - b.index)[0] ?? null;
}
