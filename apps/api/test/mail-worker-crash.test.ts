import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootDb } from '../src/lib/db';
import { getPrisma } from '../src/lib/prisma';
import { insertPlanEvent } from '../src/modules/notifications/notifications.queries';
import { ensureBuiltApi } from './built-api';
import { createAgency, createPlan, createUser } from './factories';
import { usePrivateDatabase, type PrivateDatabase } from './private-database';

/**
 * The e-mail worker killed for real (ADR 010, issue 14): the BUILT worker (`node apps/api/dist/worker.js`,
 * what `pnpm worker` runs) is a child process sending to a real SMTP server on loopback (this test's
 * smtp-server, which counts messages per Message-ID). It is killed with SIGKILL in the middle of a
 * batch — while the server holds a message unanswered — then started again; every notification must
 * arrive exactly once. (The narrower window, after the server's 250 and before the sent marker commits,
 * is the in-process test in notifications.api.test.ts: there the resend carries the same Message-ID.)
 */

const APP_URL = 'https://prongsai.example.go.th';
const RECIPIENTS = 30;
const KILL_AT = 6; // the 6th message of the first batch (20 claimed) is held; the worker dies with it
const WORKER = path.join(path.dirname(ensureBuiltApi()), 'worker.js');

/** Accepted messages by Message-ID (a message counts once the server answered 250). */
const accepted = new Map<string, number>();
let arrived = 0;
let onHeld: (() => void) | undefined;

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream).then(
      (mail) => {
        arrived += 1;
        if (arrived === KILL_AT && onHeld) {
          // Never answered: the sender dies waiting for the 250, so this copy is not delivered.
          onHeld();
          return;
        }
        accepted.set(mail.messageId ?? '', (accepted.get(mail.messageId ?? '') ?? 0) + 1);
        callback();
      },
      (error: Error) => callback(error),
    );
  },
});

let database: PrivateDatabase;
let smtpUrl = '';
const workers: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, [WORKER], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      SMTP_URL: smtpUrl,
      APP_URL,
      MAIL_POLL_SECONDS: '0.2',
      MAIL_LEASE_SECONDS: '2',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  workers.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

async function emailStatuses(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const rows = await client.query<{ status: string; claimed: boolean; count: number }>(
      `SELECT status, ("lockedUntil" IS NOT NULL) AS claimed, count(*)::int AS count FROM "NotificationEmail" GROUP BY 1, 2`,
    );
    return Object.fromEntries(rows.rows.map((r) => [`${r.status}${r.claimed ? '+claimed' : ''}`, r.count]));
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await usePrivateDatabase('mailcrash');
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  for (const child of workers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(workers.map(exited));
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database?.drop();
});

describe('the e-mail worker process killed in the middle of a batch', () => {
  it('when `node dist/worker.js` is SIGKILLed while sending and started again, then every notification is delivered exactly once, each with its own stable Message-ID', async () => {
    // Arrange: one event with 30 recipients → 30 e-mails in the outbox
    const agency = await createAgency({ provinceId: 83 });
    for (let index = 0; index < RECIPIENTS; index++) await createUser('agency_editor', { agencyId: agency.id });
    const plan = await createPlan(agency.id, 2569, 'accepted', 1);
    const queued = await insertPlanEvent(rootDb(), {
      kind: 'plan_accepted',
      audience: 'agency_editors',
      planId: plan.id,
      actorUserId: null,
      actorName: 'ผู้ตรวจสอบ',
      comment: null,
    });
    const ids = (await getPrisma().notification.findMany({ where: { planId: plan.id }, select: { id: true } })).map((n) => n.id);
    const held = new Promise<void>((resolve) => (onHeld = resolve));

    // Act: the first worker takes a batch and dies on its 6th message
    const first = startWorker();
    await held;
    first.kill('SIGKILL');
    await exited(first);
    const atCrash = await emailStatuses();
    const deliveredBeforeRestart = [...accepted.values()].reduce((sum, n) => sum + n, 0);
    // …and a new worker starts
    startWorker();
    await expect.poll(async () => (await emailStatuses()).sent ?? 0, { timeout: 30_000, interval: 200 }).toBe(RECIPIENTS);

    // Assert: killed mid-batch (some sent, the rest of the batch claimed and unsent)…
    expect(queued).toBe(RECIPIENTS);
    expect(first.signalCode).toBe('SIGKILL');
    expect(deliveredBeforeRestart).toBe(KILL_AT - 1);
    expect(atCrash.sent).toBe(KILL_AT - 1);
    expect(atCrash['pending+claimed']).toBe(20 - (KILL_AT - 1));
    // …then each notification arrived once, under its own Message-ID
    expect(new Set(accepted.keys())).toEqual(new Set(ids.map((id) => `<notification.${id}@prongsai.example.go.th>`)));
    expect([...accepted.values()].every((count) => count === 1)).toBe(true);
    expect(await emailStatuses()).toEqual({ sent: RECIPIENTS });
  }, 90_000);
});
