import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../app-error';
import type { SpooledFile } from './file-store';

export const defaultSpoolDir = () => path.join(os.tmpdir(), 'prongsai-uploads');

export interface Spooled extends SpooledFile {
  sha256: string;
  /** Removes the temporary file (always call it, in a `finally`). */
  remove(): Promise<void>;
}

/** The 413 of an upload over `maxBytes`, whether its declared length says so (http/multipart.ts) or its bytes do (here). */
export const fileTooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `ไฟล์ใหญ่เกินกำหนด (ไม่เกิน ${Math.floor(maxBytes / (1024 * 1024))} MB ต่อไฟล์)`, {
    reason: 'fileTooLarge',
    params: { megabytes: Math.floor(maxBytes / (1024 * 1024)) },
    issues: [{ path: 'file', message: `larger than ${maxBytes} bytes`, code: 'file_too_large' }],
  });

/**
 * Write an upload to a temporary file as it arrives (a chunk at a time: the file is never whole in
 * memory), counting and hashing it; more than `maxBytes` stops it with 413 and removes what was written.
 * The stored copy is made from this file once it has been checked (type, size, quota).
 */
export async function spoolUpload(source: Readable, maxBytes: number, dir = defaultSpoolDir()): Promise<Spooled> {
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  const filePath = path.join(dir, `${process.pid}-${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const remove = () => fs.promises.rm(filePath, { force: true });
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(fileTooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, count, fs.createWriteStream(filePath, { mode: 0o600 }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path: filePath, size, sha256: hash.digest('hex'), remove };
}

/** Whether a process of this machine is still running (a spooled file's name starts with its pid). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes spooled files left by a process that stopped mid-upload (called at boot): those of a process
 * that is no longer running, and any older than `olderThanMs` (an hour).
 */
export async function sweepSpool(dir = defaultSpoolDir(), olderThanMs = 60 * 60 * 1000): Promise<number> {
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const filePath = path.join(dir, name);
    const stat = await fs.promises.stat(filePath).catch(() => undefined);
    if (!stat) continue;
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    const orphaned = Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid);
    if (orphaned || Date.now() - stat.mtimeMs > olderThanMs) {
      await fs.promises.rm(filePath, { force: true });
      removed += 1;
    }
  }
  return removed;
}
