import ExcelJS from 'exceljs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app';
import { createAgency, createPlan, createUser, signIn } from '../../../test/factories';

/** The reviewer's overview as a workbook (issue 16): words for people, the codes in their own columns. */

const app = testApp();

function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('GET /review/provinces/:provinceId/overview.xlsx', () => {
  it('when a reviewer downloads the overview, then type and plan status are Thai words and their codes keep their own columns', async () => {
    // Arrange
    const mark = `คำแทนรหัส${Date.now() % 100000}`;
    const published = await createAgency({ provinceId: 57, nameTh: `องค์การบริหารส่วนตำบล${mark}ก` });
    const withoutPlan = await createAgency({ provinceId: 57, type: 'municipality', nameTh: `เทศบาลตำบล${mark}ข` });
    await createPlan(published.id, 2567, 'published', 1);
    const reviewer = await signIn(app, await createUser('provincial_reviewer', { provinceId: 57 }));

    // Act
    const response = await reviewer
      .get(`/api/v1/review/provinces/57/overview.xlsx?fiscalYear=2567&q=${encodeURIComponent(mark)}`)
      .buffer(true)
      .parse(binary);

    // Assert: read back with the library that writes it
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('overview')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const rowOf = (name: string) => {
      const row = sheet.getRows(2, sheet.rowCount - 1)!.find((candidate) => candidate.getCell(1).value === name)!;
      return Object.fromEntries(headers.map((header, index) => [header, row.getCell(index + 1).value]));
    };
    expect(rowOf(published.nameTh)).toMatchObject({
      ประเภท: 'องค์การบริหารส่วนตำบล',
      สถานะแผน: 'เผยแพร่แล้ว',
      'รหัสประเภท (type)': 'sao',
      'รหัสสถานะแผน (plan_status)': 'published',
    });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    expect(sheet.getRow(2).getCell(1).font).toMatchObject({ name: 'Sarabun' });
    expect(sheet.getRow(2).getCell(1).alignment).toMatchObject({ wrapText: true });
    expect(rowOf(withoutPlan.nameTh)).toMatchObject({
      ประเภท: 'เทศบาล',
      สถานะแผน: 'ยังไม่มีแผน',
      'รหัสประเภท (type)': 'municipality',
      'รหัสสถานะแผน (plan_status)': 'none',
    });
  });
});
