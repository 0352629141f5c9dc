import { describe, expect, it } from 'vitest';
import { ErrorResponseSchema, PlanDetailSchema, PlanListResponseSchema } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { createPlan, createTenant, signIn } from '../../../test/factories';

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };

describe('plans', () => {
  it('when an editor creates FY2567 from FY2566, then measures are copied with outcomes and dates reset and linked to their source', async () => {
    // Arrange
    const { agency, editor } = await createTenant();
    const previous = await createPlan(agency.id, 2566, 'published', 2);
    await getPrisma().measure.update({
      where: { id: previous.measures[0]!.id },
      data: {
        outcome: 'completed',
        resultText: 'ทำแล้ว',
        carriedOutDate: new Date('2023-03-01'),
        carriedOutPrecision: 'month',
        indicators: { create: { fiscalYear: 2566, code: 'O11', raw: 'อ้างอิงจาก ๐๑๑' } },
      },
    });
    const agent = await signIn(app, editor);

    // Act
    const response = await agent.post(`/api/v1/agencies/${agency.id}/plans/2567`).set(csrf).send({ copyFromFiscalYear: 2566 });

    // Assert
    expect(response.status).toBe(201);
    const plan = PlanDetailSchema.parse(response.body);
    expect(plan).toMatchObject({ fiscalYear: 2567, status: 'draft', copiedFromPlanId: previous.id });
    expect(plan.measures).toHaveLength(2);
    expect(plan.measures[0]).toMatchObject({
      outcome: 'planned',
      resultText: null,
      carriedOut: null,
      sourceMeasureId: previous.measures[0]!.id,
    });
    expect(plan.measures[0]!.indicators).toEqual([{ fiscalYear: 2566, code: 'O11', raw: 'อ้างอิงจาก ๐๑๑', titleTh: null, group: null }]);
    const audit = await getPrisma().auditLog.findFirst({ where: { entityType: 'plan', entityId: plan.id, action: 'create' } });
    expect(audit?.actorUserId).toBe(editor.id);
  });

  it('when the plan for that year exists, then creating it again is a 409 and nothing changes', async () => {
    const { agency, editor } = await createTenant();
    await createPlan(agency.id, 2567);
    const agent = await signIn(app, editor);

    const response = await agent.post(`/api/v1/agencies/${agency.id}/plans/2567`).set(csrf).send({});

    expect(response.status).toBe(409);
    expect(ErrorResponseSchema.parse(response.body).error).toMatchObject({
      code: 'CONFLICT',
      message: 'มีแผนปีงบประมาณ 2567 อยู่แล้ว',
      reason: 'planExists',
      params: { fiscalYear: 2567 },
    });
    expect(await getPrisma().plan.count({ where: { agencyId: agency.id } })).toBe(1);
  });

  it('when the agency has no plan of the year asked for, or of the year to copy from, then 404 names the fiscal year; another agency is a 404 without it', async () => {
    // Arrange
    const { agency, editor } = await createTenant();
    const other = await createTenant();
    await createPlan(other.agency.id, 2566);
    const agent = await signIn(app, editor);

    // Act
    const noPlan = await agent.get(`/api/v1/agencies/${agency.id}/plans/2567`);
    const noSource = await agent.post(`/api/v1/agencies/${agency.id}/plans/2567`).set(csrf).send({ copyFromFiscalYear: 2566 });
    const otherAgency = await agent.get(`/api/v1/agencies/${other.agency.id}/plans/2566`);

    // Assert
    expect(noPlan.status).toBe(404);
    expect(ErrorResponseSchema.parse(noPlan.body).error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'ยังไม่มีแผนปีงบประมาณ 2567',
      reason: 'planYearNotFound',
      params: { fiscalYear: 2567 },
    });
    expect(noSource.status).toBe(404);
    expect(ErrorResponseSchema.parse(noSource.body).error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'ไม่พบแผนปีงบประมาณ 2566 ที่จะคัดลอก',
      reason: 'copySourceNotFound',
      params: { fiscalYear: 2566 },
    });
    expect(await getPrisma().plan.count({ where: { agencyId: agency.id } })).toBe(0);
    // An agency out of reach answers as a missing one, and names no plan year.
    expect(otherAgency.status).toBe(404);
    expect(otherAgency.body.error.reason).toBeUndefined();
  });

  it('when the fiscal year or the body is invalid, then 400 names the field', async () => {
    const { agency, editor } = await createTenant();
    const agent = await signIn(app, editor);

    const badYear = await agent.post(`/api/v1/agencies/${agency.id}/plans/1999`).set(csrf).send({});
    const badBody = await agent
      .post(`/api/v1/agencies/${agency.id}/plans/2567`)
      .set(csrf)
      .send({ copyFromFiscalYear: 'last year', extra: 1 });

    expect(badYear.status).toBe(400);
    expect(ErrorResponseSchema.parse(badYear.body).error.issues?.[0]?.path).toBe('params.fiscalYear');
    // Codes + params, so the web can write the issue in English too (ADR 023).
    expect(ErrorResponseSchema.parse(badYear.body).error.issues?.[0]).toMatchObject({
      code: 'custom',
      params: { key: 'fiscalYearRange', min: expect.any(Number), max: expect.any(Number) },
    });
    expect(badBody.status).toBe(400);
    const bodyIssues = ErrorResponseSchema.parse(badBody.body).error.issues ?? [];
    expect(bodyIssues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['body.copyFromFiscalYear']));
    expect(bodyIssues.find((issue) => issue.path === 'body.copyFromFiscalYear')).toMatchObject({
      code: 'invalid_type',
      params: { expected: 'number' },
    });
    expect(bodyIssues.find((issue) => issue.path === 'body.extra')).toMatchObject({ code: 'unrecognized_keys', params: { key: 'extra' } });
  });

  it('when the whole lifecycle runs, then each step records a status change and the reviewer comments are kept', async () => {
    const { agency, editor, reviewer } = await createTenant();
    const plan = await createPlan(agency.id, 2567);
    const editorAgent = await signIn(app, editor);
    const reviewerAgent = await signIn(app, reviewer);

    const submitted = await editorAgent.post(`/api/v1/plans/${plan.id}/submit`).set(csrf).send({ version: 1 });
    const returned = await reviewerAgent
      .post(`/api/v1/plans/${plan.id}/return`)
      .set(csrf)
      .send({ version: 2, reason: 'กรุณาระบุหลักฐานของมาตรการที่ ๒' });
    const resubmitted = await editorAgent.post(`/api/v1/plans/${plan.id}/submit`).set(csrf).send({ version: 3 });
    const accepted = await reviewerAgent.post(`/api/v1/plans/${plan.id}/accept`).set(csrf).send({ version: 4 });
    const published = await editorAgent.post(`/api/v1/plans/${plan.id}/publish`).set(csrf).send({ version: 5 });

    expect([submitted.status, returned.status, resubmitted.status, accepted.status, published.status]).toEqual([200, 200, 200, 200, 200]);
    const final = PlanDetailSchema.parse(published.body);
    expect(final.status).toBe('published');
    expect(final.publishedAt).not.toBeNull();
    expect(final.comments.map((comment) => comment.kind)).toEqual(['return', 'accept']);
    expect(final.comments[0]!.body).toBe('กรุณาระบุหลักฐานของมาตรการที่ ๒');
    const changes = await getPrisma().auditLog.findMany({ where: { entityId: plan.id, action: 'status_change' }, orderBy: { id: 'asc' } });
    expect(changes.map((row) => (row.changes as { status: { to: string } }).status.to)).toEqual([
      'submitted',
      'returned',
      'submitted',
      'accepted',
      'published',
    ]);
  });

  it('when a transition is not allowed from the current status, then 409 INVALID_STATE', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft');
    const agent = await signIn(app, editor);

    const response = await agent.post(`/api/v1/plans/${plan.id}/publish`).set(csrf).send({ version: 1 });

    expect(response.status).toBe(409);
    expect(ErrorResponseSchema.parse(response.body).error).toMatchObject({
      code: 'INVALID_STATE',
      message: 'ทำรายการนี้ไม่ได้ขณะแผนมีสถานะ "ร่าง"',
      reason: 'planTransitionRefused',
      params: { status: 'draft' },
    });
  });

  it('when the version is stale, then 409 VERSION_CONFLICT and the status is unchanged', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft');
    const agent = await signIn(app, editor);

    const response = await agent.post(`/api/v1/plans/${plan.id}/submit`).set(csrf).send({ version: 7 });

    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('VERSION_CONFLICT');
    expect((await getPrisma().plan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe('draft');
  });

  it('when a reviewer returns without a reason, then 400 names body.reason', async () => {
    const { agency, reviewer } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'submitted');
    const agent = await signIn(app, reviewer);

    const response = await agent.post(`/api/v1/plans/${plan.id}/return`).set(csrf).send({ version: 1 });

    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toBe('body.reason');
  });

  it('when an editor lists the agency plans, then only that agency plans come back, newest first', async () => {
    const { agency, editor } = await createTenant();
    await createPlan(agency.id, 2565, 'published');
    await createPlan(agency.id, 2567, 'draft');
    const other = await createTenant();
    await createPlan(other.agency.id, 2566, 'draft');
    const agent = await signIn(app, editor);

    const response = await agent.get(`/api/v1/agencies/${agency.id}/plans`);
    const forbidden = await agent.get(`/api/v1/agencies/${other.agency.id}/plans`);

    expect(PlanListResponseSchema.parse(response.body).items.map((plan) => plan.fiscalYear)).toEqual([2567, 2565]);
    expect(forbidden.status).toBe(404);
  });

  it('when a published plan is changed by an editor, then 409 (read-only) until a reviewer reopens it', async () => {
    const { agency, editor, reviewer } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'published');
    const editorAgent = await signIn(app, editor);
    const reviewerAgent = await signIn(app, reviewer);

    const locked = await editorAgent.patch(`/api/v1/measures/${plan.measures[0]!.id}`).set(csrf).send({ version: 1, title: 'แก้' });
    const reopened = await reviewerAgent.post(`/api/v1/plans/${plan.id}/reopen`).set(csrf).send({ version: 1, reason: 'แก้ไขวันที่' });
    const unlocked = await editorAgent.patch(`/api/v1/measures/${plan.measures[0]!.id}`).set(csrf).send({ version: 1, title: 'แก้' });

    expect(locked.status).toBe(409);
    expect(ErrorResponseSchema.parse(locked.body).error).toMatchObject({
      code: 'INVALID_STATE',
      reason: 'planNotEditable',
      params: { status: 'published' },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('returned');
    expect(unlocked.status).toBe(200);
  });
});

describe('POST /plans/:planId/withdraw', () => {
  it("when an editor withdraws a submitted plan, then it is a draft again, the step is audited and the province's reviewers are notified", async () => {
    // Arrange
    const { agency, editor, reviewer } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'submitted');
    const agent = await signIn(app, editor);

    // Act
    const response = await agent.post(`/api/v1/plans/${plan.id}/withdraw`).set(csrf).send({ version: 1 });

    // Assert
    expect(response.status).toBe(200);
    const withdrawn = PlanDetailSchema.parse(response.body);
    expect(withdrawn).toMatchObject({ status: 'draft', version: 2 });
    const audit = await getPrisma().auditLog.findMany({ where: { entityId: plan.id, action: 'status_change' } });
    expect(audit.map((row) => row.changes)).toEqual([{ status: { from: 'submitted', to: 'draft' } }]);
    expect(audit[0]!.actorUserId).toBe(editor.id);
    const told = await getPrisma().notification.findMany({ where: { userId: reviewer.id } });
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ kind: 'plan_withdrawn', planId: plan.id, agencyId: agency.id });
    expect(await getPrisma().notification.count({ where: { userId: editor.id } })).toBe(0);
  });

  it.each(['accept', 'return'] as const)(
    'when a reviewer has already acted (%s), then withdrawing is 409 INVALID_STATE and nothing changes',
    async (step) => {
      // Arrange
      const { agency, editor, reviewer } = await createTenant();
      const plan = await createPlan(agency.id, 2567, 'submitted');
      const reviewed = await (
        await signIn(app, reviewer)
      )
        .post(`/api/v1/plans/${plan.id}/${step}`)
        .set(csrf)
        .send(step === 'accept' ? { version: 1 } : { version: 1, reason: 'ขอให้แก้ไข' });
      const agent = await signIn(app, editor);

      // Act
      const response = await agent.post(`/api/v1/plans/${plan.id}/withdraw`).set(csrf).send({ version: 2 });

      // Assert
      expect(reviewed.status).toBe(200);
      expect(response.status).toBe(409);
      expect(ErrorResponseSchema.parse(response.body).error.code).toBe('INVALID_STATE');
      expect((await getPrisma().plan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe(
        step === 'accept' ? 'accepted' : 'returned',
      );
    },
  );

  it("when another agency's editor withdraws, then 404 and the plan stays submitted", async () => {
    const { agency } = await createTenant();
    const other = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'submitted');
    const agent = await signIn(app, other.editor);

    const response = await agent.post(`/api/v1/plans/${plan.id}/withdraw`).set(csrf).send({ version: 1 });

    expect(response.status).toBe(404);
    expect((await getPrisma().plan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe('submitted');
  });

  it('when a reviewer of the province withdraws, then 403 and the plan stays submitted', async () => {
    const { agency, reviewer } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'submitted');
    const agent = await signIn(app, reviewer);

    const response = await agent.post(`/api/v1/plans/${plan.id}/withdraw`).set(csrf).send({ version: 1 });

    expect(response.status).toBe(403);
    expect((await getPrisma().plan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe('submitted');
  });
});
