import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { createPlan, createTenant, signIn } from '../../../test/factories';
import { rowsSeenDuring } from '../../../test/rows-seen';

const app = testApp();

/**
 * The plan reads apply the caller's scope INSIDE their statement: another agency's plan is never
 * loaded (so no code could leak it), and answers 404 exactly like a missing plan.
 */
describe('plan reads are scoped in SQL', () => {
  it("when an editor of agency A asks for agency B's plan by id, then 404 and no row of B ever comes back from the database", async () => {
    // Arrange
    const a = await createTenant();
    const b = await createTenant();
    const planB = await createPlan(b.agency.id, 2567, 'draft', 2);
    const editorA = await signIn(app, a.editor);
    const editorB = await signIn(app, b.editor);

    // Act
    const asA = await rowsSeenDuring(() => editorA.get(`/api/v1/plans/${planB.id}`));
    const asB = await rowsSeenDuring(() => editorB.get(`/api/v1/plans/${planB.id}`));

    // Assert
    expect(asA.result.status).toBe(404);
    expect(asA.statements).toBeGreaterThan(0);
    expect(asA.rowsText).not.toContain(planB.id);
    expect(asA.rowsText).not.toContain(b.agency.id);
    // The same request inside B's scope does load the plan: the listener sees what the database sends.
    expect(asB.result.status).toBe(200);
    expect(asB.rowsText).toContain(planB.id);
  });

  it("when an editor of agency A asks for agency B's plan by agency and year, then 404 and no row of B ever comes back", async () => {
    // Arrange
    const a = await createTenant();
    const b = await createTenant();
    const planB = await createPlan(b.agency.id, 2567, 'draft', 2);
    const editorA = await signIn(app, a.editor);

    // Act
    const { result, rowsText, statements } = await rowsSeenDuring(() => editorA.get(`/api/v1/agencies/${b.agency.id}/plans/2567`));

    // Assert
    expect(result.status).toBe(404);
    expect(statements).toBeGreaterThan(0);
    expect(rowsText).not.toContain(planB.id);
    expect(rowsText).not.toContain(b.agency.id);
  });

  it('when the public reads a published plan with a deleted measure, then the deleted measure never comes back from the database', async () => {
    // Arrange
    const { agency } = await createTenant();
    const plan = await createPlan(agency.id, 2566, 'published', 3);
    const deleted = plan.measures[1]!;
    await getPrisma().measure.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });

    // Act
    const { result, rowsText } = await rowsSeenDuring(() => request(app).get(`/api/v1/public/agencies/${agency.id}/plans/2566`));

    // Assert
    expect(result.status).toBe(200);
    expect(result.body.measures).toHaveLength(2);
    expect(rowsText).toContain(plan.measures[0]!.id);
    expect(rowsText).not.toContain(deleted.id);
  });
});
