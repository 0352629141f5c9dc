import { AppError } from './app-error';
import { clientOf, rootDb, type Db } from './db';
import { queryRow, queryRows, sql } from './sql';

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

/** A window's start as the UTC `timestamp(3)` the table stores. */
const startSql = (start: Date) => sql`(${start.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** Add one to the window's counter (on the process's client, or inside the caller's transaction). */
export async function hitCounter(db: Db, window: Window): Promise<number> {
  const row = await queryRow<{ count: number }>(
    clientOf(db),
    sql`INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${window.key}::text, ${startSql(windowStart(window.windowSeconds))}, 1)
        ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
        RETURNING "count"`,
  );
  return row?.count ?? 0;
}

export async function readCounter(window: Window): Promise<number> {
  const row = await queryRow<{ count: number }>(
    clientOf(rootDb()),
    sql`SELECT "count" FROM "RateLimitCounter" WHERE "key" = ${window.key}::text AND "windowStart" = ${startSql(windowStart(window.windowSeconds))}`,
  );
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
  await queryRows(
    clientOf(rootDb()),
    sql`DELETE FROM "RateLimitCounter" WHERE "windowStart" < ${startSql(new Date(Date.now() - olderThanSeconds * 1000))}`,
  );
}
