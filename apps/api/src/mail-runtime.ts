import path from 'node:path';
import type { Env } from './config/env';
import { logger } from './lib/logger';
import { runDeadlineReminders } from './modules/calendar/calendar.service';
import { createMailer } from './modules/notifications/mailer';
import { createMailWorker, type MailWorker } from './modules/notifications/mail-worker';

// Composition, not a module: the notifications module's worker given the calendar's job (so neither
// module imports the other).

/** The e-mail worker as configured by the environment (SMTP_URL, MAIL_FROM, APP_URL, …), started. */
export function startMailWorker(env: Env, repoRoot: string): MailWorker {
  const mailer = createMailer({ smtpUrl: env.SMTP_URL, captureDir: env.MAIL_CAPTURE_DIR ?? path.join(repoRoot, '.data', 'mail') });
  const worker = createMailWorker({
    mailer,
    from: env.MAIL_FROM,
    appUrl: env.APP_URL,
    pollMs: env.MAIL_POLL_SECONDS * 1000,
    leaseSeconds: env.MAIL_LEASE_SECONDS,
    digestHour: env.DIGEST_HOUR,
    // Idempotent (one reminder per agency, deadline and year): any number of workers may run it.
    jobs: [{ name: 'deadline-reminders', everyMs: env.REMINDER_CHECK_MINUTES * 60_000, run: runDeadlineReminders }],
  });
  worker.start();
  logger.info(
    { mail: env.SMTP_URL ? 'smtp' : 'captured to files', target: mailer.target },
    env.SMTP_URL ? 'e-mail worker started' : `e-mail worker started: no SMTP_URL, e-mails are written to ${mailer.target}`,
  );
  return worker;
}
