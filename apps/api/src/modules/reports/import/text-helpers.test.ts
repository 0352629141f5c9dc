import { describe, expect, it } from 'vitest';
import { cleanCellText, normaliseForComparison } from '../../quality-checks/clean-text';
import { decodeTextFile } from './decode-text-file';
import { findLocalGovernmentMentions, readCoreName } from '../../quality-checks/local-government-names';
import { splitActions } from './read-measure-row';
import { computeDiceSimilarity } from '../../quality-checks/text-similarity';
import { findWebAddresses } from '../../quality-checks/web-addresses';

describe('splitActions', () => {
  it('when steps are numbered with Thai digits, then each step comes back without its number', () => {
    // Arrange
    const text = '๑. จัดทำคู่มือ ๒. เผยแพร่คู่มือ\n๓. ติดตามผล';

    // Act
    const result = splitActions(text);

    // Assert
    expect(result).toEqual({ preamble: '', actions: ['จัดทำคู่มือ', 'เผยแพร่คู่มือ', 'ติดตามผล'] });
  });

  it('when other numbers appear (years, decimals, a list that skips), then only the run 1, 2, 3 splits', () => {
    const text = '1. ใช้งบ 2.5 ล้านบาท ปี พ.ศ. 2566 ข้อ 4. ไม่ใช่ 2) เผยแพร่';

    expect(splitActions(text).actions).toEqual(['ใช้งบ 2.5 ล้านบาท ปี พ.ศ. 2566 ข้อ 4. ไม่ใช่', 'เผยแพร่']);
  });
});

describe('cleanCellText', () => {
  it('when a cell holds tags, entities, zero-width spaces and PDF spacing, then clean lines remain', () => {
    const cell = '<p>มี แนว ทาง ใน การ\u200b กำกับ</p> <p>**ข้อ&nbsp;๒** &amp; อื่น ๆ</p>';

    expect(cleanCellText(cell)).toBe('มีแนวทางในการกำกับ\nข้อ ๒ & อื่น ๆ');
  });
});

describe('computeDiceSimilarity', () => {
  it('when texts are equal, disjoint or partly shared, then the score is 1, 0 or in between', () => {
    expect(computeDiceSimilarity('จัดประชุม', 'จัดประชุม')).toBe(1);
    expect(computeDiceSimilarity('abcd', 'wxyz')).toBe(0);
    expect(computeDiceSimilarity('night', 'nacht')).toBeCloseTo(0.25);
  });

  it('when spacing, tags and digit style differ, then normalised texts compare as equal', () => {
    const a = normaliseForComparison('<p>ประจำปี ๒๕๖๖</p>');
    const b = normaliseForComparison('ประจำปี 2566');

    expect(computeDiceSimilarity(a, b)).toBe(1);
  });
});

describe('findWebAddresses', () => {
  it('when a text has addresses with and without a scheme, then each is found with its bare host', () => {
    const text = 'เว็บไซต์ www.bangsainoi.go.th/facebook และ https://itas.nacc.go.th/go/o11. อีเมล a@b.go.th Line, Facebook';

    expect(findWebAddresses(text).map(({ text: written, host }) => [written, host])).toEqual([
      ['www.bangsainoi.go.th/facebook', 'bangsainoi.go.th'],
      ['https://itas.nacc.go.th/go/o11', 'itas.nacc.go.th'],
    ]);
  });

  it('when an address is written in capitals, alone or glued to Thai words, then it is found; Thai abbreviations are not addresses', () => {
    const text = 'ดูที่WWW.BANGSAINOI.GO.THและ HTTPS://X-Y.OR.TH/a ตามหนังสือ อบต.บางทรายน้อย ที่ มท. ๐๘๐๘.๒/ว ๑๒๓';

    expect(findWebAddresses(text).map(({ host }) => host)).toEqual(['bangsainoi.go.th', 'x-y.or.th']);
    expect(findWebAddresses('จัดประชุม อบต. ครั้งที่ 1.5 ตามคำสั่ง ที่ 12.3/2566')).toEqual([]);
  });
});

describe('local government names', () => {
  it('when a name runs into the next word, then the display name is cut before it', () => {
    const [mention] = findLocalGovernmentMentions('ขององค์การบริหารส่วนตำบลบ้านซ่งโดยปรับปรุง');

    expect(mention).toMatchObject({ prefix: 'องค์การบริหารส่วนตำบล', name: 'บ้านซ่ง' });
  });

  it('when an agency name has a type prefix, then the core name is the rest', () => {
    expect(readCoreName('องค์การบริหารส่วนตำบลบางทรายน้อย')).toBe('บางทรายน้อย');
    expect(readCoreName('เทศบาลเมือง มุกดาหาร')).toBe('มุกดาหาร');
    expect(readCoreName('กรุงเทพมหานคร')).toBe('กรุงเทพมหานคร');
  });
});

describe('decodeTextFile', () => {
  it('when a file is UTF-8, UTF-16 with a BOM or Windows-874, then the Thai text comes back', () => {
    const text = 'ปีงบประมาณ ๒๕๖๖';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const windows874 = Buffer.from([0xbb, 0xd5, 0xa7, 0xba]);

    expect(decodeTextFile(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeTextFile(utf16)).toBe(text);
    expect(decodeTextFile(windows874)).toBe('ปีงบ');
  });
});
