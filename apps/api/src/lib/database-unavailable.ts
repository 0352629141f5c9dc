/**
 * Whether an error means "the database cannot be reached or is restarting" rather than "this
 * request is wrong": the API answers those 503 with Retry-After (http/error-handler.ts) instead of
 * a 500, and recovers by itself once the pool can connect again (test/database-outage.test.ts).
 *
 * The same outage reaches us in several wrappings — `pg`'s socket errors and server errors, Prisma's
 * driver-adapter errors and its request errors — so the check walks `cause` and `meta` as well.
 */

/** Socket-level failures of a connection attempt or of an open connection. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs of an unavailable server: class 08 (connection exception), class 57P (operator
 * intervention: shutdown, cannot connect now — "starting up", "shutting down"), 53300 (too many
 * connections).
 */
const isUnavailableSqlState = (code: string) => /^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-4]$/.test(code) || code === '53300';

/** Prisma's own codes for "cannot reach / lost the database server" and its adapter error kinds. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/** `pg` errors without a code that only a lost connection raises. */
const LOST_CONNECTION_MESSAGES = [
  'Connection terminated',
  'not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const record = error as {
    name?: unknown;
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: unknown;
  };
  if (record.name === 'PrismaClientInitializationError') return true;
  for (const code of [record.code, record.originalCode]) {
    if (typeof code !== 'string') continue;
    if (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || isUnavailableSqlState(code)) return true;
  }
  if (typeof record.kind === 'string' && ADAPTER_KINDS.has(record.kind)) return true;
  if (typeof record.message === 'string' && LOST_CONNECTION_MESSAGES.some((text) => (record.message as string).includes(text))) return true;
  return (
    isDatabaseUnavailable(record.cause, depth + 1) ||
    isDatabaseUnavailable(record.meta, depth + 1) ||
    isDatabaseUnavailable((record.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError, depth + 1)
  );
}
