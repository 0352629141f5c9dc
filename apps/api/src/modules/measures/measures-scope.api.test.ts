import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app';
import { createPlan, createTenant, signIn } from '../../../test/factories';
import { rowsSeenDuring } from '../../../test/rows-seen';

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };

/**
 * The measure reads (alone, with their plan, or their owner before a write) apply the caller's scope
 * INSIDE their statement: another agency's measure is never loaded and answers 404 like a missing one.
 */
describe('measure reads are scoped in SQL', () => {
  it("when an editor of agency A reads, saves or deletes agency B's measure, then each is a 404 and no row of B ever comes back", async () => {
    // Arrange
    const a = await createTenant();
    const b = await createTenant();
    const planB = await createPlan(b.agency.id, 2567, 'draft', 2);
    const measureB = planB.measures[0]!;
    const editorA = await signIn(app, a.editor);
    const editorB = await signIn(app, b.editor);
    const url = `/api/v1/measures/${measureB.id}`;

    // Act
    const asA = await rowsSeenDuring(async () => [
      await editorA.get(url),
      await editorA.patch(url).set(csrf).send({ version: 1, title: 'ไม่ควรบันทึก' }),
      await editorA
        .patch(url)
        .set(csrf)
        .send({ version: 1, evidence: [{ url: 'https://example.go.th/x', label: 'x' }] }),
      await editorA.delete(`${url}?version=1`).set(csrf),
      await editorA.get(`${url}/timeline`),
    ]);
    const asB = await rowsSeenDuring(() => editorB.get(url));

    // Assert
    expect(asA.result.map((response) => response.status)).toEqual([404, 404, 404, 404, 404]);
    expect(asA.statements).toBeGreaterThan(0);
    expect(asA.rowsText).not.toContain(measureB.id);
    expect(asA.rowsText).not.toContain(planB.id);
    expect(asA.rowsText).not.toContain(b.agency.id);
    // Inside B's scope the same read loads it: the listener sees what the database sends.
    expect(asB.result.status).toBe(200);
    expect(asB.rowsText).toContain(measureB.id);
  });
});
