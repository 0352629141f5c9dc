import { once } from 'node:events';
import type { Response } from 'express';
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
import { PUBLIC_SCOPE, scopeFor } from '../../access/scope';
import { ResponseCache } from '../../http/response-cache';
import { AppError, notFound } from '../../lib/app-error';
import { getPrisma, type Prisma } from '../../lib/prisma';
import { AGENCY_SELECT, findVisibleAgency, toAgency } from '../agencies/agencies.service';
import { recordAudit } from '../audit/audit.service';
import { toDbDate } from '../measures/measure-dto';
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
import { checkMeasures, parseInWorker, readTextFile } from './import';
import { exportStatement, readExportRows, readReportStamp } from './reports.queries';

// ---------------------------------------------------------------- import

/** Parse an upload and run the quality checks against the agency it is for. Writes nothing. */
export async function previewImport(actor: Actor, agencyId: string, input: ImportPreviewInput): Promise<ImportPreview> {
  const agency = await findVisibleAgency(actor, agencyId);
  assertCan(actor, 'import:report', agency);
  const upload = readUploadedText(input);
  let report;
  if (input.format === 'docx') {
    const buffer = Buffer.from(input.content, 'base64');
    if (buffer.length === 0) throw invalidContent('ไฟล์ .docx ว่างหรือไม่ใช่ base64');
    report = await parseInWorker({ format: 'docx', content: buffer });
  } else if (input.format === 'csv') {
    if (!input.fiscalYear) {
      throw new AppError('VALIDATION_FAILED', 'กรุณาระบุปีงบประมาณของไฟล์ CSV', {
        issues: [{ path: 'body.fiscalYear', message: 'required for CSV', code: 'required' }],
      });
    }
    report = await parseInWorker({ format: 'csv', content: upload.text, fiscalYear: input.fiscalYear });
  } else {
    report = await parseInWorker({ format: 'text', content: upload.text });
  }
  const fiscalYear = input.fiscalYear ?? report.fiscalYear;
  const checks = checkMeasures({ agencyNameTh: agency.nameTh, website: agency.website, fiscalYear }, report.measures);
  const parseProblems = report.warnings.filter((warning) => warning.code === 'PARSE_PROBLEM');
  const existing = fiscalYear
    ? await getPrisma().plan.findUnique({ where: { agencyId_fiscalYear: { agencyId, fiscalYear } }, select: { status: true } })
    : null;
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
function readUploadedText(input: ImportPreviewInput): { text: string; warnings: QualityWarning[] } {
  if (input.format === 'docx' || input.contentEncoding !== 'base64') return { text: input.content, warnings: [] };
  const bytes = Buffer.from(input.content, 'base64');
  if (bytes.length === 0) throw invalidContent('ไฟล์ว่างหรือไม่ใช่ base64');
  const { text, encoding } = readTextFile(bytes);
  const warnings: QualityWarning[] =
    encoding === 'windows-874'
      ? [
          {
            code: 'ENCODING_GUESSED',
            sequence: null,
            message: 'ไฟล์นี้ไม่ได้เข้ารหัสแบบ UTF-8 ระบบจึงอ่านเป็นภาษาไทยแบบ Windows-874 (TIS-620) กรุณาตรวจว่าข้อความภาษาไทยถูกต้อง',
          },
        ]
      : [];
  return { text, warnings };
}

function invalidContent(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { issues: [{ path: 'body.content', message, code: 'invalid' }] });
}

/**
 * Save confirmed measures into the agency's plan of that year (a new draft, or appended to a draft
 * or returned plan), all in one transaction: a crash leaves all of it or none.
 */
export async function commitImport(actor: Actor, agencyId: string, fiscalYear: number, input: ImportCommitInput): Promise<PlanDetail> {
  const agency = await findVisibleAgency(actor, agencyId);
  assertCan(actor, 'import:report', agency);
  return getPrisma().$transaction(
    async (tx) => {
      let plan = await tx.plan.findUnique({ where: { agencyId_fiscalYear: { agencyId, fiscalYear } }, select: { id: true, status: true } });
      if (plan) assertEditable(plan);
      else {
        plan = await tx.plan.create({
          data: { agencyId, fiscalYear, agencyType: agency.type, agencyNameTh: agency.nameTh, introText: input.introText ?? null },
          select: { id: true, status: true },
        });
      }
      const last = await tx.measure.aggregate({ where: { planId: plan.id, deletedAt: null }, _max: { sequence: true } });
      const first = (last._max.sequence ?? 0) + 1;
      // The quality checks run here, on what is saved; no client-sent warning is stored (the schema refuses them).
      const checks = checkMeasures(
        { agencyNameTh: agency.nameTh, website: agency.website, fiscalYear },
        input.measures.map((measure, index) => toCheckable(measure, first + index)),
      );
      for (const [index, measure] of input.measures.entries()) {
        const sequence = first + index;
        await tx.measure.create({
          data: {
            planId: plan.id,
            agencyId,
            sequence,
            title: measure.title,
            actions: measure.actions,
            responsible: measure.responsible ?? null,
            plannedStart: toDbDate(measure.plannedStart) ?? null,
            plannedEnd: toDbDate(measure.plannedEnd) ?? null,
            outcome: measure.outcome,
            outcomeReason: measure.outcomeReason ?? null,
            resultText: measure.resultText ?? null,
            summary: measure.summary ?? null,
            carriedOutDate: toDbDate(measure.carriedOut?.date ?? null),
            carriedOutPrecision: measure.carriedOut?.precision ?? null,
            carriedOutRaw: measure.carriedOutRaw ?? null,
            importWarnings: checks.filter((warning) => warning.sequence === sequence) as Prisma.InputJsonValue,
            indicators: {
              create: dedupe(measure.indicators).map((ref) => ({ fiscalYear: ref.fiscalYear, code: ref.code, raw: ref.raw ?? null })),
            },
            evidence: { create: measure.evidence.map((link, position) => ({ ...link, position })) },
          },
        });
      }
      await refreshPlanWarnings(tx, plan.id);
      await recordAudit(tx, actor, {
        action: 'import',
        entityType: 'plan',
        entityId: plan.id,
        agencyId,
        provinceId: agency.provinceId,
        changes: { fiscalYear, measuresImported: input.measures.length },
      });
      return loadPlanDetail(tx, plan.id);
    },
    { timeout: 60_000 },
  );
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
  const prisma = getPrisma();
  const agencyRow = await prisma.agency.findUniqueOrThrow({ where: { id: agencyId }, select: AGENCY_SELECT });
  return { agency: toAgency(agencyRow), plan: await loadPlanDetail(prisma, planId, { publicView }) };
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

async function sendReport(res: Response, planId: string, format: ReportFormat, publicView: boolean): Promise<void> {
  const stamp = await readReportStamp(planId);
  if (!stamp) throw notFound('ไม่พบแผนนี้');
  // Internal comments are not in the report today; the view is in the key so that they never could leak.
  const key = `${planId}:${format}:${publicView ? 'public' : 'staff'}:${stamp.version}`;
  const cached = await reportCache.getOrCompute(key, async () =>
    (await renderReport(stamp.agencyId, planId, format, publicView)).toString('latin1'),
  );
  const body = Buffer.from(cached.body, 'latin1');
  const name = `prongsai-${stamp.agencyCode ?? stamp.agencyId}-${stamp.fiscalYear}.${format}`;
  res.setHeader('Content-Type', MEDIA_TYPES[format]);
  res.setHeader('Content-Disposition', `${format === 'html' ? 'inline' : 'attachment'}; filename="${name}"`);
  if (format === 'html') {
    // The report page carries its own fonts and styles inline and no script.
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; frame-ancestors 'none'",
    );
  }
  res.send(body);
}

export async function sendPlanReport(actor: Actor, planId: string, format: ReportFormat, res: Response): Promise<void> {
  const plan = await findVisiblePlan(getPrisma(), actor, planId);
  assertCan(actor, 'export:report', plan);
  await sendReport(res, planId, format, false);
}

export async function sendPublicReport(agencyId: string, fiscalYear: number, format: ReportFormat, res: Response): Promise<void> {
  const plan = await getPrisma().plan.findFirst({ where: { agencyId, fiscalYear, status: 'published' }, select: { id: true } });
  if (!plan) throw notFound('ไม่พบรายงานที่เผยแพร่ของปีนี้');
  res.setHeader('Cache-Control', 'public, max-age=300');
  await sendReport(res, plan.id, format, true);
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

function exportName(query: ExportQuery, extension: string): string {
  const parts = ['prongsai-measures', query.provinceId ?? (query.agencyId ? 'agency' : 'all'), query.fiscalYear ?? 'all-years'];
  return `${parts.join('-')}.${extension}`;
}

/**
 * Measures the actor may read (published ones only for the public), filtered, streamed as CSV or XLSX
 * with back-pressure, read as one statement through a cursor (reports.queries.ts). A client that goes
 * away ends the export quietly and gives its database connection back.
 */
export async function streamMeasuresExport(
  actor: Actor,
  query: ExportQuery,
  format: 'csv' | 'xlsx',
  res: Response,
  publishedOnly = false,
): Promise<void> {
  if (!publishedOnly) assertCan(actor, 'export:report');
  if (query.agencyId && !publishedOnly) await findVisibleAgency(actor, query.agencyId);
  const limit = publishedOnly ? publicExportLimit : staffExportLimit;
  await limit.run(async () => {
    const gone = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) gone.abort(new Error('The client went away before the export finished'));
    };
    res.once('close', onClose);
    // A client that stops reading would hold the cursor's connection and an export slot for ever:
    // after this long without the socket moving, hang up (the 'close' above then ends the export).
    res.setTimeout(Number(res.app.locals.exportStallMs ?? 60_000), () => res.destroy());
    try {
      const rows = readExportRows(exportStatement(publishedOnly ? PUBLIC_SCOPE : scopeFor(actor, 'read:plan'), query, publishedOnly));
      res.setHeader('Content-Disposition', `attachment; filename="${exportName(query, format)}"`);
      if (format === 'xlsx') {
        res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        await writeMeasuresXlsx(rows, res);
        return;
      }
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      for await (const chunk of measuresCsvStream(rows)) {
        if (!res.write(chunk)) await once(res, 'drain', { signal: gone.signal });
      }
      res.end();
    } catch (error) {
      // Nobody is left to answer; leaving the loops above has already released the cursor's connection.
      if (gone.signal.aborted) return;
      throw error;
    } finally {
      res.off('close', onClose);
    }
  }, res.req.ip ?? 'unknown');
}
