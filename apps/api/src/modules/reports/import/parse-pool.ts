import os from 'node:os';
import { Piscina } from 'piscina';
import type { FieldIssueParams, ParsedReport } from '@prongsai/shared';
import { AppError } from '../../../lib/app-error';
import type { ParseJob, ParseOutcome } from './parse-job';
import { sniffFormat } from './sniff-format';

/** PDFs and images may need OCR, which runs for longer (in child processes with their own limits). */
function mayNeedOcr(job: ParseJob): boolean {
  if (job.format === 'pdf' || job.format === 'image') return true;
  if (typeof job.content === 'string') return false;
  const sniffed = sniffFormat(job.content);
  return sniffed === 'pdf' || sniffed === 'image';
}

/**
 * Every import is parsed in a worker thread, never on the event loop that answers requests: a
 * parser that is slow on some input (ADR 009) costs one worker, not the server. Each job has a time
 * limit and the worker a heap limit; the pool runs a bounded number of jobs and queues a few more.
 */
export interface ParsePoolOptions {
  /** A job still running after this long is stopped (its worker is terminated): 422. */
  timeoutMs: number;
  /** The time limit of a PDF or image job (OCR of a scan reads page after page). */
  ocrTimeoutMs: number;
  /** The heap of one worker (old generation); a job that needs more is stopped: 422. */
  memoryMb: number;
  /** Jobs running at once. */
  threads: number;
  /** Jobs waiting for a thread; past this the API answers 503 with Retry-After. */
  queue: number;
  /** The worker module (a file URL); the parsers' own entry unless a test gives another. */
  workerFile?: string;
}

export const DEFAULT_PARSE_POOL_OPTIONS: ParsePoolOptions = {
  timeoutMs: 10_000,
  ocrTimeoutMs: 180_000,
  memoryMb: 256,
  // Keep one core for the event loop on small machines.
  threads: Math.max(1, Math.min(2, os.availableParallelism() - 1)),
  queue: 8,
};

let options = DEFAULT_PARSE_POOL_OPTIONS;
let pool: Piscina<ParseJob, ParseOutcome> | undefined;
/** Jobs accepted and not yet finished (running or waiting). Counted here: piscina's own maxQueue is not enforced for tasks that carry an AbortSignal. */
let pending = 0;

/** The bundled worker beside the bundle (dist/parse-worker.js), or the source entry under tsx/Vitest. */
function workerFile(): string {
  const here = import.meta.url;
  const file = here.endsWith('.ts') ? new URL('./parse-worker-source.mjs', here) : new URL('./parse-worker.js', here);
  return file.href;
}

/** Settings for the pool (main.ts passes the environment's); a running pool is replaced. */
export function configureParsePool(next: Partial<ParsePoolOptions>): void {
  options = { ...DEFAULT_PARSE_POOL_OPTIONS, ...next };
  void closeParsePool();
}

function getPool(): Piscina<ParseJob, ParseOutcome> {
  pool ??= new Piscina<ParseJob, ParseOutcome>({
    filename: options.workerFile ?? workerFile(),
    name: 'default',
    minThreads: 0,
    maxThreads: options.threads,
    // A worker is kept for a minute after its last job, then ends (an idle server holds no threads).
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  });
  return pool;
}

const REFUSAL_REASON = { timeout: 'importTimeout', memory: 'importMemory', crashed: 'importCrashed' } as const;

const refused = (reason: 'timeout' | 'memory' | 'crashed', message: string, params: FieldIssueParams = {}) =>
  new AppError('IMPORT_UNPARSABLE', message, {
    reason: REFUSAL_REASON[reason],
    params,
    issues: [{ path: 'body.content', message, code: reason, params }],
  });

/**
 * Parse an upload in the pool. Throws IMPORT_UNPARSABLE (422) naming the reason when the parser
 * gives up (time or memory), SERVICE_UNAVAILABLE (503) when the pool and its queue are full.
 */
export async function parseInWorker(job: ParseJob): Promise<ParsedReport> {
  const { memoryMb, threads, queue } = options;
  const timeoutMs = mayNeedOcr(job) ? options.ocrTimeoutMs : options.timeoutMs;
  if (pending >= threads + queue) {
    throw new AppError('SERVICE_UNAVAILABLE', 'มีการนำเข้ารายงานจำนวนมากในขณะนี้ กรุณาลองใหม่อีกครั้ง (too many imports right now)', {
      retryAfterSeconds: 5,
    });
  }
  pending++;
  let outcome: ParseOutcome;
  try {
    // The job is copied to the worker (structured clone); the caller's buffer stays the caller's.
    outcome = await getPool().run(job, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const { name, message, code } = error as NodeJS.ErrnoException;
    if (name === 'AbortError') {
      throw refused(
        'timeout',
        `อ่านไฟล์ไม่สำเร็จภายใน ${timeoutMs / 1000} วินาที: ไฟล์ซับซ้อนหรือใหญ่เกินไป (reading took longer than ${timeoutMs / 1000} s)`,
        { seconds: timeoutMs / 1000 },
      );
    }
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw refused('memory', `อ่านไฟล์นี้ต้องใช้หน่วยความจำเกิน ${memoryMb} MB: ไฟล์ใหญ่เกินไป (reading needs more than ${memoryMb} MB)`, {
        megabytes: memoryMb,
      });
    }
    throw refused('crashed', `อ่านไฟล์ไม่ได้ (the parser stopped: ${message})`);
  } finally {
    pending--;
  }
  if ('refusal' in outcome) throw new AppError(outcome.refusal.code, outcome.refusal.message, outcome.refusal.details);
  return outcome.report;
}

/** Stops the workers (shutdown, the CLI, tests). */
export async function closeParsePool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.close({ force: true });
}
