import { describe, expect, it } from 'vitest';
import { ErrorResponseSchema, MeasureSchema, PlanDetailSchema, TimelineListResponseSchema } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { createAgency, createPlan, createTenant, createUser, signIn } from '../../../test/factories';

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };

const fullMeasure = {
  title: 'เผยแพร่แผนการใช้จ่ายงบประมาณ',
  actions: ['จัดทำแผน', 'เผยแพร่บนเว็บไซต์'],
  indicators: [{ fiscalYear: 2566, code: 'o11', raw: 'อ้างอิงจาก ๐๑๑' }],
  responsible: 'สำนักปลัด',
  plannedStart: '2023-10-01',
  plannedEnd: '2024-09-30',
  outcome: 'completed',
  resultText: 'เผยแพร่แล้ว',
  summary: 'ดำเนินการครบถ้วน',
  carriedOut: { date: '2024-03-01', precision: 'month' },
  evidence: [{ url: 'https://example.go.th/plan.pdf', label: 'แผนการใช้จ่าย' }],
};

describe('measures', () => {
  it('when an editor adds a full measure, then it is stored with a month-precision date, normalised code and an audit row', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft', 1);
    const agent = await signIn(app, editor);

    const response = await agent.post(`/api/v1/plans/${plan.id}/measures`).set(csrf).send(fullMeasure);

    expect(response.status).toBe(201);
    const measure = MeasureSchema.parse(response.body);
    expect(measure).toMatchObject({
      sequence: 2,
      outcome: 'completed',
      carriedOut: { date: '2024-03-01', precision: 'month' },
      version: 1,
    });
    expect(measure.indicators[0]).toMatchObject({ fiscalYear: 2566, code: 'O11', raw: 'อ้างอิงจาก ๐๑๑' });
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { entityType: 'measure', entityId: measure.id } });
    expect(audit).toMatchObject({ action: 'create', actorUserId: editor.id, agencyId: agency.id });
  });

  it('when the input is invalid, then 400 names each field and nothing is written', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft', 0);
    const agent = await signIn(app, editor);

    const response = await agent
      .post(`/api/v1/plans/${plan.id}/measures`)
      .set(csrf)
      .send({
        title: '',
        carriedOut: { date: '2024-03-15', precision: 'month' },
        evidence: [{ url: 'javascript:alert(1)', label: 'x' }],
        plannedStart: '2566-02-31',
        outcome: 'not_carried_out',
      });

    expect(response.status).toBe(400);
    const paths = ErrorResponseSchema.parse(response.body).error.issues!.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.carriedOut.date', 'body.evidence.0.url', 'body.plannedStart']));
    expect(await getPrisma().measure.count({ where: { planId: plan.id } })).toBe(0);
  });

  it('when the outcome changes and evidence is added, then the timeline records both and the audit holds before/after', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft', 1);
    const measure = plan.measures[0]!;
    const agent = await signIn(app, editor);

    const response = await agent
      .patch(`/api/v1/measures/${measure.id}`)
      .set(csrf)
      .send({ version: 1, outcome: 'in_progress', evidence: [{ url: 'https://example.go.th/a.pdf', label: 'รายงานการประชุม' }] });
    const timeline = await agent.get(`/api/v1/measures/${measure.id}/timeline`);

    expect(response.status).toBe(200);
    expect(response.body.version).toBe(2);
    const kinds = TimelineListResponseSchema.parse(timeline.body)
      .items.map((entry) => entry.kind)
      .sort();
    expect(kinds).toEqual(['evidence_added', 'status_change']);
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: measure.id, action: 'update' } });
    expect(audit.changes).toMatchObject({ outcome: { from: 'planned', to: 'in_progress' }, version: { from: 1, to: 2 } });
  });

  it('when a save changes every kind of field, then its answer equals a fresh read, and its audit, timeline and plan rows are complete', async () => {
    // Arrange: the save is written as one SQL statement; this checks it against what Prisma reads back.
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft', 2);
    const measure = plan.measures[0]!;
    const agent = await signIn(app, editor);
    const before = new Date();

    // Act
    const saved = await agent
      .patch(`/api/v1/measures/${measure.id}`)
      .set(csrf)
      .send({
        version: 1,
        title: 'ชื่อใหม่ "ทดสอบ" \\ 😀',
        actions: ['ขั้นที่ ๑', 'ขั้นที่ ๒'],
        responsible: 'สำนักปลัด',
        plannedStart: '2024-01-01',
        plannedEnd: '2024-03-31',
        outcome: 'completed',
        resultText: 'ดำเนินการครบ',
        summary: 'สรุป',
        carriedOut: { date: '2024-02-01', precision: 'month' },
        indicators: [{ fiscalYear: 2567, code: 'O11' }],
        evidence: [{ url: 'https://example.go.th/b.pdf', label: 'หลักฐาน' }],
      });
    const read = await agent.get(`/api/v1/measures/${measure.id}`);

    // Assert
    expect(saved.status).toBe(200);
    expect(read.status).toBe(200);
    expect(saved.body).toEqual(read.body);
    expect(saved.body).toMatchObject({ version: 2, outcome: 'completed', carriedOut: { date: '2024-02-01', precision: 'month' } });
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: measure.id, action: 'update' } });
    expect(audit).toMatchObject({
      actorUserId: editor.id,
      actorRole: 'agency_editor',
      entityType: 'measure',
      agencyId: agency.id,
      provinceId: agency.provinceId,
    });
    expect(audit.requestId).toEqual(expect.any(String));
    expect(Math.abs(audit.at.getTime() - Date.now())).toBeLessThan(60_000);
    expect(audit.changes).toMatchObject({ title: { from: measure.title, to: 'ชื่อใหม่ "ทดสอบ" \\ 😀' }, version: { from: 1, to: 2 } });
    const entries = await getPrisma().timelineEntry.findMany({ where: { measureId: measure.id }, orderBy: { kind: 'asc' } });
    expect(entries.map((entry) => [entry.kind, entry.authorId, entry.agencyId])).toEqual([
      ['status_change', editor.id, agency.id],
      ['evidence_added', editor.id, agency.id],
    ]);
    expect(entries.every((entry) => Math.abs(entry.createdAt.getTime() - Date.now()) < 60_000)).toBe(true);
    const stored = await getPrisma().plan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(stored).toMatchObject({ measureCount: 2, completedCount: 1, indicatorsCovered: 1 });
    expect(stored.updatedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it('when two people save from the same version, then the second gets 409 with the current record and nothing is lost', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft', 1);
    const measure = plan.measures[0]!;
    const agent = await signIn(app, editor);

    const first = await agent.patch(`/api/v1/measures/${measure.id}`).set(csrf).send({ version: 1, title: 'ฉบับของคนแรก' });
    const second = await agent.patch(`/api/v1/measures/${measure.id}`).set(csrf).send({ version: 1, title: 'ฉบับของคนที่สอง' });

    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('VERSION_CONFLICT');
    expect(MeasureSchema.parse(second.body.error.current)).toMatchObject({ title: 'ฉบับของคนแรก', version: 2 });
    expect((await getPrisma().measure.findUniqueOrThrow({ where: { id: measure.id } })).title).toBe('ฉบับของคนแรก');
  });

  it('when 20 saves race from the same version, then exactly one wins and the audit has one row', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft', 1);
    const measure = plan.measures[0]!;
    const agent = await signIn(app, editor);

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        agent
          .patch(`/api/v1/measures/${measure.id}`)
          .set(csrf)
          .send({ version: 1, title: `ฉบับที่ ${index}` }),
      ),
    );

    expect(responses.filter((response) => response.status === 200)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 409)).toHaveLength(19);
    expect(await getPrisma().auditLog.count({ where: { entityId: measure.id, action: 'update' } })).toBe(1);
  });

  it('when a measure is deleted and restored, then it leaves the plan, is listed as deleted, and comes back last; deleting, editing or restoring it in the wrong state names why', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft', 3);
    const [first] = plan.measures;
    const agent = await signIn(app, editor);

    const deleted = await agent.delete(`/api/v1/measures/${first!.id}?version=1`).set(csrf);
    const deletedAgain = await agent.delete(`/api/v1/measures/${first!.id}?version=1`).set(csrf);
    const editedDeleted = await agent.patch(`/api/v1/measures/${first!.id}`).set(csrf).send({ version: 1, title: 'แก้หลังลบ' });
    const afterDelete = PlanDetailSchema.parse((await agent.get(`/api/v1/plans/${plan.id}`)).body);
    const restored = await agent.post(`/api/v1/measures/${first!.id}/restore`).set(csrf);
    const restoredAgain = await agent.post(`/api/v1/measures/${first!.id}/restore`).set(csrf);

    expect(deleted.status).toBe(204);
    expect(afterDelete.measures.map((measure) => measure.id)).not.toContain(first!.id);
    expect(afterDelete.deletedMeasures.map((measure) => measure.id)).toEqual([first!.id]);
    expect(restored.status).toBe(200);
    expect(restored.body.sequence).toBe(4);
    // ADR 026: the refusals carry a reason the web writes in the reader's language.
    expect(deletedAgain.status).toBe(409);
    expect(deletedAgain.body.error).toMatchObject({ code: 'INVALID_STATE', reason: 'measureAlreadyDeleted' });
    expect(editedDeleted.status).toBe(409);
    expect(editedDeleted.body.error).toMatchObject({ code: 'INVALID_STATE', reason: 'measureDeleted' });
    expect(restoredAgain.status).toBe(409);
    expect(restoredAgain.body.error).toMatchObject({ code: 'INVALID_STATE', reason: 'measureNotDeleted' });
  });

  it('when the measures are reordered, then the sequences follow; a list that misses one is a 400', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft', 3);
    const ids = plan.measures.map((measure) => measure.id);
    const agent = await signIn(app, editor);

    const reordered = await agent
      .put(`/api/v1/plans/${plan.id}/measure-order`)
      .set(csrf)
      .send({ measureIds: [ids[2], ids[0], ids[1]] });
    const incomplete = await agent
      .put(`/api/v1/plans/${plan.id}/measure-order`)
      .set(csrf)
      .send({ measureIds: [ids[0]] });

    expect(PlanDetailSchema.parse(reordered.body).measures.map((measure) => measure.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.issues[0].path).toBe('body.measureIds');
    expect(incomplete.body.error.reason).toBe('measureOrderIncomplete');
  });

  it('when a progress note is added, then the timeline shows it newest first with its author', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft', 1);
    const agent = await signIn(app, editor);

    await agent.post(`/api/v1/measures/${plan.measures[0]!.id}/timeline`).set(csrf).send({ note: 'ประชุมครั้งที่ ๑', occurredOn: '2024-01-10' });
    await agent.post(`/api/v1/measures/${plan.measures[0]!.id}/timeline`).set(csrf).send({ note: 'ประชุมครั้งที่ ๒', occurredOn: '2024-02-10' });
    const timeline = TimelineListResponseSchema.parse((await agent.get(`/api/v1/measures/${plan.measures[0]!.id}/timeline`)).body);

    expect(timeline.items.map((entry) => entry.note)).toEqual(['ประชุมครั้งที่ ๒', 'ประชุมครั้งที่ ๑']);
    expect(timeline.items[0]!.authorName).toBe(editor.name);
  });
});

describe('quality warnings on plans entered by hand', () => {
  it('when a completed measure names another agency and has no evidence, then both warnings show, the plan counts them, and a fix clears them', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft', 0);
    const agent = await signIn(app, editor);

    const created = MeasureSchema.parse(
      (
        await agent
          .post(`/api/v1/plans/${plan.id}/measures`)
          .set(csrf)
          .send({ title: 'จัดประชุม', outcome: 'completed', resultText: 'ตามแนวทางขององค์การบริหารส่วนตำบลบ้านซ่ง', summary: 'ประชุมครบทุกส่วนงาน' })
      ).body,
    );
    const countBefore = (await getPrisma().plan.findUniqueOrThrow({ where: { id: plan.id } })).warningCount;
    const fixed = await agent
      .patch(`/api/v1/measures/${created.id}`)
      .set(csrf)
      .send({
        version: created.version,
        resultText: 'ประชุมแล้ว',
        evidence: [{ url: 'https://example.go.th/minutes.pdf', label: 'รายงานการประชุม' }],
      });

    expect(created.warnings.map((warning) => warning.code).sort()).toEqual(['NO_EVIDENCE', 'OTHER_AGENCY_MENTION']);
    expect(countBefore).toBe(2);
    expect(MeasureSchema.parse(fixed.body).warnings).toEqual([]);
    expect((await getPrisma().plan.findUniqueOrThrow({ where: { id: plan.id } })).warningCount).toBe(0);
  });

  it("when one measure is saved, then the unchanged one keeps its warning, and the same words are judged by each agency's own name", async () => {
    const mention = { title: 'จัดประชุม', outcome: 'planned', resultText: 'ตามแนวทางขององค์การบริหารส่วนตำบลบ้านซ่ง' };
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft', 0);
    const agent = await signIn(app, editor);
    await agent.post(`/api/v1/plans/${plan.id}/measures`).set(csrf).send(mention).expect(201);
    const plain = MeasureSchema.parse(
      (await agent.post(`/api/v1/plans/${plan.id}/measures`).set(csrf).send({ title: 'อบรม' }).expect(201)).body,
    );

    await agent.patch(`/api/v1/measures/${plain.id}`).set(csrf).send({ version: plain.version, summary: 'อบรมครบทุกคน' }).expect(200);
    const page = PlanDetailSchema.parse((await agent.get(`/api/v1/plans/${plan.id}`).expect(200)).body);

    const named = await createAgency({ nameTh: 'องค์การบริหารส่วนตำบลบ้านซ่ง' });
    const namedPlan = await createPlan(named.id, 2567, 'draft', 0);
    const namedAgent = await signIn(app, await createUser('agency_editor', { agencyId: named.id }));
    const own = MeasureSchema.parse(
      (await namedAgent.post(`/api/v1/plans/${namedPlan.id}/measures`).set(csrf).send(mention).expect(201)).body,
    );

    expect(page.measures.map((measure) => measure.warnings.map((warning) => warning.code))).toEqual([['OTHER_AGENCY_MENTION'], []]);
    expect((await getPrisma().plan.findUniqueOrThrow({ where: { id: plan.id } })).warningCount).toBe(1);
    expect(own.warnings).toEqual([]);
  });
});
