// Report import: text (a pasted table or a .txt), .docx, PDF (text layer or OCR), scans and CSV into one ParsedReport,
// checked by the quality checks plans entered by hand also get (modules/quality-checks). Pure functions: no database. Requests
// parse through `parseInWorker` (a worker pool with time and memory limits), never on the event loop.
export { parseReportText } from './parse-report-text';
export { parseReportDocx } from './parse-docx';
export { parseMeasuresCsv } from './parse-csv';
export { decodeTextFile, readTextFile, type TextFileEncoding } from './decode-text-file';
export { parseInWorker, closeParsePool, configureParsePool, DEFAULT_PARSE_POOL_OPTIONS, type ParsePoolOptions } from './parse-pool';
export type { ParseJob } from './parse-job';
export { sniffFormat, READABLE_FORMATS_EN, READABLE_FORMATS_TH, type SniffedFormat } from './sniff-format';
export { checkReportOrigin, withOriginWarnings, type ImportTarget } from './report-origin';
