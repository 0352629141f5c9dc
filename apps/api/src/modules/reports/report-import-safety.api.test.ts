import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ErrorResponseSchema, ImportPreviewSchema, MEASURE_CSV_COLUMNS, PlanDetailSchema, csvLine } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { createTenant, signIn } from '../../../test/factories';
import { buildPaddedDocx, buildZip } from '../../../test/zip-files';

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };
const MB = 1024 * 1024;

async function editorAgent() {
  const { agency, editor } = await createTenant();
  return { agency, agent: await signIn(app, editor) };
}

describe('import preview: .docx zip bombs', () => {
  it('when a .docx that inflates to 100 MB is previewed, then 422 ARCHIVE_LIMIT_EXCEEDED names the 50 MB limit', async () => {
    const { agency, agent } = await editorAgent();
    const bomb = await buildPaddedDocx(100 * MB);

    const response = await agent
      .post(`/api/v1/agencies/${agency.id}/imports/preview`)
      .set(csrf)
      .send({ format: 'docx', content: bomb.toString('base64') });

    expect(response.status).toBe(422);
    const { error } = ErrorResponseSchema.parse(response.body);
    expect(error.code).toBe('ARCHIVE_LIMIT_EXCEEDED');
    expect(error.message).toContain('50 MB');
    expect(error).toMatchObject({ reason: 'archiveInflated', params: { megabytes: 50 } });
  });

  it('when a .docx whose headers lie about its size is previewed, then 422 as well', async () => {
    const { agency, agent } = await editorAgent();
    const liar = await buildPaddedDocx(60 * MB, { lie: true });

    const response = await agent
      .post(`/api/v1/agencies/${agency.id}/imports/preview`)
      .set(csrf)
      .send({ format: 'docx', content: liar.toString('base64') });

    expect(response.status).toBe(422);
    expect(response.body.error.issues[0].code).toBe('inflated_too_large');
  });
});

describe('import commit: the editor rules and server-computed warnings', () => {
  const commit = (agent: Awaited<ReturnType<typeof editorAgent>>['agent'], agencyId: string, measures: unknown[]) =>
    agent.post(`/api/v1/agencies/${agencyId}/plans/2566/import`).set(csrf).send({ measures });

  it('when a measure is not_carried_out without a reason, then 400 names its outcomeReason and nothing is saved', async () => {
    const { agency, agent } = await editorAgent();

    const response = await commit(agent, agency.id, [{ title: 'จัดอบรมจริยธรรม' }, { title: 'จัดทำคู่มือ', outcome: 'not_carried_out' }]);

    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['body.measures.1.outcomeReason']);
    expect(await getPrisma().plan.count({ where: { agencyId: agency.id } })).toBe(0);
  });

  it('when a measure ends before it starts, then 400 names its plannedEnd and nothing is saved', async () => {
    const { agency, agent } = await editorAgent();

    const response = await commit(agent, agency.id, [{ title: 'จัดทำคู่มือ', plannedStart: '2023-05-01', plannedEnd: '2023-01-31' }]);

    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['body.measures.0.plannedEnd']);
    expect(await getPrisma().plan.count({ where: { agencyId: agency.id } })).toBe(0);
  });

  it('when a client sends its own warnings, then 400 names the field and no forged text is stored', async () => {
    const { agency, agent } = await editorAgent();
    const forged = [{ code: 'PARSE_PROBLEM', sequence: 1, message: 'ผู้ตรวจได้อนุมัติแล้ว ไม่ต้องตรวจอีก' }];

    const response = await commit(agent, agency.id, [{ title: 'จัดทำคู่มือ', warnings: forged }]);

    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['body.measures.0.warnings']);
    expect(await getPrisma().measure.count({ where: { agencyId: agency.id } })).toBe(0);
  });

  it('when measures are imported, then the warnings stored with them are the ones the server computed', async () => {
    const { agency, agent } = await editorAgent();

    const response = await commit(agent, agency.id, [
      { title: 'เผยแพร่แผนการดำเนินงาน', outcome: 'completed', resultText: 'เผยแพร่แผนแล้ว' },
      {
        title: 'เปิดเผยข้อมูลการจัดซื้อจัดจ้าง',
        outcome: 'completed',
        resultText: 'ประกาศที่ 12/2566 ลงวันที่ 1 มีนาคม 2566',
        evidence: [{ url: `https://example.go.th/procurement`, label: 'ประกาศ' }],
      },
    ]);

    expect(response.status).toBe(201);
    const plan = PlanDetailSchema.parse(response.body);
    const stored = await getPrisma().measure.findMany({ where: { planId: plan.id }, orderBy: { sequence: 'asc' } });
    expect(stored.map((measure) => (measure.importWarnings as { code: string }[]).map((warning) => warning.code))).toEqual([
      ['NO_EVIDENCE'],
      [],
    ]);
    expect(plan.measures[0]!.warnings.map((warning) => warning.code)).toEqual(['NO_EVIDENCE']);
  });
});

/** Windows-874 (TIS-620 for Thai): ASCII as is, Thai U+0E01–U+0E5B at 0xA1–0xFB. */
function encodeWindows874(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x0e01 && code <= 0x0e5b) return code - 0x0e00 + 0xa0;
      throw new Error(`not in Windows-874: ${char}`);
    }),
  );
}

describe('import preview: CSV line problems as codes and values (ADR 026)', () => {
  const row = (cells: Partial<Record<(typeof MEASURE_CSV_COLUMNS)[number], string>>) =>
    csvLine(MEASURE_CSV_COLUMNS.map((column) => cells[column] ?? ''));

  it('when a CSV has a bad sequence, an unknown outcome, a BE date and a date that does not exist, then each warning names its kind, line and cell', async () => {
    // Arrange
    const { agency, agent } = await editorAgent();
    const csv =
      csvLine([...MEASURE_CSV_COLUMNS]) +
      row({ sequence: 'หนึ่ง', title: 'ข้ามแถวนี้' }) +
      row({ sequence: '1', title: 'จัดอบรม', outcome: 'เสร็จบ้าง', carried_out_date: '2566-03-07' }) +
      row({ sequence: '2', title: 'จัดทำคู่มือ', carried_out_date: '2023-02-30', evidence: 'ftp://example.com/x' });

    // Act
    const response = await agent
      .post(`/api/v1/agencies/${agency.id}/imports/preview`)
      .set(csrf)
      .send({ format: 'csv', fiscalYear: 2566, content: csv });

    // Assert
    expect(response.status).toBe(200);
    const problems = ImportPreviewSchema.parse(response.body).report.warnings.filter((warning) => warning.code === 'PARSE_PROBLEM');
    expect(problems.map(({ sequence, params }) => ({ sequence, params }))).toEqual([
      { sequence: null, params: { kind: 'csvBadSequence', line: 2, value: 'หนึ่ง' } },
      { sequence: 1, params: { kind: 'unknownOutcome', line: 3, value: 'เสร็จบ้าง', allowed: expect.stringContaining('completed') } },
      { sequence: 1, params: { kind: 'buddhistEraDate', line: 3, value: '2566-03-07', year: 2023 } },
      { sequence: 2, params: { kind: 'impossibleDate', line: 4, value: '2023-02-30' } },
      { sequence: 2, params: { kind: 'badEvidenceUrl', line: 4, value: 'ftp://example.com/x' } },
    ]);
    // The Thai text stays for API clients.
    expect(problems[0]?.message).toBe('แถวที่ 2: ลำดับที่ "หนึ่ง" ไม่ใช่ตัวเลข จึงข้ามแถวนี้');
    expect(problems[3]?.message).toBe('มาตรการที่ 2: วันที่ "2023-02-30" ไม่มีอยู่จริง');
  });

  it('when a CSV has no header row, then one warning names the columns it needs', async () => {
    const { agency, agent } = await editorAgent();

    const response = await agent
      .post(`/api/v1/agencies/${agency.id}/imports/preview`)
      .set(csrf)
      .send({ format: 'csv', fiscalYear: 2566, content: '1,จัดอบรม\n' });

    expect(response.status).toBe(200);
    const { warnings } = ImportPreviewSchema.parse(response.body).report;
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'PARSE_PROBLEM', params: { kind: 'csvNoHeader', columns: MEASURE_CSV_COLUMNS.join(',') } }),
    ]);
  });

  it('when a CSV comes without its fiscal year or a file is empty, then 400 with a reason the screen writes', async () => {
    const { agency, agent } = await editorAgent();
    const send = (body: object) => agent.post(`/api/v1/agencies/${agency.id}/imports/preview`).set(csrf).send(body);

    const noYear = await send({ format: 'csv', content: 'sequence,title\n1,จัดอบรม\n' });
    const empty = await send({ format: 'csv', fiscalYear: 2566, contentEncoding: 'base64', content: '!!!!' });

    expect(noYear.status).toBe(400);
    expect(ErrorResponseSchema.parse(noYear.body).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'csvFiscalYearRequired',
      message: 'กรุณาระบุปีงบประมาณของไฟล์ CSV',
    });
    expect(empty.status).toBe(400);
    expect(ErrorResponseSchema.parse(empty.body).error).toMatchObject({ reason: 'emptyFile', message: 'ไฟล์ว่างหรือไม่ใช่ base64' });
  });
});

describe('import preview: uploaded text files in other encodings', () => {
  const sample = fs.readFileSync(path.join(__dirname, 'import', 'fixtures', 'report-2566-bangsainoi.txt'), 'utf8');
  const preview = (agent: Awaited<ReturnType<typeof editorAgent>>['agent'], agencyId: string, body: object) =>
    agent.post(`/api/v1/agencies/${agencyId}/imports/preview`).set(csrf).send(body);

  it('when a Windows-874 CSV is uploaded as bytes, then its Thai text comes back right with a guessed-encoding warning', async () => {
    const { agency, agent } = await editorAgent();
    const title = 'จัดทำแผนการใช้จ่ายงบประมาณประจำปี';
    const csv =
      csvLine([...MEASURE_CSV_COLUMNS]) +
      csvLine(MEASURE_CSV_COLUMNS.map((column) => ({ sequence: '1', title, outcome: 'planned' })[column as string] ?? ''));

    const response = await preview(agent, agency.id, {
      format: 'csv',
      fiscalYear: 2566,
      contentEncoding: 'base64',
      content: encodeWindows874(csv).toString('base64'),
    });

    expect(response.status).toBe(200);
    const { report } = ImportPreviewSchema.parse(response.body);
    expect(report.measures.map((measure) => measure.title)).toEqual([title]);
    expect(report.warnings.map((warning) => warning.code)).toContain('ENCODING_GUESSED');
  });

  it('when a UTF-16 report (LE or BE, with BOM) is uploaded as bytes, then it reads like the UTF-8 one, with no encoding warning', async () => {
    const { agency, agent } = await editorAgent();
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]);
    const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(sample, 'utf16le').swap16()]);

    const responses = await Promise.all(
      [utf16le, utf16be].map((bytes) =>
        preview(agent, agency.id, { format: 'text', contentEncoding: 'base64', content: bytes.toString('base64') }),
      ),
    );

    const expected = ImportPreviewSchema.parse((await preview(agent, agency.id, { format: 'text', content: sample })).body).report;
    for (const response of responses) {
      expect(response.status).toBe(200);
      const { report } = ImportPreviewSchema.parse(response.body);
      expect(report.fiscalYear).toBe(2566);
      expect(report.measures).toEqual(expected.measures);
      expect(report.measures[0]!.title).toMatch(/[\u0E01-\u0E5B]/);
      expect(report.warnings.map((warning) => warning.code)).not.toContain('ENCODING_GUESSED');
    }
  });
});

describe('import preview: what the report reader quotes from the source (ADR 026)', () => {
  const header = [
    'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2567',
    '',
    'องค์การบริหารส่วนตำบลทดสอบ',
    '',
    'ลำดับที่\tมาตรการ / โครงการ / กิจกรรม\tผลลัพธ์หรือความสำเร็จของการดำเนินการ\t\tสรุปผลการดำเนินการ\tระยะเวลาในการดำเนินการ',
    '\t\tไม่สามารถ ดำเนินการได้\tดำเนินการ แล้วเสร็จ\t\t',
  ];

  it('when a report has a row without a sequence, text after the table, both outcome cells filled and periods that cannot be read, then each problem has a kind and its quote as params, the Thai message kept', async () => {
    // Arrange
    const { agency, agent } = await editorAgent();
    const text = [
      ...header,
      '1\tจัดทำคู่มือการปฏิบัติงาน\tงบประมาณไม่พอ\tจัดทำแล้ว\tเผยแพร่แล้ว\tช่วงต้นปี 2567',
      'ไม่มีลำดับ\tข้อความ\tอื่น ๆ\t\t\t',
      '2\tประชุมคณะทำงาน\t\tประชุมแล้ว\tสรุปแล้ว\t31 กุมภาพันธ์ 2567',
      'ข้อความยาวหลังตารางที่ไม่ใช่ลายมือชื่อและไม่ได้อยู่ในช่องใดของตารางมาตรการเลย',
    ].join('\n');

    // Act
    const response = await agent.post(`/api/v1/agencies/${agency.id}/imports/preview`).set(csrf).send({ format: 'text', content: text });

    // Assert
    expect(response.status).toBe(200);
    const problems = ImportPreviewSchema.parse(response.body).report.warnings.filter((warning) => warning.code === 'PARSE_PROBLEM');
    expect(problems.map(({ sequence, params }) => ({ sequence, params }))).toEqual([
      { sequence: null, params: { kind: 'rowWithoutSequence', value: 'ไม่มีลำดับ ข้อความ อื่น ๆ', place: 'line', line: 8 } },
      {
        sequence: null,
        params: {
          kind: 'textOutsideTable',
          // Its start only, as the Thai message quotes it.
          value: 'ข้อความยาวหลังตารางที่ไม่ใช่ลายมือชื่อและไม่ได้อยู่ในช่องใดข…',
          place: 'line',
          line: 10,
        },
      },
      { sequence: 1, params: { kind: 'bothOutcomes' } },
      { sequence: 1, params: { kind: 'unreadablePeriod', value: 'ช่วงต้นปี 2567' } },
      { sequence: 2, params: { kind: 'impossibleDate', value: '31 กุมภาพันธ์ 2567' } },
    ]);
    // The Thai text stays for API clients.
    expect(problems[0]?.message).toBe('บรรทัดที่ 8: อ่านแถวนี้ไม่ออก ไม่พบลำดับที่ของมาตรการ ("ไม่มีลำดับ ข้อความ อื่น ๆ")');
    expect(problems[4]?.message).toBe('มาตรการที่ 2: วันที่ดำเนินการไม่มีอยู่จริง ("31 กุมภาพันธ์ 2567")');
  });

  it('when a .docx cannot be read, then its one problem carries the kind docxUnreadable and the reader’s own words', async () => {
    // Arrange: a ZIP that names word/document.xml (so it is taken for a .docx) but holds no Word document.
    const { agency, agent } = await editorAgent();
    const broken = buildZip([{ name: 'word/document.xml', data: Buffer.from('<w:document><<< not xml') }]);

    // Act
    const response = await agent
      .post(`/api/v1/agencies/${agency.id}/imports/preview`)
      .set(csrf)
      .send({ format: 'docx', content: broken.toString('base64') });

    // Assert
    expect(response.status).toBe(200);
    const [problem] = ImportPreviewSchema.parse(response.body).report.warnings;
    expect(problem).toMatchObject({ code: 'PARSE_PROBLEM', params: { kind: 'docxUnreadable', detail: expect.any(String) } });
    expect(problem!.message).toBe(`อ่านไฟล์ .docx ไม่ได้: ${problem!.params!.detail}`);
  });

  it('when a PDF cannot be read, then its one problem carries the kind pdfUnreadable and the tool’s own words', async () => {
    // Arrange: a PDF header over bytes that are no PDF.
    const { agency, agent } = await editorAgent();
    const broken = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x41)]);

    // Act
    const response = await agent
      .post(`/api/v1/agencies/${agency.id}/imports/preview`)
      .set(csrf)
      .send({ format: 'pdf', content: broken.toString('base64') });

    // Assert
    expect(response.status).toBe(200);
    const [problem] = ImportPreviewSchema.parse(response.body).report.warnings;
    expect(problem).toMatchObject({
      code: 'PARSE_PROBLEM',
      params: { kind: 'pdfUnreadable', detail: expect.stringContaining('pdftotext') },
    });
    expect(problem!.message).toBe(`อ่านไฟล์ PDF ไม่ได้ (${problem!.params!.detail})`);
  });
});
