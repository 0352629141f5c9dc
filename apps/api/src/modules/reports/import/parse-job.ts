import type { ParsedReport } from '@prongsai/shared';
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
