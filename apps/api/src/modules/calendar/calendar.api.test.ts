import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarSchema, DeadlinesResponseSchema, currentFiscalYear, todayInBangkok } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { createAgency, createPlan, createUser, signIn } from '../../../test/factories';
import { usePrivateDatabase, type PrivateDatabase } from '../../../test/private-database';
import { runDeadlineReminders } from './calendar.service';

/**
 * The ITA calendar (issue 14): admins set a year's deadlines, everyone sees what is due, reviewers see
 * which agencies have not done it, and the reminder job — run with a clock the test controls — tells the
 * late agencies' editors once. A database of its own: reminders go to every agency in the country.
 */

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };
let database: PrivateDatabase;

beforeAll(async () => {
  database = await usePrivateDatabase('calendar');
});
afterAll(async () => {
  await database?.drop();
});

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('GET and PUT /calendar/:fiscalYear', () => {
  it('when nobody set FY2569, then the documented defaults come back; an admin sets two deadlines, the third stays default, and it is audited', async () => {
    // Arrange
    const admin = await signIn(app, await createUser('national_admin'));
    const editor = await signIn(app, await createUser('agency_editor', { agencyId: (await createAgency({ provinceId: 84 })).id }));

    // Act
    const before = await editor.get('/api/v1/calendar/2569');
    const forbidden = await editor
      .put('/api/v1/calendar/2569')
      .set(csrf)
      .send({ deadlines: [{ kind: 'plan_submitted', dueOn: '2026-03-15', remindDaysBefore: 7 }] });
    const saved = await admin
      .put('/api/v1/calendar/2569')
      .set(csrf)
      .send({
        deadlines: [
          { kind: 'plan_submitted', dueOn: '2026-03-15', remindDaysBefore: 7 },
          { kind: 'plan_published', dueOn: '2026-05-15', remindDaysBefore: 10 },
        ],
      });
    const after = await editor.get('/api/v1/calendar/2569');

    // Assert
    expect(CalendarSchema.parse(before.body).deadlines).toEqual([
      { kind: 'plan_submitted', dueOn: '2026-03-31', remindDaysBefore: 14, isDefault: true },
      { kind: 'plan_published', dueOn: '2026-04-30', remindDaysBefore: 14, isDefault: true },
      { kind: 'results_reported', dueOn: '2026-09-30', remindDaysBefore: 14, isDefault: true },
    ]);
    expect(forbidden.status).toBe(403);
    expect(saved.status).toBe(200);
    expect(after.body.deadlines).toEqual([
      { kind: 'plan_submitted', dueOn: '2026-03-15', remindDaysBefore: 7, isDefault: false },
      { kind: 'plan_published', dueOn: '2026-05-15', remindDaysBefore: 10, isDefault: false },
      { kind: 'results_reported', dueOn: '2026-09-30', remindDaysBefore: 14, isDefault: true },
    ]);
    expect(await getPrisma().auditLog.count({ where: { entityType: 'calendar', entityId: '2569' } })).toBe(1);
  });

  it('when the body is wrong (a kind twice, an impossible date, negative days, a year out of range) or anonymous, then 400 / 401', async () => {
    const admin = await signIn(app, await createUser('national_admin'));
    const put = (year: string, deadlines: unknown) => admin.put(`/api/v1/calendar/${year}`).set(csrf).send({ deadlines });
    const { default: request } = await import('supertest');

    expect(
      (
        await put('2569', [
          { kind: 'plan_submitted', dueOn: '2026-03-15', remindDaysBefore: 7 },
          { kind: 'plan_submitted', dueOn: '2026-03-16', remindDaysBefore: 7 },
        ])
      ).status,
    ).toBe(400);
    expect((await put('2569', [{ kind: 'plan_submitted', dueOn: '2026-02-30', remindDaysBefore: 7 }])).status).toBe(400);
    expect((await put('2569', [{ kind: 'plan_submitted', dueOn: '2026-03-15', remindDaysBefore: -1 }])).status).toBe(400);
    expect((await put('2400', [{ kind: 'plan_submitted', dueOn: '2026-03-15', remindDaysBefore: 1 }])).status).toBe(400);
    expect((await request(app).get('/api/v1/calendar/2569')).status).toBe(401);
  });
});

describe('GET /deadlines', () => {
  it("when a deadline is near and another has passed, then the reviewer sees their province's late agencies by name and the editor sees their own agency's state", async () => {
    // Arrange: this fiscal year, submission due in 5 days, publication due yesterday
    const fiscalYear = currentFiscalYear();
    const today = todayInBangkok();
    const admin = await signIn(app, await createUser('national_admin'));
    await admin
      .put(`/api/v1/calendar/${fiscalYear}`)
      .set(csrf)
      .send({
        deadlines: [
          { kind: 'plan_submitted', dueOn: addDays(today, 5), remindDaysBefore: 14 },
          { kind: 'plan_published', dueOn: addDays(today, -1), remindDaysBefore: 14 },
          { kind: 'results_reported', dueOn: addDays(today, 60), remindDaysBefore: 14 },
        ],
      });
    const late = await createAgency({ provinceId: 85, nameTh: 'องค์การบริหารส่วนตำบลยังไม่ส่ง' });
    const onTime = await createAgency({ provinceId: 85, nameTh: 'องค์การบริหารส่วนตำบลส่งแล้ว' });
    const elsewhere = await createAgency({ provinceId: 86, nameTh: 'องค์การบริหารส่วนตำบลจังหวัดอื่น' });
    await createPlan(onTime.id, fiscalYear, 'submitted', 1);
    await createPlan(late.id, fiscalYear, 'draft', 1);
    const reviewer = await signIn(app, await createUser('provincial_reviewer', { provinceId: 85 }));
    const lateEditor = await signIn(app, await createUser('agency_editor', { agencyId: late.id }));
    const onTimeEditor = await signIn(app, await createUser('agency_editor', { agencyId: onTime.id }));

    // Act
    const forReviewer = DeadlinesResponseSchema.parse((await reviewer.get('/api/v1/deadlines')).body);
    const forLate = DeadlinesResponseSchema.parse((await lateEditor.get(`/api/v1/deadlines?fiscalYear=${fiscalYear}`)).body);
    const forOnTime = DeadlinesResponseSchema.parse((await onTimeEditor.get('/api/v1/deadlines')).body);

    // Assert
    const kind = (response: typeof forReviewer, k: string) => response.deadlines.find((d) => d.kind === k)!;
    expect(forReviewer).toMatchObject({ fiscalYear, today });
    expect(kind(forReviewer, 'plan_submitted')).toMatchObject({ agencies: 2, done: 1, state: 'near', daysLeft: 5 });
    expect(kind(forReviewer, 'plan_submitted').missing).toEqual([{ agencyId: late.id, nameTh: late.nameTh }]);
    expect(kind(forReviewer, 'plan_published')).toMatchObject({ agencies: 2, done: 0, state: 'overdue', daysLeft: -1 });
    expect(
      kind(forReviewer, 'plan_published')
        .missing.map((m) => m.agencyId)
        .sort(),
    ).toEqual([late.id, onTime.id].sort());
    expect(JSON.stringify(forReviewer)).not.toContain(elsewhere.id);
    expect(kind(forLate, 'plan_submitted')).toMatchObject({ agencies: 1, done: 0, state: 'near' });
    expect(kind(forOnTime, 'plan_submitted')).toMatchObject({ agencies: 1, done: 1, state: 'done', missing: [] });
    expect(kind(forOnTime, 'results_reported')).toMatchObject({ state: 'upcoming', daysLeft: 60 });
  });
});

describe('deadline reminders (the scheduled job, with a controlled clock)', () => {
  it('when the job runs before, inside and again inside the reminder days, then only the late agencies are reminded, once, each editor as they chose (app, e-mail, digest)', async () => {
    // Arrange: FY2569's submission is due 31 March 2026 with 14 days of reminders (from 17 March)
    const admin = await signIn(app, await createUser('national_admin'));
    await admin
      .put('/api/v1/calendar/2569')
      .set(csrf)
      .send({ deadlines: [{ kind: 'plan_submitted', dueOn: '2026-03-31', remindDaysBefore: 14 }] });
    const noPlan = await createAgency({ provinceId: 87, nameTh: 'องค์การบริหารส่วนตำบลไม่มีแผน' });
    const submitted = await createAgency({ provinceId: 87 });
    const draft = await createAgency({ provinceId: 87 });
    const closed = await createAgency({ provinceId: 87, isActive: false });
    await createPlan(submitted.id, 2569, 'accepted', 1);
    await createPlan(draft.id, 2569, 'draft', 1);
    const emailEditor = await createUser('agency_editor', { agencyId: noPlan.id });
    const appEditor = await createUser('agency_editor', { agencyId: draft.id });
    const digestEditor = await createUser('agency_editor', { agencyId: draft.id });
    const doneEditor = await createUser('agency_editor', { agencyId: submitted.id });
    await (
      await signIn(app, appEditor)
    )
      .put('/api/v1/notifications/preferences')
      .set(csrf)
      .send({ items: [{ kind: 'deadline_reminder', delivery: 'app' }] });
    await (
      await signIn(app, digestEditor)
    )
      .put('/api/v1/notifications/preferences')
      .set(csrf)
      .send({ items: [{ kind: 'deadline_reminder', delivery: 'digest' }] });
    const remindersOf = async (userId: string) =>
      getPrisma().notification.findMany({ where: { userId, kind: 'deadline_reminder' }, include: { email: true } });

    // Act: 16 March (Bangkok) is before the reminder days; 17 March 08:00 is inside; the job runs again at 18:00 and on 1 April
    const before = await runDeadlineReminders(new Date('2026-03-16T10:00:00+07:00'));
    const inside = await runDeadlineReminders(new Date('2026-03-17T08:00:00+07:00'));
    const again = await runDeadlineReminders(new Date('2026-03-17T18:00:00+07:00'));
    const afterDue = await runDeadlineReminders(new Date('2026-04-01T08:00:00+07:00'));

    // Assert
    expect(before).toEqual([]);
    // (every late agency in the country is reminded: the other tests' agencies too)
    expect(inside).toEqual([expect.objectContaining({ fiscalYear: 2569, kind: 'plan_submitted', dueOn: '2026-03-31' })]);
    expect(inside[0]!.agencies).toBeGreaterThanOrEqual(2);
    const reminded = await getPrisma().deadlineReminder.findMany({
      where: { fiscalYear: 2569, agencyId: { in: [noPlan.id, submitted.id, draft.id, closed.id] } },
    });
    expect(reminded.map((r) => r.agencyId).sort()).toEqual([noPlan.id, draft.id].sort());
    expect(again).toEqual([{ fiscalYear: 2569, kind: 'plan_submitted', dueOn: '2026-03-31', agencies: 0, notifications: 0 }]);
    expect(afterDue).toEqual([]);
    const [mail] = await remindersOf(emailEditor.id);
    expect(mail).toMatchObject({ agencyId: noPlan.id, planId: null, email: { status: 'pending' } });
    expect(mail!.data).toMatchObject({
      fiscalYear: 2569,
      agencyNameTh: noPlan.nameTh,
      deadlineKind: 'plan_submitted',
      dueOn: '2026-03-31',
    });
    const [inApp] = await remindersOf(appEditor.id);
    expect(inApp).toMatchObject({ agencyId: draft.id, email: null });
    expect(inApp!.planId).not.toBeNull();
    expect(await remindersOf(digestEditor.id)).toMatchObject([{ email: { status: 'digest' } }]);
    expect(await remindersOf(doneEditor.id)).toEqual([]);
    expect(await getPrisma().notification.count({ where: { agencyId: closed.id } })).toBe(0);
  });
});
