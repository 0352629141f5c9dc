import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ErrorResponseSchema, MeResponseSchema } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { onRows } from '../../lib/sql';
import { testApp } from '../../../test/app';

const csrf = { 'x-prongsai-csrf': '1' };
import { createTenant, sessionCookie, signIn, TEST_PASSWORD, unique } from '../../../test/factories';
import { LOGIN_FAILURE_LIMIT, LOGIN_IP_FAILURE_LIMIT } from './auth.service';

let ipCounter = 0;
/** A fresh client IP per call, so failures of one test never throttle another. */
const freshIp = () => ({ 'X-Forwarded-For': `198.51.100.${++ipCounter % 250}`, ...csrf });

const app = testApp();

function sessionToken(setCookie: string[] | string | undefined): string | undefined {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return cookies
    .find((cookie) => cookie.startsWith('prongsai_session='))
    ?.split(';')[0]
    ?.split('=')[1];
}

describe('POST /api/v1/auth/login', () => {
  it('when the password is right, then it answers the user with role and sets an HttpOnly SameSite=Lax cookie', async () => {
    const { editor, agency } = await createTenant();

    const response = await request(app).post('/api/v1/auth/login').set(csrf).send({ email: editor.email, password: TEST_PASSWORD });

    expect(response.status).toBe(200);
    const body = MeResponseSchema.parse(response.body);
    expect(body.user).toMatchObject({ email: editor.email, role: 'agency_editor', agencyId: agency.id });
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((value) => value.startsWith('prongsai_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const audit = await getPrisma().auditLog.findFirst({ where: { action: 'login', actorUserId: editor.id } });
    expect(audit).not.toBeNull();
  });

  it('when the email is unknown or the password wrong, then both get the same 401 and a failed-login audit row', async () => {
    const { editor } = await createTenant();

    const wrong = await request(app).post('/api/v1/auth/login').set(freshIp()).send({ email: editor.email, password: 'not-the-password' });
    const unknown = await request(app)
      .post('/api/v1/auth/login')
      .set(freshIp())
      .send({ email: `${unique('nobody')}@test.example`, password: 'not-the-password' });

    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(ErrorResponseSchema.parse(wrong.body).error.message).toBe(ErrorResponseSchema.parse(unknown.body).error.message);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(await getPrisma().auditLog.count({ where: { action: 'login_failed', entityId: editor.id } })).toBe(1);
  });

  it('when the body is not valid, then 400 names the field', async () => {
    const response = await request(app).post('/api/v1/auth/login').set(csrf).send({ email: 'not-an-email' });

    expect(response.status).toBe(400);
    const paths = ErrorResponseSchema.parse(response.body).error.issues?.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });

  it(`when an account failed ${LOGIN_FAILURE_LIMIT} times, then the next attempt gets 429 with Retry-After, even with the right password`, async () => {
    const { editor } = await createTenant();
    for (let attempt = 0; attempt < LOGIN_FAILURE_LIMIT; attempt++) {
      await request(app).post('/api/v1/auth/login').set(freshIp()).send({ email: editor.email, password: 'wrong-password' });
    }

    const response = await request(app).post('/api/v1/auth/login').set(freshIp()).send({ email: editor.email, password: TEST_PASSWORD });

    expect(response.status).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.body.error.code).toBe('RATE_LIMITED');
  });

  it(`when one IP failed ${LOGIN_IP_FAILURE_LIMIT} times across accounts, then that IP gets 429 and other IPs do not`, async () => {
    const { editor } = await createTenant();
    const ip = { 'X-Forwarded-For': '203.0.113.77', ...csrf };
    for (let attempt = 0; attempt < LOGIN_IP_FAILURE_LIMIT; attempt++) {
      await request(app)
        .post('/api/v1/auth/login')
        .set(ip)
        .send({ email: `${unique('guess')}@test.example`, password: 'wrong-password' });
    }

    const blocked = await request(app).post('/api/v1/auth/login').set(ip).send({ email: editor.email, password: TEST_PASSWORD });
    const elsewhere = await request(app).post('/api/v1/auth/login').set(freshIp()).send({ email: editor.email, password: TEST_PASSWORD });

    expect(blocked.status).toBe(429);
    expect(elsewhere.status).toBe(200);
  });

  it('when a client logs in with a session cookie it already had, then it gets a new session id (no fixation)', async () => {
    const { editor } = await createTenant();
    const first = await request(app).post('/api/v1/auth/login').set(csrf).send({ email: editor.email, password: TEST_PASSWORD });
    const before = sessionToken(first.headers['set-cookie']);

    const second = await request(app)
      .post('/api/v1/auth/login')
      .set(csrf)
      .set('Cookie', `prongsai_session=${before}`)
      .send({ email: editor.email, password: TEST_PASSWORD });
    const after = sessionToken(second.headers['set-cookie']);

    expect(before).toBeTruthy();
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
  });

  it('when a write comes from a foreign Origin, then it is rejected as CSRF', async () => {
    const { editor } = await createTenant();

    const foreign = await request(app)
      .post('/api/v1/auth/login')
      .set('Origin', 'https://evil.example')
      .send({ email: editor.email, password: TEST_PASSWORD });
    const bare = await request(app).post('/api/v1/auth/login').send({ email: editor.email, password: TEST_PASSWORD });

    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('CSRF_REJECTED');
    expect(bare.status).toBe(403);
  });
});

describe('sessions', () => {
  it('when a user logs in, then the session ends at the absolute lifetime (SESSION_ABSOLUTE_HOURS), in the database and in the cookie', async () => {
    // Arrange
    const { editor } = await createTenant();
    const shortLived = testApp({ sessionAbsoluteHours: 3 });
    const hours = (ms: number) => ms / 3600_000;
    const before = Date.now();

    // Act
    const response = await request(shortLived)
      .post('/api/v1/auth/login')
      .set(freshIp())
      .send({ email: editor.email, password: TEST_PASSWORD });
    const after = Date.now();

    // Assert
    expect(response.status).toBe(200);
    const session = await getPrisma().session.findFirstOrThrow({ where: { userId: editor.id }, orderBy: { createdAt: 'desc' } });
    expect(hours(session.expiresAt.getTime() - before)).toBeGreaterThanOrEqual(3 - 1 / 3600);
    expect(hours(session.expiresAt.getTime() - after)).toBeLessThanOrEqual(3 + 1 / 3600);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((value) => value.startsWith('prongsai_session='))!;
    const cookieExpires = /Expires=([^;]+)/i.exec(cookie)?.[1];
    const maxAge = /Max-Age=(\d+)/i.exec(cookie)?.[1];
    const cookieEnd = maxAge ? after + Number(maxAge) * 1000 : Date.parse(cookieExpires ?? '');
    expect(Math.abs(hours(cookieEnd - session.expiresAt.getTime()))).toBeLessThan(1 / 60);
  });

  it('when logged out, then the session no longer works', async () => {
    const { editor } = await createTenant();
    const agent = await signIn(app, editor);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(200);

    const logout = await agent.post('/api/v1/auth/logout').set(csrf);

    expect(logout.status).toBe(204);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('when a session has been idle longer than the idle limit, then it is refused', async () => {
    const { editor } = await createTenant();
    const agent = await signIn(app, editor);
    await getPrisma().session.updateMany({ where: { userId: editor.id }, data: { lastSeenAt: new Date(Date.now() - 121 * 60_000) } });

    expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('when the API runs in a time zone other than UTC, then idle time is still measured in UTC (sessions are read with raw SQL)', async () => {
    // Arrange: Bangkok is UTC+7; a timestamp read as local time would look 7 hours old.
    const { editor } = await createTenant();
    const agent = await signIn(app, editor);
    const savedZone = process.env.TZ;
    process.env.TZ = 'Asia/Bangkok';
    try {
      await getPrisma().session.updateMany({ where: { userId: editor.id }, data: { lastSeenAt: new Date(Date.now() - 5 * 60_000) } });

      // Act
      const response = await agent.get('/api/v1/auth/me');

      // Assert: accepted, and the sliding expiry wrote "now" (not now ± 7 h).
      expect(response.status).toBe(200);
      const session = await getPrisma().session.findFirstOrThrow({ where: { userId: editor.id } });
      expect(Math.abs(session.lastSeenAt.getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      if (savedZone === undefined) delete process.env.TZ;
      else process.env.TZ = savedZone;
    }
  });

  it('when a session passed its absolute expiry, then it is refused even if active', async () => {
    const { editor } = await createTenant();
    const agent = await signIn(app, editor);
    await getPrisma().session.updateMany({ where: { userId: editor.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('when there is no session, then GET /auth/me answers 401 in the error shape', async () => {
    const response = await request(app).get('/api/v1/auth/me');

    expect(response.status).toBe(401);
    expect(ErrorResponseSchema.parse(response.body).error.code).toBe('UNAUTHENTICATED');
  });
});

describe('GET /api/v1/auth/session', () => {
  it('when a visitor has no session, then it answers 200 with a null user (no 401 for a public page to log)', async () => {
    const response = await request(app).get('/api/v1/auth/session');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ user: null });
  });

  it('when signed in, then it answers the same user as /auth/me', async () => {
    const { editor } = await createTenant();
    const agent = await signIn(app, editor);

    const session = await agent.get('/api/v1/auth/session');
    const me = await agent.get('/api/v1/auth/me');

    expect(session.status).toBe(200);
    expect(session.body.user.id).toBe(editor.id);
    expect(session.body).toEqual(me.body);
  });

  it('when the session ended (logout) or expired, then it answers a null user, not the old one', async () => {
    const { editor } = await createTenant();
    const loggedOut = await signIn(app, editor);
    const expired = await signIn(app, editor);
    await loggedOut.post('/api/v1/auth/logout').set(csrf);
    const expiredToken = (await getPrisma().session.findMany({ where: { userId: editor.id } }))[0]!.id;
    await getPrisma().session.update({ where: { id: expiredToken }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect((await loggedOut.get('/api/v1/auth/session')).body).toEqual({ user: null });
    expect((await expired.get('/api/v1/auth/session')).body).toEqual({ user: null });
  });
});

describe('POST /api/v1/auth/password-reset', () => {
  it('when the code is unknown, then 400 names body.code and the reason', async () => {
    const response = await request(app)
      .post('/api/v1/auth/password-reset')
      .set(csrf)
      .send({ code: `no-such-code-${unique('r')}`, password: 'brand-new-password-2569' });

    expect(response.status).toBe(400);
    expect(ErrorResponseSchema.parse(response.body).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'resetCodeInvalid',
      issues: [{ path: 'body.code' }],
    });
  });
});

describe('GET /api/v1/health', () => {
  it('when the database answers, then it reports ok', async () => {
    const response = await request(app).get('/api/v1/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', db: 'ok' });
  });
});

describe('the session lookup applies its rules inside the SQL', () => {
  /** Every row the database sent while `act` ran (lib/sql's onRows sees them before any code could filter). */
  async function rowsSentDuring(act: () => Promise<unknown>): Promise<unknown[]> {
    const rows: unknown[] = [];
    const stop = onRows((_statement, sent) => rows.push(...sent));
    try {
      await act();
    } finally {
      stop();
    }
    return rows;
  }
  const mentions = (rows: unknown[], value: string) => rows.some((row) => JSON.stringify(row).includes(value));

  it("when a request carries an expired session, then the database returns no session row (neither its user's nor another session's) and it is 401", async () => {
    // Arrange: the caller's session passed its absolute expiry; another user's session is live.
    const { editor, reviewer } = await createTenant();
    const expired = await sessionCookie(editor.id);
    await getPrisma().session.updateMany({ where: { userId: editor.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await sessionCookie(reviewer.id);

    // Act
    let status = 0;
    const rows = await rowsSentDuring(async () => {
      status = (await request(app).get('/api/v1/auth/me').set('Cookie', expired)).status;
    });

    // Assert
    expect(status).toBe(401);
    expect(mentions(rows, editor.id)).toBe(false);
    expect(mentions(rows, reviewer.id)).toBe(false);
    expect(await getPrisma().session.count({ where: { userId: editor.id } })).toBe(0);
  });

  it('when a request carries an idle session, then no row of it comes back; a live one comes back as its own row only', async () => {
    const { editor, reviewer } = await createTenant();
    const idle = await sessionCookie(editor.id);
    await getPrisma().session.updateMany({ where: { userId: editor.id }, data: { lastSeenAt: new Date(Date.now() - 121 * 60_000) } });
    const live = await sessionCookie(reviewer.id);

    let idleStatus = 0;
    const idleRows = await rowsSentDuring(async () => {
      idleStatus = (await request(app).get('/api/v1/auth/me').set('Cookie', idle)).status;
    });
    let liveStatus = 0;
    const liveRows = await rowsSentDuring(async () => {
      liveStatus = (await request(app).get('/api/v1/auth/me').set('Cookie', live)).status;
    });

    expect(idleStatus).toBe(401);
    expect(mentions(idleRows, editor.id)).toBe(false);
    expect(liveStatus).toBe(200);
    expect(liveRows).toEqual([expect.objectContaining({ userId: reviewer.id, role: 'provincial_reviewer' })]);
  });
});
