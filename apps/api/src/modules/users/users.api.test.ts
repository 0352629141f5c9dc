import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { PasswordResetCodeResponseSchema, UserSchema } from '@prongsai/shared';
import { applyMigrations, dropDatabase, ensureDatabase, migrationsDir, repoRoot } from '@prongsai/db-tools';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { createAgency, createTenant, createUser, signIn, unique } from '../../../test/factories';
import { serverUrlOf } from '../../../test/private-database';

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };

describe('users (national admin)', () => {
  it('when an admin creates an editor, then the user can sign in and the audit records it; the same e-mail again is a 409 that names why', async () => {
    const admin = await createUser('national_admin');
    const agency = await createAgency();
    const agent = await signIn(app, admin);
    const email = `${unique('new')}@test.example`;

    const created = await agent
      .post('/api/v1/users')
      .set(csrf)
      .send({
        email,
        name: 'เจ้าหน้าที่ใหม่',
        password: 'a-sufficiently-long-pass',
        assignment: { role: 'agency_editor', agencyId: agency.id },
      });
    const login = await request(app).post('/api/v1/auth/login').set(csrf).send({ email, password: 'a-sufficiently-long-pass' });
    const again = await agent
      .post('/api/v1/users')
      .set(csrf)
      .send({ email, name: 'อีกคน', password: 'a-sufficiently-long-pass', assignment: { role: 'national_admin' } });

    expect(created.status).toBe(201);
    expect(UserSchema.parse(created.body)).toMatchObject({ role: 'agency_editor', agencyId: agency.id, isActive: true });
    expect(login.status).toBe(200);
    expect(await getPrisma().auditLog.count({ where: { entityType: 'user', entityId: created.body.id, action: 'create' } })).toBe(1);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', reason: 'emailTaken' });
  });

  it('when the password is short or common, then 400 names body.password', async () => {
    const admin = await createUser('national_admin');
    const agent = await signIn(app, admin);

    const short = await agent
      .post('/api/v1/users')
      .set(csrf)
      .send({ email: `${unique('x')}@test.example`, name: 'x', password: 'short', assignment: { role: 'national_admin' } });
    const common = await agent
      .post('/api/v1/users')
      .set(csrf)
      .send({ email: `${unique('x')}@test.example`, name: 'x', password: 'password1234', assignment: { role: 'national_admin' } });

    expect(short.status).toBe(400);
    expect(short.body.error.issues[0].path).toBe('body.password');
    expect(common.status).toBe(400);
    expect(common.body.error.issues[0].path).toBe('body.password');
    expect(common.body.error).toMatchObject({ reason: 'passwordCommon', issues: [{ code: 'weak_password' }] });
  });

  it('when a user is disabled, then their sessions end and they cannot sign in', async () => {
    const admin = await createUser('national_admin');
    const { editor } = await createTenant();
    const editorAgent = await signIn(app, editor);
    const agent = await signIn(app, admin);

    const disabled = await agent.patch(`/api/v1/users/${editor.id}`).set(csrf).send({ isActive: false });

    expect(disabled.status).toBe(200);
    expect((await editorAgent.get('/api/v1/auth/me')).status).toBe(401);
    expect((await request(app).post('/api/v1/auth/login').set(csrf).send({ email: editor.email, password: editor.password })).status).toBe(
      401,
    );
  });

  it('when the role changes, then a role_change audit row keeps the before and after', async () => {
    const admin = await createUser('national_admin');
    const { editor } = await createTenant();
    const agent = await signIn(app, admin);

    const response = await agent
      .patch(`/api/v1/users/${editor.id}`)
      .set(csrf)
      .send({ assignment: { role: 'provincial_reviewer', provinceId: 49 } });

    expect(response.body.role).toBe('provincial_reviewer');
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: editor.id, action: 'role_change' } });
    expect(audit.changes).toMatchObject({ role: { from: { role: 'agency_editor' }, to: { role: 'provincial_reviewer', provinceId: 49 } } });
  });

  it('when an admin issues a reset code, then the user sets a new password with it once', async () => {
    const admin = await createUser('national_admin');
    const { editor } = await createTenant();
    const agent = await signIn(app, admin);

    const issued = PasswordResetCodeResponseSchema.parse((await agent.post(`/api/v1/users/${editor.id}/password-reset`).set(csrf)).body);
    const redeemed = await request(app)
      .post('/api/v1/auth/password-reset')
      .set(csrf)
      .send({ code: issued.code, password: 'brand-new-password-2569' });
    const again = await request(app)
      .post('/api/v1/auth/password-reset')
      .set(csrf)
      .send({ code: issued.code, password: 'another-new-password-2569' });
    const login = await request(app)
      .post('/api/v1/auth/login')
      .set(csrf)
      .send({ email: editor.email, password: 'brand-new-password-2569' });

    expect(redeemed.status).toBe(204);
    expect(again.status).toBe(400);
    expect(again.body.error.issues[0].path).toBe('body.code');
    expect(again.body.error.reason).toBe('resetCodeInvalid');
    expect(login.status).toBe(200);
  });
});

describe('audit trail', () => {
  it('when anyone tries to change an audit row in the database, then PostgreSQL refuses', async () => {
    const { editor } = await createTenant();
    await signIn(app, editor);
    const row = await getPrisma().auditLog.findFirstOrThrow({ where: { actorUserId: editor.id } });

    await expect(getPrisma().auditLog.update({ where: { id: row.id }, data: { action: 'forged' } })).rejects.toThrow(/append-only/);
    await expect(getPrisma().auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
  });

  it('when anyone tries to TRUNCATE the audit table, then PostgreSQL refuses and the rows stay', async () => {
    // Arrange: a migrated database of its own (TRUNCATE locks the whole table, and a missing
    // trigger must not wipe the audit rows other test files are reading).
    const base = process.env.DATABASE_URL!;
    const name = `prongsai_truncate_${randomBytes(4).toString('hex')}`;
    await ensureDatabase(serverUrlOf(base), name);
    await applyMigrations(serverUrlOf(base, name), migrationsDir(repoRoot()));
    const client = new pg.Client({ connectionString: serverUrlOf(base, name) });
    await client.connect();
    try {
      await client.query(`INSERT INTO "AuditLog" (action, "entityType", "entityId") VALUES ('create', 'plan', 'p-1')`);

      // Act
      const attempt = client.query('TRUNCATE "AuditLog"');

      // Assert
      await expect(attempt).rejects.toThrow('AuditLog is append-only (TRUNCATE rejected)');
      expect((await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "AuditLog"')).rows[0]!.n).toBe(1);
    } finally {
      await client.end();
      await dropDatabase(serverUrlOf(base), name);
    }
  });

  it('when an editor reads the audit, then only their own agency rows come back', async () => {
    const a = await createTenant();
    const b = await createTenant(37);
    await signIn(app, b.editor);
    const agent = await signIn(app, a.editor);

    const response = await agent.get('/api/v1/audit?pageSize=200');

    expect(response.status).toBe(200);
    const agencies = new Set(response.body.items.map((item: { agencyId: string }) => item.agencyId));
    expect([...agencies]).toEqual([a.agency.id]);
  });
});

describe('GET /users?q= (the admin search of accounts)', () => {
  /** A Thai tag no other test's names contain. */
  const thaiTag = () =>
    randomBytes(4)
      .toString('hex')
      .split('')
      .map((digit) => 'กขคจฉชซญฎฏฐฑฒณดต'[parseInt(digit, 16)])
      .join('');

  const search = async (q: string) => {
    const admin = await signIn(app, await createUser('national_admin'));
    const response = await admin.get(`/api/v1/users?pageSize=100&q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return (response.body.items as { id: string }[]).map((user) => user.id);
  };

  it("when an admin types the agency's name as officials write it, then that agency's editor is found", async () => {
    const tag = thaiTag();
    const agency = await createAgency({ type: 'sao', nameTh: `องค์การบริหารส่วนตำบลโพธิ์${tag}`, nameEn: `Pho ${tag} SAO` });
    const other = await createAgency({ type: 'municipality', municipalityClass: 'tambon', nameTh: `เทศบาลตำบลโพธิ์${tag}` });
    const editor = await createUser('agency_editor', { agencyId: agency.id });
    const otherEditor = await createUser('agency_editor', { agencyId: other.id });

    for (const q of [`อบต.โพธิ์${tag}`, `${tag} โพธิ์ อ.บ.ต.`, `โพธิ์${tag}`]) {
      expect(await search(q), q).toContain(editor.id);
    }
    expect(await search(`อบต.โพธิ์${tag}`)).not.toContain(otherEditor.id);
    expect(await search(`ทต.โพธิ์${tag}`)).toEqual([otherEditor.id]);
  });

  it('when an admin types words of a name or an e-mail in any order, then the account is found', async () => {
    const tag = thaiTag();
    const user = await createUser('national_admin');
    await getPrisma().user.update({ where: { id: user.id }, data: { name: `สมหญิง ${tag}ใจดี` } });

    expect(await search(`${tag}ใจดี สมหญิง`)).toEqual([user.id]);
    expect(await search(`${user.email.split('@')[0]} ${tag}`)).toEqual([user.id]);
    expect(await search(`${tag}ใจร้าย`)).toEqual([]);
  });
});
