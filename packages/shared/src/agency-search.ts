import type { AgencyType, MunicipalityClass } from './enums';
import { toArabicDigits } from './thai';

/**
 * What a person typed into an agency search, turned into terms every search of agencies uses (the
 * API's one SQL fragment, `agencySearchSql`). Officials write names with the standard abbreviations
 * (อบต. = องค์การบริหารส่วนตำบล, ทต. = เทศบาลตำบล, …), with or without dots and spaces, in any order,
 * with Thai or Arabic digits: the type is recognised (and becomes a filter), the rest become words,
 * each of which must appear in the name.
 */

/** An agency type as its name is written: the Thai prefix of the name and the abbreviations for it. */
export interface AgencyNameType {
  prefix: string;
  type: AgencyType;
  municipalityClass: MunicipalityClass | null;
  /** Thai abbreviations without dots ("อบต"), and Latin ones ("sao"), lower case. */
  abbreviations: readonly string[];
}

/** Longest prefix first: "เทศบาลตำบล" must be tried before "เทศบาล". */
export const AGENCY_NAME_TYPES: readonly AgencyNameType[] = [
  { prefix: 'องค์การบริหารส่วนตำบล', type: 'sao', municipalityClass: null, abbreviations: ['อบต', 'sao', 'tao'] },
  { prefix: 'องค์การบริหารส่วนจังหวัด', type: 'pao', municipalityClass: null, abbreviations: ['อบจ', 'pao'] },
  { prefix: 'เทศบาลตำบล', type: 'municipality', municipalityClass: 'tambon', abbreviations: ['ทต'] },
  { prefix: 'เทศบาลเมือง', type: 'municipality', municipalityClass: 'mueang', abbreviations: ['ทม'] },
  { prefix: 'เทศบาลนคร', type: 'municipality', municipalityClass: 'nakhon', abbreviations: ['ทน'] },
  { prefix: 'เทศบาล', type: 'municipality', municipalityClass: null, abbreviations: [] },
];

/** A regular expression (PostgreSQL and JavaScript alike) matching the type prefix at the start of a name. */
export const AGENCY_NAME_PREFIX_PATTERN = `^(${AGENCY_NAME_TYPES.map((entry) => entry.prefix).join('|')})`;

/** Which name a word is looked for in: Thai words in the Thai name; Latin words ('en') and the rest ('any') in either name. */
export type AgencySearchField = 'th' | 'en' | 'any';

export interface AgencySearchWord {
  text: string;
  field: AgencySearchField;
}

export interface AgencySearchTerms {
  /** The type recognised from an abbreviation or a written prefix (a filter), or null. */
  nameType: AgencyNameType | null;
  /** Every word must be contained in its field (any order). */
  words: AgencySearchWord[];
  /** The Thai words run together as typed: the name after its type prefix, for ranking exact and prefix matches. */
  stem: string;
  /** The Latin words joined by spaces: the English name, for ranking. */
  latinPhrase: string;
  /** The Thai name as it would be written in full (type prefix and stem), for similarity ranking. */
  thaiName: string;
}

const THAI_LETTERS = /[\u0E01-\u0E4E]/;
const LATIN_LETTERS = /[a-z]/;
// Separators: whitespace and punctuation, except the dot (handled after the dotted abbreviations).
const SEPARATORS = /[\s,;:!?()[\]{}"'“”‘’/\\|+*&#@–—\-_~`^<>=]+/u;
// "อ.บ.ต." or "ท.ต." written letter by letter, not inside a word.
const DOTTED_LETTERS = /(^|[^\u0E01-\u0E4E])((?:[\u0E01-\u0E2E]\.){1,2}[\u0E01-\u0E2E])(?![\u0E01-\u0E4E])\.?/gu;

const byAbbreviation = new Map<string, AgencyNameType>(
  AGENCY_NAME_TYPES.flatMap((entry) => entry.abbreviations.map((abbreviation) => [abbreviation, entry] as const)),
);
const byPrefix = new Map<string, AgencyNameType>(AGENCY_NAME_TYPES.map((entry) => [entry.prefix, entry] as const));

let segmenter: Intl.Segmenter | undefined;
const thaiSegments = (text: string): string[] => {
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  return Array.from(segmenter.segment(text), (part) => part.segment);
};

/**
 * A type written at the start or the end of a run-together Thai piece: the full prefix
 * ("เทศบาลตำบลหว้านใหญ่"), a three-letter abbreviation ("อบตบางทรายน้อย"), or, where Thai word
 * boundaries say it stands alone, a two-letter one ("ทตหว้านใหญ่", "หว้านใหญ่ทต"). A name that merely
 * begins with the same letters ("ทนายความ") is not split, because the segmenter keeps it one word.
 */
function splitType(piece: string): { nameType: AgencyNameType; rest: string } | null {
  for (const entry of AGENCY_NAME_TYPES) {
    if (piece.startsWith(entry.prefix)) return { nameType: entry, rest: piece.slice(entry.prefix.length) };
    if (piece.endsWith(entry.prefix)) return { nameType: entry, rest: piece.slice(0, -entry.prefix.length) };
  }
  for (const [abbreviation, entry] of byAbbreviation) {
    if (abbreviation.length === 3 && piece.startsWith(abbreviation) && piece.length > 4) {
      return { nameType: entry, rest: piece.slice(3) };
    }
  }
  const segments = thaiSegments(piece);
  if (segments.length < 2) return null;
  const first = byAbbreviation.get(segments[0]!);
  if (first) return { nameType: first, rest: segments.slice(1).join('') };
  const last = byAbbreviation.get(segments[segments.length - 1]!);
  if (last) return { nameType: last, rest: segments.slice(0, -1).join('') };
  return null;
}

/** What was typed, as search terms. Empty input gives no type and no words (see `hasAgencySearchTerms`). */
export function agencySearchTerms(input: string): AgencySearchTerms {
  const normalised = toArabicDigits(input.normalize('NFC')).toLowerCase();
  const undotted = normalised.replace(DOTTED_LETTERS, (match: string, before: string, letters: string) => {
    const abbreviation = letters.replace(/\./g, '');
    return byAbbreviation.has(abbreviation) ? `${before}${abbreviation}.` : match;
  });
  const pieces = undotted
    .split(SEPARATORS)
    .flatMap((token) => token.split('.'))
    .filter((piece) => piece !== '');

  let nameType = null as AgencyNameType | null;
  const words: AgencySearchWord[] = [];
  const addWord = (text: string) => {
    // A lone Thai letter is an abbreviation of a place word (ต. ตำบล, อ. อำเภอ, จ. จังหวัด): not part of a name.
    if (text === '' || (THAI_LETTERS.test(text) && text.length < 2)) return;
    const field: AgencySearchField = THAI_LETTERS.test(text) ? 'th' : LATIN_LETTERS.test(text) ? 'en' : 'any';
    if (!words.some((word) => word.text === text && word.field === field)) words.push({ text, field });
  };

  for (const piece of pieces) {
    // "เทศบาล ตำบล …": the generic type made precise by the word after it.
    const refined = nameType?.prefix === 'เทศบาล' ? byPrefix.get(`${nameType.prefix}${piece}`) : undefined;
    if (refined) {
      nameType = refined;
      continue;
    }
    const whole = byAbbreviation.get(piece) ?? byPrefix.get(piece);
    if (whole) {
      nameType ??= whole;
      continue;
    }
    const split = THAI_LETTERS.test(piece) ? splitType(piece) : null;
    if (split) {
      nameType ??= split.nameType;
      addWord(split.rest);
    } else {
      addWord(piece);
    }
  }

  const stem = words
    .filter((word) => word.field !== 'en')
    .map((word) => word.text)
    .join('');
  const latinPhrase = words
    .filter((word) => word.field === 'en')
    .map((word) => word.text)
    .join(' ');
  const thaiName = `${nameType?.prefix ?? ''}${stem}`;
  return { nameType, words, stem, latinPhrase, thaiName };
}

/** Whether the terms filter anything (empty input, or only punctuation, does not). */
export const hasAgencySearchTerms = (terms: AgencySearchTerms): boolean => terms.nameType !== null || terms.words.length > 0;
