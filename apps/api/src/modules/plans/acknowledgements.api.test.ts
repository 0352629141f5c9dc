import { describe, expect, it } from 'vitest';
import { AcknowledgementRecordSchema, AuditListResponseSchema, ErrorResponseSchema, PlanDetailSchema } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { rootDb } from '../../lib/db';
import { testApp } from '../../../test/app';
import { createPlan, createTenant, createUser, signIn } from '../../../test/factories';
import { refreshPlanWarnings } from './plans.service';

/**
 * Issue 16 / ADR 021: accepting or publishing a plan with open serious warnings needs a reviewer's
 * acknowledgement of each, with a reason; the acknowledgement is kept on the transition's audit row.
 */
const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };
const DATE_REASON = 'หน่วยงานยืนยันว่าดำเนินการก่อนปีงบประมาณตามมติสภา';
const AGENCY_REASON = 'ชื่อหน่วยงานอื่นเป็นเครือข่ายที่ร่วมจัดกิจกรรมจริง';

/**
 * A plan of FY2567 in `status` whose measure 1 was carried out in March 2022 (outside the fiscal
 * year) and whose measure 2 names another agency: two serious warnings.
 */
async function planWithSeriousWarnings(status: 'submitted' | 'accepted' = 'submitted', provinceId = 49) {
  const tenant = await createTenant(provinceId);
  const plan = await createPlan(tenant.agency.id, 2567, status, 3);
  const [first, second] = plan.measures;
  await getPrisma().measure.update({
    where: { id: first!.id },
    data: { carriedOutDate: new Date('2022-03-01'), carriedOutPrecision: 'day' },
  });
  await getPrisma().measure.update({
    where: { id: second!.id },
    data: { outcome: 'completed', resultText: 'ตามแนวทางขององค์การบริหารส่วนตำบลบ้านซ่ง', summary: 'ประชุมครบทุกส่วนงาน เลขที่คำสั่ง ที่ ๑/๒๕๖๗' },
  });
  await refreshPlanWarnings(rootDb(), plan.id);
  return { ...tenant, plan };
}

const BOTH = [
  { code: 'DATE_OUTSIDE_FISCAL_YEAR', sequence: 1, reason: DATE_REASON },
  { code: 'OTHER_AGENCY_MENTION', sequence: 2, reason: AGENCY_REASON },
];

const statusOf = async (planId: string) => (await getPrisma().plan.findUniqueOrThrow({ where: { id: planId } })).status;

describe('acknowledging serious warnings before accept and publish', () => {
  it('when a reviewer accepts without acknowledging, then 422 SERIOUS_WARNINGS_UNACKNOWLEDGED lists the open warnings and the plan stays submitted', async () => {
    // Arrange
    const { reviewer, plan } = await planWithSeriousWarnings();
    const agent = await signIn(app, reviewer);

    // Act
    const response = await agent.post(`/api/v1/plans/${plan.id}/accept`).set(csrf).send({ version: 1 });
    const partly = await agent
      .post(`/api/v1/plans/${plan.id}/accept`)
      .set(csrf)
      .send({ version: 1, acknowledgements: [BOTH[0]] });

    // Assert
    expect(response.status).toBe(422);
    const error = ErrorResponseSchema.parse(response.body).error;
    expect(error).toMatchObject({ code: 'SERIOUS_WARNINGS_UNACKNOWLEDGED', reason: 'warningsUnacknowledged', params: { count: 2 } });
    expect(error.message).toContain('2 รายการ');
    expect(error.warnings?.map((warning) => [warning.code, warning.sequence])).toEqual([
      ['DATE_OUTSIDE_FISCAL_YEAR', 1],
      ['OTHER_AGENCY_MENTION', 2],
    ]);
    expect(error.warnings?.[1]?.params).toMatchObject({ name: 'องค์การบริหารส่วนตำบลบ้านซ่ง' });
    expect(partly.status).toBe(422);
    expect(ErrorResponseSchema.parse(partly.body).error.warnings?.map((warning) => warning.code)).toEqual(['OTHER_AGENCY_MENTION']);
    expect(ErrorResponseSchema.parse(partly.body).error.params).toEqual({ count: 1 });
    expect(await statusOf(plan.id)).toBe('submitted');
    expect(await getPrisma().auditLog.count({ where: { entityId: plan.id, action: 'status_change' } })).toBe(0);
  });

  it('when an acknowledgement names a warning the plan does not have, then 422 ACKNOWLEDGED_WARNING_NOT_FOUND points at it and nothing changes', async () => {
    const { reviewer, plan } = await planWithSeriousWarnings();
    const agent = await signIn(app, reviewer);

    const response = await agent
      .post(`/api/v1/plans/${plan.id}/accept`)
      .set(csrf)
      .send({ version: 1, acknowledgements: [...BOTH, { code: 'OTHER_WEBSITE', sequence: 3, reason: 'ไม่มีเว็บไซต์อื่นในมาตรการนี้เลย' }] });

    expect(response.status).toBe(422);
    const error = ErrorResponseSchema.parse(response.body).error;
    expect(error).toMatchObject({ code: 'ACKNOWLEDGED_WARNING_NOT_FOUND', reason: 'acknowledgedWarningNotFound', params: { count: 1 } });
    expect(error.issues?.map((issue) => issue.path)).toEqual(['body.acknowledgements.2']);
    expect(await statusOf(plan.id)).toBe('submitted');
  });

  it('when a reason is too short, a code is not serious or a warning is acknowledged twice, then 400 names the field', async () => {
    const { reviewer, plan } = await planWithSeriousWarnings();
    const agent = await signIn(app, reviewer);

    const short = await agent
      .post(`/api/v1/plans/${plan.id}/accept`)
      .set(csrf)
      .send({ version: 1, acknowledgements: [{ ...BOTH[0], reason: '   สั้นไป   ' }, BOTH[1]] });
    const notSerious = await agent
      .post(`/api/v1/plans/${plan.id}/accept`)
      .set(csrf)
      .send({ version: 1, acknowledgements: [...BOTH, { code: 'NO_EVIDENCE', sequence: 1, reason: DATE_REASON }] });
    const twice = await agent
      .post(`/api/v1/plans/${plan.id}/accept`)
      .set(csrf)
      .send({ version: 1, acknowledgements: [...BOTH, BOTH[0]] });

    expect([short.status, notSerious.status, twice.status]).toEqual([400, 400, 400]);
    expect(ErrorResponseSchema.parse(short.body).error.issues?.map((issue) => issue.path)).toEqual(['body.acknowledgements.0.reason']);
    expect(ErrorResponseSchema.parse(notSerious.body).error.issues?.map((issue) => issue.path)).toEqual(['body.acknowledgements.2.code']);
    expect(ErrorResponseSchema.parse(twice.body).error.issues?.map((issue) => issue.path)).toEqual(['body.acknowledgements.2']);
    expect(await statusOf(plan.id)).toBe('submitted');
  });

  it('when the reviewer acknowledges each warning, then the plan is accepted, the audit row keeps the acknowledgements, the history shows them, and the editor publishes without acknowledging again', async () => {
    // Arrange
    const { editor, reviewer, plan } = await planWithSeriousWarnings();
    const reviewerAgent = await signIn(app, reviewer);
    const editorAgent = await signIn(app, editor);

    // Act
    const accepted = await reviewerAgent
      .post(`/api/v1/plans/${plan.id}/accept`)
      .set(csrf)
      .send({ version: 1, acknowledgements: [BOTH[1], { ...BOTH[0], reason: `  ${DATE_REASON}  ` }] });
    const published = await editorAgent.post(`/api/v1/plans/${plan.id}/publish`).set(csrf).send({ version: 2 });
    const history = await editorAgent.get(`/api/v1/audit?entityType=plan&entityId=${plan.id}&action=status_change`);

    // Assert
    expect(accepted.status).toBe(200);
    expect(PlanDetailSchema.parse(accepted.body).status).toBe('accepted');
    expect(published.status).toBe(200);
    expect(PlanDetailSchema.parse(published.body).status).toBe('published');

    const row = await getPrisma().auditLog.findFirstOrThrow({
      where: { entityId: plan.id, action: 'status_change' },
      orderBy: { id: 'asc' },
    });
    expect(row.actorUserId).toBe(reviewer.id);
    const records = AcknowledgementRecordSchema.array().parse((row.changes as { acknowledgements: unknown }).acknowledgements);
    expect(records.map(({ code, sequence, reason }) => ({ code, sequence, reason }))).toEqual([
      { code: 'OTHER_AGENCY_MENTION', sequence: 2, reason: AGENCY_REASON },
      { code: 'DATE_OUTSIDE_FISCAL_YEAR', sequence: 1, reason: DATE_REASON },
    ]);
    expect(records[0]).toMatchObject({ measureId: plan.measures[1]!.id, measureVersion: 1 });
    expect(records[0]!.warnings[0]).toMatchObject({ code: 'OTHER_AGENCY_MENTION', params: { name: 'องค์การบริหารส่วนตำบลบ้านซ่ง' } });
    expect(records[1]!.warnings[0]).toMatchObject({ code: 'DATE_OUTSIDE_FISCAL_YEAR', params: { date: '2022-03-01', fiscalYear: 2567 } });

    expect(history.status).toBe(200);
    const entries = AuditListResponseSchema.parse(history.body).items;
    expect(entries.map((entry) => (entry.changes?.status as { to: string }).to)).toEqual(['published', 'accepted']);
    expect(entries[0]!.changes?.acknowledgements).toBeUndefined();
    expect(entries[1]).toMatchObject({ actorUserId: reviewer.id, actorName: reviewer.name, actorRole: 'provincial_reviewer' });
    expect(
      AcknowledgementRecordSchema.array()
        .parse(entries[1]!.changes?.acknowledgements)
        .map((record) => record.reason),
    ).toEqual([AGENCY_REASON, DATE_REASON]);
  });

  it('when an editor sends acknowledgements with publish, then 403 and the plan stays accepted', async () => {
    const { editor, plan } = await planWithSeriousWarnings('accepted');
    const agent = await signIn(app, editor);

    const response = await agent.post(`/api/v1/plans/${plan.id}/publish`).set(csrf).send({ version: 1, acknowledgements: BOTH });

    expect(response.status).toBe(403);
    expect(ErrorResponseSchema.parse(response.body).error.code).toBe('FORBIDDEN');
    expect(await statusOf(plan.id)).toBe('accepted');
  });

  it('when a measure changed since the acceptance, then publishing needs its warning acknowledged again, which an admin can do', async () => {
    // Arrange: accepted with both acknowledged; then measure 1 is saved again (reopen, edit and a
    // second acceptance would do the same; here the row is moved on directly).
    const { editor, reviewer, plan } = await planWithSeriousWarnings();
    const reviewerAgent = await signIn(app, reviewer);
    const accepted = await reviewerAgent.post(`/api/v1/plans/${plan.id}/accept`).set(csrf).send({ version: 1, acknowledgements: BOTH });
    expect(accepted.status).toBe(200);
    await getPrisma().measure.update({ where: { id: plan.measures[0]!.id }, data: { version: { increment: 1 } } });
    const admin = await createUser('national_admin');

    // Act
    const byEditor = await (await signIn(app, editor)).post(`/api/v1/plans/${plan.id}/publish`).set(csrf).send({ version: 2 });
    const byAdmin = await (
      await signIn(app, admin)
    )
      .post(`/api/v1/plans/${plan.id}/publish`)
      .set(csrf)
      .send({ version: 2, acknowledgements: [BOTH[0]] });

    // Assert
    expect(byEditor.status).toBe(422);
    expect(ErrorResponseSchema.parse(byEditor.body).error.warnings?.map((warning) => [warning.code, warning.sequence])).toEqual([
      ['DATE_OUTSIDE_FISCAL_YEAR', 1],
    ]);
    expect(byAdmin.status).toBe(200);
    const last = await getPrisma().auditLog.findFirstOrThrow({
      where: { entityId: plan.id, action: 'status_change' },
      orderBy: { id: 'desc' },
    });
    expect(last.actorUserId).toBe(admin.id);
    expect((last.changes as { acknowledgements: { code: string }[] }).acknowledgements.map((record) => record.code)).toEqual([
      'DATE_OUTSIDE_FISCAL_YEAR',
    ]);
  });

  it('when a reviewer of another province acknowledges and accepts, then 404 and nothing changes', async () => {
    const { plan } = await planWithSeriousWarnings('submitted', 49);
    const outsider = await createUser('provincial_reviewer', { provinceId: 48 });
    const agent = await signIn(app, outsider);

    const response = await agent.post(`/api/v1/plans/${plan.id}/accept`).set(csrf).send({ version: 1, acknowledgements: BOTH });

    expect(response.status).toBe(404);
    expect(await statusOf(plan.id)).toBe('submitted');
  });

  it('when a plan has only ordinary warnings, then it is accepted without acknowledgements', async () => {
    const { agency, reviewer } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'submitted', 1);
    await getPrisma().measure.update({ where: { id: plan.measures[0]!.id }, data: { outcome: 'completed', resultText: 'ดำเนินการแล้ว' } });
    await refreshPlanWarnings(rootDb(), plan.id);
    const agent = await signIn(app, reviewer);

    const response = await agent.post(`/api/v1/plans/${plan.id}/accept`).set(csrf).send({ version: 1 });

    expect(response.status).toBe(200);
    expect(PlanDetailSchema.parse(response.body).warnings.map((warning) => warning.code)).toEqual(['NO_EVIDENCE']);
  });

  it('when not signed in, then acknowledging is 401', async () => {
    const { plan } = await planWithSeriousWarnings();
    const { default: request } = await import('supertest');

    const response = await request(app).post(`/api/v1/plans/${plan.id}/accept`).set(csrf).send({ version: 1, acknowledgements: BOTH });

    expect(response.status).toBe(401);
  });
});
