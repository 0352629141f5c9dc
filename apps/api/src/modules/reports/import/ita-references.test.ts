import { describe, expect, it } from 'vitest';
import { findItaReferences, parseItaCode } from './ita-references';

describe('parseItaCode', () => {
  it.each([
    ['๐๑๑', 'O11'],
    ['O13', 'O13'],
    ['o-7', 'O7'],
    ['โอ 27', 'O27'],
    ['011', 'O11'],
    ['O01', 'O1'],
  ])('when the code is written "%s", then it reads as %s', (written, code) => {
    expect(parseItaCode(written)).toBe(code);
  });

  it.each(['O0', 'O100', '๑๑', 'Q11', ''])('when "%s" is not an O1–O99 code, then null is returned', (written) => {
    expect(parseItaCode(written)).toBeNull();
  });
});

describe('findItaReferences', () => {
  it('when a citation uses a Thai zero for the letter O, then the code is read and the citation kept as written', () => {
    // Arrange
    const text = 'จัดทำแผนการดำเนินงาน (อ้างอิงจาก ๐๑๑) หรือมีส่วนร่วม';

    // Act
    const references = findItaReferences(text, 2566);

    // Assert
    expect(references).toEqual([{ fiscalYear: 2566, code: 'O11', raw: 'อ้างอิงจาก ๐๑๑' }]);
  });

  it('when one citation lists several codes and a Latin code stands alone, then all come in text order, once each', () => {
    const text = 'ตามตัวชี้วัด O9 และ (อ้างอิงจาก O27, O28) ซ้ำ O27';

    const references = findItaReferences(text, null);

    expect(references).toEqual([
      { fiscalYear: null, code: 'O9', raw: 'O9' },
      { fiscalYear: null, code: 'O27', raw: 'อ้างอิงจาก O27, O28' },
      { fiscalYear: null, code: 'O28', raw: 'อ้างอิงจาก O27, O28' },
    ]);
  });

  it('when Thai digits only form a number such as a phone, then nothing is read', () => {
    expect(findItaReferences('โทร. ๐๔๒-๖๓๙๐๒๖ ISO 9001 COVID-19', 2566)).toEqual([]);
  });
});
