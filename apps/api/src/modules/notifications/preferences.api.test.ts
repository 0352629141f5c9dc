import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationPreferencesSchema, PLAN_NOTIFICATION_KINDS } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink';
import { createAgency, createPlan, createUser, signIn } from '../../../test/factories';
import { createMailer } from './mailer';
import { createMailWorker, digestCutoff } from './mail-worker';

/**
 * Per-kind delivery (issue 14): in the app only, an e-mail at once, or a daily digest; the digest sent
 * by the worker at the digest hour with a clock the test controls; and an editor's request to reopen
 * an accepted plan, which reaches the province's reviewers.
 */

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };
const APP_URL = 'https://prongsai.example.go.th';
let sink: SmtpSink;
let smtpUrl = '';
beforeAll(async () => {
  sink = await startSmtpSink();
  smtpUrl = sink.url;
});
afterAll(() => sink.close());

const mailTo = (address: string) => sink.mailTo(address);
const worker = (now: () => Date) =>
  createMailWorker({
    mailer: createMailer({ smtpUrl, captureDir: '/nonexistent' }),
    from: 'Prongsai <no-reply@prongsai.example.go.th>',
    appUrl: APP_URL,
    now,
  });

describe('the digest hour', () => {
  it.each([
    ['2026-03-17T06:59:00+07:00', '2026-03-16T07:00:00+07:00', '2026-03-16'],
    ['2026-03-17T07:00:00+07:00', '2026-03-17T07:00:00+07:00', '2026-03-17'],
    ['2026-03-17T01:30:00+07:00', '2026-03-16T07:00:00+07:00', '2026-03-16'],
    ['2026-03-17T00:30:00Z', '2026-03-17T07:00:00+07:00', '2026-03-17'],
    ['2026-03-16T23:30:00Z', '2026-03-16T07:00:00+07:00', '2026-03-16'],
  ])('at %s the last digest time is %s (%s)', (now, cutoff, day) => {
    expect(digestCutoff(new Date(now), 7)).toEqual({ cutoff: new Date(cutoff), day });
  });
});

describe('GET and PUT /notifications/preferences', () => {
  it('when a reviewer chooses the app only for submissions and a digest for withdrawals, then a submit reaches the bell without an e-mail, a withdrawal waits for the digest, and the digest goes once at the digest hour', async () => {
    // Arrange
    const agency = await createAgency({ provinceId: 88 });
    const editorUser = await createUser('agency_editor', { agencyId: agency.id });
    const reviewerUser = await createUser('provincial_reviewer', { provinceId: 88 });
    const otherReviewer = await createUser('provincial_reviewer', { provinceId: 88 });
    const plan = await createPlan(agency.id, 2569, 'draft', 1);
    const reviewer = await signIn(app, reviewerUser);
    const editor = await signIn(app, editorUser);

    // Act
    const defaults = await reviewer.get('/api/v1/notifications/preferences');
    const saved = await reviewer
      .put('/api/v1/notifications/preferences')
      .set(csrf)
      .send({
        items: [
          { kind: 'plan_submitted', delivery: 'app' },
          { kind: 'plan_withdrawn', delivery: 'digest' },
        ],
      });
    await editor.post(`/api/v1/plans/${plan.id}/submit`).set(csrf).send({ version: 1 });
    await editor.post(`/api/v1/plans/${plan.id}/withdraw`).set(csrf).send({ version: 2 });
    const bell = await reviewer.get('/api/v1/notifications');
    const rows = await getPrisma().notification.findMany({
      where: { userId: reviewerUser.id },
      include: { email: true },
      orderBy: { createdAt: 'asc' },
    });
    // Now: nothing of the digest yet (its hour has not come since the withdrawal)
    // (other test files' pending e-mails are put off: this test is about its own plan)
    await getPrisma().notificationEmail.updateMany({
      where: { status: 'pending', notification: { OR: [{ planId: { not: plan.id } }, { planId: null }] } },
      data: { nextAttemptAt: new Date(Date.now() + 30 * 86_400_000) },
    });
    await worker(() => new Date()).drain();
    const beforeDigest = mailTo(reviewerUser.email).length;
    // Tomorrow at or after the digest hour: the digest goes, once
    const tomorrow = () => new Date(Date.now() + 86_400_000);
    await worker(tomorrow).drain();
    await worker(tomorrow).drain();

    // Assert
    expect(NotificationPreferencesSchema.parse(defaults.body).items).toEqual(
      PLAN_NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: 'email' })),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.items).toContainEqual({ kind: 'plan_submitted', delivery: 'app' });
    expect(saved.body.items).toContainEqual({ kind: 'plan_withdrawn', delivery: 'digest' });
    expect(saved.body.items).toContainEqual({ kind: 'plan_returned', delivery: 'email' });
    expect(bell.body.items.map((n: { kind: string }) => n.kind)).toEqual(['plan_withdrawn', 'plan_submitted']);
    expect(rows.map((row) => [row.kind, row.email?.status ?? null])).toEqual([
      ['plan_submitted', null],
      ['plan_withdrawn', 'digest'],
    ]);
    const withdrawn = rows[1]!.id;
    expect(await getPrisma().notificationEmail.findUniqueOrThrow({ where: { notificationId: withdrawn } })).toMatchObject({
      status: 'sent',
    });
    expect(beforeDigest).toBe(0);
    const mails = mailTo(reviewerUser.email);
    expect(mails).toHaveLength(1);
    const { day } = digestCutoff(tomorrow(), 7);
    expect(mails[0]!.mail.subject).toBe(`[โปร่งใส] สรุปการแจ้งเตือนประจำวัน 1 รายการ (${day})`);
    expect(mails[0]!.mail.messageId).toBe(`<digest.${reviewerUser.id}.${day}@prongsai.example.go.th>`);
    expect(mails[0]!.mail.text).toContain(`${agency.nameTh} ถอนการส่งแผนปีงบประมาณ 2569`);
    expect(mails[0]!.mail.text).toContain(`${APP_URL}/agencies/${agency.id}/plans/2569`);
    // The other reviewer kept the default: both e-mails at once.
    expect(mailTo(otherReviewer.email).map((m) => m.mail.subject)).toHaveLength(2);
  });

  it('when the body names a kind twice, an unknown kind or delivery, or is empty, then 400; anonymous 401', async () => {
    const me = await signIn(app, await createUser('agency_editor', { agencyId: (await createAgency({ provinceId: 88 })).id }));
    const put = (items: unknown) => me.put('/api/v1/notifications/preferences').set(csrf).send({ items });
    const { default: request } = await import('supertest');

    expect(
      (
        await put([
          { kind: 'plan_returned', delivery: 'app' },
          { kind: 'plan_returned', delivery: 'email' },
        ])
      ).status,
    ).toBe(400);
    expect((await put([{ kind: 'plan_lost', delivery: 'app' }])).status).toBe(400);
    expect((await put([{ kind: 'plan_returned', delivery: 'sms' }])).status).toBe(400);
    expect((await put([])).status).toBe(400);
    expect((await request(app).get('/api/v1/notifications/preferences')).status).toBe(401);
  });
});

describe('POST /plans/:planId/reopen-request', () => {
  it("when an editor asks to reopen an accepted plan with a reason, then the province's reviewers are told with the reason (and a draft cannot be asked about; reviewers cannot ask)", async () => {
    // Arrange
    const agency = await createAgency({ provinceId: 89 });
    const editorUser = await createUser('agency_editor', { agencyId: agency.id });
    const reviewers = [
      await createUser('provincial_reviewer', { provinceId: 89 }),
      await createUser('provincial_reviewer', { provinceId: 89 }),
    ];
    const stranger = await createUser('provincial_reviewer', { provinceId: 90 });
    const accepted = await createPlan(agency.id, 2569, 'accepted', 1);
    const draft = await createPlan(agency.id, 2570, 'draft', 1);
    const editor = await signIn(app, editorUser);
    const reason = 'ต้องแก้ไขผู้รับผิดชอบมาตรการที่ 1 หลังปรับโครงสร้างส่วนราชการ';

    // Act
    const asked = await editor.post(`/api/v1/plans/${accepted.id}/reopen-request`).set(csrf).send({ reason });
    const onDraft = await editor.post(`/api/v1/plans/${draft.id}/reopen-request`).set(csrf).send({ reason });
    const byReviewer = await (
      await signIn(app, reviewers[0]!)
    )
      .post(`/api/v1/plans/${accepted.id}/reopen-request`)
      .set(csrf)
      .send({ reason });
    const empty = await editor.post(`/api/v1/plans/${accepted.id}/reopen-request`).set(csrf).send({ reason: '  ' });

    // Assert
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ notified: 2 });
    for (const reviewer of reviewers) {
      const rows = await getPrisma().notification.findMany({ where: { userId: reviewer.id } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'reopen_requested', planId: accepted.id });
      expect(rows[0]!.data).toMatchObject({ comment: reason, fiscalYear: 2569 });
    }
    expect(await getPrisma().notification.count({ where: { userId: stranger.id } })).toBe(0);
    expect(onDraft.status).toBe(409);
    expect(onDraft.body.error).toMatchObject({ code: 'INVALID_STATE', reason: 'planReopenRefused', params: { status: 'draft' } });
    expect(byReviewer.status).toBe(403);
    expect(empty.status).toBe(400);
    expect((await getPrisma().plan.findUniqueOrThrow({ where: { id: accepted.id } })).status).toBe('accepted');
  });
});
