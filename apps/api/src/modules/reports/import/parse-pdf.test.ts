import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ParsedReportSchema, type ParsedMeasure, type ParsedReport } from '@prongsai/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/app-error';
import { buildReportDocx, FIVE_COLUMNS, NONGBUA_REPORT, readSampleReport } from './fixtures/report-docx';
import { convertDocxToPdf, countPdfPages } from './fixtures/libreoffice';
import { parseReportImage } from './ocr';
import { runParseJob } from './parse-job';
import { normaliseThai } from './page-layout';
import { parseReportText } from './parse-report-text';
import { computeDiceSimilarity } from '../../quality-checks/text-similarity';

const run = promisify(execFile);
const SAMPLE_TEXT = await readFile(new URL('./fixtures/report-2566-bangsainoi.txt', import.meta.url), 'utf8');

/** Text compared without white space: a PDF keeps the words, not where a line wrapped. */
const squeeze = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, '');

/** The fields of a measure a reader of the report sees, as compared between two readings. */
const visible = (measure: ParsedMeasure) => ({
  sequence: measure.sequence,
  outcome: measure.outcome,
  title: squeeze(measure.title),
  actions: measure.actions.map(squeeze),
  indicators: measure.indicators.map((indicator) => indicator.code),
  resultText: squeeze(measure.resultText),
  summary: squeeze(measure.summary),
  responsible: squeeze(measure.responsible),
  carriedOut: measure.carriedOut,
});

// LibreOffice makes the PDFs once for the whole file (one soffice start, ~2 s).
let pdfs: Record<string, Buffer>;
beforeAll(async () => {
  pdfs = await convertDocxToPdf({
    sample: await buildReportDocx(readSampleReport()),
    nongbua: await buildReportDocx(NONGBUA_REPORT, FIVE_COLUMNS),
  });
}, 120_000);

const parsePdf = (pdf: Buffer, format: 'pdf' | 'text' = 'pdf') => runParseJob({ format, content: new Uint8Array(pdf) });

describe('PDF import: the sample report as Word → LibreOffice → PDF', () => {
  it('when the PDF runs over several pages, then every measure reads as it does from the text copy, with no parse problem', async () => {
    // Arrange: the same report as text (the reference) and as a PDF of several pages, a row split across pages
    const expected = parseReportText(SAMPLE_TEXT);
    expect(await countPdfPages(pdfs.sample!)).toBeGreaterThan(4);

    // Act
    const report = await parsePdf(pdfs.sample!);

    // Assert
    expect(ParsedReportSchema.parse(report)).toEqual(report);
    expect(report.agency).toEqual(expected.agency);
    expect(report.fiscalYear).toBe(2566);
    expect(report.warnings.filter((warning) => warning.code === 'PARSE_PROBLEM')).toEqual([]);
    expect(report.measures.map(visible)).toEqual(expected.measures.map(visible));
    // Thai as typed: sara am whole, marks in order (pdfjs-dist gave "ค่่มือ" for "คู่มือ", ADR 016).
    const all = JSON.stringify(report.measures);
    expect(all).toContain('คู่มือ');
    expect(all).toContain('ขั้นตอน');
    expect(all).toContain('ชี้แจง');
    expect(all).not.toMatch(/\u0E33\u0E32|\u0E4D\u0E32/);
  });

  it('when the same quality checks run, then the PDF gives the warnings the text gives', async () => {
    // Arrange
    const expected = parseReportText(SAMPLE_TEXT);
    const codes = (report: ParsedReport) => report.warnings.map((warning) => `${warning.code}#${warning.sequence ?? ''}`).sort();

    // Act
    const report = await parsePdf(pdfs.sample!);

    // Assert: the copied agency in measure 2, the blank days, the duplicates
    expect(codes(report)).toEqual(codes(expected));
  });

  it('when a PDF is sent as text (a file named .txt), then it is still read as a PDF, never as text', async () => {
    // Act
    const report = await parsePdf(pdfs.sample!, 'text');

    // Assert
    expect(report.measures).toHaveLength(8);
    expect(JSON.stringify(report)).not.toContain('%PDF');
  });
});

describe('PDF import: another real-shaped report (municipality, portrait, one result column, page numbers)', () => {
  it('when a measure runs over three pages under repeated headers, then it comes back whole and the page numbers and signature are left out', async () => {
    // Act
    const report = await parsePdf(pdfs.nongbua!);

    // Assert
    expect(await countPdfPages(pdfs.nongbua!)).toBeGreaterThanOrEqual(2);
    expect(report.agency).toMatchObject({ name: 'เทศบาลตำบลหนองบัวใหญ่', province: 'อุดรธานี', website: 'www.nongbuayai.go.th' });
    expect(report.fiscalYear).toBe(2567);
    expect(report.warnings.filter((warning) => warning.code === 'PARSE_PROBLEM')).toEqual([]);
    const [first, second, third] = report.measures;
    const source = NONGBUA_REPORT.rows[0]![1]!.split('\n').map((line) => squeeze(line.replace(/^[0-9]\.\s*/, '')));
    expect(first!.actions.map(squeeze)).toEqual(source);
    expect(squeeze(first!.resultText)).toBe(squeeze(NONGBUA_REPORT.rows[0]![2]));
    expect(first).toMatchObject({
      outcome: 'completed',
      responsible: 'สำนักปลัดเทศบาล',
      carriedOut: { date: '2023-11-15', precision: 'day' },
    });
    expect(second).toMatchObject({
      outcome: 'not_carried_out',
      responsible: 'กองการเจ้าหน้าที่',
      carriedOut: { date: '2024-03-01', precision: 'month' },
    });
    expect(second!.indicators.map((indicator) => indicator.code)).toEqual(['O32']);
    expect(third).toMatchObject({ outcome: 'in_progress', responsible: 'กองคลัง' });
    expect(JSON.stringify(report.measures)).not.toMatch(/ลงชื่อ|สมชาย|หน้า [0-9]/);
  });
});

describe('Binary input is never parsed as text', () => {
  it.each([
    ['an old Word .doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /\.doc/],
    ['a ZIP that is not a .docx', Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000notes/readme.txt', 'latin1'), /ZIP/],
    ['random bytes', Buffer.from(Array.from({ length: 256 }, (_, index) => (index * 37) % 256)), /binary/],
  ])('when %s is given as text, then the import refuses it naming the formats it reads', async (_name, bytes, what) => {
    // Act
    const attempt = runParseJob({ format: 'text', content: new Uint8Array(bytes) });

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'IMPORT_UNPARSABLE', message: expect.stringMatching(what) });
    await expect(attempt).rejects.toMatchObject({ message: expect.stringContaining('.docx, PDF') });
  });

  it('when a PDF is broken, then the preview says it could not be read (a parse problem, not a crash)', async () => {
    // Act
    const report = await runParseJob({ format: 'pdf', content: new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj garbage')) });

    // Assert
    expect(report.measures).toEqual([]);
    expect(report.warnings[0]).toMatchObject({ code: 'PARSE_PROBLEM' });
  });
});

describe('normaliseThai', () => {
  it.each([
    ['ด\u0E33\u0E32เนินการ', 'ดำเนินการ'],
    ['ด\u0E4D\u0E32เนินการ', 'ดำเนินการ'],
    ['ชีแ้จง', 'ชี้แจง'],
    ['ตัง้', 'ตั้ง'],
    ['มีน้ำ', 'มีน้ำ'],
    ['กันน้ำ', 'กันน้ำ'],
  ])('when a PDF gives %s, then it reads %s', (drawn, typed) => {
    // Act / Assert
    expect(normaliseThai(drawn)).toBe(typed);
  });
});

describe('OCR: a scanned report page (Tesseract, Thai model)', () => {
  it('when a page image of the sample is read, then measure 1 comes back marked as read by OCR, with a warning asking for a check', async () => {
    // Arrange: page 2 of the sample PDF (the table header and measure 1) as a 200 dpi greyscale image
    const dir = await mkdtemp(path.join(os.tmpdir(), 'prongsai-ocr-test-'));
    await writeFile(path.join(dir, 'sample.pdf'), pdfs.sample!);
    await run('pdftoppm', [
      '-r',
      '200',
      '-gray',
      '-png',
      '-f',
      '2',
      '-l',
      '2',
      '-singlefile',
      path.join(dir, 'sample.pdf'),
      path.join(dir, 'page'),
    ]);
    const image = await readFile(path.join(dir, 'page.png'));
    const expected = parseReportText(SAMPLE_TEXT).measures[0]!;

    // Act
    const report = await parseReportImage(new Uint8Array(image));

    // Assert
    expect(report.readByOcr).toBe(true);
    expect(report.warnings[0]).toMatchObject({ code: 'OCR_TEXT', sequence: null });
    const first = report.measures.find((measure) => measure.sequence === 1);
    expect(first?.readByOcr).toBe(true);
    // OCR is not exact: the part of the title on this page is recognisably the same text.
    const read = squeeze(first!.title);
    expect(read.length).toBeGreaterThan(60);
    expect(computeDiceSimilarity(read, squeeze(expected.title).slice(0, read.length))).toBeGreaterThan(0.8);
  }, 120_000);
});
