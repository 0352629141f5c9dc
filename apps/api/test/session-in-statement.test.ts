import type { Express } from 'express';
import { describe, expect, it } from 'vitest';
import { getPrisma } from '../src/lib/prisma';
import { testApp } from './app';
import { createAgency, createPlan, createTenant, signIn } from './factories';
import { rowsSeenDuring } from './rows-seen';

/**
 * ADR 020: a hot read (plan page, reviewer overview, agency search) starts from the session as this
 * process last saw it and confirms it inside its own statement. These tests prove the round trip is
 * saved and that nothing is bought with it: a logout, a disabled account or a changed role, agency or
 * province — made anywhere, here straight in the database as another replica would — shows on the
 * very next request.
 */
const app: Express = testApp();

const planPage = (agencyId: string, fiscalYear = 2567) => `/api/v1/agencies/${agencyId}/plans/${fiscalYear}`;
const overview = (provinceId: number) => `/api/v1/review/provinces/${provinceId}/overview?fiscalYear=2567`;
const search = '/api/v1/agencies?q=%E0%B8%97%E0%B8%94%E0%B8%AA%E0%B8%AD%E0%B8%9A&pageSize=5';

async function membershipOf(userId: string) {
  return getPrisma().roleMembership.findFirstOrThrow({ where: { userId } });
}

describe('hot reads confirm the session in their own statement', () => {
  it('when an editor opens their plan page again, then the session read is folded into the plan statement: one statement in all', async () => {
    const { agency, editor } = await createTenant();
    await createPlan(agency.id, 2567, 'draft', 3);
    const agent = await signIn(app, editor);
    const first = await rowsSeenDuring(() => agent.get(planPage(agency.id)));

    const again = await rowsSeenDuring(() => agent.get(planPage(agency.id)));

    expect(first.result.status).toBe(200);
    expect(again.result.status).toBe(200);
    expect(again.result.body).toEqual(first.result.body);
    // One statement: the plan, its measures and comments, and (staff pages) the copy detector's shared
    // texts (ADR 014) all come from the plan statement; the first visit reads the session before it.
    expect(first.statements).toBe(2);
    expect(again.statements).toBe(1);
  });

  it('when a reviewer opens the overview and an editor searches again, then each costs one statement', async () => {
    const { editor, reviewer } = await createTenant(48);
    const reviewerAgent = await signIn(app, reviewer);
    const editorAgent = await signIn(app, editor);
    await reviewerAgent.get(overview(48));
    await editorAgent.get(search);

    const overviewAgain = await rowsSeenDuring(() => reviewerAgent.get(overview(48)));
    const searchAgain = await rowsSeenDuring(() => editorAgent.get(search));

    expect(overviewAgain.result.status).toBe(200);
    expect(overviewAgain.statements).toBe(1);
    expect(searchAgain.result.status).toBe(200);
    expect(searchAgain.statements).toBe(1);
  });

  it('when the session is ended elsewhere, then the next hot read answers 401 and clears the cookie', async () => {
    const { agency, editor } = await createTenant();
    await createPlan(agency.id, 2567);
    const agent = await signIn(app, editor);
    expect((await agent.get(planPage(agency.id))).status).toBe(200);

    await getPrisma().session.deleteMany({ where: { userId: editor.id } });
    const response = await agent.get(planPage(agency.id));

    expect(response.status).toBe(401);
    expect(String(response.headers['set-cookie'])).toMatch(/prongsai_session=;/);
  });

  it('when the account is disabled elsewhere, then the next search answers 401', async () => {
    const { editor } = await createTenant();
    const agent = await signIn(app, editor);
    expect((await agent.get(search)).status).toBe(200);

    await getPrisma().user.update({ where: { id: editor.id }, data: { isActive: false } });

    expect((await agent.get(search)).status).toBe(401);
  });

  it("when an editor is moved to another agency elsewhere, then the old agency's plan page answers 404 and the new one's 200", async () => {
    const { agency, editor } = await createTenant();
    const other = await createAgency();
    await createPlan(agency.id, 2567);
    await createPlan(other.id, 2567);
    const agent = await signIn(app, editor);
    expect((await agent.get(planPage(agency.id))).status).toBe(200);
    expect((await agent.get(planPage(other.id))).status).toBe(404);

    await getPrisma().roleMembership.update({ where: { id: (await membershipOf(editor.id)).id }, data: { agencyId: other.id } });

    expect((await agent.get(planPage(agency.id))).status).toBe(404);
    expect((await agent.get(planPage(other.id))).status).toBe(200);
  });

  it("when a reviewer's province is changed elsewhere, then the old province's overview answers 403 and the new one's 200", async () => {
    const { reviewer } = await createTenant(47);
    await createTenant(46);
    const agent = await signIn(app, reviewer);
    expect((await agent.get(overview(47))).status).toBe(200);
    expect((await agent.get(overview(46))).status).toBe(403);

    await getPrisma().roleMembership.update({ where: { id: (await membershipOf(reviewer.id)).id }, data: { provinceId: 46 } });

    expect((await agent.get(overview(47))).status).toBe(403);
    expect((await agent.get(overview(46))).status).toBe(200);
  });

  it('when the role itself changes elsewhere, then the next hot read runs with the new role', async () => {
    const { agency, editor } = await createTenant(45);
    await createPlan(agency.id, 2567);
    const agent = await signIn(app, editor);
    expect((await agent.get(overview(45))).status).toBe(403);

    await getPrisma().roleMembership.update({
      where: { id: (await membershipOf(editor.id)).id },
      data: { role: 'provincial_reviewer', agencyId: null, provinceId: 45 },
    });

    expect((await agent.get(overview(45))).status).toBe(200);
  });

  it('when only the role changes elsewhere (same province, no agency), then the next search runs with the new role', async () => {
    const { reviewer } = await createTenant(44);
    const other = await createAgency({ provinceId: 43 });
    const agent = await signIn(app, reviewer);
    const findOther = `/api/v1/agencies?q=${encodeURIComponent(other.nameTh)}&pageSize=50`;
    const idsOf = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);
    expect(idsOf((await agent.get(findOther)).body)).not.toContain(other.id);

    await getPrisma().roleMembership.update({ where: { id: (await membershipOf(reviewer.id)).id }, data: { role: 'national_admin' } });

    const again = await agent.get(findOther);
    expect(again.status).toBe(200);
    expect(idsOf(again.body)).toContain(other.id);
  });
});

describe('a measure save confirms the session in its first statement (ADR 027)', () => {
  const CSRF = { 'x-prongsai-csrf': '1' };
  const saveUrl = (measureId: string) => `/api/v1/measures/${measureId}`;
  const titleOf = async (measureId: string) => (await getPrisma().measure.findUniqueOrThrow({ where: { id: measureId } })).title;

  /** An editor signed in, with a draft plan of theirs whose first measure was saved once (the process now remembers the session). */
  async function editorWithSavedMeasure() {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft', 2);
    const measure = plan.measures[0]!;
    const agent = await signIn(app, editor);
    const first = await agent.patch(saveUrl(measure.id)).set(CSRF).send({ version: measure.version, title: 'บันทึกครั้งแรก' });
    expect(first.status).toBe(200);
    return { agency, editor, agent, measure, version: first.body.version as number };
  }

  it('when an editor saves a measure again, then the session read is folded into the measure read: two statements, not three', async () => {
    const { agent, measure, version } = await editorWithSavedMeasure();

    const again = await rowsSeenDuring(() => agent.patch(saveUrl(measure.id)).set(CSRF).send({ version, title: 'บันทึกครั้งที่สอง' }));

    expect(again.result.status).toBe(200);
    expect(again.result.body.title).toBe('บันทึกครั้งที่สอง');
    expect(again.statements).toBe(2);
    expect(await titleOf(measure.id)).toBe('บันทึกครั้งที่สอง');
  });

  it('when the session is ended elsewhere, then the next save answers 401 and writes nothing', async () => {
    const { editor, agent, measure, version } = await editorWithSavedMeasure();

    await getPrisma().session.deleteMany({ where: { userId: editor.id } });
    const response = await agent.patch(saveUrl(measure.id)).set(CSRF).send({ version, title: 'ไม่ควรบันทึก' });

    expect(response.status).toBe(401);
    expect(await titleOf(measure.id)).toBe('บันทึกครั้งแรก');
  });

  it('when the account is disabled elsewhere, then the next save answers 401 and writes nothing', async () => {
    const { editor, agent, measure, version } = await editorWithSavedMeasure();

    await getPrisma().user.update({ where: { id: editor.id }, data: { isActive: false } });
    const response = await agent.patch(saveUrl(measure.id)).set(CSRF).send({ version, title: 'ไม่ควรบันทึก' });

    expect(response.status).toBe(401);
    expect(await titleOf(measure.id)).toBe('บันทึกครั้งแรก');
  });

  it("when the editor is moved to another agency elsewhere, then a save of the old agency's measure answers 404 and writes nothing", async () => {
    const { editor, agent, measure, version } = await editorWithSavedMeasure();
    const other = await createAgency();

    await getPrisma().roleMembership.update({ where: { id: (await membershipOf(editor.id)).id }, data: { agencyId: other.id } });
    const response = await agent.patch(saveUrl(measure.id)).set(CSRF).send({ version, title: 'ไม่ควรบันทึก' });

    expect(response.status).toBe(404);
    expect(await titleOf(measure.id)).toBe('บันทึกครั้งแรก');
  });

  it('when a save with evidence links (the locked path) starts from a remembered session, then the session is confirmed before the lock and the save lands', async () => {
    const { editor, agent, measure, version } = await editorWithSavedMeasure();
    const evidence = [{ url: 'https://example.go.th/evidence-1', label: 'หลักฐาน' }];

    const saved = await agent.patch(saveUrl(measure.id)).set(CSRF).send({ version, evidence });
    await getPrisma().user.update({ where: { id: editor.id }, data: { isActive: false } });
    const refused = await agent.patch(saveUrl(measure.id)).set(CSRF).send({ version: saved.body.version, evidence: [] });

    expect(saved.status).toBe(200);
    expect(saved.body.evidence).toEqual(evidence);
    expect(refused.status).toBe(401);
    expect(await getPrisma().evidenceLink.count({ where: { measureId: measure.id } })).toBe(1);
  });
});
