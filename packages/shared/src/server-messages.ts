/**
 * The messages the server writes by hand (not from a Zod schema), as stable codes with the values
 * each needs (ADR 026). The API keeps a Thai `message` beside each for integrators; the web writes
 * the text from these codes in the reader's language and digits. Each list maps a code to what its
 * `params` hold: the OpenAPI description prints these lists, and the web's catalogue test fails
 * when a code has no Thai or no English text.
 */

/**
 * `error.reason` (with `error.params`) of an error answer whose top-level message is more specific
 * than its `code`. The web writes it as `errorReason.<reason>`. Two params are words, not values:
 * `status` is a plan status (written with the screen's status word) and `fiscalYear` a fiscal year in
 * BE (written in the reader's calendar, never grouped).
 */
export const ERROR_REASONS = {
  importTimeout: '`IMPORT_UNPARSABLE`: reading took longer than `seconds`.',
  importMemory: '`IMPORT_UNPARSABLE`: reading needs more than `megabytes` MB of memory.',
  importCrashed: '`IMPORT_UNPARSABLE`: the parser stopped.',
  importOldWord: '`IMPORT_UNPARSABLE`: an old Word .doc file (save it as .docx or PDF).',
  importZip: '`IMPORT_UNPARSABLE`: a ZIP archive that is not a .docx.',
  importBinary: '`IMPORT_UNPARSABLE`: a binary file that is no format the import reads.',
  archiveEntries: '`ARCHIVE_LIMIT_EXCEEDED`: the .docx holds more than `maximum` entries.',
  archiveInflated: '`ARCHIVE_LIMIT_EXCEEDED`: the .docx unpacks to more than `megabytes` MB.',
  fileTooLarge: '`PAYLOAD_TOO_LARGE`: an uploaded file is larger than `megabytes` MB.',
  emptyFile: '`VALIDATION_FAILED`: the uploaded file is empty or not base64.',
  csvFiscalYearRequired: '`VALIDATION_FAILED`: a CSV import needs `fiscalYear`.',
  csvInvalid: '`VALIDATION_FAILED`: an uploaded CSV has invalid lines; `issues` name each (line, column, problem).',
  csvHeader: '`VALIDATION_FAILED`: an uploaded CSV lacks a header row with the columns `columns`.',
  csvEmpty: '`VALIDATION_FAILED`: an uploaded CSV has a header but no rows.',
  passwordTooShort: '`VALIDATION_FAILED`: the new password is shorter than `minimum` characters.',
  passwordCommon: '`VALIDATION_FAILED`: the new password is a common, easily guessed one.',
  planExists: '`CONFLICT`: the agency already has a plan for fiscal year `fiscalYear`.',
  planYearNotFound: '`NOT_FOUND`: the agency has no plan for fiscal year `fiscalYear` (yet); the agency itself exists.',
  copySourceNotFound: '`NOT_FOUND`: the agency has no plan of fiscal year `fiscalYear` to copy from.',
  warningsUnacknowledged:
    '`SERIOUS_WARNINGS_UNACKNOWLEDGED`: `count` serious warnings (grouped by code and measure) have no reviewer acknowledgement; `warnings` lists them.',
  acknowledgedWarningNotFound:
    '`ACKNOWLEDGED_WARNING_NOT_FOUND`: `count` acknowledgements name a serious warning the plan no longer has; `issues` point at each.',
  planNotEditable: '`INVALID_STATE`: the plan is `status`; only draft and returned plans are changed.',
  planTransitionRefused: '`INVALID_STATE`: this step cannot be taken while the plan is `status`.',
  planReopenRefused: '`INVALID_STATE`: only an accepted or published plan can be asked to reopen; this one is `status`.',
  evidenceQuotaFull: "`PAYLOAD_TOO_LARGE`: the file would take the agency's evidence files over its `megabytes` MB.",
  evidenceFileType: '`UNSUPPORTED_MEDIA_TYPE`: the file is not a PDF, JPEG, PNG, WebP, Word (.docx) or Excel (.xlsx) file.',
  evidenceImageUnreadable:
    '`VALIDATION_FAILED`: the image cannot be decoded for its preview (damaged, or larger than `megapixels` megapixels).',
  measureDeleted:
    '`INVALID_STATE`: the measure is deleted; it must be restored before it is changed or gets a timeline note or an evidence file.',
  measureAlreadyDeleted: '`INVALID_STATE`: the measure was already deleted.',
  measureNotDeleted: '`INVALID_STATE`: the measure is not deleted, so there is nothing to restore.',
  measureOrderIncomplete:
    '`VALIDATION_FAILED`: a new order must name every measure of the plan exactly once (the plan may have changed meanwhile).',
  emailTaken: '`CONFLICT`: an account with this e-mail already exists.',
  resetCodeInvalid: '`VALIDATION_FAILED`: the password reset code is unknown, already used or expired.',
  resetCodeUsed: '`CONFLICT`: the password reset code was used by another request meanwhile.',
  compareAgenciesNotFound: "`NOT_FOUND`: some agencies to compare do not exist or are outside the reviewer's area.",
} as const;
export type ErrorReason = keyof typeof ERROR_REASONS;

/**
 * `issues[].code` of the issues the server writes itself (CSV lines of the codebook and ITA-score
 * uploads), besides Zod's own codes. `params.kind`, when present, picks a variant. The web writes
 * them as `serverIssue.<code>[.<kind>]`.
 */
export const SERVER_ISSUE_CODES = {
  invalid_header: 'The CSV header lacks a column: `columns` lists those needed.',
  duplicate: 'The value `value` appears on an earlier line.',
  required: 'The cell is empty.',
  number_range: 'The number must lie between `minimum` and `maximum`.',
  no_rows: 'The CSV has a header but no rows.',
} as const;
export type ServerIssueCode = keyof typeof SERVER_ISSUE_CODES;

/**
 * `params.kind` of a `PARSE_PROBLEM` quality warning: what the import could not read. Every kind
 * carries `value` (the cell or text as written, never reformatted or translated) when it names one,
 * and `line` (the CSV line, header = 1) for CSV rows. A problem the report reader found at a place in
 * the source carries `place` (IMPORT_PLACES) and that place's numbers. The web writes them as
 * `warning.PARSE_PROBLEM.<kind>`; a PARSE_PROBLEM without a kind quotes the server's Thai message.
 */
export const PARSE_PROBLEM_KINDS = {
  csvNoHeader: 'The CSV has no header row naming `columns` (at least sequence and title).',
  csvUnreadable: 'The CSV cannot be read at all: `detail` is the reader’s own words.',
  csvBadSequence: 'CSV line `line` skipped: its sequence `value` is not a number.',
  noTitle: 'The measure has no title.',
  unknownOutcome: 'The outcome `value` is unknown (one of `allowed` is expected); read as planned.',
  badIndicator: 'The indicator `value` cannot be read (expected form 2566:O11).',
  badDate: 'The date `value` cannot be read (expected YYYY-MM-DD, CE).',
  buddhistEraDate: 'The date `value` has a BE year: read as CE year `year`.',
  impossibleDate: 'The date `value` does not exist.',
  badPlannedDate: 'The `column` cell `value` is not a date YYYY-MM-DD (CE).',
  badEvidenceUrl: 'The evidence link `value` does not start with http:// or https://.',
  noMeasureTable: 'No table of measures was found.',
  noFiscalYear: 'The report header names no fiscal year, so dates were not checked against one.',
  duplicateSequence: 'Sequence `sequence` appears on more than one row.',
  textOutsideTable: 'Text `value` (its start) stands between or after the table rows and was not imported; at `place`.',
  rowWithoutSequence: 'A table row `value` (its start) has no measure sequence and was not imported; at `place`.',
  bothOutcomes: 'Both the "not carried out" and the "completed" cells hold text; read as completed.',
  unreadablePeriod: 'The period cell `value` looks like a date but cannot be read.',
  docxUnreadable: 'The .docx file cannot be read: `detail` is the reader’s own words.',
  pdfUnreadable: 'The PDF cannot be read: `detail` is the tool’s own words.',
  pdfNoPages: 'The scanned PDF gave no page images to read.',
  ocrTimeout: 'OCR did not finish a page within `seconds` seconds.',
  ocrUnreadable: 'OCR failed: `detail` is the tool’s own words.',
  reportUnreadable: 'The report text cannot be read: `detail` is the reader’s own words.',
  toolMissing: 'The server lacks the program `tool` this file needs (attach a .docx or paste the text instead).',
} as const;
export type ParseProblemKind = keyof typeof PARSE_PROBLEM_KINDS;

/**
 * `params.place` of a `PARSE_PROBLEM` the report reader found at a place in the source, with the
 * numbers each place names beside it in `params`. The web writes it as `importPlace.<place>`.
 */
export const IMPORT_PLACES = {
  paragraph: 'Paragraph `paragraph` of a .docx (outside its tables).',
  tableRow: 'Row `row` of table `table` of a .docx.',
  line: 'Line `line` of pasted or uploaded text.',
  pageLine: 'Line `line` of page `page` of a PDF’s text layer.',
  imageLine: 'Line `line` of page image `page` read by OCR (a scan or a photo).',
} as const;
export type ImportPlace = keyof typeof IMPORT_PLACES;
