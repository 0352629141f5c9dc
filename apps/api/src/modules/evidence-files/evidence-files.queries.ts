import type { PlanStatus } from '@prongsai/shared';
import { scopeSql, type Scope } from '../../access/scope';
import { clientOf, type Db } from '../../lib/db';
import { join, queryRow, queryRows, sql, type Sql } from '../../lib/sql';

/** The measure a file is uploaded to, as the upload checks it (404 when `scope` does not reach it). */
export interface MeasureForFilesRow {
  id: string;
  agencyId: string;
  provinceId: number;
  planStatus: PlanStatus;
  deleted: boolean;
}

export async function findMeasureForFiles(db: Db, scope: Scope, measureId: string): Promise<MeasureForFilesRow | undefined> {
  return queryRow<MeasureForFilesRow>(
    clientOf(db),
    sql`SELECT m.id, m."agencyId", a."provinceId", p.status::text AS "planStatus", m."deletedAt" IS NOT NULL AS deleted
        FROM "Measure" m JOIN "Plan" p ON p.id = m."planId" JOIN "Agency" a ON a.id = m."agencyId"
        WHERE m.id = ${measureId}::uuid AND ${scopeSql('measure', scope, 'm')}`,
  );
}

/** THE file row: what every read of a file returns. */
export interface EvidenceFileRow {
  id: string;
  measureId: string;
  agencyId: string;
  provinceId: number;
  planId: string;
  planStatus: PlanStatus;
  name: string;
  contentType: string;
  size: number;
  storage: 'postgres' | 's3';
  storageKey: string;
  isInternal: boolean;
  hasPreview: boolean;
  createdAt: Date;
}

const FILE_ROW = sql`f.id, f."measureId", f."agencyId", a."provinceId", m."planId", p.status::text AS "planStatus", f.name,
  f."contentType", f.size, f.storage, f."storageKey", f."isInternal", f.preview IS NOT NULL AS "hasPreview", f."createdAt"`;
const FILE_FROM = sql`"EvidenceFile" f JOIN "Measure" m ON m.id = f."measureId" JOIN "Plan" p ON p.id = m."planId" JOIN "Agency" a ON a.id = f."agencyId"`;
/** A file is live while it and its measure are (a deleted measure's files are hidden with it). */
const LIVE = sql`f."deletedAt" IS NULL AND m."deletedAt" IS NULL`;
/** Any of `scopes` reaches the file (a staff member also sees what the public sees). */
const reachedBy = (scopes: Scope[]): Sql =>
  sql`(${join(
    scopes.map((scope) => scopeSql('file', scope, 'f')),
    ' OR ',
  )})`;

/** The live files of a measure that `scope` reaches, oldest first. */
export async function listFilesOfMeasure(db: Db, scope: Scope, measureId: string): Promise<EvidenceFileRow[]> {
  return queryRows<EvidenceFileRow>(
    clientOf(db),
    sql`SELECT ${FILE_ROW} FROM ${FILE_FROM}
        WHERE f."measureId" = ${measureId}::uuid AND ${LIVE} AND ${scopeSql('file', scope, 'f')}
        ORDER BY f."createdAt", f.id`,
  );
}

/** The live files of a plan's measures that `scope` reaches (the report lists them). */
export async function listFilesOfPlan(db: Db, scope: Scope, planId: string): Promise<EvidenceFileRow[]> {
  return queryRows<EvidenceFileRow>(
    clientOf(db),
    sql`SELECT ${FILE_ROW} FROM ${FILE_FROM}
        WHERE m."planId" = ${planId}::uuid AND ${LIVE} AND ${scopeSql('file', scope, 'f')}
        ORDER BY f."createdAt", f.id`,
  );
}

/** One live file that any of `scopes` reaches. */
export async function findFile(db: Db, scopes: Scope[], fileId: string): Promise<EvidenceFileRow | undefined> {
  return queryRow<EvidenceFileRow>(
    clientOf(db),
    sql`SELECT ${FILE_ROW} FROM ${FILE_FROM} WHERE f.id = ${fileId}::uuid AND ${LIVE} AND ${reachedBy(scopes)}`,
  );
}

/** The preview image of one live file that any of `scopes` reaches. */
export async function findFilePreview(db: Db, scopes: Scope[], fileId: string): Promise<Buffer | undefined> {
  const row = await queryRow<{ preview: Uint8Array | null }>(
    clientOf(db),
    sql`SELECT f.preview FROM ${FILE_FROM} WHERE f.id = ${fileId}::uuid AND ${LIVE} AND ${reachedBy(scopes)}`,
  );
  return row?.preview ? Buffer.from(row.preview.buffer, row.preview.byteOffset, row.preview.byteLength) : undefined;
}

/**
 * The bytes an agency's live files take, after waiting for any other upload of the same agency in
 * flight (a transaction lock), so that two uploads at once cannot both pass the quota.
 */
export async function lockAgencyFileBytes(db: Db, agencyId: string): Promise<number> {
  const client = clientOf(db);
  await queryRows(client, sql`SELECT pg_advisory_xact_lock(hashtext('evidence-files:' || ${agencyId}::text))::text`);
  const row = await queryRow<{ used: number }>(
    client,
    sql`SELECT coalesce(sum(size), 0)::float8 AS used FROM "EvidenceFile" WHERE "agencyId" = ${agencyId}::uuid AND "deletedAt" IS NULL`,
  );
  return row?.used ?? 0;
}

export interface NewFile {
  id: string;
  measureId: string;
  agencyId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  storage: 'postgres' | 's3';
  storageKey: string;
  isInternal: boolean;
  preview: Buffer | null;
  uploadedBy: string | null;
}

export async function insertFile(db: Db, file: NewFile): Promise<void> {
  await queryRows(
    clientOf(db),
    sql`INSERT INTO "EvidenceFile" (id, "measureId", "agencyId", name, "contentType", size, sha256, storage, "storageKey", "isInternal", preview, "uploadedBy")
        VALUES (${file.id}::uuid, ${file.measureId}::uuid, ${file.agencyId}::uuid, ${file.name}, ${file.contentType}, ${file.size}, ${file.sha256},
                ${file.storage}, ${file.storageKey}, ${file.isInternal}, ${file.preview}, ${file.uploadedBy}::uuid)`,
  );
}

export async function markFileDeleted(db: Db, fileId: string): Promise<void> {
  await queryRows(clientOf(db), sql`UPDATE "EvidenceFile" SET "deletedAt" = now() WHERE id = ${fileId}::uuid AND "deletedAt" IS NULL`);
}

export async function setFileInternal(db: Db, fileId: string, isInternal: boolean): Promise<void> {
  await queryRows(clientOf(db), sql`UPDATE "EvidenceFile" SET "isInternal" = ${isInternal} WHERE id = ${fileId}::uuid`);
}
