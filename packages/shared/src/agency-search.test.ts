import { describe, expect, it } from 'vitest';
import { AGENCY_NAME_PREFIX_PATTERN, agencySearchTerms, hasAgencySearchTerms } from './agency-search';

const summary = (input: string) => {
  const terms = agencySearchTerms(input);
  return { prefix: terms.nameType?.prefix ?? null, words: terms.words.map((word) => `${word.field}:${word.text}`) };
};

describe('agencySearchTerms', () => {
  it.each([
    ['อบต.บางทรายน้อย', 'องค์การบริหารส่วนตำบล', ['th:บางทรายน้อย']],
    ['อบต. บางทรายน้อย', 'องค์การบริหารส่วนตำบล', ['th:บางทรายน้อย']],
    ['อบตบางทรายน้อย', 'องค์การบริหารส่วนตำบล', ['th:บางทรายน้อย']],
    ['อ.บ.ต.บางทรายน้อย', 'องค์การบริหารส่วนตำบล', ['th:บางทรายน้อย']],
    ['บางทรายน้อย อบต.', 'องค์การบริหารส่วนตำบล', ['th:บางทรายน้อย']],
    ['บางทรายน้อยอบต', 'องค์การบริหารส่วนตำบล', ['th:บางทรายน้อย']],
    ['องค์การบริหารส่วนตำบลบางทรายน้อย', 'องค์การบริหารส่วนตำบล', ['th:บางทรายน้อย']],
    ['ทต.หว้านใหญ่', 'เทศบาลตำบล', ['th:หว้านใหญ่']],
    ['ท.ต.หว้านใหญ่', 'เทศบาลตำบล', ['th:หว้านใหญ่']],
    ['ทตหว้านใหญ่', 'เทศบาลตำบล', ['th:หว้านใหญ่']],
    ['หว้านใหญ่ทต', 'เทศบาลตำบล', ['th:หว้านใหญ่']],
    ['เทศบาลตำบลหว้านใหญ่', 'เทศบาลตำบล', ['th:หว้านใหญ่']],
    ['เทศบาล หว้าน', 'เทศบาล', ['th:หว้าน']],
    ['เทศบาล ตำบล หว้าน', 'เทศบาลตำบล', ['th:หว้าน']],
    ['หว้าน เทศบาล', 'เทศบาล', ['th:หว้าน']],
    ['ทม.มุกดาหาร', 'เทศบาลเมือง', ['th:มุกดาหาร']],
    ['ทน.ขอนแก่น', 'เทศบาลนคร', ['th:ขอนแก่น']],
    ['อบจ.มุกดาหาร', 'องค์การบริหารส่วนจังหวัด', ['th:มุกดาหาร']],
    ['บางทรายน้อย', null, ['th:บางทรายน้อย']],
    ['ทนายความ', null, ['th:ทนายความ']],
    ['น้อย บางทราย', null, ['th:น้อย', 'th:บางทราย']],
    ['บางทราย ต.บางทราย อ.เมือง', null, ['th:บางทราย', 'th:เมือง']],
    ['จ.ขอนแก่น', null, ['th:ขอนแก่น']],
  ])('when someone types "%s", then the type is %s and the words %j', (input, prefix, words) => {
    expect(summary(input)).toEqual({ prefix, words });
  });

  it('when the input mixes Thai and Arabic digits, then every digit is Arabic', () => {
    expect(summary('อบต.หมู่ ๑๒ 3')).toEqual({ prefix: 'องค์การบริหารส่วนตำบล', words: ['th:หมู่', 'any:12', 'any:3'] });
  });

  it('when the input is English, then its words are looked for in the English name, lower case', () => {
    const terms = agencySearchTerms('Bang Sai  Noi');
    expect(terms.words).toEqual([
      { text: 'bang', field: 'en' },
      { text: 'sai', field: 'en' },
      { text: 'noi', field: 'en' },
    ]);
    expect(terms.latinPhrase).toBe('bang sai noi');
    expect(terms.nameType).toBeNull();
  });

  it('when an English abbreviation is typed, then it is the type', () => {
    expect(summary('SAO Bang Sai Noi')).toEqual({ prefix: 'องค์การบริหารส่วนตำบล', words: ['en:bang', 'en:sai', 'en:noi'] });
  });

  it('when the input is empty or only punctuation, then there is nothing to search', () => {
    expect(hasAgencySearchTerms(agencySearchTerms(''))).toBe(false);
    expect(hasAgencySearchTerms(agencySearchTerms('  .,- '))).toBe(false);
  });

  it('when the input is only an abbreviation, then it is a type filter without words', () => {
    const terms = agencySearchTerms('อบต.');
    expect(hasAgencySearchTerms(terms)).toBe(true);
    expect(terms.nameType?.type).toBe('sao');
    expect(terms.words).toEqual([]);
  });

  it('when a type is typed, then the stem and the full Thai name are written for ranking', () => {
    const terms = agencySearchTerms('อบต. บางทราย น้อย');
    expect(terms.stem).toBe('บางทรายน้อย');
    expect(terms.thaiName).toBe('องค์การบริหารส่วนตำบลบางทรายน้อย');
  });

  it('when a name is matched against the prefix pattern, then only its type prefix is removed', () => {
    const pattern = new RegExp(AGENCY_NAME_PREFIX_PATTERN);
    expect('เทศบาลตำบลหว้านใหญ่'.replace(pattern, '')).toBe('หว้านใหญ่');
    expect('องค์การบริหารส่วนตำบลบางทรายน้อย'.replace(pattern, '')).toBe('บางทรายน้อย');
    expect('กรุงเทพมหานคร'.replace(pattern, '')).toBe('กรุงเทพมหานคร');
  });
});
