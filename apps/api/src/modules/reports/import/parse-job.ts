import type { ErrorCode, ParsedReport } from '@prongsai/shared';
import { AppError } from '../../../lib/app-error';
import { decodeTextFile } from './decode-text-file';
import { parseMeasuresCsv } from './parse-csv';
import { parseReportDocx } from './parse-docx';
import { parseReportPdf } from './parse-pdf';
import { parseReportImage } from './ocr';
import { parseReportText } from './parse-report-text';
import { sniffFormat, unreadableFormatMessage } from './sniff-format';

/**
 * One import to parse. `content` is text for `text` and `csv` as the API received it, or the raw
 * bytes of a file (decoded here, in the worker: UTF-8, UTF-16 or Windows-874).
 */
export type ParseJob =
  | { format: 'text'; content: string | Uint8Array }
  | { format: 'csv'; content: string | Uint8Array; fiscalYear: number }
  | { format: 'docx'; content: Uint8Array }
  | { format: 'pdf'; content: Uint8Array }
  | { format: 'image'; content: Uint8Array };

/**
 * What a job's bytes really are, whatever format was declared: a PDF sent as text is read as a PDF,
 * and bytes that are no format the import reads are refused (never parsed as text).
 */
export function resolveJobFormat(job: ParseJob): ParseJob['format'] {
  if (typeof job.content === 'string') return job.format;
  const sniffed = sniffFormat(job.content);
  if (sniffed === 'pdf' || sniffed === 'docx' || sniffed === 'image') return sniffed;
  if (sniffed === 'text') return job.format === 'csv' ? 'csv' : 'text';
  const message = unreadableFormatMessage(sniffed);
  const reason = sniffed === 'doc' ? 'importOldWord' : sniffed === 'zip' ? 'importZip' : 'importBinary';
  throw new AppError('IMPORT_UNPARSABLE', message, { reason, issues: [{ path: 'body.content', message, code: 'format' }] });
}

const asText = (content: string | Uint8Array) => (typeof content === 'string' ? content : decodeTextFile(content));

/**
 * What a worker sends back: the report, or the refusal a parser raised as an AppError (a thread
 * boundary keeps an Error's message but not its class or fields, so the refusal travels as data).
 */
export type ParseOutcome = { report: ParsedReport } | { refusal: { code: ErrorCode; message: string; details: AppError['details'] } };

/** Parse one upload in a worker thread (parse-pool.ts). */
export async function runParseJobInWorker(job: ParseJob): Promise<ParseOutcome> {
  try {
    return { report: await runParseJob(job) };
  } catch (error) {
    if (error instanceof AppError) return { refusal: { code: error.code, message: error.message, details: error.details } };
    throw error;
  }
}

/** Parse one upload. Pure CPU work with no database: it runs inside a parse worker (parse-pool.ts). */
export async function runParseJob(job: ParseJob): Promise<ParsedReport> {
  const format = resolveJobFormat(job);
  const bytes = () =>
    typeof job.content === 'string'
      ? Buffer.from(job.content)
      : Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength);
  switch (format) {
    case 'docx':
      return parseReportDocx(bytes());
    case 'pdf':
      return parseReportPdf(bytes());
    case 'image':
      return parseReportImage(bytes());
    case 'csv':
      return parseMeasuresCsv(asText(job.content), job.format === 'csv' ? job.fiscalYear : 0);
    case 'text':
      return parseReportText(asText(job.content));
  }
}
