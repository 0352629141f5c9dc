import { PassThrough } from 'node:stream';
import type {
  CheckableMeasure,
  ExportQuery,
  ImportCommitInput,
  ImportMeasureInput,
  ImportPreview,
  ImportPreviewInput,
  PlanDetail,
  QualityWarning,
} from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan } from '../../access/policies';
import { PUBLIC_SCOPE, scopeFor, SYSTEM_SCOPE, type Scope } from '../../access/scope';
import { ResponseCache } from '../../http/response-cache';
import { AppError, notFound } from '../../lib/app-error';
import { rootDb, transaction } from '../../lib/db';
import type { FileResponse } from '../../lib/file-response';
import { findVisibleAgency, reportSignatureOf, toAgency } from '../agencies/agencies.service';
import { recordAudit } from '../audit/audit.service';
import { assertEditable, findVisiblePlan, loadPlanDetail, refreshPlanWarnings } from '../plans/plans.service';
import { ConcurrencyLimit } from './concurrency-limit';
import {
  measuresCsvStream,
  renderReportDocx,
  renderReportHtml,
  renderReportPdf,
  sarabunFontFaceCss,
  writeMeasuresXlsx,
  type ReportData,
} from './export';
import { checkMeasures } from '../quality-checks/quality-checks';
import { checkReportOrigin, parseInWorker, readTextFile, sniffFormat, withOriginWarnings } from './import';
import { filesForReport } from '../evidence-files/evidence-files.service';
import * as queries from './reports.queries';
import type { ReportStamp } from './reports.queries';

// ---------------------------------------------------------------- import

/** Parse an upload and run the quality checks against the agency it is for. Writes nothing. */
export async function previewImport(actor: Actor, agencyId: string, input: ImportPreviewInput): Promise<ImportPreview> {
  const agency = await findVisibleAgency(actor, agencyId);
  assertCan(actor, 'import:report', agency);
  const upload = readUploadedText(input);
  let report;
  if (input.format === 'docx' || input.format === 'pdf' || input.format === 'image' || upload.bytes) {
    // Files: the worker reads what the bytes are (a PDF sent as .txt is a PDF; unknown binary is refused).
    const buffer = upload.bytes ?? Buffer.from(input.content, 'base64');
    if (buffer.length === 0) throw emptyFile();
    report = await parseInWorker(
      input.format === 'csv' && input.fiscalYear
        ? { format: 'csv', content: buffer, fiscalYear: input.fiscalYear }
        : { format: input.format === 'csv' ? 'text' : input.format, content: buffer },
    );
  } else if (input.format === 'csv') {
    if (!input.fiscalYear) {
      throw new AppError('VALIDATION_FAILED', 'กรุณาระบุปีงบประมาณของไฟล์ CSV', {
        reason: 'csvFiscalYearRequired',
        issues: [{ path: 'body.fiscalYear', message: 'required for CSV', code: 'required' }],
      });
    }
    report = await parseInWorker({ format: 'csv', content: upload.text, fiscalYear: input.fiscalYear });
  } else {
    report = await parseInWorker({ format: 'text', content: upload.text });
  }
  const fiscalYear = input.fiscalYear ?? report.fiscalYear;
  const origin = checkReportOrigin(report, {
    agencyNameTh: agency.nameTh,
    website: agency.website,
    districtNameTh: agency.district?.nameTh ?? null,
    fiscalYear,
  });
  const checks = withOriginWarnings(
    checkMeasures({ agencyNameTh: agency.nameTh, website: agency.website, fiscalYear }, report.measures),
    origin,
  );
  // The parser's own notes (what it could not read, OCR, missing tools) stay; its quality checks are redone for this agency.
  const parseProblems = report.warnings.filter((warning) => ['PARSE_PROBLEM', 'OCR_TEXT', 'OCR_UNAVAILABLE'].includes(warning.code));
  const existing = fiscalYear ? await queries.findPlanOfYear(rootDb(), scopeFor(actor, 'read:plan'), agencyId, fiscalYear) : null;
  return {
    report: { ...report, fiscalYear, warnings: [...upload.warnings, ...parseProblems, ...checks] },
    agencyNameTh: agency.nameTh,
    existingPlanStatus: existing?.status ?? null,
  };
}

/**
 * The text of a text or CSV preview: pasted text as it is, an uploaded file's bytes (base64) decoded as the
 * CLI decodes files, with a warning when the encoding had to be guessed (Windows-874: no BOM, not UTF-8).
 */
function readUploadedText(input: ImportPreviewInput): { text: string; warnings: QualityWarning[]; bytes?: Buffer } {
  if (input.format === 'docx' || input.format === 'pdf' || input.format === 'image' || input.contentEncoding !== 'base64') {
    return { text: input.content, warnings: [] };
  }
  const bytes = Buffer.from(input.content, 'base64');
  if (bytes.length === 0) throw emptyFile();
  // Not text (a PDF, a .docx, a scan, or binary named .txt/.csv): never decoded as text here.
  if (sniffFormat(bytes) !== 'text') return { text: '', warnings: [], bytes };
  const { text, encoding } = readTextFile(bytes);
  const warnings: QualityWarning[] =
    encoding === 'windows-874'
      ? [
          {
            code: 'ENCODING_GUESSED',
            sequence: null,
            message: 'ไฟล์นี้ไม่ได้เข้ารหัสแบบ UTF-8 ระบบจึงอ่านเป็นภาษาไทยแบบ Windows-874 (TIS-620) กรุณาตรวจว่าข้อความภาษาไทยถูกต้อง',
            params: {},
          },
        ]
      : [];
  return { text, warnings };
}

function emptyFile(): AppError {
  const message = 'ไฟล์ว่างหรือไม่ใช่ base64';
  return new AppError('VALIDATION_FAILED', message, { reason: 'emptyFile', issues: [{ path: 'body.content', message, code: 'invalid' }] });
}

/**
 * Save confirmed measures into the agency's plan of that year (a new draft, or appended to a draft
 * or returned plan), all in one transaction: a crash leaves all of it or none.
 */
export async function commitImport(actor: Actor, agencyId: string, fiscalYear: number, input: ImportCommitInput): Promise<PlanDetail> {
  const agency = await findVisibleAgency(actor, agencyId);
  assertCan(actor, 'import:report', agency);
  return transaction(async (db) => {
    let plan = await queries.findPlanOfYear(db, scopeFor(actor, 'read:plan'), agencyId, fiscalYear);
    if (plan) assertEditable(plan);
    else {
      plan = await queries.insertImportPlan(db, {
        agencyId,
        fiscalYear,
        agencyType: agency.type,
        agencyNameTh: agency.nameTh,
        introText: input.introText ?? null,
      });
    }
    const first = await queries.nextSequence(db, plan.id);
    // The quality checks run here, on what is saved; no client-sent warning is stored (the schema refuses them).
    const checks = checkMeasures(
      { agencyNameTh: agency.nameTh, website: agency.website, fiscalYear },
      input.measures.map((measure, index) => toCheckable(measure, first + index)),
    );
    for (const [index, measure] of input.measures.entries()) {
      const sequence = first + index;
      await queries.insertImportedMeasure(
        db,
        { planId: plan.id, agencyId, sequence },
        { ...measure, indicators: dedupe(measure.indicators) },
        checks.filter((warning) => warning.sequence === sequence),
      );
    }
    await refreshPlanWarnings(db, plan.id);
    await recordAudit(db, actor, {
      action: 'import',
      entityType: 'plan',
      entityId: plan.id,
      agencyId,
      provinceId: agency.provinceId,
      changes: { fiscalYear, measuresImported: input.measures.length },
    });
    return loadPlanDetail(db, scopeFor(actor, 'read:plan'), plan.id);
  }, 60_000);
}

function toCheckable(measure: ImportMeasureInput, sequence: number): CheckableMeasure {
  return {
    sequence,
    title: measure.title,
    actions: measure.actions,
    resultText: measure.resultText ?? null,
    summary: measure.summary ?? null,
    outcome: measure.outcome,
    carriedOut: measure.carriedOut ?? null,
    carriedOutRaw: measure.carriedOutRaw ?? null,
    evidence: measure.evidence,
  };
}

function dedupe<T extends { fiscalYear: number; code: string }>(refs: T[]): T[] {
  return [...new Map(refs.map((ref) => [`${ref.fiscalYear}:${ref.code}`, ref])).values()];
}

// ---------------------------------------------------------------- official report

export type ReportFormat = 'docx' | 'html' | 'pdf';

const MEDIA_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * Rendered reports, keyed by plan, format, view and the version of everything the report shows, read from
 * the database on every request (readReportStamp): a change made through any replica changes the key, so
 * no replica serves a stale report (ADR 007's cache, with its own version: staff reports show drafts, which
 * the public data version does not follow). Bodies are the file's bytes as latin1 text, one char per byte.
 * 32 MB (counted as UTF-16) holds about a thousand .docx reports of 10–20 kB.
 */
const reportCache = new ResponseCache({ maxBytes: 32 * 1024 * 1024, ttlMs: 60 * 60_000 });
let renderCount = 0;

/**
 * .docx and HTML renders are CPU work on the event loop: two at once and a short queue; beyond that, 503
 * with Retry-After instead of every request waiting behind the CPU (performance.md, F8).
 */
export const reportRenderLimit = new ConcurrencyLimit({
  running: 2,
  queued: 16,
  busyMessage: 'ระบบกำลังสร้างรายงานจำนวนมาก กรุณาลองใหม่ในอีกครู่',
  retryAfterSeconds: 2,
});
/** PDF: each render starts a Chromium, so two at once and no queue. */
const pdfRenderLimit = new ConcurrencyLimit({
  running: 2,
  queued: 0,
  busyMessage: 'ระบบกำลังสร้าง PDF อื่นอยู่ กรุณาลองใหม่ในอีกครู่',
  retryAfterSeconds: 5,
});

/** How many reports this process rendered, and what its cache holds (tests and diagnostics). */
export function getReportRenderStats(): { renders: number; cachedEntries: number; cachedBytes: number } {
  const { entries, bytes } = reportCache.stats();
  return { renders: renderCount, cachedEntries: entries, cachedBytes: bytes };
}

async function reportData(agencyId: string, planId: string, publicView: boolean): Promise<ReportData> {
  const agency = toAgency(await queries.findReportAgency(agencyId));
  // The caller's scope was checked before the render (the stamp and findVisiblePlan); a render is shared by every caller.
  const plan = await loadPlanDetail(rootDb(), publicView ? PUBLIC_SCOPE : SYSTEM_SCOPE, planId, { publicView });
  // Each measure's evidence files follow its links: name and permalink (the public report lists only public files).
  const files = await filesForReport(planId, publicView, SYSTEM_SCOPE);
  const measures = plan.measures.map((measure) => ({ ...measure, evidence: [...measure.evidence, ...(files.get(measure.id) ?? [])] }));
  // The block ends the report in every view: it is printed on the official document the public reads too (ADR 022).
  const signature = await reportSignatureOf(rootDb(), agencyId);
  return { agency, plan: { ...plan, measures }, signature };
}

async function renderReport(agencyId: string, planId: string, format: ReportFormat, publicView: boolean): Promise<Buffer> {
  const limit = format === 'pdf' ? pdfRenderLimit : reportRenderLimit;
  return limit.run(async () => {
    const data = await reportData(agencyId, planId, publicView);
    renderCount += 1;
    // The renderers (docx, Chromium) are loaded on first use, not at start (F9).
    if (format === 'docx') return renderReportDocx(data);
    if (format === 'pdf') return renderReportPdf(data);
    return Buffer.from(renderReportHtml(data, { fontCss: sarabunFontFaceCss() }), 'utf8');
  });
}

/** The report of the plan whose stamp was read in the caller's scope: from the cache when nothing it shows changed. */
async function reportFile(stamp: ReportStamp, format: ReportFormat, publicView: boolean): Promise<FileResponse> {
  // Internal comments are not in the report today; the view is in the key so that they never could leak.
  const key = `${stamp.planId}:${format}:${publicView ? 'public' : 'staff'}:${stamp.version}`;
  const cached = await reportCache.getOrCompute(key, async () =>
    (await renderReport(stamp.agencyId, stamp.planId, format, publicView)).toString('latin1'),
  );
  return {
    fileName: `prongsai-${stamp.agencyCode ?? stamp.agencyId}-${stamp.fiscalYear}.${format}`,
    contentType: MEDIA_TYPES[format],
    body: Buffer.from(cached.body, 'latin1'),
    disposition: format === 'html' ? 'inline' : 'attachment',
    headers: {
      // The report page carries its own fonts and styles inline and no script.
      ...(format === 'html'
        ? {
            'Content-Security-Policy':
              "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; frame-ancestors 'none'",
          }
        : {}),
      ...(publicView ? { 'Cache-Control': 'public, max-age=300' } : {}),
    },
  };
}

/** The official report of a plan the actor may export. */
export async function getPlanReport(actor: Actor, planId: string, format: ReportFormat): Promise<FileResponse> {
  // plans.service still takes a Prisma client until its own conversion (ADR 008).
  const plan = await findVisiblePlan(rootDb(), actor, planId);
  assertCan(actor, 'export:report', plan);
  const stamp = await queries.readReportStamp(scopeFor(actor, 'read:plan'), { planId });
  if (!stamp) throw notFound('ไม่พบแผนนี้');
  return reportFile(stamp, format, false);
}

/** The public permalink of an agency's published report of one fiscal year. */
export async function getPublicReport(agencyId: string, fiscalYear: number, format: ReportFormat): Promise<FileResponse> {
  const stamp = await queries.readReportStamp(PUBLIC_SCOPE, { agencyId, fiscalYear });
  if (!stamp) throw notFound('ไม่พบรายงานที่เผยแพร่ของปีนี้');
  return reportFile(stamp, format, true);
}

// ---------------------------------------------------------------- open-data exports

/**
 * Each export holds one pooled connection for its whole length (about 30 s for the country): a few at
 * once, a short queue, then 503, so that exports never take the pool from every other request. The
 * public and staff downloads have separate budgets (slow anonymous readers cannot make staff exports
 * answer 503), and one client address holds at most two exports of a budget at once (429 beyond).
 */
const EXPORT_BUDGET = {
  running: 3,
  queued: 6,
  perClient: 2,
  busyMessage: 'มีการส่งออกข้อมูลพร้อมกันจำนวนมาก กรุณาลองใหม่ในอีกครู่',
  retryAfterSeconds: 30,
};
export const publicExportLimit = new ConcurrencyLimit(EXPORT_BUDGET);
export const staffExportLimit = new ConcurrencyLimit(EXPORT_BUDGET);

/**
 * A slot of `limit` held until the returned release is called: 503 at once when the budget is full,
 * 429 when `client` (an address) already holds its share.
 */
function takeExportSlot(limit: ConcurrencyLimit, client: string): Promise<() => void> {
  return new Promise((taken, refused) => {
    limit.run(() => new Promise<void>((release) => taken(release)), client).catch(refused);
  });
}

function exportName(query: ExportQuery, extension: string): string {
  const parts = ['prongsai-measures', query.provinceId ?? (query.agencyId ? 'agency' : 'all'), query.fiscalYear ?? 'all-years'];
  return `${parts.join('-')}.${extension}`;
}

/**
 * Measures the actor may read (published ones only for the public), filtered, as a CSV or XLSX file
 * whose body is read from ONE statement through a cursor (reports.queries.ts) only as fast as the
 * client takes it. The export's slot and the cursor's connection are held while the body is read and
 * given back when it ends, fails, or is stopped early (a client that went away or stalled).
 */
export async function exportMeasures(
  actor: Actor,
  query: ExportQuery,
  format: 'csv' | 'xlsx',
  publishedOnly = false,
  /** The client's address (its per-client export cap). */
  clientAddress = 'unknown',
): Promise<FileResponse> {
  if (!publishedOnly) assertCan(actor, 'export:report');
  if (query.agencyId && !publishedOnly) await findVisibleAgency(actor, query.agencyId);
  const scope: Scope = publishedOnly ? PUBLIC_SCOPE : scopeFor(actor, 'read:plan');
  const release = await takeExportSlot(publishedOnly ? publicExportLimit : staffExportLimit, clientAddress);
  const rows = queries.readExportRows(queries.exportStatement(scope, query));
  if (format === 'xlsx') {
    const body = new PassThrough();
    // Destroying the body (the client went away) makes the writer stop reading rows, which closes the cursor.
    writeMeasuresXlsx(rows, body)
      .catch((error: Error) => body.destroy(error))
      .finally(release);
    return { fileName: exportName(query, format), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body };
  }
  async function* csv(): AsyncGenerator<string> {
    try {
      yield* measuresCsvStream(rows);
    } finally {
      release();
    }
  }
  return { fileName: exportName(query, format), contentType: 'text/csv; charset=utf-8', body: csv() };
}
