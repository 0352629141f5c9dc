import { logger } from '../../lib/logger';
import type { Mailer } from './mailer';
import { todayInBangkok } from '@prongsai/shared';
import { digestEmail, notificationEmail } from './notification-email';
import * as queries from './notifications.queries';

/**
 * The e-mail worker (ADR 010): drains the outbox that events fill inside their transactions. Several
 * workers (API replicas, `pnpm worker`) can run at once: a claim takes rows with SKIP LOCKED for a lease.
 * A message is marked sent right after the SMTP server accepts it; a worker that dies between the two
 * leaves the row to be claimed again when its lease ends, and the resend carries the same Message-ID.
 * A failed attempt is retried with back-off, and given up (status `failed`) after `maxAttempts`.
 */
export interface MailWorkerOptions {
  mailer: Mailer;
  from: string;
  appUrl: string;
  pollMs?: number;
  batchSize?: number;
  leaseSeconds?: number;
  maxAttempts?: number;
  /** Seconds to wait before attempt `attempt + 1` after attempt `attempt` failed. */
  backoffSeconds?: (attempt: number) => number;
  /** Tests only: runs after the server accepted a message and before it is marked sent. */
  afterSend?: (notificationId: string) => Promise<void>;
  /** The clock (tests pass their own): when digests are due, and what the scheduled jobs see as now. */
  now?: () => Date;
  /** The hour (Bangkok, 0–23) of the daily digest: it holds what was written before that hour. */
  digestHour?: number;
  /** Scheduled jobs (deadline reminders): each runs on a poll at most every `everyMs`, with the clock's now. */
  jobs?: ScheduledJob[];
}

/** A job the worker runs on schedule; it must be idempotent (several workers may run it). */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(now: Date): Promise<unknown>;
}

const BANGKOK_OFFSET_HOURS = 7; // no daylight saving

/** The latest digest time (`hour` o'clock in Bangkok) at or before `now`, and its Bangkok date. */
export function digestCutoff(now: Date, hour: number): { cutoff: Date; day: string } {
  const today = todayInBangkok(now);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  let cutoff = new Date(Date.UTC(y, m - 1, d, hour - BANGKOK_OFFSET_HOURS));
  if (cutoff > now) cutoff = new Date(cutoff.getTime() - 86_400_000);
  return { cutoff, day: todayInBangkok(new Date(cutoff.getTime())) };
}

/** 1 min, 5 min, 30 min, 2 h, 6 h … */
export const DEFAULT_BACKOFF = (attempt: number) => [60, 300, 1800, 7200][attempt - 1] ?? 21_600;

export interface MailWorker {
  /** Send every due e-mail now (batch after batch), then the due digests; resolves with how many were sent. */
  drain(): Promise<number>;
  /** Run the scheduled jobs that are due now (all of them when `force`). */
  runJobs(force?: boolean): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

export function createMailWorker(options: MailWorkerOptions): MailWorker {
  const { mailer, from, appUrl } = options;
  const pollMs = options.pollMs ?? 5000;
  const batchSize = options.batchSize ?? 20;
  const leaseSeconds = options.leaseSeconds ?? 120;
  const maxAttempts = options.maxAttempts ?? 6;
  const backoff = options.backoffSeconds ?? DEFAULT_BACKOFF;
  const now = options.now ?? (() => new Date());
  const digestHour = options.digestHour ?? 7;
  const jobs = options.jobs ?? [];
  const lastRun = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;

  async function deliver(email: queries.ClaimedEmail): Promise<boolean> {
    if (!email.isActive) {
      await queries.markEmailSent(email.id, 'skipped');
      return false;
    }
    const content = notificationEmail({ ...email, recipientName: email.name }, appUrl);
    try {
      await mailer.send({
        from,
        to: { name: email.name, address: email.email },
        subject: content.subject,
        text: content.text,
        html: content.html,
        messageId: content.messageId,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Prongsai-Notification': email.id },
      });
    } catch (error) {
      const giveUp = email.attempts >= maxAttempts;
      logger.warn({ err: error, notificationId: email.id, attempt: email.attempts, giveUp }, 'notification e-mail not sent');
      await queries.markEmailFailed(email.id, (error as Error).message ?? String(error), giveUp ? null : backoff(email.attempts));
      return false;
    }
    await options.afterSend?.(email.id);
    await queries.markEmailSent(email.id);
    return true;
  }

  /** One digest per user of everything they chose to get daily, written before the last digest time. */
  async function sendDigests(): Promise<number> {
    const { cutoff, day } = digestCutoff(now(), digestHour);
    let sent = 0;
    for (;;) {
      const items = await queries.claimDigestItems(cutoff, batchSize, leaseSeconds);
      const byUser = new Map<string, queries.DigestItem[]>();
      for (const item of items) byUser.set(item.userId, [...(byUser.get(item.userId) ?? []), item]);
      for (const [userId, mine] of byUser) {
        const ids = mine.map((item) => item.id);
        const first = mine[0]!;
        if (!first.isActive) {
          await queries.markDigestSent(ids);
          continue;
        }
        const sorted = [...mine].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
        const content = digestEmail({ userId, locale: first.locale, recipientName: first.name, day, items: sorted }, appUrl);
        try {
          await mailer.send({
            from,
            to: { name: first.name, address: first.email },
            subject: content.subject,
            text: content.text,
            html: content.html,
            messageId: content.messageId,
            headers: { 'Auto-Submitted': 'auto-generated', 'X-Prongsai-Digest': day },
          });
        } catch (error) {
          logger.warn({ err: error, userId }, 'digest e-mail not sent');
          await queries.releaseDigest(ids, (error as Error).message ?? String(error));
          continue;
        }
        await queries.markDigestSent(ids);
        sent += 1;
      }
      if (byUser.size < batchSize) return sent;
    }
  }

  async function drainAll(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await queries.claimEmails(batchSize, leaseSeconds);
      for (const email of batch) if (await deliver(email)) sent += 1;
      if (batch.length < batchSize) break;
    }
    return sent + (await sendDigests());
  }

  async function runJobs(force = false): Promise<void> {
    for (const job of jobs) {
      const at = now().getTime();
      if (!force && at - (lastRun.get(job.name) ?? -Infinity) < job.everyMs) continue;
      lastRun.set(job.name, at);
      try {
        await job.run(new Date(at));
      } catch (error) {
        logger.error({ err: error, job: job.name }, 'scheduled job failed');
      }
    }
  }

  function drain(): Promise<number> {
    // One drain at a time per worker; a caller during a drain waits for it, then drains again.
    const next = (running ?? Promise.resolve(0)).catch(() => 0).then(drainAll);
    running = next;
    next
      .finally(() => {
        if (running === next) running = undefined;
      })
      .catch(() => undefined);
    return next;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      runJobs()
        .then(drain)
        .catch((error: unknown) => logger.error({ err: error }, 'e-mail worker: drain failed'))
        .finally(schedule);
    }, pollMs);
    timer.unref();
  }

  return {
    drain,
    runJobs,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
      mailer.close();
    },
  };
}
