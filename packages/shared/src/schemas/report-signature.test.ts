import { describe, expect, it } from 'vitest';
import { SIGNATURE_BLANK_DATE, UpdateReportSignatureInputSchema, reportSignatureLines } from './report-signature';

describe('reportSignatureLines', () => {
  it('when a day is set, then the block ends with the Thai date in Thai digits (or the digits asked for)', () => {
    // Arrange
    const signature = { name: 'นายสมชาย ใจดี', position: 'นายกองค์การบริหารส่วนตำบลบางทรายน้อย', signedOn: '2024-03-07' };

    // Act
    const thai = reportSignatureLines(signature);
    const arabic = reportSignatureLines(signature, 'arabic');

    // Assert
    expect(thai).toEqual([
      'ลงชื่อ ........................................',
      '(นายสมชาย ใจดี)',
      'ตำแหน่ง นายกองค์การบริหารส่วนตำบลบางทรายน้อย',
      'วันที่ ๗ มีนาคม ๒๕๖๗',
    ]);
    expect(arabic[3]).toBe('วันที่ 7 มีนาคม 2567');
  });

  it('when no day is set, then the date line is left blank to be written by hand', () => {
    expect(reportSignatureLines({ name: 'ก', position: 'ข', signedOn: null })[3]).toBe(SIGNATURE_BLANK_DATE);
  });
});

describe('UpdateReportSignatureInputSchema', () => {
  it('when the name is blank, holds a line break or an unknown field comes, then it is refused; a missing day is null', () => {
    expect(UpdateReportSignatureInputSchema.safeParse({ name: '  ', position: 'ปลัด' }).success).toBe(false);
    expect(UpdateReportSignatureInputSchema.safeParse({ name: 'ก\nข', position: 'ปลัด' }).success).toBe(false);
    expect(UpdateReportSignatureInputSchema.safeParse({ name: 'ก', position: 'ปลัด', extra: 1 }).success).toBe(false);
    expect(UpdateReportSignatureInputSchema.safeParse({ name: 'ก', position: 'ปลัด', signedOn: '2567-03-07' }).success).toBe(false);
    expect(UpdateReportSignatureInputSchema.parse({ name: ' ก ', position: 'ปลัด' })).toEqual({
      name: 'ก',
      position: 'ปลัด',
      signedOn: null,
    });
  });
});
