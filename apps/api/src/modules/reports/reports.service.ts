import type { Response } from 'express';
import type { ExportQuery, ImportCommitInput, ImportPreview, ImportPreviewInput, PlanDetail } from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan } from '../../access/policies';
import { measureWhere } from '../../access/scope';
import { AppError, notFound } from '../../lib/app-error';
import { getPrisma, type Prisma } from '../../lib/prisma';
import { AGENCY_SELECT, findVisibleAgency, toAgency } from '../agencies/agencies.service';
import { recordAudit } from '../audit/audit.service';
import { MEASURE_INCLUDE, loadIndicatorTitles, toDbDate, toMeasure } from '../measures/measure-dto';
import { assertEditable, findVisiblePlan, loadPlanDetail, refreshPlanWarnings } from '../plans/plans.service';
import {
  measuresCsvStream,
  renderReportDocx,
  renderReportHtml,
  renderReportPdf,
  sarabunFontFaceCss,
  writeMeasuresXlsx,
  type MeasureExportRow,
  type ReportData,
} from './export';
import { checkMeasures, parseMeasuresCsv, parseReportDocx, parseReportText } from './import';

// ---------------------------------------------------------------- import

/** Parse an upload and run the quality checks against the agency it is for. Writes nothing. */
export async function previewImport(actor: Actor, agencyId: string, input: ImportPreviewInput): Promise<ImportPreview> {
  const agency = await findVisibleAgency(actor, agencyId);
  assertCan(actor, 'import:report', agency);
  let report;
  if (input.format === 'docx') {
    const buffer = Buffer.from(input.content, 'base64');
    if (buffer.length === 0) throw invalidContent('ไฟล์ .docx ว่างหรือไม่ใช่ base64');
    report = await parseReportDocx(buffer);
  } else if (input.format === 'csv') {
    if (!input.fiscalYear) {
      throw new AppError('VALIDATION_FAILED', 'กรุณาระบุปีงบประมาณของไฟล์ CSV', {
        issues: [{ path: 'body.fiscalYear', message: 'required for CSV', code: 'required' }],
      });
    }
    report = parseMeasuresCsv(input.content, input.fiscalYear);
  } else {
    report = parseReportText(input.content);
  }
  const fiscalYear = input.fiscalYear ?? report.fiscalYear;
  const checks = checkMeasures({ agencyNameTh: agency.nameTh, website: agency.website, fiscalYear }, report.measures);
  const parseProblems = report.warnings.filter((warning) => warning.code === 'PARSE_PROBLEM');
  const existing = fiscalYear
    ? await getPrisma().plan.findUnique({ where: { agencyId_fiscalYear: { agencyId, fiscalYear } }, select: { status: true } })
    : null;
  return {
    report: { ...report, fiscalYear, warnings: [...parseProblems, ...checks] },
    agencyNameTh: agency.nameTh,
    existingPlanStatus: existing?.status ?? null,
  };
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
      let sequence = last._max.sequence ?? 0;
      for (const measure of input.measures) {
        sequence += 1;
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
            importWarnings: measure.warnings as Prisma.InputJsonValue,
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

async function reportData(agencyId: string, planId: string, publicView: boolean): Promise<ReportData> {
  const prisma = getPrisma();
  const agencyRow = await prisma.agency.findUniqueOrThrow({ where: { id: agencyId }, select: AGENCY_SELECT });
  return { agency: toAgency(agencyRow), plan: await loadPlanDetail(prisma, planId, { publicView }) };
}

/** At most two PDF renders at once: each starts a Chromium. */
let pdfRenders = 0;
const MAX_PDF_RENDERS = 2;

async function sendReport(res: Response, data: ReportData, format: ReportFormat): Promise<void> {
  const name = `prongsai-${data.agency.code ?? data.agency.id}-${data.plan.fiscalYear}.${format}`;
  let body: Buffer | string;
  if (format === 'docx') body = await renderReportDocx(data);
  else if (format === 'html') body = renderReportHtml(data, { fontCss: sarabunFontFaceCss() });
  else {
    if (pdfRenders >= MAX_PDF_RENDERS) throw new AppError('SERVICE_UNAVAILABLE', 'ระบบกำลังสร้าง PDF อื่นอยู่ กรุณาลองใหม่ในอีกครู่');
    pdfRenders += 1;
    try {
      body = await renderReportPdf(data);
    } finally {
      pdfRenders -= 1;
    }
  }
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
  await sendReport(res, await reportData(plan.agencyId, planId, false), format);
}

export async function sendPublicReport(agencyId: string, fiscalYear: number, format: ReportFormat, res: Response): Promise<void> {
  const plan = await getPrisma().plan.findFirst({ where: { agencyId, fiscalYear, status: 'published' }, select: { id: true } });
  if (!plan) throw notFound('ไม่พบรายงานที่เผยแพร่ของปีนี้');
  res.setHeader('Cache-Control', 'public, max-age=300');
  await sendReport(res, await reportData(agencyId, plan.id, true), format);
}

// ---------------------------------------------------------------- open-data exports

const EXPORT_BATCH = 1000;

/** Measures the actor may read, filtered, in id order, fetched in batches (streams the whole country). */
async function* exportRows(actor: Actor, query: ExportQuery, publishedOnly: boolean): AsyncIterable<MeasureExportRow> {
  const prisma = getPrisma();
  const where: Prisma.MeasureWhereInput = {
    AND: [
      measureWhere(actor),
      { deletedAt: null },
      publishedOnly ? { plan: { status: 'published' } } : {},
      query.agencyId ? { agencyId: query.agencyId } : {},
      query.fiscalYear ? { plan: { fiscalYear: query.fiscalYear } } : {},
      query.provinceId ? { agency: { provinceId: query.provinceId } } : {},
    ],
  };
  let cursor: string | undefined;
  for (;;) {
    const batch = await prisma.measure.findMany({
      where,
      include: {
        ...MEASURE_INCLUDE,
        plan: { select: { fiscalYear: true, status: true } },
        agency: {
          select: {
            id: true,
            code: true,
            nameTh: true,
            type: true,
            provinceId: true,
            districtId: true,
            province: { select: { nameTh: true } },
            district: { select: { nameTh: true } },
          },
        },
      },
      orderBy: { id: 'asc' },
      take: EXPORT_BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    if (batch.length === 0) return;
    const titles = await loadIndicatorTitles(prisma, batch);
    for (const row of batch) {
      yield {
        agency: {
          id: row.agency.id,
          code: row.agency.code,
          nameTh: row.agency.nameTh,
          type: row.agency.type,
          provinceId: row.agency.provinceId,
          provinceNameTh: row.agency.province.nameTh,
          districtId: row.agency.districtId,
          districtNameTh: row.agency.district?.nameTh ?? null,
        },
        plan: row.plan,
        measure: toMeasure(row, titles),
      };
    }
    cursor = batch[batch.length - 1]!.id;
    if (batch.length < EXPORT_BATCH) return;
  }
}

function exportName(query: ExportQuery, extension: string): string {
  const parts = ['prongsai-measures', query.provinceId ?? (query.agencyId ? 'agency' : 'all'), query.fiscalYear ?? 'all-years'];
  return `${parts.join('-')}.${extension}`;
}

export async function streamMeasuresExport(
  actor: Actor,
  query: ExportQuery,
  format: 'csv' | 'xlsx',
  res: Response,
  publishedOnly = false,
): Promise<void> {
  if (!publishedOnly) assertCan(actor, 'export:report');
  if (query.agencyId && !publishedOnly) await findVisibleAgency(actor, query.agencyId);
  const rows = exportRows(actor, query, publishedOnly);
  res.setHeader('Content-Disposition', `attachment; filename="${exportName(query, format)}"`);
  if (format === 'xlsx') {
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await writeMeasuresXlsx(rows, res);
    return;
  }
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  for await (const chunk of measuresCsvStream(rows)) {
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}
