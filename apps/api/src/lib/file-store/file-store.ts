import type { Readable } from 'node:stream';
import type { Db } from '../db';
import { postgresFileStore } from './postgres-store';
import { s3FileStore, type S3Settings } from './s3-store';

/** A spooled upload: its bytes in a local temporary file, already counted and hashed. */
export interface SpooledFile {
  path: string;
  size: number;
}

/**
 * Where evidence files keep their bytes (ADR 015): one small interface, two stores. `put` runs inside
 * the transaction that records the file (`db`): the PostgreSQL store writes its chunks there, so the
 * file exists whole or not at all; the S3 store writes an object first and the caller removes it if
 * the transaction then fails.
 */
export interface FileStore {
  readonly kind: 'postgres' | 's3';
  put(db: Db, key: string, file: SpooledFile, contentType: string): Promise<void>;
  /** The bytes, read as the client takes them (never the whole file in memory). */
  get(db: Db, key: string): Promise<Readable>;
  /** Best effort: the bytes of an upload whose record was never committed (S3 only; PostgreSQL rolls back). */
  discard(key: string): Promise<void>;
}

export interface FileSettings {
  /** The largest file, in bytes (FILE_MAX_MB). */
  maxBytes: number;
  /** What one agency may keep in all, in bytes (AGENCY_FILE_QUOTA_MB). */
  agencyQuotaBytes: number;
  /** Where uploads are spooled before they are checked and stored. */
  spoolDir?: string;
  /** The address people open the app at (APP_URL): the report cites files by absolute permalink. */
  appUrl: string;
}

let store: FileStore = postgresFileStore();
let settings: FileSettings = { maxBytes: 20 * 1024 * 1024, agencyQuotaBytes: 2048 * 1024 * 1024, appUrl: 'http://localhost:3000' };

/** Chosen once at boot (main.ts) from S3_URL: S3-compatible storage when given, PostgreSQL otherwise. */
export function configureFileStore(options: { s3?: S3Settings } & Partial<FileSettings>): FileStore {
  const { s3, ...rest } = options;
  store = s3 ? s3FileStore(s3) : postgresFileStore();
  settings = { ...settings, ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) };
  return store;
}

export const fileStore = (): FileStore => store;
export const fileSettings = (): FileSettings => settings;
