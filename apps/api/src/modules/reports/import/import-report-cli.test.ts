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
});
