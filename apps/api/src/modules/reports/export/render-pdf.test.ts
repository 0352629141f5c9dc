import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildManyMeasures, buildReportData } from './report-fixture';
import { PdfUnavailableError, buildChromiumArgs, findChromiumPath, renderReportPdf } from './render-pdf';

const chromiumPath = findChromiumPath();

describe('renderReportPdf', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.skipIf(!chromiumPath)(
    'when Chromium is installed, then the report prints to a PDF of A4 landscape pages in Sarabun',
    async () => {
      // Arrange
      const data = buildReportData({ measures: buildManyMeasures(10) });

      // Act
      const pdf = await renderReportPdf(data);

      // Assert
      const text = pdf.toString('latin1');
      expect(text.startsWith('%PDF-')).toBe(true);
      expect(text.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
      expect(text).toMatch(/\/MediaBox\s*\[0 0 841\.9\d* 594\.9\d*\]/);
      expect(text).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+Sarabun-Regular/);
    },
    60_000,
  );

  it('when CHROMIUM_PATH points to nothing, then the PDF export fails with PdfUnavailableError', async () => {
    // Arrange
    vi.stubEnv('CHROMIUM_PATH', path.join(os.tmpdir(), 'no-such-chromium'));

    // Act
    const result = renderReportPdf(buildReportData());

    // Assert
    await expect(result).rejects.toBeInstanceOf(PdfUnavailableError);
    await expect(result).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
  });

  it('when CHROMIUM_PATH names an executable, then it is used before the usual install paths', () => {
    // Arrange
    const executable = process.execPath;

    // Act
    const found = findChromiumPath({ CHROMIUM_PATH: executable });

    // Assert
    expect(found).toBe(executable);
  });

  it('when Chromium is started, then it runs headless, offline-quiet, without header and footer, in its own profile', () => {
    // Arrange
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-args-'));

    // Act
    const args = buildChromiumArgs(path.join(dir, 'report.html'), path.join(dir, 'report.pdf'), dir);

    // Assert
    expect(args).toEqual(
      expect.arrayContaining([
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-pdf-header-footer',
        `--print-to-pdf=${path.join(dir, 'report.pdf')}`,
        `--user-data-dir=${path.join(dir, 'profile')}`,
      ]),
    );
    expect(args.at(-1)).toMatch(/^file:\/\/.*report\.html$/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
