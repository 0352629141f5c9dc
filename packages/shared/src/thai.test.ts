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

import { findThaiDate, repairThaiPdfSpacing } from './thai';

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
