import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationListResponseSchema } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink';
import { createAgency, createPlan, createUser, signIn } from '../../../test/factories';
import { createMailer } from './mailer';
import { createMailWorker, type MailWorker } from './mail-worker';

/**
 * Notifications end to end: plan events write notification rows and outbox e-mails in their own
 * transaction; the worker sends them through a real SMTP server (smtp-server, over TCP on loopback),
 * parsed back with mailparser.
 */

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };
const APP_URL = 'https://prongsai.example.go.th';
const FY = 2569;

let sink: SmtpSink;
let smtpUrl = '';
beforeAll(async () => {
  sink = await startSmtpSink();
  smtpUrl = sink.url;
});
afterAll(() => sink.close());

function worker(options: Partial<Parameters<typeof createMailWorker>[0]> = {}): MailWorker {
  return createMailWorker({
    mailer: createMailer({ smtpUrl, captureDir: '/nonexistent' }),
    from: 'Prongsai <no-reply@prongsai.example.go.th>',
    appUrl: APP_URL,
    ...options,
  });
}

/**
 * Drain after putting off every pending e-mail of other plans: the shared test database holds the
 * notifications of every test file running in parallel (a submit in a busy province reaches hundreds of
 * test reviewers), and this file's assertions are about its own plan.
 */
async function drainFor(planId: string, options: Partial<Parameters<typeof createMailWorker>[0]> = {}): Promise<number> {
  await getPrisma().notificationEmail.updateMany({
    where: { status: 'pending', notification: { OR: [{ planId: { not: planId } }, { planId: null }] } },
    data: { nextAttemptAt: new Date(Date.now() + 3600_000) },
  });
  return worker(options).drain();
}

const mailTo = (address: string) => sink.mailTo(address);
const notificationsOf = (userId: string) => getPrisma().notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });

/** Two agencies in province 81, one in province 82; editors of each, reviewers of each province. */
async function world() {
  const agency = await createAgency({ provinceId: 81, nameTh: 'องค์การบริหารส่วนตำบลแจ้งเตือน' });
  const neighbour = await createAgency({ provinceId: 81 });
  const elsewhere = await createAgency({ provinceId: 82 });
  const editors = [await createUser('agency_editor', { agencyId: agency.id }), await createUser('agency_editor', { agencyId: agency.id })];
  const reviewers = [
    await createUser('provincial_reviewer', { provinceId: 81 }),
    await createUser('provincial_reviewer', { provinceId: 81 }),
  ];
  await getPrisma().user.update({ where: { id: reviewers[1]!.id }, data: { locale: 'en' } });
  const outsiders = [
    await createUser('agency_editor', { agencyId: neighbour.id }),
    await createUser('agency_editor', { agencyId: elsewhere.id }),
    await createUser('provincial_reviewer', { provinceId: 82 }),
  ];
  const plan = await createPlan(agency.id, FY, 'draft', 2);
  return { agency, editors, reviewers, outsiders, plan };
}

describe('plan events → notifications and e-mails', () => {
  it("when an editor submits a plan, then each of the province's reviewers gets one notification and one e-mail (Thai or English by locale) with a link and a stable Message-ID, and nobody else does", async () => {
    // Arrange
    const { agency, editors, reviewers, outsiders, plan } = await world();
    const editor = await signIn(app, editors[0]!);

    // Act
    const submitted = await editor.post(`/api/v1/plans/${plan.id}/submit`).set(csrf).send({ version: 1 });
    const sent = await drainFor(plan.id);

    // Assert: rows, committed with the change
    expect(submitted.status).toBe(200);
    expect(sent).toBeGreaterThanOrEqual(2);
    for (const reviewer of reviewers) {
      const rows = await notificationsOf(reviewer.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'plan_submitted', planId: plan.id, agencyId: agency.id, readAt: null });
      expect(rows[0]!.data).toMatchObject({ fiscalYear: FY, agencyNameTh: agency.nameTh, actorName: editors[0]!.name });
    }
    for (const other of [...editors, ...outsiders]) expect(await notificationsOf(other.id)).toHaveLength(0);
    // …and e-mails: one each, nothing to anyone else
    const link = `${APP_URL}/agencies/${agency.id}/plans/${FY}`;
    const [thai] = mailTo(reviewers[0]!.email);
    const [english] = mailTo(reviewers[1]!.email);
    expect(mailTo(reviewers[0]!.email)).toHaveLength(1);
    expect(mailTo(reviewers[1]!.email)).toHaveLength(1);
    for (const other of [...editors, ...outsiders]) expect(mailTo(other.email)).toHaveLength(0);
    const [row0] = await notificationsOf(reviewers[0]!.id);
    expect(thai!.mail.messageId).toBe(`<notification.${row0!.id}@prongsai.example.go.th>`);
    expect(thai!.mail.subject).toBe(`[โปร่งใส] แผนปีงบประมาณ ${FY} ของ${agency.nameTh} รอการตรวจสอบ`);
    expect(thai!.mail.text).toContain(`${agency.nameTh} ส่งแผนปีงบประมาณ ${FY} ให้ตรวจสอบแล้ว`);
    expect(thai!.mail.text).toContain(link);
    expect(thai!.mail.html).toContain(`href="${link}"`);
    expect(english!.mail.subject).toBe(`[Prongsai] ${agency.nameTh}: the FY${FY} plan is waiting for review`);
    expect(english!.mail.text).toContain(link);
    // A second drain finds nothing of theirs to send (the sent marker).
    await drainFor(plan.id);
    expect(mailTo(reviewers[0]!.email)).toHaveLength(1);
  });

  it("when a reviewer returns a plan with a reason and then comments, then the agency's editors get both, with the text, and the reviewer does not", async () => {
    // Arrange
    const { editors, reviewers, outsiders, plan } = await world();
    await getPrisma().plan.update({ where: { id: plan.id }, data: { status: 'submitted' } });
    const reviewer = await signIn(app, reviewers[0]!);

    // Act
    const returned = await reviewer.post(`/api/v1/plans/${plan.id}/return`).set(csrf).send({ version: 1, reason: 'กรุณาเพิ่มตัวชี้วัด O11' });
    const commented = await reviewer.post(`/api/v1/plans/${plan.id}/comments`).set(csrf).send({ body: 'มาตรการที่ ๒ ยังไม่มีผู้รับผิดชอบ' });
    await drainFor(plan.id);

    // Assert
    expect(returned.status).toBe(200);
    expect(commented.status).toBe(201);
    for (const editor of editors) {
      const rows = await notificationsOf(editor.id);
      expect(rows.map((row) => row.kind).sort()).toEqual(['plan_returned', 'review_comment']);
      const mails = mailTo(editor.email);
      expect(mails).toHaveLength(2);
      const returnMail = mails.find((m) => m.mail.subject?.includes('ส่งกลับให้แก้ไข'))!;
      expect(returnMail.mail.text).toContain('ความเห็น: กรุณาเพิ่มตัวชี้วัด O11');
      expect(mails.find((m) => m.mail.subject?.startsWith('[โปร่งใส] ความเห็นใหม่'))!.mail.text).toContain('มาตรการที่ ๒ ยังไม่มีผู้รับผิดชอบ');
    }
    for (const other of [...reviewers, ...outsiders]) {
      expect(await notificationsOf(other.id)).toHaveLength(0);
      expect(mailTo(other.email)).toHaveLength(0);
    }
  });

  it("when an editor withdraws a submitted plan, then the province's reviewers get a plan_withdrawn notification and e-mail (Thai or English), and the editors do not", async () => {
    // Arrange
    const { agency, editors, reviewers, outsiders, plan } = await world();
    await getPrisma().plan.update({ where: { id: plan.id }, data: { status: 'submitted' } });
    const editor = await signIn(app, editors[0]!);

    // Act
    const withdrawn = await editor.post(`/api/v1/plans/${plan.id}/withdraw`).set(csrf).send({ version: 1 });
    await drainFor(plan.id);

    // Assert
    expect(withdrawn.status).toBe(200);
    for (const reviewer of reviewers) {
      expect((await notificationsOf(reviewer.id)).map((row) => row.kind)).toEqual(['plan_withdrawn']);
      expect(mailTo(reviewer.email)).toHaveLength(1);
    }
    expect(mailTo(reviewers[0]!.email)[0]!.mail.subject).toBe(`[โปร่งใส] ${agency.nameTh} ถอนแผนปีงบประมาณ ${FY} กลับไปแก้ไข`);
    expect(mailTo(reviewers[1]!.email)[0]!.mail.subject).toBe(`[Prongsai] ${agency.nameTh} withdrew its FY${FY} plan`);
    for (const other of [...editors, ...outsiders]) {
      expect(await notificationsOf(other.id)).toHaveLength(0);
      expect(mailTo(other.email)).toHaveLength(0);
    }
  });

  it('when the transition fails (a stale version), then no notification is written (same transaction)', async () => {
    const { editors, reviewers, plan } = await world();
    const editor = await signIn(app, editors[0]!);

    const response = await editor.post(`/api/v1/plans/${plan.id}/submit`).set(csrf).send({ version: 7 });

    expect(response.status).toBe(409);
    expect(await notificationsOf(reviewers[0]!.id)).toHaveLength(0);
  });
});

describe('e-mail delivery', () => {
  it('when the SMTP server answers 451, then the e-mail is kept with back-off and sent once on a later attempt', async () => {
    // Arrange
    const { editors, reviewers, plan } = await world();
    await (await signIn(app, editors[0]!)).post(`/api/v1/plans/${plan.id}/submit`).set(csrf).send({ version: 1 });
    const [row] = await notificationsOf(reviewers[0]!.id);
    const onlyMine = async () => {
      // Other notifications stay due; take this test's reviewer's e-mail first by delaying the rest.
      await getPrisma().notificationEmail.updateMany({
        where: { status: 'pending', notificationId: { not: row!.id } },
        data: { nextAttemptAt: new Date(Date.now() + 3600_000) },
      });
    };
    await onlyMine();
    sink.rejectNext(1);

    // Act: the first attempt fails…
    await worker({ backoffSeconds: () => 600 }).drain();
    const afterFailure = await getPrisma().notificationEmail.findUniqueOrThrow({ where: { notificationId: row!.id } });
    // …time passes, the next attempt is due
    await getPrisma().notificationEmail.update({
      where: { notificationId: row!.id },
      data: { nextAttemptAt: new Date(Date.now() - 1000) },
    });
    await worker().drain();

    // Assert
    expect(afterFailure).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
    expect(afterFailure.lastError).toContain('451');
    expect(afterFailure.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 500_000);
    expect(mailTo(reviewers[0]!.email)).toHaveLength(1);
    expect(await getPrisma().notificationEmail.findUniqueOrThrow({ where: { notificationId: row!.id } })).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
  });

  it('when a worker dies in the middle of a batch (after the server accepted one message, before recording it), then a restarted worker delivers every notification, the resend carrying the same Message-ID, and nothing recorded as sent goes out again', async () => {
    // Arrange: three editors of one agency, one event → three e-mails
    const { agency, editors, plan } = await world();
    const third = await createUser('agency_editor', { agencyId: agency.id });
    await getPrisma().plan.update({ where: { id: plan.id }, data: { status: 'submitted' } });
    const reviewer = await createUser('provincial_reviewer', { provinceId: 81 });
    await (await signIn(app, reviewer)).post(`/api/v1/plans/${plan.id}/accept`).set(csrf).send({ version: 1 });
    const mine = [...editors, third];
    const ids = (await getPrisma().notification.findMany({ where: { planId: plan.id }, select: { id: true } })).map((n) => n.id);
    expect(ids).toHaveLength(3);
    await getPrisma().notificationEmail.updateMany({
      where: { status: 'pending', notificationId: { notIn: ids } },
      data: { nextAttemptAt: new Date(Date.now() + 3600_000) },
    });

    // Act: the first worker records its first message, then "dies" right after the server accepts the second.
    let accepted = 0;
    const dying = worker({
      leaseSeconds: 1,
      afterSend: async () => {
        accepted += 1;
        if (accepted === 2) await new Promise(() => undefined); // never returns: the process is gone
      },
    });
    void dying.drain();
    await expect.poll(() => accepted, { timeout: 10_000 }).toBe(2);
    const beforeRestart = await getPrisma().notificationEmail.findMany({ where: { notificationId: { in: ids } } });
    await new Promise((resolve) => setTimeout(resolve, 1200)); // the lease ends
    await worker().drain();

    // Assert: one sent before the crash, none left pending, the third never sent twice
    expect(beforeRestart.filter((row) => row.status === 'sent')).toHaveLength(1);
    const after = await getPrisma().notificationEmail.findMany({ where: { notificationId: { in: ids } } });
    expect(after.every((row) => row.status === 'sent')).toBe(true);
    const messages = mine.flatMap((editor) => mailTo(editor.email));
    const messageIds = messages.map((m) => m.mail.messageId);
    // Exactly one notification was in the crash window: it went out twice as the same message.
    expect(messages).toHaveLength(4);
    expect(new Set(messageIds)).toEqual(new Set(ids.map((id) => `<notification.${id}@prongsai.example.go.th>`)));
    for (const editor of mine) expect(new Set(mailTo(editor.email).map((m) => m.mail.messageId)).size).toBe(1);
  });
});

describe('GET /notifications and POST /notifications/read', () => {
  it("when a user lists and marks notifications, then they see only their own, newest first, and another user's ids are ignored", async () => {
    // Arrange: two submits → each reviewer has two notifications
    const { agency, editors, reviewers, plan } = await world();
    const second = await createPlan(agency.id, FY + 1, 'draft', 1);
    const editor = await signIn(app, editors[0]!);
    await editor.post(`/api/v1/plans/${plan.id}/submit`).set(csrf).send({ version: 1 });
    await editor.post(`/api/v1/plans/${second.id}/submit`).set(csrf).send({ version: 1 });
    const me = await signIn(app, reviewers[0]!);
    const other = await signIn(app, reviewers[1]!);
    const othersRows = await notificationsOf(reviewers[1]!.id);

    // Act
    const list = await me.get('/api/v1/notifications?pageSize=1');
    const markOthers = await me
      .post('/api/v1/notifications/read')
      .set(csrf)
      .send({ ids: othersRows.map((row) => row.id) });
    const markMine = await me
      .post('/api/v1/notifications/read')
      .set(csrf)
      .send({ ids: [list.body.items[0].id] });
    const afterOne = await me.get('/api/v1/notifications?unread=true');
    const markAll = await me.post('/api/v1/notifications/read').set(csrf).send({ all: true });
    const othersAfter = await other.get('/api/v1/notifications');

    // Assert
    expect(list.status).toBe(200);
    const page = NotificationListResponseSchema.parse(list.body);
    expect(page).toMatchObject({ total: 2, unreadCount: 2, page: 1, pageSize: 1 });
    expect(page.items[0]).toMatchObject({ planId: second.id, kind: 'plan_submitted', data: { fiscalYear: FY + 1 } });
    expect(markOthers.body).toEqual({ marked: 0, unreadCount: 2 });
    expect(markMine.body).toEqual({ marked: 1, unreadCount: 1 });
    expect(afterOne.body.items.map((n: { planId: string }) => n.planId)).toEqual([plan.id]);
    expect(markAll.body).toEqual({ marked: 1, unreadCount: 0 });
    expect(othersAfter.body).toMatchObject({ total: 2, unreadCount: 2 });
  });

  it('when the request is anonymous or malformed, then 401 / 400', async () => {
    const { reviewers } = await world();
    const me = await signIn(app, reviewers[0]!);
    const { default: request } = await import('supertest');

    expect((await request(app).get('/api/v1/notifications')).status).toBe(401);
    expect(
      (
        await me
          .post('/api/v1/notifications/read')
          .set(csrf)
          .send({ ids: ['not-a-uuid'] })
      ).status,
    ).toBe(400);
    expect((await me.post('/api/v1/notifications/read').set(csrf).send({ all: false })).status).toBe(400);
    expect((await me.get('/api/v1/notifications?pageSize=0')).status).toBe(400);
  });
});

describe('GET /review/waiting', () => {
  it("when plans are submitted in two provinces over two years, then a reviewer's queue holds only their province's, oldest submission first", async () => {
    // Arrange
    const { agency, reviewers } = await world();
    const elsewhere = await createAgency({ provinceId: 82 });
    const older = await createPlan(agency.id, 2567, 'submitted', 1);
    const newer = await createPlan(agency.id, 2568, 'submitted', 1);
    const foreign = await createPlan(elsewhere.id, 2568, 'submitted', 1);
    await getPrisma().plan.update({ where: { id: older.id }, data: { submittedAt: new Date('2026-01-01T00:00:00Z') } });
    await getPrisma().plan.update({ where: { id: newer.id }, data: { submittedAt: new Date('2026-02-01T00:00:00Z') } });
    await getPrisma().plan.update({ where: { id: foreign.id }, data: { submittedAt: new Date('2025-01-01T00:00:00Z') } });
    const reviewer = await signIn(app, reviewers[0]!);

    // Act
    const response = await reviewer.get('/api/v1/review/waiting');

    // Assert
    expect(response.status).toBe(200);
    const ids = response.body.items.map((item: { planId: string }) => item.planId);
    expect(ids).not.toContain(foreign.id);
    expect(ids.indexOf(older.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(response.body.total).toBe(ids.length);
    expect(response.body.items.find((item: { planId: string }) => item.planId === older.id)).toMatchObject({
      agencyNameTh: agency.nameTh,
      fiscalYear: 2567,
      submittedAt: '2026-01-01T00:00:00.000Z',
    });
  });
});
