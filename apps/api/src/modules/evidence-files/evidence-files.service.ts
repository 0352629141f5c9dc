import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { fileTypeFromFile } from 'file-type';
import sharp from 'sharp';
import {
  EVIDENCE_FILE_TYPES,
  evidenceFilePath,
  evidenceFilePreviewPath,
  type EvidenceFile,
  type EvidenceFileExtension,
} from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan } from '../../access/policies';
import { PUBLIC_SCOPE, scopeFor, type Scope } from '../../access/scope';
import { AppError, notFound } from '../../lib/app-error';
import { rootDb, transaction, type Db } from '../../lib/db';
import type { FileResponse } from '../../lib/file-response';
import { fileSettings, fileStore } from '../../lib/file-store/file-store';
import { spoolUpload } from '../../lib/file-store/spool';
import { recordAudit } from '../audit/audit.service';
import { assertEditable } from '../plans/plans.service';
import { asciiFileName, attachmentDisposition, sanitiseFileName } from './file-names';
import * as queries from './evidence-files.queries';
import type { EvidenceFileRow } from './evidence-files.queries';

/** One upload as the route hands it over: the name it was sent with and its bytes, not yet read. */
export interface Upload {
  fileName: string;
  stream: Readable;
  isInternal: boolean;
}

const readScope = (actor: Actor): Scope => scopeFor(actor, 'read:plan');
/** A signed-in caller reaches the files of their scope and everything the public sees. */
const downloadScopes = (actor: Actor): Scope[] => (actor.kind === 'user' ? [readScope(actor), PUBLIC_SCOPE] : [PUBLIC_SCOPE]);

/** Longest a preview side may be, and the most pixels an image may decode to (a decompression bomb stops there). */
const PREVIEW_PX = 320;
const MEBIBYTE = 1024 * 1024;
const MAX_INPUT_PIXELS = 60_000_000;

export function toEvidenceFile(row: EvidenceFileRow): EvidenceFile {
  return {
    id: row.id,
    measureId: row.measureId,
    name: row.name,
    contentType: row.contentType,
    size: row.size,
    isInternal: row.isInternal,
    hasPreview: row.hasPreview,
    url: evidenceFilePath(row.id),
    previewUrl: row.hasPreview ? evidenceFilePreviewPath(row.id) : null,
    createdAt: row.createdAt.toISOString(),
  };
}

const refusedType = () =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', 'รับเฉพาะไฟล์ PDF, JPEG, PNG, WebP, Word (.docx) และ Excel (.xlsx) เท่านั้น', {
    reason: 'evidenceFileType',
    issues: [{ path: 'file', message: 'the bytes are not a PDF, JPEG, PNG, WebP, DOCX or XLSX file', code: 'file_type_refused' }],
  });

/** The measure files are written to: in the caller's reach, of a plan still being edited, not deleted. */
async function writableMeasure(db: Db, actor: Actor, measureId: string): Promise<queries.MeasureForFilesRow> {
  const measure = await queries.findMeasureForFiles(db, readScope(actor), measureId);
  if (!measure) throw notFound('ไม่พบมาตรการนี้');
  assertCan(actor, 'write:plan', measure);
  assertEditable({ status: measure.planStatus });
  if (measure.deleted) throw new AppError('INVALID_STATE', 'มาตรการนี้ถูกลบแล้ว', { reason: 'measureDeleted' });
  return measure;
}

/** Before any byte is read: may the actor add a file to this measure? (404/403/409 without spooling anything). */
export async function assertCanUpload(actor: Actor, measureId: string): Promise<void> {
  await writableMeasure(rootDb(), actor, measureId);
}

/** The type of a spooled file from its bytes (file-type), if it is one evidence may be. */
async function sniffType(path: string): Promise<{ extension: EvidenceFileExtension; contentType: string } | undefined> {
  const type = await fileTypeFromFile(path);
  if (!type) return undefined;
  const extension = type.ext as string;
  if (!(extension in EVIDENCE_FILE_TYPES)) return undefined;
  return { extension: extension as EvidenceFileExtension, contentType: EVIDENCE_FILE_TYPES[extension as EvidenceFileExtension] };
}

/** A small WebP of a photo (sharp runs on its own threads, off the event loop, with a pixel limit). */
async function makePreview(path: string): Promise<Buffer> {
  try {
    return await sharp(path, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: PREVIEW_PX, height: PREVIEW_PX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
  } catch {
    throw new AppError('VALIDATION_FAILED', 'อ่านรูปภาพนี้ไม่ได้ (ไฟล์อาจเสียหายหรือใหญ่เกินไป)', {
      reason: 'evidenceImageUnreadable',
      params: { megapixels: MAX_INPUT_PIXELS / 1_000_000 },
      issues: [{ path: 'file', message: 'the image cannot be decoded', code: 'image_unreadable' }],
    });
  }
}

/**
 * Add a file to a measure: spool it (counted, at most FILE_MAX_MB), decide its type from its bytes,
 * make a preview of a photo, then store it and record it with its audit row in one transaction
 * under the agency's quota. A failure at any step leaves nothing behind.
 */
export async function uploadEvidenceFile(actor: Actor, measureId: string, upload: Upload): Promise<EvidenceFile> {
  await assertCanUpload(actor, measureId);
  const { maxBytes, agencyQuotaBytes, spoolDir } = fileSettings();
  const spooled = await spoolUpload(upload.stream, maxBytes, spoolDir);
  const store = fileStore();
  const id = randomUUID();
  try {
    if (spooled.size === 0) throw refusedType();
    const type = await sniffType(spooled.path);
    if (!type) throw refusedType();
    const preview = type.contentType.startsWith('image/') ? await makePreview(spooled.path) : null;
    const name = sanitiseFileName(upload.fileName, type.extension);
    let stored = false;
    try {
      return await transaction(async (db) => {
        const measure = await writableMeasure(db, actor, measureId);
        const used = await queries.lockAgencyFileBytes(db, measure.agencyId);
        if (used + spooled.size > agencyQuotaBytes) {
          throw new AppError('PAYLOAD_TOO_LARGE', 'พื้นที่เก็บไฟล์ของหน่วยงานเต็มแล้ว กรุณาลบไฟล์ที่ไม่ใช้ก่อน', {
            reason: 'evidenceQuotaFull',
            params: { megabytes: Math.floor((agencyQuotaBytes / MEBIBYTE) * 10) / 10 },
            issues: [{ path: 'file', message: `the agency's files would exceed ${agencyQuotaBytes} bytes`, code: 'quota_exceeded' }],
          });
        }
        stored = true;
        await store.put(db, id, spooled, type.contentType);
        await queries.insertFile(db, {
          id,
          measureId,
          agencyId: measure.agencyId,
          name,
          contentType: type.contentType,
          size: spooled.size,
          sha256: spooled.sha256,
          storage: store.kind,
          storageKey: id,
          isInternal: upload.isInternal,
          preview,
          uploadedBy: actor.kind === 'user' ? actor.userId : null,
        });
        await recordAudit(db, actor, {
          action: 'create',
          entityType: 'evidence_file',
          entityId: id,
          agencyId: measure.agencyId,
          provinceId: measure.provinceId,
          changes: {
            measureId,
            name,
            contentType: type.contentType,
            size: spooled.size,
            sha256: spooled.sha256,
            isInternal: upload.isInternal,
          },
        });
        const row = await queries.findFile(db, [readScope(actor)], id);
        return toEvidenceFile(row!);
      }, 120_000);
    } catch (error) {
      if (stored) await store.discard(id);
      throw error;
    }
  } finally {
    await spooled.remove();
  }
}

/** The live files of a measure the actor reads. */
export async function listEvidenceFiles(actor: Actor, measureId: string): Promise<EvidenceFile[]> {
  const db = rootDb();
  const measure = await queries.findMeasureForFiles(db, readScope(actor), measureId);
  if (!measure || measure.deleted) throw notFound('ไม่พบมาตรการนี้');
  return (await queries.listFilesOfMeasure(db, readScope(actor), measureId)).map(toEvidenceFile);
}

/**
 * The files the public sees of a published plan (not internal, of live measures), oldest first: the
 * public plan page lists them under their measures. Its caller already found the plan published.
 */
export async function listPublicPlanFiles(planId: string): Promise<EvidenceFile[]> {
  return (await queries.listFilesOfPlan(rootDb(), PUBLIC_SCOPE, planId)).map(toEvidenceFile);
}

/** A file the caller reaches, sent as an attachment under its safe name; anything else is 404. */
export async function downloadEvidenceFile(actor: Actor, fileId: string): Promise<FileResponse> {
  const db = rootDb();
  const row = await queries.findFile(db, downloadScopes(actor), fileId);
  if (!row) throw notFound('ไม่พบไฟล์นี้');
  return {
    // The header sendFile writes first must be ASCII; the real name follows in `filename*` (headers below).
    fileName: asciiFileName(row.name),
    contentType: row.contentType,
    body: await fileStore().get(db, row.storageKey),
    headers: {
      'Content-Disposition': attachmentDisposition(row.name),
      'Content-Length': String(row.size),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-cache',
    },
  };
}

/** The small WebP of a photo the caller reaches; 404 for anything else. */
export async function previewEvidenceFile(actor: Actor, fileId: string): Promise<FileResponse> {
  const preview = await queries.findFilePreview(rootDb(), downloadScopes(actor), fileId);
  if (!preview) throw notFound('ไม่พบภาพตัวอย่างของไฟล์นี้');
  return {
    fileName: 'preview.webp',
    contentType: 'image/webp',
    body: preview,
    disposition: 'inline',
    headers: { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-cache' },
  };
}

/** A file in the caller's reach that they may change: its plan is being edited. */
async function writableFile(db: Db, actor: Actor, fileId: string): Promise<EvidenceFileRow> {
  const row = await queries.findFile(db, [readScope(actor)], fileId);
  if (!row) throw notFound('ไม่พบไฟล์นี้');
  assertCan(actor, 'write:plan', row);
  assertEditable({ status: row.planStatus });
  return row;
}

/** Soft-delete a file (its bytes stay for the audit trail), audited. */
export async function deleteEvidenceFile(actor: Actor, fileId: string): Promise<void> {
  await transaction(async (db) => {
    const row = await writableFile(db, actor, fileId);
    await queries.markFileDeleted(db, fileId);
    await recordAudit(db, actor, {
      action: 'delete',
      entityType: 'evidence_file',
      entityId: fileId,
      agencyId: row.agencyId,
      provinceId: row.provinceId,
      changes: { measureId: row.measureId, name: row.name },
    });
  });
}

/** Mark a file internal (kept from the public) or public, audited. */
export async function setEvidenceFileInternal(actor: Actor, fileId: string, isInternal: boolean): Promise<EvidenceFile> {
  return transaction(async (db) => {
    const row = await writableFile(db, actor, fileId);
    await queries.setFileInternal(db, fileId, isInternal);
    await recordAudit(db, actor, {
      action: 'update',
      entityType: 'evidence_file',
      entityId: fileId,
      agencyId: row.agencyId,
      provinceId: row.provinceId,
      changes: { isInternal: { from: row.isInternal, to: isInternal } },
    });
    return toEvidenceFile({ ...row, isInternal });
  });
}

/**
 * The files of a plan whose report is being rendered (its caller already checked the plan): every live
 * file for the staff report, only the public ones for the published report; per measure, each file's
 * name and absolute permalink (APP_URL), so the report can be cited with its attachments.
 */
export async function filesForReport(
  planId: string,
  publicView: boolean,
  staffScope: Scope,
): Promise<Map<string, { label: string; url: string }[]>> {
  const rows = await queries.listFilesOfPlan(rootDb(), publicView ? PUBLIC_SCOPE : staffScope, planId);
  const base = fileSettings().appUrl.replace(/\/+$/, '');
  const byMeasure = new Map<string, { label: string; url: string }[]>();
  for (const row of rows) {
    const list = byMeasure.get(row.measureId) ?? [];
    list.push({ label: row.name, url: `${base}${evidenceFilePath(row.id)}` });
    byMeasure.set(row.measureId, list);
  }
  return byMeasure;
}

/** The largest upload the routes let through (FILE_MAX_MB). */
export const uploadLimitBytes = (): number => fileSettings().maxBytes;
