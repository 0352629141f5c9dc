import mammoth from 'mammoth';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { createAgency, createPlan, createTenant, signIn } from '../../../test/factories';
import { getReportRenderStats, reportRenderLimit } from './reports.service';

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };

function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function docxOf(agent: Awaited<ReturnType<typeof signIn>>, planId: string): Promise<request.Response> {
  return agent.get(`/api/v1/plans/${planId}/report.docx`).buffer(true).parse(binary);
}

const docxText = async (body: Buffer) => (await mammoth.extractRawText({ buffer: body })).value;
const renders = () => getReportRenderStats().renders;

describe('report cache', () => {
  it('when the same .docx is asked for twice, then the second is served from the cache: the same bytes, no second render', async () => {
    // Arrange
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2566, 'draft', 2);
    const agent = await signIn(app, editor);
    const before = renders();

    // Act
    const first = await docxOf(agent, plan.id);
    const second = await docxOf(agent, plan.id);

    // Assert
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(renders() - before).toBe(1);
    expect(Buffer.compare(first.body as Buffer, second.body as Buffer)).toBe(0);
    expect(second.headers['content-disposition']).toBe(`attachment; filename="prongsai-${agency.code}-2566.docx"`);
  });

  it('when a measure is edited through the API, then the next report is rendered again and shows the edit', async () => {
    // Arrange
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2566, 'draft', 2);
    const agent = await signIn(app, editor);
    await docxOf(agent, plan.id);
    const measure = plan.measures[0]!;
    const edit = await agent
      .patch(`/api/v1/measures/${measure.id}`)
      .set(csrf)
      .send({ version: measure.version, responsible: 'กองคลังที่แก้แล้ว' });
    expect(edit.status).toBe(200);
    const before = renders();

    // Act
    const after = await docxOf(agent, plan.id);

    // Assert
    expect(renders() - before).toBe(1);
    expect(await docxText(after.body as Buffer)).toContain('กองคลังที่แก้แล้ว');
  });

  it('when only a measure row changes (no plan or version touched, as a script would), then the report is rendered again', async () => {
    // Arrange
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2566, 'draft', 2);
    const agent = await signIn(app, editor);
    await docxOf(agent, plan.id);
    const planRow = () => getPrisma().plan.findUniqueOrThrow({ where: { id: plan.id }, select: { version: true, updatedAt: true } });
    const planBefore = await planRow();
    await getPrisma().measure.update({ where: { id: plan.measures[1]!.id }, data: { responsible: 'แก้โดยสคริปต์' } });
    expect(await planRow()).toEqual(planBefore);
    const before = renders();

    // Act
    const after = await docxOf(agent, plan.id);

    // Assert
    expect(renders() - before).toBe(1);
    expect(await docxText(after.body as Buffer)).toContain('แก้โดยสคริปต์');
  });

  it("when the plan's intro, its measure order or the agency change, then each change is a new render", async () => {
    // Arrange
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2566, 'draft', 2);
    const agent = await signIn(app, editor);
    const html = async () => (await agent.get(`/api/v1/plans/${plan.id}/report.html`)).text;
    await html();

    // Act + Assert: the plan's own version.
    expect((await agent.patch(`/api/v1/plans/${plan.id}`).set(csrf).send({ version: plan.version, introText: 'คำนำใหม่' })).status).toBe(
      200,
    );
    expect(await html()).toContain('คำนำใหม่');

    // The order of the measures changes no version, only their sequences.
    const [one, two] = plan.measures;
    await agent
      .patch(`/api/v1/measures/${two!.id}`)
      .set(csrf)
      .send({ version: two!.version, actions: ['เดิมเป็นข้อสอง'] });
    expect((await html()).indexOf('เดิมเป็นข้อสอง')).toBeGreaterThan((await html()).indexOf('ขั้นตอนที่หนึ่ง'));
    const beforeReorder = renders();
    const reorder = await agent
      .put(`/api/v1/plans/${plan.id}/measure-order`)
      .set(csrf)
      .send({ measureIds: [two!.id, one!.id] });
    expect(reorder.status).toBe(200);
    const page = await html();
    expect(page.indexOf('เดิมเป็นข้อสอง')).toBeLessThan(page.indexOf('ขั้นตอนที่หนึ่ง'));
    expect(renders() - beforeReorder).toBe(1);

    // The agency row, changed behind the API's back (another replica, a script).
    await getPrisma().agency.update({ where: { id: agency.id }, data: { phone: '042-000000' } });
    const before = renders();
    expect(await html()).toContain('๐๔๒-๐๐๐๐๐๐');
    expect(renders() - before).toBe(1);
  });

  it('when several clients ask for the same report at once, then it is rendered once for all of them', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2566, 'draft', 3);
    const agent = await signIn(app, editor);
    const before = renders();

    const responses = await Promise.all(Array.from({ length: 5 }, () => docxOf(agent, plan.id)));

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(renders() - before).toBe(1);
  });

  it("when another province's reviewer asks for a cached report, then 404: the cache is behind the scope check", async () => {
    const { agency, editor } = await createTenant(37);
    const plan = await createPlan(agency.id, 2566, 'draft', 1);
    await docxOf(await signIn(app, editor), plan.id);
    const { reviewer } = await createTenant(49);

    const response = await docxOf(await signIn(app, reviewer), plan.id);

    expect(response.status).toBe(404);
  });
});

describe('bounded renders', () => {
  it('when every render slot and the queue are taken, then a report that is not cached gets 503 with Retry-After; a cached one is still served', async () => {
    // Arrange
    const { agency, editor } = await createTenant();
    const cached = await createPlan(agency.id, 2565, 'published', 1);
    const uncached = await createPlan(agency.id, 2566, 'draft', 1);
    const agent = await signIn(app, editor);
    expect((await docxOf(agent, cached.id)).status).toBe(200);
    let release!: () => void;
    const busy = new Promise<void>((resolve) => (release = resolve));
    const held: Promise<void>[] = [];
    while (reportRenderLimit.stats.queued < 16) {
      held.push(reportRenderLimit.run(() => busy));
      await Promise.resolve();
    }
    expect(reportRenderLimit.stats).toEqual({ running: 2, queued: 16 });

    try {
      // Act
      const refused = await agent.get(`/api/v1/plans/${uncached.id}/report.docx`);
      const fromCache = await docxOf(agent, cached.id);

      // Assert
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('2');
      expect(ErrorResponseSchema.parse(refused.body).error.code).toBe('SERVICE_UNAVAILABLE');
      expect(fromCache.status).toBe(200);
    } finally {
      release();
      await Promise.all(held);
    }
    expect((await docxOf(agent, uncached.id)).status).toBe(200);
  });

  it('when the public asks for a published report, then the permalink is cached like the staff copy', async () => {
    const agency = await createAgency();
    await createPlan(agency.id, 2565, 'published', 2);
    const url = `/api/v1/public/agencies/${agency.id}/plans/2565/report.docx`;
    const before = renders();

    const first = await request(app).get(url).buffer(true).parse(binary);
    const second = await request(app).get(url).buffer(true).parse(binary);

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(renders() - before).toBe(1);
    expect(second.headers['cache-control']).toBe('public, max-age=300');
  });
});
