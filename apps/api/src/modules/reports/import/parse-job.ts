import type { ErrorCode, ParsedReport } from '@prongsai/shared';
import { AppError } from '../../../lib/app-error';
import { decodeTextFile } from './decode-text-file';
import { parseMeasuresCsv } from './parse-csv';
import { parseReportDocx } from './parse-docx';
import { parseReportText } from './parse-report-text';

/**
 * One import to parse. `content` is text for `text` and `csv` as the API received it, or the raw
 * bytes of a file (decoded here, in the worker: UTF-8, UTF-16 or Windows-874).
 */
export type ParseJob =
  | { format: 'text'; content: string | Uint8Array }
  | { format: 'csv'; content: string | Uint8Array; fiscalYear: number }
  | { format: 'docx'; content: Uint8Array };

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
  switch (job.format) {
    case 'docx':
      return parseReportDocx(Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength));
    case 'csv':
      return parseMeasuresCsv(asText(job.content), job.fiscalYear);
    case 'text':
      return parseReportText(asText(job.content));
  }
}
