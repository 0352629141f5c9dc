/**
 * Thai line breaking that keeps words and names whole. Browsers break Thai where their dictionary
 * (ICU, the same one `Intl.Segmenter` uses) sees a word boundary, and that dictionary splits many
 * compounds ("ส่ง|เสริม", "หน่วย|งาน", "ความ|เห็น") and every place name it does not know
 * ("บาง|ทราย|น้อย"). This module segments with `Intl.Segmenter`, then glues back:
 * - compounds from a short list of the words this app shows (COMPOUNDS);
 * - a bound prefix (ความ, การ, ผู้, นัก) to the word it makes a noun of;
 * - the name after a local-government or place prefix ("องค์การบริหารส่วนตำบล", "จังหวัด", "อบต.")
 *   up to the next space, and any `keep` text (names the caller knows);
 * Dates and times keep together with no-break spaces where lib/i18n.tsx writes them.
 * `<ThaiText>` renders each glued unit as a no-wrap span; the text itself is unchanged (no invisible
 * characters), so copying, find-in-page and accessible names see the same words.
 */

const COMPOUNDS = [
  'ส่งเสริม',
  'หน่วยงาน',
  'ดำเนินการ',
  'เผยแพร่',
  'ท้องถิ่น',
  'งบประมาณ',
  'ปีงบประมาณ',
  'เจ้าหน้าที่',
  'ประชาสัมพันธ์',
  'ตรวจสอบ',
  'แก้ไข',
  'บันทึก',
  'ข้อมูล',
  'ข้อสังเกต',
  'ข้อความ',
  'คุณธรรม',
  'โปร่งใส',
  'ภาพรวม',
  'เสร็จสิ้น',
  'แล้วเสร็จ',
  'สำเร็จ',
  'อนุมัติ',
  'ส่งกลับ',
  'เข้าสู่ระบบ',
  'ออกจากระบบ',
  'รหัสผ่าน',
  'ผู้ใช้งาน',
  'ไม่สามารถ',
  'มาตรการ',
  'ตัวชี้วัด',
  'หลักฐาน',
  'ผลลัพธ์',
  'ผลการดำเนินการ',
  'ครบถ้วน',
  'บริหาร',
  'ปกครอง',
  'ประเภท',
  'นำเข้า',
  'ส่งออก',
  'ดาวน์โหลด',
];
const MAX_COMPOUND_SEGMENTS = 4;
/** Segments that make a noun of the word after them: never left at a line end. */
const BOUND_PREFIXES = new Set(['ความ', 'การ', 'ผู้', 'นัก']);
/** After these, the name up to the next space is one unit (a place or an agency's name). */
const NAME_PREFIXES = [
  'องค์การบริหารส่วนจังหวัด',
  'องค์การบริหารส่วนตำบล',
  'เทศบาลนคร',
  'เทศบาลเมือง',
  'เทศบาลตำบล',
  'เทศบาล',
  'จังหวัด',
  'อำเภอ',
  'ตำบล',
  'อบจ.',
  'อบต.',
  'ทน.',
  'ทม.',
  'ทต.',
];
/** A name longer than this may break: one no-wrap unit must still fit a 360 px screen. */
const MAX_NAME_LENGTH = 24;

const THAI = /[\u0E00-\u0E7F]/;

export interface ThaiUnit {
  text: string;
  /** Glued from several segments: must not break inside. */
  keep: boolean;
}

let segmenter: Intl.Segmenter | undefined;
const segmentsOf = (text: string): string[] => {
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  return Array.from(segmenter.segment(text), (part) => part.segment);
};

const COMPOUND_SET = new Set(COMPOUNDS);

/** Where each occurrence of `needle` in `text` starts. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1 && needle; at = text.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

const MAX_REMEMBERED = 2_000;
/** Answers for texts without names to keep: a page repeats its labels (statuses, headers, buttons) many times. */
const remembered = new Map<string, readonly ThaiUnit[]>();

/** `text` cut where a line may break, with the units that must stay whole marked `keep`. */
export function thaiUnits(text: string, keep: readonly string[] = []): readonly ThaiUnit[] {
  if (keep.length > 0) return cutThai(text, keep);
  let units = remembered.get(text);
  if (units === undefined) {
    units = cutThai(text, keep);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(text, units);
  }
  return units;
}

function cutThai(text: string, keep: readonly string[]): ThaiUnit[] {
  if (!THAI.test(text)) return [{ text, keep: false }];
  const segments = segmentsOf(text);
  // The dictionary's break positions (between segments), then those removed.
  const starts: number[] = [];
  let position = 0;
  for (const segment of segments) {
    starts.push(position);
    position += segment.length;
  }
  const breaks = new Set(starts.slice(1));
  const glued = new Set<number>();
  const glue = (from: number, to: number) => {
    for (const at of breaks) if (at > from && at < to) glued.add(at);
  };

  segments.forEach((segment, index) => {
    for (let n = Math.min(MAX_COMPOUND_SEGMENTS, segments.length - index); n > 1; n--) {
      const joined = segments.slice(index, index + n).join('');
      if (COMPOUND_SET.has(joined)) glue(starts[index]!, starts[index]! + joined.length);
    }
    const next = segments[index + 1];
    if (BOUND_PREFIXES.has(segment) && next && THAI.test(next)) glue(starts[index]!, starts[index + 1]! + 1);
  });
  for (const name of keep) {
    if (name.length <= MAX_NAME_LENGTH * 2) for (const at of occurrences(text, name)) glue(at, at + name.length);
  }
  for (const prefix of NAME_PREFIXES) {
    for (const at of occurrences(text, prefix)) {
      const from = at + prefix.length + (text[at + prefix.length] === ' ' ? 1 : 0);
      const name = /^[^\s()“”"',:]+/.exec(text.slice(from))?.[0];
      if (name && name.length > 1 && name.length <= MAX_NAME_LENGTH) glue(from, from + name.length);
    }
  }

  const units: ThaiUnit[] = [];
  let unitStart = 0;
  let unitGlued = false;
  const push = (end: number) => {
    const piece = text.slice(unitStart, end);
    const last = units[units.length - 1];
    if (!unitGlued && last && !last.keep) last.text += piece;
    else units.push({ text: piece, keep: unitGlued });
    unitStart = end;
    unitGlued = false;
  };
  for (const at of starts.slice(1)) {
    if (glued.has(at)) unitGlued = true;
    else push(at);
  }
  push(text.length);
  return units;
}
