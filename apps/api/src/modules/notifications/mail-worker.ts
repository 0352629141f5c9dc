import { logger } from '../../lib/logger';
import type { Mailer } from './mailer';
import { notificationEmail } from './notification-email';
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
}

/** 1 min, 5 min, 30 min, 2 h, 6 h … */
export const DEFAULT_BACKOFF = (attempt: number) => [60, 300, 1800, 7200][attempt - 1] ?? 21_600;

export interface MailWorker {
  /** Send every due e-mail now (batch after batch); resolves with how many were sent. */
  drain(): Promise<number>;
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

  async function drainAll(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await queries.claimEmails(batchSize, leaseSeconds);
      for (const email of batch) if (await deliver(email)) sent += 1;
      if (batch.length < batchSize) return sent;
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
      drain()
        .catch((error: unknown) => logger.error({ err: error }, 'e-mail worker: drain failed'))
        .finally(schedule);
    }, pollMs);
    timer.unref();
  }

  return {
    drain,
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
