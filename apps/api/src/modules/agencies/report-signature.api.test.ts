import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ErrorResponseSchema, ReportSignatureResponseSchema } from '@prongsai/shared';
import mammoth from 'mammoth';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { createAgency, createPlan, createTenant, createUser, signIn } from '../../../test/factories';

/** The signature block that ends an agency's official reports (issue 16, ADR 022). */

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };
const SIGNATURE = { name: 'นายสมชาย ใจดี', position: 'นายกองค์การบริหารส่วนตำบลทดสอบ', signedOn: '2024-03-07' };
const url = (agencyId: string) => `/api/v1/agencies/${agencyId}/report-signature`;

function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

const auditOf = (agencyId: string) =>
  getPrisma().auditLog.findMany({ where: { entityType: 'agency', entityId: agencyId }, orderBy: { id: 'asc' } });

describe('PUT/GET/DELETE /agencies/:agencyId/report-signature', () => {
  it('when an editor sets the block, then it reads back, the next report ends with it, and the change is audited', async () => {
    // Arrange
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft', 1);
    const agent = await signIn(app, editor);
    const before = await agent.get(`/api/v1/plans/${plan.id}/report.docx`).buffer(true).parse(binary);

    // Act
    const put = await agent.put(url(agency.id)).set(csrf).send(SIGNATURE);
    const get = await agent.get(url(agency.id));
    const after = await agent.get(`/api/v1/plans/${plan.id}/report.docx`).buffer(true).parse(binary);

    // Assert
    expect(put.status).toBe(200);
    expect(ReportSignatureResponseSchema.parse(get.body)).toEqual({ signature: SIGNATURE });
    expect((await mammoth.extractRawText({ buffer: before.body as Buffer })).value).not.toContain('ลงชื่อ');
    const text = (await mammoth.extractRawText({ buffer: after.body as Buffer })).value;
    expect(text).toContain('(นายสมชาย ใจดี)');
    expect(text).toContain('วันที่ ๗ มีนาคม ๒๕๖๗');
    const audit = await auditOf(agency.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'create',
      agencyId: agency.id,
      actorUserId: editor.id,
      changes: {
        signatoryName: { from: null, to: 'นายสมชาย ใจดี' },
        signatoryPosition: { from: null, to: SIGNATURE.position },
        signatureDate: { from: null, to: '2024-03-07' },
      },
    });
  });

  it('when the day is cleared and then the block removed, then the HTML report follows and each step is audited', async () => {
    // Arrange
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'draft', 1);
    const agent = await signIn(app, editor);
    await agent.put(url(agency.id)).set(csrf).send(SIGNATURE);

    // Act
    const undated = await agent.put(url(agency.id)).set(csrf).send({ name: SIGNATURE.name, position: SIGNATURE.position });
    const undatedHtml = (await agent.get(`/api/v1/plans/${plan.id}/report.html`)).text;
    const removed = await agent.delete(url(agency.id)).set(csrf);
    const unsignedHtml = (await agent.get(`/api/v1/plans/${plan.id}/report.html`)).text;
    const get = await agent.get(url(agency.id));

    // Assert
    expect(ReportSignatureResponseSchema.parse(undated.body).signature?.signedOn).toBeNull();
    expect(undatedHtml).toContain('วันที่ ........ เดือน .................... พ.ศ. ..........');
    expect(removed.status).toBe(204);
    expect(unsignedHtml).not.toContain('ลงชื่อ');
    expect(get.body).toEqual({ signature: null });
    const audit = await auditOf(agency.id);
    expect(audit.map((row) => row.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[1]!.changes).toEqual({ signatureDate: { from: '2024-03-07', to: null } });
  });

  it('when the same block is saved twice, then only the first save is audited', async () => {
    // Arrange
    const { agency, editor } = await createTenant();
    const agent = await signIn(app, editor);

    // Act
    await agent.put(url(agency.id)).set(csrf).send(SIGNATURE);
    const again = await agent.put(url(agency.id)).set(csrf).send(SIGNATURE);

    // Assert
    expect(again.status).toBe(200);
    expect(await auditOf(agency.id)).toHaveLength(1);
  });

  it.each([
    ['a blank name', { ...SIGNATURE, name: '   ' }, 'name'],
    ['no position', { name: SIGNATURE.name }, 'position'],
    ['a line break in the position', { ...SIGNATURE, position: 'นายก\nรักษาการ' }, 'position'],
    ['a BE year in the date', { ...SIGNATURE, signedOn: '2567-03-07' }, 'signedOn'],
    ['an impossible date', { ...SIGNATURE, signedOn: '2024-02-30' }, 'signedOn'],
    ['a name of 121 characters', { ...SIGNATURE, name: 'ก'.repeat(121) }, 'name'],
    ['an unknown field', { ...SIGNATURE, extra: true }, null],
  ])('when the block has %s, then 400 naming the field, and nothing is stored', async (_case, body, field) => {
    // Arrange
    const { agency, editor } = await createTenant();
    const agent = await signIn(app, editor);

    // Act
    const response = await agent.put(url(agency.id)).set(csrf).send(body);

    // Assert
    expect(response.status).toBe(400);
    const { error } = ErrorResponseSchema.parse(response.body);
    expect(error.code).toBe('VALIDATION_FAILED');
    if (field) expect(error.issues?.map((issue) => issue.path)).toContainEqual(expect.stringContaining(field));
    expect((await agent.get(url(agency.id))).body).toEqual({ signature: null });
    expect(await auditOf(agency.id)).toHaveLength(0);
  });

  it("when another agency's editor sets or reads the block, then 404 and nothing changes", async () => {
    // Arrange
    const { agency } = await createTenant();
    const other = await createAgency();
    const outsider = await signIn(app, await createUser('agency_editor', { agencyId: other.id }));

    // Act
    const put = await outsider.put(url(agency.id)).set(csrf).send(SIGNATURE);
    const remove = await outsider.delete(url(agency.id)).set(csrf);
    const get = await outsider.get(url(agency.id));

    // Assert
    expect([put.status, remove.status, get.status]).toEqual([404, 404, 404]);
    expect(await auditOf(agency.id)).toHaveLength(0);
  });

  it("when the province's reviewer sets the block, then 403 (they read it, they do not sign for the agency)", async () => {
    // Arrange
    const { agency, editor, reviewer } = await createTenant();
    await (await signIn(app, editor)).put(url(agency.id)).set(csrf).send(SIGNATURE);
    const agent = await signIn(app, reviewer);

    // Act
    const put = await agent
      .put(url(agency.id))
      .set(csrf)
      .send({ ...SIGNATURE, name: 'ผู้อื่น' });
    const get = await agent.get(url(agency.id));

    // Assert
    expect(put.status).toBe(403);
    expect(ReportSignatureResponseSchema.parse(get.body)).toEqual({ signature: SIGNATURE });
  });

  it('when a national admin sets the block, then it is stored and audited under the admin', async () => {
    // Arrange
    const { agency } = await createTenant();
    const admin = await createUser('national_admin');
    const agent = await signIn(app, admin);

    // Act
    const put = await agent.put(url(agency.id)).set(csrf).send(SIGNATURE);

    // Assert
    expect(put.status).toBe(200);
    expect((await auditOf(agency.id))[0]).toMatchObject({ action: 'create', actorUserId: admin.id, actorRole: 'national_admin' });
  });

  it('when nobody is signed in, then 401', async () => {
    // Arrange
    const { agency } = await createTenant();

    // Act
    const response = await request(app).put(url(agency.id)).set(csrf).send(SIGNATURE);

    // Assert
    expect(response.status).toBe(401);
  });
});

describe('the database keeps the signature block whole (migration 20261202141959)', () => {
  it('when a write sets a name without a position, or a date without a name, then PostgreSQL refuses it (23514) and the row is unchanged', async () => {
    const agency = await createAgency({ provinceId: 49 });
    const prisma = getPrisma();
    for (const data of [
      { signatoryName: 'นายสมชาย ใจดี' },
      { signatoryPosition: 'นายก' },
      { signatureDate: new Date('2026-01-05T00:00:00Z') },
    ]) {
      const failure = await prisma.agency.update({ where: { id: agency.id }, data }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(String((failure as { message?: string })?.message)).toMatch(/whole or absent/);
    }
    const whole = await prisma.agency.update({
      where: { id: agency.id },
      data: { signatoryName: 'นายสมชาย ใจดี', signatoryPosition: 'นายกองค์การบริหารส่วนตำบล' },
    });
    expect(whole.signatoryName).toBe('นายสมชาย ใจดี');
    const unchanged = await prisma.agency.findUniqueOrThrow({ where: { id: agency.id } });
    expect(unchanged.signatureDate).toBeNull();
  });
});
