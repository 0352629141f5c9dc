import { describe, expect, it } from 'vitest';
import { ErrorResponseSchema, PlanDetailSchema, currentFiscalYear } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { createPlan, createTenant, createUser, signIn } from '../../../test/factories';

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };
const issuePaths = (body: unknown) => ErrorResponseSchema.parse(body).error.issues?.map((issue) => issue.path) ?? [];

describe('numbers in JSON bodies are JSON numbers', () => {
  it('when a submit names its version as "1", true, [1] or "0x1", then each is a 400 on body.version and the plan stays a draft', async () => {
    // Arrange
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2566, 'draft', 1);
    const agent = await signIn(app, editor);

    // Act
    const responses = [];
    for (const version of ['1', true, [1], '0x1'])
      responses.push(await agent.post(`/api/v1/plans/${plan.id}/submit`).set(csrf).send({ version }));

    // Assert
    expect(responses.map((response) => response.status)).toEqual([400, 400, 400, 400]);
    for (const response of responses) expect(issuePaths(response.body)).toContain('body.version');
    expect((await getPrisma().plan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe('draft');
  });

  it('when a submit names its version as the number 1, then it is submitted', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2566, 'draft', 1);

    const response = await (await signIn(app, editor)).post(`/api/v1/plans/${plan.id}/submit`).set(csrf).send({ version: 1 });

    expect(response.status).toBe(200);
    expect(PlanDetailSchema.parse(response.body).status).toBe('submitted');
  });

  it('when a plan is copied from the year "2566" (a string), then 400 on body.copyFromFiscalYear and no plan is made', async () => {
    const { agency, editor } = await createTenant();
    await createPlan(agency.id, 2566, 'published', 1);

    const response = await (
      await signIn(app, editor)
    )
      .post(`/api/v1/agencies/${agency.id}/plans/2567`)
      .set(csrf)
      .send({ copyFromFiscalYear: '2566' });

    expect(response.status).toBe(400);
    expect(issuePaths(response.body)).toContain('body.copyFromFiscalYear');
    expect(await getPrisma().plan.count({ where: { agencyId: agency.id, fiscalYear: 2567 } })).toBe(0);
  });
});

describe('numbers in paths and queries are decimal digits', () => {
  it('when a plan year is written 0xA06, 2.566e3 or " 2566", then each is a 400, while 2566 finds the plan', async () => {
    // Arrange
    const { agency, editor } = await createTenant();
    await createPlan(agency.id, 2566, 'draft', 1);
    const agent = await signIn(app, editor);

    // Act
    const bad = [];
    for (const year of ['0xA06', '2.566e3', '%202566']) bad.push(await agent.get(`/api/v1/agencies/${agency.id}/plans/${year}`));
    const good = await agent.get(`/api/v1/agencies/${agency.id}/plans/2566`);

    // Assert
    expect(bad.map((response) => response.status)).toEqual([400, 400, 400]);
    for (const response of bad) expect(issuePaths(response.body)).toContain('params.fiscalYear');
    expect(good.status).toBe(200);
    expect(PlanDetailSchema.parse(good.body).fiscalYear).toBe(2566);
  });

  it('when a query writes the year, the page or the province in hex or with an exponent, then 400', async () => {
    const { reviewer } = await createTenant(49);
    const agent = await signIn(app, reviewer);

    const statuses = [];
    for (const query of ['fiscalYear=0xA06', 'fiscalYear=2.566e3', 'fiscalYear=2566&page=1e1', 'fiscalYear=2566&pageSize=0x10']) {
      statuses.push((await agent.get(`/api/v1/review/provinces/49/overview?${query}`)).status);
    }
    const provinceInHex = await agent.get('/api/v1/review/provinces/0x31/overview?fiscalYear=2566');
    const good = await agent.get('/api/v1/review/provinces/49/overview?fiscalYear=2566&page=1&pageSize=10');

    expect(statuses).toEqual([400, 400, 400, 400]);
    expect(provinceInHex.status).toBe(400);
    expect(good.status).toBe(200);
  });

  it('when a measure is deleted with ?version=0x1, then 400 and the measure stays', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2566, 'draft', 1);
    const measure = plan.measures[0]!;

    const response = await (await signIn(app, editor)).delete(`/api/v1/measures/${measure.id}?version=0x1`).set(csrf);

    expect(response.status).toBe(400);
    expect(issuePaths(response.body)).toContain('query.version');
    expect((await getPrisma().measure.findUniqueOrThrow({ where: { id: measure.id } })).deletedAt).toBeNull();
  });
});

describe('fiscal years are bounded by the shared rule (2550 … current fiscal year + 1)', () => {
  it('when an editor creates a plan for FY 2599, then 400 names the allowed range and no plan is stored', async () => {
    // Arrange
    const { agency, editor } = await createTenant();
    const agent = await signIn(app, editor);

    // Act
    const response = await agent.post(`/api/v1/agencies/${agency.id}/plans/2599`).set(csrf).send({});

    // Assert
    expect(response.status).toBe(400);
    const issue = ErrorResponseSchema.parse(response.body).error.issues?.find((item) => item.path === 'params.fiscalYear');
    expect(issue?.message).toBe(`ปีงบประมาณต้องเป็น พ.ศ. 2550–${currentFiscalYear() + 1}`);
    expect(await getPrisma().plan.count({ where: { agencyId: agency.id } })).toBe(0);
  });

  it('when an editor creates a plan for next fiscal year, then it is made', async () => {
    const { agency, editor } = await createTenant();
    const next = currentFiscalYear() + 1;

    const response = await (await signIn(app, editor)).post(`/api/v1/agencies/${agency.id}/plans/${next}`).set(csrf).send({});

    expect(response.status).toBe(201);
    expect(PlanDetailSchema.parse(response.body).fiscalYear).toBe(next);
  });

  it('when a reviewer asks for FY 2599 or FY 2549, then 400; the public summary refuses 2599 too', async () => {
    const { reviewer } = await createTenant(49);
    const agent = await signIn(app, reviewer);

    const late = await agent.get('/api/v1/review/provinces/49/overview?fiscalYear=2599');
    const early = await agent.get('/api/v1/review/provinces/49/indicators?fiscalYear=2549');
    const publicLate = await agent.get('/api/v1/public/summary?fiscalYear=2599');

    expect([late.status, early.status, publicLate.status]).toEqual([400, 400, 400]);
  });

  it('when ITA results name fiscal year 2599 or 0xA06, then 400 names each line with the allowed range and nothing is stored', async () => {
    // Arrange
    const admin = await createUser('national_admin');
    const { agency } = await createTenant();
    await getPrisma().agency.update({ where: { id: agency.id }, data: { code: `T${agency.id.slice(0, 7)}` } });
    const code = `T${agency.id.slice(0, 7)}`;
    const csv = `agency_code,fiscal_year,score\n${code},2599,90\n${code},0xA06,91\n`;

    // Act
    const response = await (await signIn(app, admin)).post('/api/v1/ita-results').set(csrf).send({ csv });

    // Assert
    expect(response.status).toBe(400);
    const issues = ErrorResponseSchema.parse(response.body).error.issues ?? [];
    expect(issues.map((issue) => issue.path)).toEqual(['body.csv.line2.fiscal_year', 'body.csv.line3.fiscal_year']);
    expect(issues[0]?.message).toContain('2550–');
    expect(issues[0]).toMatchObject({ code: 'custom', params: { key: 'fiscalYearRange', min: 2550 } });
    expect(await getPrisma().itaResult.count({ where: { agencyId: agency.id } })).toBe(0);
  });

  it('when ITA results lack an agency code or score out of 0–100, then 400 names each line with a code and its numbers (ADR 026)', async () => {
    // Arrange
    const admin = await createUser('national_admin');
    const csv = 'agency_code,fiscal_year,score\n,2566,90\nX1,2566,101\n';

    // Act
    const response = await (await signIn(app, admin)).post('/api/v1/ita-results').set(csrf).send({ csv });
    const noHeader = await (await signIn(app, admin)).post('/api/v1/ita-results').set(csrf).send({ csv: 'code,score\nX1,90\n' });

    // Assert
    expect(response.status).toBe(400);
    const { error } = ErrorResponseSchema.parse(response.body);
    expect(error.reason).toBe('csvInvalid');
    expect(error.message).toBe('ไฟล์ CSV มีข้อมูลไม่ถูกต้อง');
    expect(error.issues).toEqual([
      { path: 'body.csv.line2.agency_code', code: 'required', message: 'กรุณาระบุรหัสหน่วยงาน' },
      { path: 'body.csv.line3.score', code: 'number_range', message: 'คะแนนต้องอยู่ระหว่าง 0–100', params: { minimum: 0, maximum: 100 } },
    ]);
    expect(noHeader.status).toBe(400);
    const header = ErrorResponseSchema.parse(noHeader.body).error;
    expect(header).toMatchObject({ reason: 'csvHeader', params: { columns: 'agency_code,fiscal_year,score' } });
    expect(header.issues?.[0]).toMatchObject({ code: 'invalid_header', params: { columns: 'agency_code,fiscal_year,score' } });
  });
});
