import { toArabicDigits, type ParsedIndicator } from '@prongsai/shared';

// In citations such as "อ้างอิงจาก ๐๑๑" the Thai zero (or an Arabic one, or "โอ") stands for the letter O.
const CITED_CODE = '(?:[OoＯ]|โอ|[0๐])\\s*-?\\s*[0-9๐-๙]{1,2}(?![0-9๐-๙])';
const CITATION = new RegExp(`อ้างอิง(?:จาก)?\\s*(?:ตัวชี้วัด(?:ที่)?|ข้อ)?\\s*${CITED_CODE}(?:\\s*(?:,|และ|/|หรือ)\\s*${CITED_CODE})*`, 'g');
const CITED_CODE_ONLY = new RegExp(CITED_CODE, 'g');
// Outside a citation only a Latin O is trusted: a bare Thai "๐๔๒" is far more often a number.
const LATIN_CODE = /(?<![A-Za-z0-9])[OoＯ]\s?-?([1-9][0-9]?)(?![0-9])/g;

/** "๐๑๑" / "O-11" / "โอ 11" → "O11"; null unless the number is 1–99. */
export function parseItaCode(written: string): string | null {
  const compact = toArabicDigits(written).replace(/\s|-/g, '');
  const match = /^(?:[OoＯ]|โอ|0)([0-9]{1,2})$/.exec(compact);
  if (!match) return null;
  const number = Number(match[1]);
  return number >= 1 && number <= 99 ? `O${number}` : null;
}

/** ITA item references in a text, in order, once per code, each with the citation as written. */
export function findItaReferences(text: string, fiscalYear: number | null): ParsedIndicator[] {
  const hits: { index: number; code: string; raw: string }[] = [];
  const citationSpans: [number, number][] = [];
  for (const citation of text.matchAll(CITATION)) {
    citationSpans.push([citation.index, citation.index + citation[0].length]);
    for (const written of citation[0].slice('อ้างอิง'.length).matchAll(CITED_CODE_ONLY)) {
      const code = parseItaCode(written[0]);
      if (code) hits.push({ index: citation.index + written.index, code, raw: citation[0].trim() });
    }
  }
  for (const written of text.matchAll(LATIN_CODE)) {
    const inCitation = citationSpans.some(([start, end]) => written.index >= start && written.index < end);
    const code = parseItaCode(written[0]);
    if (code && !inCitation) hits.push({ index: written.index, code, raw: written[0] });
  }
  const seen = new Set<string>();
  return hits
    .sort((a, b) => a.index - b.index)
    .filter((hit) => !seen.has(hit.code) && seen.add(hit.code))
    .map((hit) => ({ fiscalYear, code: hit.code, raw: hit.raw }));
}
