import { describe, expect, it } from 'vitest';
import { thaiDistrictLabel, thaiProvinceLabel, toThaiDigits } from './thai';

describe('toThaiDigits', () => {
  it('when a text mixes Arabic digits and Thai, then only the digits change', () => {
    // Arrange
    const text = 'โทร. 042-639026';

    // Act
    const result = toThaiDigits(text);

    // Assert
    expect(result).toBe('โทร. ๐๔๒-๖๓๙๐๒๖');
  });
});

describe('thaiProvinceLabel', () => {
  it('when a province name has no prefix, then จังหวัด is added', () => {
    expect(thaiProvinceLabel('มุกดาหาร')).toBe('จังหวัดมุกดาหาร');
  });

  it('when the name already has จังหวัด, then it is not doubled', () => {
    expect(thaiProvinceLabel('จังหวัดมุกดาหาร')).toBe('จังหวัดมุกดาหาร');
  });

  it('when the province is Bangkok, then it is written without จังหวัด', () => {
    expect(thaiProvinceLabel('กรุงเทพมหานคร')).toBe('กรุงเทพมหานคร');
  });
});

describe('thaiDistrictLabel', () => {
  it('when a district is outside Bangkok, then it is an อำเภอ', () => {
    expect(thaiDistrictLabel('หว้านใหญ่', 'มุกดาหาร')).toBe('อำเภอหว้านใหญ่');
  });

  it('when a district is in Bangkok, then it is a เขต', () => {
    expect(thaiDistrictLabel('บางรัก', 'กรุงเทพมหานคร')).toBe('เขตบางรัก');
  });

  it('when the name already has a prefix, then it is not doubled', () => {
    expect(thaiDistrictLabel('อำเภอหว้านใหญ่', 'มุกดาหาร')).toBe('อำเภอหว้านใหญ่');
  });
});

import { findThaiDate, joinThaiSpacing, repairThaiPdfSpacing, thaiMonthNumber } from './thai';

describe('repairThaiPdfSpacing', () => {
  it('when a run of short Thai fragments is spaced apart, then the fragments are joined', () => {
    // Arrange
    const text = 'มี แนว ทาง ใน การ กำกับ ดูแล ตรวจสอบการใช้ทรัพย์สิน';

    // Act
    const result = repairThaiPdfSpacing(text);

    // Assert
    expect(result).toBe('มีแนวทางในการกำกับดูแล ตรวจสอบการใช้ทรัพย์สิน');
  });

  it('when spaces separate phrases or a short list, then they are kept', () => {
    const text = 'กำหนดแนวทางในการกำกับ ดูแล และ ตรวจสอบการใช้ทรัพย์สิน ช่องทางต่าง ๆ เช่น เว็บไซต์';

    expect(repairThaiPdfSpacing(text)).toBe(text);
  });

  it('when Thai fragments sit next to digits or Latin text, then those spaces are kept', () => {
    const text = 'วันที่ ๗ มี นา คม ITA ใน ปี งบ ประ มาณ 2566';

    expect(repairThaiPdfSpacing(text)).toBe('วันที่ ๗ มี นา คม ITA ในปีงบประมาณ 2566');
  });

  it('when the text has several lines, then each line is repaired on its own', () => {
    expect(repairThaiPdfSpacing('มี แนว ทาง ใน\nการ กำกับ')).toBe('มีแนวทางใน\nการ กำกับ');
  });
});

describe('findThaiDate', () => {
  it('when a full date is written with Thai digits, then day, month and BE year are found', () => {
    // Arrange
    const text = 'ดำเนินการเมื่อวันที่ ๗ มีนาคม ๒๕๖๖';

    // Act
    const result = findThaiDate(text);

    // Assert
    expect(result).toEqual({ day: 7, month: 3, beYear: 2566, text: '๗ มีนาคม ๒๕๖๖', index: 21 });
  });

  it('when only month and year are written, then the day is null', () => {
    expect(findThaiDate('ดำเนินการเมื่อ มกราคม ๒๕๖๖')).toMatchObject({ day: null, month: 1, beYear: 2566 });
  });

  it('when a short month name and a two-digit year are written, then the year is read as BE', () => {
    expect(findThaiDate('ประชุม 15 มี.ค. 66')).toMatchObject({ day: 15, month: 3, beYear: 2566 });
  });

  it('when พ.ศ. or ค.ศ. precede the year, then the year is converted to BE', () => {
    expect(findThaiDate('เดือนเมษายน พ.ศ. 2566')).toMatchObject({ day: null, month: 4, beYear: 2566 });
    expect(findThaiDate('1 เมษายน ค.ศ. 2023')).toMatchObject({ day: 1, month: 4, beYear: 2566 });
  });

  it('when the date is numeric or ISO, then it is found too', () => {
    expect(findThaiDate('ลงวันที่ ๗/๓/๒๕๖๖')).toMatchObject({ day: 7, month: 3, beYear: 2566 });
    expect(findThaiDate('2023-03-07')).toMatchObject({ day: 7, month: 3, beYear: 2566 });
  });

  it('when there is no date, or the numbers are out of range, then null is returned', () => {
    expect(findThaiDate('ตลอดปีงบประมาณ')).toBeNull();
    expect(findThaiDate('โทร. ๐๔๒-๖๓๙๐๒๖')).toBeNull();
    expect(findThaiDate('45/13/2566')).toBeNull();
  });
});

describe('thaiMonthNumber', () => {
  it.each([
    ['มกราคม', 1],
    ['ธันวาคม', 12],
    ['ม.ค.', 1],
    ['ธ.ค.', 12],
    ['มี นา คม', 3],
    ['มี. ค.', 3],
  ])('when the month is written "%s", then it is month %i', (name, month) => {
    expect(thaiMonthNumber(name)).toBe(month);
  });

  it.each(['มกรา', 'ม.ค', 'January', ''])('when "%s" is not a Thai month name as written in reports, then there is no month', (name) => {
    expect(thaiMonthNumber(name)).toBeUndefined();
  });
});

describe('province and district labels from imported lists', () => {
  it('when names carry stray spaces, then the labels are written without them', () => {
    expect(thaiProvinceLabel(' มุกดาหาร ')).toBe('จังหวัดมุกดาหาร');
    expect(thaiProvinceLabel(' จังหวัด มุกดาหาร')).toBe('จังหวัดมุกดาหาร');
    expect(thaiProvinceLabel(' กรุงเทพมหานคร ')).toBe('กรุงเทพมหานคร');
    expect(thaiDistrictLabel(' อำเภอ หว้านใหญ่ ', 'มุกดาหาร')).toBe('อำเภอหว้านใหญ่');
  });

  it('when Bangkok is written with จังหวัด or spaces, then its districts are still เขต', () => {
    expect(thaiDistrictLabel('บางรัก', 'จังหวัดกรุงเทพมหานคร')).toBe('เขตบางรัก');
    expect(thaiDistrictLabel('เขตบางรัก', ' กรุงเทพมหานคร ')).toBe('เขตบางรัก');
  });
});

describe('joinThaiSpacing', () => {
  it('when spaces sit between Thai characters, then they are removed, however many', () => {
    expect(joinThaiSpacing('มี แนว   ทาง')).toBe('มีแนวทาง');
  });

  it('when a space is next to Latin text or Arabic digits, then it is kept', () => {
    expect(joinThaiSpacing('ปี 2566 ITA ใน')).toBe('ปี 2566 ITA ใน');
  });
});

describe('repairThaiPdfSpacing, which characters make a fragment', () => {
  it.each([
    ['เ and ็ (เก็บ)', 'การ เก็บ รัก ษา เอก สาร', 'การเก็บรักษาเอกสาร'],
    ['tone marks and ์', 'ผู้ ดู แล ทรัพย์ สิน', 'ผู้ดูแลทรัพย์สิน'],
    ['ฮ, the last consonant', 'ดู แล ฮาร์ด แวร์', 'ดูแลฮาร์ดแวร์'],
    ['ๅ (lakkhangyao)', 'ฤๅ ษี ใน ป่า', 'ฤๅษีในป่า'],
    ['a fragment of exactly six characters (ทรัพย์)', 'ดู แล ทรัพย์ สิน', 'ดูแลทรัพย์สิน'],
  ])('when a run of fragments contains %s, then it is joined', (_label, text, repaired) => {
    expect(repairThaiPdfSpacing(text)).toBe(repaired);
  });

  it('when fragments are separated by several spaces, then they are joined too', () => {
    expect(repairThaiPdfSpacing('มี  แนว  ทาง  ใน')).toBe('มีแนวทางใน');
  });

  it('when a fragment carries a digit (ข้อ๑), then it does not count towards a run', () => {
    const text = 'ข้อ๑ กำกับ ดูแล และ';

    expect(repairThaiPdfSpacing(text)).toBe(text);
  });

  it('when a short list is indented, then the leading space does not make it a run', () => {
    const text = ' กำกับ ดูแล และ';

    expect(repairThaiPdfSpacing(text)).toBe(text);
  });
});

describe('findThaiDate, the forms found and their years', () => {
  it('when a month name is split by a space (มี. ค.), then the date is still found', () => {
    expect(findThaiDate('ประชุม 15 มี. ค. 66')).toMatchObject({ day: 15, month: 3, beYear: 2566 });
  });

  it('when ค.ศ. precedes a two-digit year, then it is read as 20xx CE and converted to BE', () => {
    expect(findThaiDate('1 เมษายน ค.ศ. 23')).toMatchObject({ day: 1, month: 4, beYear: 2566 });
  });

  it.each([
    ['1 มกราคม 2399', 2942],
    ['1 มกราคม 2400', 2400],
    ['2566-03-07', 2566],
    ['2023-03-07', 2566],
    ['7/3/2023', 2566],
    ['7/3/2566', 2566],
  ])('when the year is written "%s", then the BE year is %i (BE from 2400 on, CE below)', (text, beYear) => {
    expect(findThaiDate(text)?.beYear).toBe(beYear);
  });

  it('when a numeric or ISO date sits inside a sentence, then the match is exactly the date and where it starts', () => {
    expect(findThaiDate('ตามหนังสือลงวันที่ 15/12/2566 เรื่องแผน')).toEqual({
      day: 15,
      month: 12,
      beYear: 2566,
      text: '15/12/2566',
      index: 19,
    });
    expect(findThaiDate('ส่งรายงาน 2023-03-07 แล้ว')).toEqual({ day: 7, month: 3, beYear: 2566, text: '2023-03-07', index: 10 });
    expect(findThaiDate('ประชุม ๗/๓/๖๖ ครั้งที่ ๒')).toMatchObject({ day: 7, month: 3, beYear: 2566, text: '๗/๓/๖๖', index: 7 });
  });

  it('when several dates are written, then the first one in the text is returned, whatever its form', () => {
    expect(findThaiDate('ลงวันที่ 1/4/2566 อ้างถึงการประชุม 7 มีนาคม 2566')).toMatchObject({ day: 1, month: 4, text: '1/4/2566' });
    expect(findThaiDate('2023-04-01 อ้างถึง 7 มีนาคม 2566')).toMatchObject({ day: 1, month: 4, text: '2023-04-01' });
  });

  it.each([
    ['31/12/2566', { day: 31, month: 12 }],
    ['1/1/2566', { day: 1, month: 1 }],
    ['32/12/2566', null],
    ['00/12/2566', null],
    ['31/13/2566', null],
    ['15/0/2566', null],
    ['2023-13-01', null],
    ['2023-12-32', null],
  ])('when the numeric date is %s, then the day and month are range-checked (%o)', (text, expected) => {
    const found = findThaiDate(text);

    if (expected === null) expect(found).toBeNull();
    else expect(found).toMatchObject(expected);
  });
});
