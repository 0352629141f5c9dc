import type { RequestHandler } from 'express';
import { logger } from '../lib/logger';
import { hitCounterAlone, pruneCounters, rateLimited } from '../lib/rate-limit';

const WINDOW_SECONDS = 60;
/** Roughly one hit in this many also deletes day-old windows, so the counter table stays small. */
const PRUNE_EVERY = 1000;

/**
 * The public API's per-IP fixed window (default 300 requests a minute), counted in PostgreSQL so
 * that every replica counts together; over the limit is a 429 with Retry-After. The counter table
 * is UNLOGGED (cheap writes; a crash resets the counts, which is harmless).
 */
export function publicRateLimit(perMinute: number): RequestHandler {
  return async (req, res, next) => {
    const count = await hitCounterAlone({ key: `public:ip:${req.ip ?? 'unknown'}`, windowSeconds: WINDOW_SECONDS });
    if (Math.random() * PRUNE_EVERY < 1)
      pruneCounters().catch((error: unknown) => logger.warn({ err: error }, 'pruning rate-limit counters failed'));
    res.setHeader('RateLimit-Limit', String(perMinute));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, perMinute - count)));
    if (count > perMinute) throw rateLimited(WINDOW_SECONDS);
    next();
  };
}
