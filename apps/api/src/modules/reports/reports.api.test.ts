import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ImportPreviewSchema, PlanDetailSchema } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { createAgency, createPlan, createTenant, signIn } from '../../../test/factories';

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };
const sample = fs.readFileSync(path.join(__dirname, 'import', 'fixtures', 'report-2566-bangsainoi.txt'), 'utf8');

function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('report import through the API', () => {
  it('when the sample report is previewed, then its 8 measures and real defects come back and nothing is written', async () => {
    const agency = await createAgency({ nameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อย', website: 'www.bangsainoi.go.th' });
    const { editor } = { editor: await (await import('../../../test/factories')).createUser('agency_editor', { agencyId: agency.id }) };
    const agent = await signIn(app, editor);

    const response = await agent.post(`/api/v1/agencies/${agency.id}/imports/preview`).set(csrf).send({ format: 'text', content: sample });

    expect(response.status).toBe(200);
    const preview = ImportPreviewSchema.parse(response.body);
    expect(preview.report.fiscalYear).toBe(2566);
    expect(preview.report.measures).toHaveLength(8);
    const codes = new Set(preview.report.warnings.map((warning) => `${warning.code}:${warning.sequence}`));
    expect([...codes]).toEqual(
      expect.arrayContaining(['OTHER_AGENCY_MENTION:2', 'OTHER_WEBSITE:3', 'DAY_LEFT_BLANK:4', 'DAY_LEFT_BLANK:5']),
    );
    expect(await getPrisma().plan.count({ where: { agencyId: agency.id } })).toBe(0);
  });

  it('when the preview is confirmed, then one draft plan holds every measure, the quality warnings computed by the server, and the import is audited', async () => {
    const { agency, editor } = await createTenant();
    const agent = await signIn(app, editor);
    const preview = ImportPreviewSchema.parse(
      (await agent.post(`/api/v1/agencies/${agency.id}/imports/preview`).set(csrf).send({ format: 'text', content: sample })).body,
    );
    const measures = preview.report.measures.map((measure) => ({
      title: measure.title,
      actions: measure.actions,
      indicators: measure.indicators.map((ref) => ({ fiscalYear: ref.fiscalYear ?? 2566, code: ref.code, raw: ref.raw })),
      outcome: measure.outcome,
      resultText: measure.resultText,
      summary: measure.summary,
      carriedOut: measure.carriedOut,
      carriedOutRaw: measure.carriedOutRaw,
      evidence: measure.evidence,
    }));

    const response = await agent.post(`/api/v1/agencies/${agency.id}/plans/2566/import`).set(csrf).send({ measures });

    expect(response.status).toBe(201);
    const plan = PlanDetailSchema.parse(response.body);
    expect(plan.status).toBe('draft');
    expect(plan.measures).toHaveLength(8);
    expect(plan.measures[3]!.carriedOut).toEqual({ date: '2023-03-01', precision: 'month' });
    expect(plan.measures[0]!.indicators.map((ref) => ref.code)).toEqual(['O11']);
    expect(plan.warnings.length).toBeGreaterThan(0);
    expect((await getPrisma().plan.findUniqueOrThrow({ where: { id: plan.id } })).warningCount).toBe(plan.warnings.length);
    expect(await getPrisma().auditLog.count({ where: { entityId: plan.id, action: 'import' } })).toBe(1);
  });

  it('when one measure of the batch is invalid, then 400 names it and nothing is saved', async () => {
    const { agency, editor } = await createTenant();
    const agent = await signIn(app, editor);

    const response = await agent
      .post(`/api/v1/agencies/${agency.id}/plans/2566/import`)
      .set(csrf)
      .send({ measures: [{ title: 'ดี' }, { title: '', evidence: [{ url: 'ftp://x', label: 'x' }] }] });

    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(
      expect.arrayContaining(['body.measures.1.title', 'body.measures.1.evidence.0.url']),
    );
    expect(await getPrisma().plan.count({ where: { agencyId: agency.id } })).toBe(0);
  });
});

describe('report export through the API', () => {
  it('when an editor downloads the .docx, then it opens and holds the agency name, Thai digits and the measures', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2566, 'draft', 2);
    const agent = await signIn(app, editor);

    const response = await agent.get(`/api/v1/plans/${plan.id}/report.docx`).buffer(true).parse(binary);

    expect(response.status).toBe(200);
    const { value: text } = await mammoth.extractRawText({ buffer: response.body as Buffer });
    expect(text).toContain(agency.nameTh);
    expect(text).toContain('๒๕๖๖');
    expect(text).toContain('ขั้นตอนที่หนึ่ง');
  });

  it('when the public asks for the report of a plan that is not published, then 404; a published one is served', async () => {
    const agency = await createAgency();
    await createPlan(agency.id, 2566, 'accepted', 1);
    await createPlan(agency.id, 2565, 'published', 1);

    const hidden = await request(app).get(`/api/v1/public/agencies/${agency.id}/plans/2566/report.html`);
    const shown = await request(app).get(`/api/v1/public/agencies/${agency.id}/plans/2565/report.html`);

    expect(hidden.status).toBe(404);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain(agency.nameTh);
    expect(shown.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('when a reviewer exports measures as CSV, then it has a BOM, their province only, and published-only for the public', async () => {
    const { agency, reviewer } = await createTenant(37);
    await createPlan(agency.id, 2550, 'draft', 2);
    const elsewhere = await createAgency({ provinceId: 49 });
    await createPlan(elsewhere.id, 2550, 'draft', 1);
    const agent = await signIn(app, reviewer);

    const csv = (await agent.get('/api/v1/exports/measures.csv?fiscalYear=2550')).text;
    const open = (await request(app).get('/api/v1/public/exports/measures.csv?fiscalYear=2550')).text;

    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(agency.nameTh);
    expect(csv).not.toContain(elsewhere.nameTh);
    expect(open).not.toContain(agency.nameTh);
  });
});
