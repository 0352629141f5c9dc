import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { QUIET_CHROMIUM_FLAGS } from '@prongsai/db-tools';
import { AppError } from '../../../lib/app-error';
import type { ReportData } from './report-model';
import { renderReportHtml, sarabunFontFaceCss } from './render-html';

/** No Chromium on this machine (or CHROMIUM_PATH points nowhere): PDF export is off, the other formats work. */
export class PdfUnavailableError extends AppError {
  constructor(message = 'ไม่สามารถสร้างไฟล์ PDF ได้ในขณะนี้ (ไม่พบ Chromium บนเซิร์ฟเวอร์)') {
    super('SERVICE_UNAVAILABLE', message);
    this.name = 'PdfUnavailableError';
  }
}

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
];

const isExecutable = (file: string): boolean => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** CHROMIUM_PATH when set (and only it: an explicit choice is not second-guessed), else a usual install path. */
export function findChromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) return isExecutable(configured) ? configured : undefined;
  return CHROMIUM_CANDIDATES.find(isExecutable);
}

export interface RenderPdfOptions {
  chromiumPath?: string;
  timeoutMs?: number;
}

/**
 * The report as PDF: the self-contained HTML page printed by headless Chromium (one process per call,
 * its own temporary profile, so calls do not share state). Throws PdfUnavailableError without Chromium.
 */
export async function renderReportPdf(data: ReportData, options: RenderPdfOptions = {}): Promise<Buffer> {
  const chromium = options.chromiumPath ?? findChromiumPath();
  if (!chromium) throw new PdfUnavailableError();
  const html = renderReportHtml(data, { fontCss: sarabunFontFaceCss() });
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'prongsai-pdf-'));
  try {
    const htmlFile = path.join(dir, 'report.html');
    const pdfFile = path.join(dir, 'report.pdf');
    await fs.promises.writeFile(htmlFile, html, 'utf8');
    await runChromium(chromium, buildChromiumArgs(htmlFile, pdfFile, dir), options.timeoutMs ?? 60_000);
    const pdf = await fs.promises.readFile(pdfFile).catch(() => undefined);
    if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new Error('Chromium finished without writing a PDF');
    }
    return pdf;
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

export function buildChromiumArgs(htmlFile: string, pdfFile: string, profileDir: string): string[] {
  return [
    '--headless',
    ...QUIET_CHROMIUM_FLAGS,
    '--no-pdf-header-footer',
    // A private profile keeps parallel renders apart.
    `--user-data-dir=${path.join(profileDir, 'profile')}`,
    `--print-to-pdf=${pdfFile}`,
    pathToFileURL(htmlFile).href,
  ];
}

function runChromium(executable: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Chromium did not finish the PDF within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' || error.code === 'EACCES' ? new PdfUnavailableError() : error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`Chromium exited with ${signal ?? code}: ${stderr.trim().slice(-1000)}`));
    });
  });
}
