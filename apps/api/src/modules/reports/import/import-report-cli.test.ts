import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../../../../../', import.meta.url));
const SAMPLE = 'apps/api/src/modules/reports/import/fixtures/report-2566-bangsainoi.txt';
const workDir = mkdtempSync(path.join(tmpdir(), 'prongsai-import-cli-'));

/** Runs the CLI as `pnpm cli` does (tsx on the source), without DATABASE_URL: the import needs no database. */
function runCli(...args: string[]) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/api/src/cli.ts', ...args], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('cli import-report', () => {
  it('when given the sample with --json, then it prints one JSON object with header, measures and warnings and exits 0', () => {
    // Arrange: the sample report in the repository

    // Act
    const { code, stdout } = runCli('import-report', SAMPLE, '--json');

    // Assert
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(Object.keys(output)).toEqual(['agency', 'fiscalYear', 'measures', 'warnings']);
    expect(output.agency).toEqual({
      name: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
      district: 'ห้วยใหญ่',
      province: 'มุกดาหาร',
      postcode: '49150',
      website: 'www.bangsainoi.go.th',
    });
    expect(output.fiscalYear).toBe(2566);
    expect(output.measures).toHaveLength(8);
    expect(Object.keys(output.measures[0])).toEqual([
      'sequence',
      'title',
      'actions',
      'indicators',
      'outcome',
      'resultText',
      'summary',
      'carriedOut',
    ]);
    expect(output.measures[0].indicators).toEqual([{ code: 'O11', raw: 'อ้างอิงจาก ๐๑๑' }]);
    expect(output.measures[0].carriedOut).toEqual({ date: '2023-03-07', precision: 'day' });
    expect(output.warnings).toContainEqual({ code: 'OTHER_WEBSITE', sequence: 3, message: expect.any(String) });
  });

  it('when --json is left out, then a short human summary is printed', () => {
    const { code, stdout } = runCli('import-report', SAMPLE);

    expect(code).toBe(0);
    expect(stdout).toContain('องค์การบริหารส่วนตำบลบางทรายน้อย');
    expect(stdout).toContain('8 measures');
    expect(stdout).toMatch(/15 warnings: /);
  });

  it('when the file does not exist, then it exits 2 with a clear message on stderr and prints nothing', () => {
    const { code, stdout, stderr } = runCli('import-report', 'no/such/report.txt', '--json');

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('cannot read no/such/report.txt');
  });

  it('when given a .docx, then the Word parser is used', async () => {
    const file = path.join(workDir, 'report.docx');
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph('ประจำปีงบประมาณ พ.ศ. ๒๕๖๖'),
            new Table({
              rows: [
                new TableRow({ children: ['ลำดับที่', 'มาตรการ', 'ไม่สามารถดำเนินการได้', 'ดำเนินการแล้วเสร็จ', 'สรุปผล', 'ระยะเวลา'].map(cell) }),
                new TableRow({ children: ['๑', '๑. จัดทำคู่มือ (อ้างอิงจาก O13)', '', 'จัดทำแล้ว', 'สรุป', 'มีนาคม ๒๕๖๖'].map(cell) }),
              ],
            }),
          ],
        },
      ],
    });
    writeFileSync(file, await Packer.toBuffer(document));

    const { code, stdout } = runCli('import-report', file, '--json');

    expect(code).toBe(0);
    expect(JSON.parse(stdout).measures[0]).toMatchObject({ sequence: 1, indicators: [{ code: 'O13' }], outcome: 'completed' });
  });

  it('when given a .csv, then the fiscal year comes from --fiscal-year, and without one it exits 2', () => {
    const file = path.join(workDir, 'measures.csv');
    writeFileSync(file, 'sequence,title,outcome\r\n1,จัดทำคู่มือ,planned\r\n');

    const withYear = runCli('import-report', file, '--json', '--fiscal-year', '2566');
    const withoutYear = runCli('import-report', file, '--json');

    expect(withYear.code).toBe(0);
    expect(JSON.parse(withYear.stdout)).toMatchObject({ fiscalYear: 2566, measures: [{ sequence: 1, title: 'จัดทำคู่มือ' }] });
    expect(withoutYear.code).toBe(2);
    expect(withoutYear.stderr).toContain('--fiscal-year');
  });

  it('when the agency it is meant for is named, then another district and another fiscal year are each said once', () => {
    // Act
    const { code, stdout } = runCli(
      'import-report',
      SAMPLE,
      '--json',
      '--agency',
      'องค์การบริหารส่วนตำบลบางทรายน้อย',
      '--district',
      'หว้านใหญ่',
      '--fiscal-year',
      '2567',
    );

    // Assert
    expect(code).toBe(0);
    const codes: string[] = JSON.parse(stdout).warnings.map((warning: { code: string }) => warning.code);
    expect(codes.filter((item) => item === 'OTHER_AGENCY_REPORT')).toHaveLength(1);
    expect(codes.filter((item) => item === 'OTHER_FISCAL_YEAR')).toHaveLength(1);
    expect(codes).not.toContain('DATE_OUTSIDE_FISCAL_YEAR');
  });

  it('when given a PDF named .txt, then it is read as a PDF, not as text', () => {
    // Arrange: a one-page PDF (Helvetica, no table) under a text file's name
    const file = path.join(workDir, 'report.txt');
    writeFileSync(file, minimalPdf('Annual report of a test agency, fiscal year 2566'));

    // Act
    const { code, stdout } = runCli('import-report', file, '--json');

    // Assert: read as a PDF (no measure of garbage, no %PDF in any text), with "no table found"
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.measures).toEqual([]);
    expect(stdout).not.toContain('%PDF');
    expect(output.warnings.map((warning: { message: string }) => warning.message).join('\n')).toContain('ไม่พบตารางมาตรการ');
  });

  it('when given a binary file, then it exits 1 with an error naming the formats it reads', () => {
    // Arrange: an old Word .doc (OLE2) under a text file's name
    const file = path.join(workDir, 'old-report.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));

    // Act
    const { code, stdout, stderr } = runCli('import-report', file);

    // Assert
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('.doc');
    expect(stderr).toContain('Word .docx, PDF');
  });
});

/** The smallest valid PDF with one line of text (offsets computed, so pdftotext reads it without repair). */
function minimalPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
