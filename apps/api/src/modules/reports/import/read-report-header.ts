import { isValidFiscalYear, toArabicDigits, type ParsedAgency } from '@prongsai/shared';
import { cleanCellText } from '../../quality-checks/clean-text';
import { findLocalGovernmentMentions } from '../../quality-checks/local-government-names';
import { findWebAddresses, isSharedPlatform } from '../../quality-checks/web-addresses';

export interface ReportHeader {
  agency: ParsedAgency;
  fiscalYear: number | null;
  introText: string | null;
}

const THAI_WORD = '[\\u0E01-\\u0E4E]+?';
const WORD_END = '(?=[^\\u0E01-\\u0E4E]|$|จังหวัด|จ\\.)';
const DISTRICT = new RegExp(`(?:อำเภอ|(?<![\\u0E01-\\u0E4E])อ\\.|(?<![\\u0E01-\\u0E4E])เขต)\\s*(${THAI_WORD})${WORD_END}`);
const PROVINCE = new RegExp(`(?<!ส่วน)(?:จังหวัด|(?<![\\u0E01-\\u0E4E])จ\\.)\\s*(${THAI_WORD})(?=[^\\u0E01-\\u0E4E]|$)`);
const POSTCODE = /(?<![0-9-])([1-9][0-9]{4})(?![0-9-])/;
const PHONE = /0[0-9](?:[ -]?[0-9]){6,8}/;
const FISCAL_YEAR = /ปี\s?งบ\s?ประมาณ\s*(?:พ\.\s*ศ\.?\s*)?([0-9]{4})/g;
// Names usually end the line or run into these words in the report title ("…บางทรายน้อยประจำปี…").
const AGENCY_NAME_END = /ประจำปี|ปีงบประมาณ|ในปี|อำเภอ|จังหวัด|ดังนี้|โดย|\s/;
// The intro paragraph is long prose; the title and address lines are short.
const MIN_INTRO_LENGTH = 80;

/** A fiscal year the app holds (shared rule), else null: the user names the year in the preview. */
const readYear = (text: string): number | null => {
  const year = Number(text);
  return isValidFiscalYear(year) ? year : null;
};

/** Paragraphs: runs of non-blank lines. */
function splitParagraphs(lines: string[]): string[][] {
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line === '') paragraphs.push([]);
    else paragraphs[paragraphs.length - 1]!.push(line);
  }
  return paragraphs.filter((paragraph) => paragraph.length > 0);
}

/** The paragraph after the report's own title ("รายงานผล…"), when it reads as prose. */
function findIntroParagraph(paragraphs: string[][]): number {
  const last = paragraphs.length - 1;
  if (last < 0) return -1;
  const text = paragraphs[last]!.join(' ');
  const isTitle = /^รายงานผล/.test(text);
  const isProse = paragraphs[last]!.some((line) => line.length >= MIN_INTRO_LENGTH);
  return !isTitle && isProse ? last : -1;
}

function readAgencyName(lines: string[]): string | null {
  const nameAt = (line: string, atLineStart: boolean): string | null => {
    const mention = findLocalGovernmentMentions(line)[0];
    if (!mention || (atLineStart && mention.index !== 0)) return null;
    const rest = line.slice(mention.index + mention.prefix.length).replace(/^ /, '');
    const name = rest.split(AGENCY_NAME_END)[0]!;
    return name === '' ? null : `${mention.prefix}${name}`;
  };
  // A line that is the name (the cover page) beats a name inside a sentence.
  for (const line of lines) {
    const name = nameAt(line, true);
    if (name) return name;
  }
  for (const line of lines) {
    const name = nameAt(line, false);
    if (name) return name;
  }
  return null;
}

function readPostcode(lines: string[]): string | null {
  const arabic = lines.map(toArabicDigits).filter((line) => !/โทร|แฟกซ์|fax|tel/i.test(line));
  const withProvince = arabic.filter((line) => PROVINCE.test(line));
  for (const line of [...withProvince, ...arabic]) {
    const match = POSTCODE.exec(line);
    if (match) return match[1]!;
  }
  return null;
}

function readPhone(lines: string[]): string | null {
  for (const line of lines.map(toArabicDigits)) {
    if (!/โทร|tel/i.test(line)) continue;
    const match = PHONE.exec(line);
    if (match) return match[0];
  }
  return null;
}

function readWebsite(lines: string[]): string | null {
  const addresses = lines.flatMap(findWebAddresses).filter((address) => !isSharedPlatform(address.host));
  return addresses[0]?.text ?? null;
}

function readFiscalYear(headerLines: string[], introLines: string[]): number | null {
  for (const match of toArabicDigits(headerLines.join('\n')).matchAll(FISCAL_YEAR)) {
    const year = readYear(match[1]!);
    if (year) return year;
  }
  // The intro names both the assessed year and the report's year: the report's is the later one.
  const years = [...toArabicDigits(introLines.join('\n')).matchAll(FISCAL_YEAR)]
    .map((match) => readYear(match[1]!))
    .filter((year): year is number => year !== null);
  return years.length > 0 ? Math.max(...years) : null;
}

const readDistrict = (lines: string[]): string | null =>
  lines.map((line) => DISTRICT.exec(line)?.[1]).find((name) => name !== undefined) ?? null;

function readProvince(lines: string[]): string | null {
  const name = lines.map((line) => PROVINCE.exec(line)?.[1]).find((found) => found !== undefined);
  return name ?? (lines.some((line) => line.includes('กรุงเทพมหานคร')) ? 'กรุงเทพมหานคร' : null);
}

/**
 * The report's header: agency, address, fiscal year and introduction, read from the text before
 * the measures table. Each field is looked for outside the introduction first, then in all of it;
 * anything not found is null.
 */
export function readReportHeader(rawLines: string[]): ReportHeader {
  const lines = rawLines.map((line) => cleanCellText(line).replace(/\n/g, ' '));
  const paragraphs = splitParagraphs(lines);
  const introIndex = findIntroParagraph(paragraphs);
  const headerLines = paragraphs.filter((_, index) => index !== introIndex).flat();
  const introLines = introIndex >= 0 ? paragraphs[introIndex]! : [];
  const addressLines = headerLines.filter((line) => !/^facebook|^เฟซบุ๊ก/i.test(line));
  const allLines = [...addressLines, ...introLines];
  const read = (reader: (lines: string[]) => string | null) => reader(addressLines) ?? reader(allLines);

  return {
    agency: {
      name: read(readAgencyName),
      district: read(readDistrict),
      province: read(readProvince),
      postcode: read(readPostcode),
      phone: read(readPhone),
      website: read(readWebsite),
    },
    fiscalYear: readFiscalYear(headerLines, introLines),
    introText: introLines.length > 0 ? introLines.join(' ') : null,
  };
}
