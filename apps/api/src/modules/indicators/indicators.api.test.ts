import { describe, expect, it } from 'vitest';
import { CodebookSchema, ErrorResponseSchema, SERVER_ISSUE_CODES } from '@prongsai/shared';
import { testApp } from '../../../test/app';
import { createTenant, createUser, signIn } from '../../../test/factories';

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };

describe('indicator codebooks', () => {
  it('when an admin uploads a year as CSV, then editors read it sorted by code with titles', async () => {
    const admin = await createUser('national_admin');
    const { editor } = await createTenant();
    const adminAgent = await signIn(app, admin);
    const csv = '\uFEFFcode,title,group\r\nO10,"แผนดำเนินงาน, ประจำปี",9.2\r\nO2,ข้อมูลผู้บริหาร,9.1\r\n';

    const uploaded = await adminAgent.put('/api/v1/codebooks/2556').set(csrf).send({ csv, note: 'ทดสอบ' });
    const read = await (await signIn(app, editor)).get('/api/v1/codebooks/2556');

    expect(uploaded.status).toBe(200);
    const book = CodebookSchema.parse(read.body);
    expect(book.items.map((item) => item.code)).toEqual(['O2', 'O10']);
    expect(book.items[1]!.titleTh).toBe('แผนดำเนินงาน, ประจำปี');
  });

  it('when rows are invalid, then 400 names each line and the old codebook stays', async () => {
    const admin = await createUser('national_admin');
    const agent = await signIn(app, admin);
    await agent.put('/api/v1/codebooks/2555').set(csrf).send({ csv: 'code,title,group\nO1,โครงสร้าง,9.1\n' });

    const response = await agent
      .put('/api/v1/codebooks/2555')
      .set(csrf)
      .send({ csv: 'code,title,group\nX1,ผิด,9.1\nO2,,11.5\nO2,ซ้ำ,9.1\n' });
    const after = CodebookSchema.parse((await agent.get('/api/v1/codebooks/2555')).body);

    expect(response.status).toBe(400);
    const paths = response.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['body.csv.line2.code', 'body.csv.line3.title', 'body.csv.line3.group']));
    expect(after.items.map((item) => item.code)).toEqual(['O1']);
  });

  it('when a CSV has a repeated code, an empty title, no header or no rows, then each answer carries a code and its values (ADR 026)', async () => {
    // Arrange
    const agent = await signIn(app, await createUser('national_admin'));
    const upload = async (csv: string) =>
      ErrorResponseSchema.parse((await agent.put('/api/v1/codebooks/2554').set(csrf).send({ csv })).body).error;

    // Act
    const lines = await upload('code,title,group\nO1,โครงสร้าง,9.1\nO1,ซ้ำ,9.1\nO2,,9.1\n');
    const noHeader = await upload('code;title;group\nO1;โครงสร้าง;9.1\n');
    const noRows = await upload('code,title,group\n');

    // Assert
    expect(lines.reason).toBe('csvInvalid');
    expect(lines.issues).toEqual([
      { path: 'body.csv.line3.code', code: 'duplicate', message: 'รหัส O1 ซ้ำ', params: { value: 'O1' } },
      { path: 'body.csv.line4.title', code: 'too_small', message: 'กรุณาระบุชื่อรายการ', params: { minimum: 1, origin: 'string' } },
    ]);
    expect(noHeader).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'csvHeader', params: { columns: 'code,title,group' } });
    expect(noHeader.issues).toEqual([
      {
        path: 'body.csv',
        code: 'invalid_header',
        message: 'ไฟล์ CSV ต้องมีหัวคอลัมน์ code,title,group',
        params: { columns: 'code,title,group' },
      },
    ]);
    expect(noRows).toMatchObject({ reason: 'csvEmpty', issues: [{ path: 'body.csv', code: 'no_rows' }] });
    // Every hand-written issue code is one the web has texts for (the catalogue test checks the list).
    const codes = [...(lines.issues ?? []), ...(noHeader.issues ?? []), ...(noRows.issues ?? [])].map((issue) => issue.code);
    expect(codes.filter((code) => code !== 'too_small').every((code) => Object.hasOwn(SERVER_ISSUE_CODES, code))).toBe(true);
  });
});
