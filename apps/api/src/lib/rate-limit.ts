import { AppError } from './app-error';
import type { Tx } from './prisma';
import { getPrisma } from './prisma';

/**
 * Fixed-window counters in PostgreSQL, so every API replica counts together (no per-process
 * memory). `hit` adds one and returns the new count; `count` reads without adding.
 */
export interface Window {
  key: string;
  windowSeconds: number;
}

function windowStart(windowSeconds: number, now = Date.now()): Date {
  return new Date(Math.floor(now / (windowSeconds * 1000)) * windowSeconds * 1000);
}

export async function hitCounter(db: Tx, window: Window): Promise<number> {
  const start = windowStart(window.windowSeconds);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${window.key}, ${start}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count"`;
  return Number(rows[0]?.count ?? 0);
}

/** `hitCounter` as a statement of its own, outside any transaction (the public API's per-IP window). */
export function hitCounterAlone(window: Window): Promise<number> {
  return hitCounter(getPrisma(), window);
}

export async function readCounter(window: Window): Promise<number> {
  const start = windowStart(window.windowSeconds);
  const row = await getPrisma().rateLimitCounter.findUnique({
    where: { key_windowStart: { key: window.key, windowStart: start } },
    select: { count: true },
  });
  return row?.count ?? 0;
}

export function secondsLeft(windowSeconds: number, now = Date.now()): number {
  const end = windowStart(windowSeconds, now).getTime() + windowSeconds * 1000;
  return Math.max(1, Math.ceil((end - now) / 1000));
}

export function rateLimited(windowSeconds: number): AppError {
  const retryAfterSeconds = secondsLeft(windowSeconds);
  return new AppError('RATE_LIMITED', `ทำรายการบ่อยเกินไป กรุณาลองใหม่ในอีก ${Math.ceil(retryAfterSeconds / 60)} นาที`, {
    retryAfterSeconds,
  });
}

/** Remove windows that ended long ago (called opportunistically). */
export async function pruneCounters(olderThanSeconds = 86_400): Promise<void> {
  await getPrisma().rateLimitCounter.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - olderThanSeconds * 1000) } } });
}
