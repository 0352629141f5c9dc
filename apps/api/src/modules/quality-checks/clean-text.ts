import { repairThaiPdfSpacing, toArabicDigits } from '@prongsai/shared';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decode the HTML entities mammoth and pasted HTML produce (named basics and numeric ones). */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (entity, body: string) => {
    if (!body.startsWith('#')) return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    const codePoint = /^#x/i.test(body) ? parseInt(body.slice(2), 16) : Number(body.slice(1));
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
  });
}

/** Zero-width characters are common in Thai text (invisible word breaks) and break matching. */
export function normaliseWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u00A0\u2007\u202F]/g, ' ');
}

/** Paragraph and line-break tags become line breaks; every other tag is dropped. */
export function stripTags(text: string): string {
  return text
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\s*\/\s*(p|div|li|h[1-6])\s*>/gi, '\n')
    .replace(/<\s*(p|div|li|h[1-6])(\s[^<>]*)?>/gi, '\n')
    .replace(/<\/?[a-z][^<>]*>/gi, '');
}

/**
 * A table cell as clean text: tags and `**` markers removed, spacing collapsed per line, PDF
 * spacing artefacts repaired, empty lines dropped. Line breaks between paragraphs are kept.
 */
export function cleanCellText(text: string): string {
  return stripTags(decodeHtmlEntities(normaliseWhitespace(text)))
    .replace(/\*\*/g, '')
    .split('\n')
    .map((line) => repairThaiPdfSpacing(line.replace(/[ \t]+/g, ' ').trim()))
    .filter((line) => line !== '')
    .join('\n');
}

export const toSingleLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

export const toNullableText = (text: string): string | null => (text === '' ? null : text);

const MARKUP = /[<&]/;

/** Text reduced for comparison: no tags, no spacing or punctuation, Arabic digits, lower case. */
export function normaliseForComparison(text: string): string {
  // Without a tag or an entity, only the last step changes anything (it drops the spacing too).
  const plain = MARKUP.test(text) ? stripTags(decodeHtmlEntities(normaliseWhitespace(text))) : text;
  return toArabicDigits(plain)
    .toLowerCase()
    .replace(/[^\u0E01-\u0E4E\u0E50-\u0E59a-z0-9]/g, '');
}
