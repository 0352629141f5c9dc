import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Request, Response } from 'express';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { ErrorResponseSchema, parseCsv } from '@prongsai/shared';
import { createApp } from '../src/app';
import { loadEnv } from '../src/config/env';
import { errorHandler } from '../src/http/error-handler';
import { disconnectPrisma, getPrisma, Prisma } from '../src/lib/prisma';
import { LOGIN_FAILURE_LIMIT } from '../src/modules/auth/auth.service';
import { testApp } from './app';
import { createAgency, createPlan, createTenant, createUser, sessionCookie, unique } from './factories';

/**
 * HTTP hardening, attacked: security headers, body limits, error bodies that leak nothing, the
 * login and public rate limits, http(s)-only evidence links, escaped stored text, and exports that
 * a spreadsheet cannot run as formulas. SECURITY.md says what each case proves.
 */

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };
/** A client address of its own (the test app trusts X-Forwarded-For), so counters never collide. */
const freshIp = () => `203.0.113.${randomInt(1, 254)}, 198.18.${randomInt(0, 255)}.${randomInt(1, 254)}`;
const LEAKS = [
  /\bat [\w$.<>]+ \(/,
  /node_modules/,
  /\.ts:\d+/,
  /prisma/i,
  /\bSELECT\b|\bINSERT INTO\b/,
  /ECONNREFUSED/,
  /postgres(ql)?:\/\//,
];

async function editorWithPlan() {
  const { agency, editor } = await createTenant();
  const plan = await createPlan(agency.id, 2567, 'draft', 1);
  return { agency, plan, measure: plan.measures[0]!, cookie: await sessionCookie(editor.id) };
}

describe('security headers', () => {
  it('when any API response is sent, then helmet sets a CSP without inline scripts, frame-ancestors none, nosniff and a strict referrer policy', async () => {
    // Act
    const response = await request(createApp({ logRequests: false })).get('/api/v1/health');

    // Assert
    const csp = response.headers['content-security-policy'] as string;
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['script-src-attr']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when TRUST_PROXY is off, then no HSTS is sent (plain http on a LAN must keep working)', async () => {
    const response = await request(createApp({ logRequests: false, trustProxy: false })).get('/api/v1/health');

    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
  });

  it('when TRUST_PROXY is on (behind TLS), then HSTS is sent for a year-half with subdomains and insecure requests are upgraded', async () => {
    const response = await request(createApp({ logRequests: false, trustProxy: true }))
      .get('/api/v1/health')
      .set('X-Forwarded-Proto', 'https');

    expect(response.headers['strict-transport-security']).toBe('max-age=15552000; includeSubDomains');
    expect(response.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
  });

  it('when the printable report is served, then its own CSP allows no script at all and stored markup arrives escaped', async () => {
    // Arrange
    const { plan, measure, cookie } = await editorWithPlan();
    const payload = '<script>alert("xss")</script><img src=x onerror=alert(1)>';
    await getPrisma().measure.update({ where: { id: measure.id }, data: { title: payload, actions: [payload], summary: payload } });

    // Act
    const response = await request(app).get(`/api/v1/plans/${plan.id}/report.html`).set('Cookie', cookie);

    // Assert
    expect(response.status).toBe(200);
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src/);
    expect(response.text).not.toContain('<script>alert("xss")');
    expect(response.text).not.toContain('<img src=x');
    expect(response.text).toContain('&lt;script&gt;');
  });
});

describe('request bodies', () => {
  it('when a JSON body is over the 8 MB limit, then 413 PAYLOAD_TOO_LARGE in the error shape', async () => {
    const { measure, cookie } = await editorWithPlan();

    const response = await request(app)
      .patch(`/api/v1/measures/${measure.id}`)
      .set({ ...csrf, Cookie: cookie, 'Content-Type': 'application/json' })
      .send(JSON.stringify({ version: 1, title: 'x'.repeat(8 * 1024 * 1024 + 10) }));

    expect(response.status).toBe(413);
    expect(ErrorResponseSchema.parse(response.body).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', issues: [{ path: 'body' }] });
  });

  it('when a body comes as XML or a form instead of JSON, then 415 and nothing is done with it (regression: it was read as an empty body)', async () => {
    // Arrange: creating a plan needs no fields, so an unread body used to create one.
    const { agency, cookie } = await editorWithPlan();

    // Act
    const xml = await request(app)
      .post(`/api/v1/agencies/${agency.id}/plans/2568`)
      .set({ ...csrf, Cookie: cookie, 'Content-Type': 'application/xml' })
      .send('<plan><introText>x</introText></plan>');
    const form = await request(app)
      .post(`/api/v1/agencies/${agency.id}/plans/2568`)
      .set({ ...csrf, Cookie: cookie })
      .type('form')
      .send({ introText: 'x' });

    // Assert
    for (const response of [xml, form]) {
      expect(response.status).toBe(415);
      expect(ErrorResponseSchema.parse(response.body).error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', issues: [{ path: 'body' }] });
    }
    expect(await getPrisma().plan.count({ where: { agencyId: agency.id, fiscalYear: 2568 } })).toBe(0);
  });

  it('when a body has a field the schema does not know, then the 400 names that field (regression: it said only "body")', async () => {
    const { measure, cookie } = await editorWithPlan();

    const response = await request(app)
      .patch(`/api/v1/measures/${measure.id}`)
      .set({ ...csrf, Cookie: cookie })
      .send({ version: 1, title: 'ok', agencyId: '00000000-0000-4000-8000-000000000000', isAdmin: true });

    expect(response.status).toBe(400);
    const paths = ErrorResponseSchema.parse(response.body).error.issues!.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['body.agencyId', 'body.isAdmin']));
  });

  it.each([
    ['a NUL character', 'มาตรการ\u0000ลับ'],
    ['an unpaired surrogate', 'ข้อความ \ud800'],
  ])(
    'when stored text holds %s, then 400 names the field (regression: PostgreSQL refused it and the API answered 500)',
    async (_what, title) => {
      const { measure, cookie } = await editorWithPlan();

      const response = await request(app)
        .patch(`/api/v1/measures/${measure.id}`)
        .set({ ...csrf, Cookie: cookie })
        .send({ version: 1, title });

      expect(response.status).toBe(400);
      expect(ErrorResponseSchema.parse(response.body).error.issues).toEqual([
        expect.objectContaining({ path: 'body.title', code: 'invalid_text' }),
      ]);
    },
  );

  it('when a search query holds a NUL character, then 400 names the query field instead of a database error', async () => {
    const admin = await createUser('national_admin');

    const response = await request(app)
      .get('/api/v1/users?q=a%00b')
      .set('Cookie', await sessionCookie(admin.id));

    expect(response.status).toBe(400);
    expect(ErrorResponseSchema.parse(response.body).error.issues?.[0]?.path).toBe('query.q');
  });

  it('when a version no record can have (beyond a 32-bit integer) is sent, then 400 names the version field (regression: 500 from an integer overflow)', async () => {
    // Arrange
    const { plan, measure, cookie } = await editorWithPlan();
    const huge = 2 ** 31;

    // Act
    const patchPlan = await request(app)
      .patch(`/api/v1/plans/${plan.id}`)
      .set({ ...csrf, Cookie: cookie })
      .send({ version: huge, introText: 'x' });
    const submit = await request(app)
      .post(`/api/v1/plans/${plan.id}/submit`)
      .set({ ...csrf, Cookie: cookie })
      .send({ version: huge });
    const remove = await request(app)
      .delete(`/api/v1/measures/${measure.id}?version=${huge}`)
      .set({ ...csrf, Cookie: cookie });

    // Assert
    for (const [response, path] of [
      [patchPlan, 'body.version'],
      [submit, 'body.version'],
      [remove, 'query.version'],
    ] as const) {
      expect(response.status).toBe(400);
      expect(ErrorResponseSchema.parse(response.body).error.issues?.map((issue) => issue.path)).toContain(path);
    }
  });
});

describe('error responses leak nothing', () => {
  const fakeRes = () => {
    const res = { headersSent: false, statusCode: 0, body: undefined as unknown, headers: {} as Record<string, string> };
    return Object.assign(res, {
      status(code: number) {
        res.statusCode = code;
        return this;
      },
      json(body: unknown) {
        res.body = body;
        return this;
      },
      setHeader(name: string, value: string) {
        res.headers[name.toLowerCase()] = value;
      },
    });
  };
  const handle = (error: unknown) => {
    const res = fakeRes();
    errorHandler(error, { requestId: 'req-1', method: 'GET', originalUrl: '/x' } as Request, res as unknown as Response, () => undefined);
    return res;
  };

  it('when an unexpected error carries SQL and a stack, then the client gets a plain 500 with only a request id', () => {
    const error = new Error('insert into "AuditLog" failed: SELECT * FROM "User" WHERE password = $1');

    const res = handle(error);

    expect(res.statusCode).toBe(500);
    expect(res.body).toEqual({ error: { code: 'INTERNAL', message: expect.any(String), requestId: 'req-1' } });
    for (const leak of LEAKS) expect(JSON.stringify(res.body)).not.toMatch(leak);
  });

  it('when Prisma reports a value out of range (P2020), then 400 without the query text', () => {
    const error = new Prisma.PrismaClientKnownRequestError(
      'Invalid `prisma.plan.updateMany()` invocation: value "9007199254740991" is out of range',
      {
        code: 'P2020',
        clientVersion: 'test',
      },
    );

    const res = handle(error);

    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/prisma|updateMany/i);
  });

  it('when no connection frees up for a transaction in time (P2028), then 503 with Retry-After instead of a 500', () => {
    const error = new Prisma.PrismaClientKnownRequestError('Transaction API error: Unable to start a transaction in the given time.', {
      code: 'P2028',
      clientVersion: 'test',
    });

    const res = handle(error);

    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(ErrorResponseSchema.parse(res.body).error.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('when the database is unreachable, then signed-in requests and health get 503 (Retry-After on the error), neither naming the server or its password', async () => {
    // Arrange: a session made while the database was up, then the database "goes away".
    const { editor } = await createTenant();
    const cookie = await sessionCookie(editor.id);
    const realUrl = process.env.DATABASE_URL;
    await disconnectPrisma();
    process.env.DATABASE_URL = 'postgresql://prongsai:s3cret-pw@127.0.0.1:1/prongsai';

    try {
      // Act
      const me = await request(app).get('/api/v1/auth/me').set('Cookie', cookie);
      const health = await request(app).get('/api/v1/health');

      // Assert
      expect(me.status).toBe(503);
      expect(me.headers['retry-after']).toBe('5');
      expect(ErrorResponseSchema.parse(me.body).error.code).toBe('SERVICE_UNAVAILABLE');
      expect(health.status).toBe(503);
      for (const text of [me.text, health.text]) {
        expect(text).not.toContain('s3cret-pw');
        expect(text).not.toContain('127.0.0.1:1');
        for (const leak of LEAKS) expect(text).not.toMatch(leak);
      }
    } finally {
      await disconnectPrisma();
      process.env.DATABASE_URL = realUrl;
    }
  });
});

describe('CSRF origin check', () => {
  const withOrigin = (target: ReturnType<typeof testApp>, host: string, origin: string) =>
    request(target)
      .post('/api/v1/auth/login')
      .set({ Host: host, Origin: origin })
      .send({ email: `${randomInt(1e9)}@nobody.example`, password: 'x' });

  it.each([
    ['our own host with a longer host name', 'http://localhost:3000.evil.example'],
    ['our own host with a longer port', 'http://localhost:30001'],
    ['an allowed origin with a longer host name', 'https://prongsai.example.go.th.evil.example'],
    ['an allowed origin followed by a path-like suffix', 'https://prongsai.example.go.th@evil.example'],
    ['our host under another scheme', 'https://localhost:3000'],
  ])('when a write comes from %s (%s), then it is rejected as CSRF', async (_label, origin) => {
    // Arrange
    const guarded = testApp({ allowedOrigins: ['https://prongsai.example.go.th'] });

    // Act
    const response = await withOrigin(guarded, 'localhost:3000', origin);

    // Assert
    expect(response.status).toBe(403);
    expect(ErrorResponseSchema.parse(response.body).error.code).toBe('CSRF_REJECTED');
  });

  it.each([
    ['our own origin', 'http://localhost:3000'],
    ['an allowed origin', 'https://prongsai.example.go.th'],
  ])('when a write comes from %s exactly, then it passes the CSRF check', async (_label, origin) => {
    const guarded = testApp({ allowedOrigins: ['https://prongsai.example.go.th'] });

    const response = await withOrigin(guarded, 'localhost:3000', origin).set('X-Forwarded-For', freshIp());

    // The login itself fails (no such user): what matters is that the CSRF guard let it through.
    expect(response.status).toBe(401);
  });
});

describe('rate limits', () => {
  it(`when an account failed ${LOGIN_FAILURE_LIMIT} logins, then the next is 429 with Retry-After (the login limit exists)`, async () => {
    const { editor } = await createTenant();
    const ip = freshIp();
    for (let attempt = 0; attempt < LOGIN_FAILURE_LIMIT; attempt += 1) {
      await request(app)
        .post('/api/v1/auth/login')
        .set({ ...csrf, 'X-Forwarded-For': ip })
        .send({ email: editor.email, password: 'wrong-password-here' });
    }

    const response = await request(app)
      .post('/api/v1/auth/login')
      .set({ ...csrf, 'X-Forwarded-For': ip })
      .send({ email: editor.email, password: editor.password });

    expect(response.status).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('when one IP goes over the public limit, then it gets 429 RATE_LIMITED with Retry-After while other IPs and signed-in routes go on', async () => {
    // Arrange: the clock is held still (Date only; timers stay real), so no window boundary can
    // fall inside the loop and restart the count: the fourth request must be refused every time.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now());
    const limited = testApp({ publicRateLimitPerMinute: 3 });
    const ip = freshIp();
    const other = freshIp();

    try {
      // Act
      const within = [];
      for (let i = 0; i < 3; i += 1) within.push(await request(limited).get('/api/v1/public/summary').set('X-Forwarded-For', ip));
      const over = await request(limited).get('/api/v1/public/provinces/49').set('X-Forwarded-For', ip);
      const otherIp = await request(limited).get('/api/v1/public/summary').set('X-Forwarded-For', other);
      const health = await request(limited).get('/api/v1/health').set('X-Forwarded-For', ip);

      // Assert
      expect(within.map((response) => response.status)).toEqual([200, 200, 200]);
      expect(within[0]!.headers['ratelimit-limit']).toBe('3');
      expect(within.map((response) => response.headers['ratelimit-remaining'])).toEqual(['2', '1', '0']);
      expect(over.status).toBe(429);
      expect(ErrorResponseSchema.parse(over.body).error.code).toBe('RATE_LIMITED');
      const retryAfter = Number(over.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(otherIp.status).toBe(200);
      expect(health.status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('when the limit is 0 or unset, then the public API is not counted at all', async () => {
    const ip = freshIp();
    const key = `public:ip:${ip.split(',').at(-1)!.trim()}`;

    const responses = [];
    for (let i = 0; i < 5; i += 1)
      responses.push(
        await request(testApp({ publicRateLimitPerMinute: 0 }))
          .get('/api/v1/public/summary')
          .set('X-Forwarded-For', ip),
      );

    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(await getPrisma().rateLimitCounter.count({ where: { key } })).toBe(0);
  });

  it('when PUBLIC_RATE_LIMIT_PER_MINUTE is unset, then it is 300; "0" turns it off; a negative value stops the start', () => {
    const exit = process.exit;
    const stderr = process.stderr.write;
    try {
      expect(loadEnv({}).PUBLIC_RATE_LIMIT_PER_MINUTE).toBe(300);
      expect(loadEnv({ PUBLIC_RATE_LIMIT_PER_MINUTE: '0' }).PUBLIC_RATE_LIMIT_PER_MINUTE).toBe(0);
      process.stderr.write = (() => true) as typeof process.stderr.write;
      process.exit = ((code?: number) => {
        throw new Error(`exit ${code}`);
      }) as typeof process.exit;
      expect(() => loadEnv({ PUBLIC_RATE_LIMIT_PER_MINUTE: '-5' })).toThrow('exit 1');
    } finally {
      process.exit = exit;
      process.stderr.write = stderr;
    }
  });

  it('when the counter table is inspected, then it is UNLOGGED (a counter write costs no WAL)', async () => {
    const rows = await getPrisma().$queryRaw<
      { relpersistence: string }[]
    >`SELECT relpersistence::text FROM pg_class WHERE relname = 'RateLimitCounter'`;

    expect(rows).toEqual([{ relpersistence: 'u' }]);
  });
});

describe('stored links and exports', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    'ftp://example.go.th/x',
  ])('when an evidence link is %j, then it is refused with 400 naming the url field', async (url) => {
    const { measure, cookie } = await editorWithPlan();

    const response = await request(app)
      .patch(`/api/v1/measures/${measure.id}`)
      .set({ ...csrf, Cookie: cookie })
      .send({ version: 1, evidence: [{ url, label: 'หลักฐาน' }] });

    expect(response.status).toBe(400);
    expect(ErrorResponseSchema.parse(response.body).error.issues?.map((issue) => issue.path)).toContain('body.evidence.0.url');
  });

  it('when evidence links are http(s), then they are saved, in the measure and on the timeline, in both cases', async () => {
    const { measure, cookie } = await editorWithPlan();

    const saved = await request(app)
      .patch(`/api/v1/measures/${measure.id}`)
      .set({ ...csrf, Cookie: cookie })
      .send({
        version: 1,
        evidence: [
          { url: 'https://www.example.go.th/ita/o1', label: 'ประกาศ' },
          { url: 'HTTP://EXAMPLE.GO.TH/x', label: 'ภาพ' },
        ],
      });
    const note = await request(app)
      .post(`/api/v1/measures/${measure.id}/timeline`)
      .set({ ...csrf, Cookie: cookie })
      .send({ note: 'แนบลิงก์', occurredOn: '2024-01-15', evidenceUrl: 'javascript:alert(1)' });

    expect(saved.status).toBe(200);
    expect(saved.body.evidence).toHaveLength(2);
    expect(note.status).toBe(400);
    expect(note.body.error.issues.map((issue: { path: string }) => issue.path)).toContain('body.evidenceUrl');
  });

  const FORMULAS = ['=HYPERLINK("http://evil.example","คลิก")', '+SUM(1,1)', '-2+3', '@cmd', '\t=1+1', '\r=1+1'];

  async function measureWithFormulas() {
    const { agency, plan, measure, cookie } = await editorWithPlan();
    await getPrisma().measure.update({
      where: { id: measure.id },
      data: {
        title: FORMULAS[0]!,
        actions: [FORMULAS[1]!],
        responsible: FORMULAS[2]!,
        summary: FORMULAS[3]!,
        resultText: FORMULAS[4]!,
        outcomeReason: FORMULAS[5]!,
      },
    });
    return { agency, plan, cookie };
  }

  it('when a CSV export holds text a spreadsheet would run as a formula, then every such cell is neutralised with a leading quote', async () => {
    // Arrange
    const { agency, cookie } = await measureWithFormulas();

    // Act
    const response = await request(app).get(`/api/v1/exports/measures.csv?agencyId=${agency.id}`).set('Cookie', cookie);

    // Assert
    expect(response.status).toBe(200);
    const cells = parseCsv(response.text.replace(/^\ufeff/, '')).flat();
    // (Exports trim cells, so "\t=1+1" arrives as "=1+1": neutralised all the same.)
    for (const formula of FORMULAS.map((text) => text.trim())) {
      expect(
        cells.some((cell) => cell.startsWith(`'${formula}`)),
        JSON.stringify(formula),
      ).toBe(true);
    }
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('when an XLSX export holds such text, then the cells are plain strings (no formula) and neutralised too', async () => {
    const { agency, cookie } = await measureWithFormulas();

    const response = await request(app)
      .get(`/api/v1/exports/measures.xlsx?agencyId=${agency.id}`)
      .set('Cookie', cookie)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    const values: unknown[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value))));
    expect(values.filter((value) => typeof value === 'object' && value !== null && 'formula' in value)).toEqual([]);
    const strings = values.filter((value): value is string => typeof value === 'string');
    expect(strings.filter((value) => /^[=+\-@\t\r]/.test(value))).toEqual([]);
    expect(strings).toContain(`'${FORMULAS[0]}`);
  });
});

describe('review overview exports and formulas', () => {
  const OVERVIEW_PROVINCE = 93;
  const xlsxBody = (req: request.Test) =>
    req.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

  async function agencyNamedLikeAFormula() {
    const token = unique('FORMULA');
    const name = `=HYPERLINK("http://evil.example","${token}")`;
    await createAgency({ provinceId: OVERVIEW_PROVINCE, nameTh: name });
    const reviewer = await createUser('provincial_reviewer', { provinceId: OVERVIEW_PROVINCE });
    const url = (extension: string) =>
      `/api/v1/review/provinces/${OVERVIEW_PROVINCE}/overview.${extension}?fiscalYear=2567&q=${encodeURIComponent(token)}`;
    return { name, url, cookie: await sessionCookie(reviewer.id) };
  }

  it('when an agency name in the review overview XLSX looks like a formula, then the cell is a plain string with a leading quote', async () => {
    // Arrange
    const { name, url, cookie } = await agencyNamedLikeAFormula();

    // Act
    const response = await xlsxBody(request(app).get(url('xlsx')).set('Cookie', cookie));

    // Assert
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    const values: unknown[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value))));
    expect(values.filter((value) => typeof value === 'object' && value !== null && 'formula' in value)).toEqual([]);
    expect(values).toContain(`'${name}`);
    expect(values.filter((value) => typeof value === 'string' && /^[=+\-@\t\r]/.test(value))).toEqual([]);
  });

  it('when an agency name in the review overview CSV looks like a formula, then the cell has a leading quote', async () => {
    const { name, url, cookie } = await agencyNamedLikeAFormula();

    const response = await request(app).get(url('csv')).set('Cookie', cookie);

    expect(response.status).toBe(200);
    const cells = parseCsv(response.text.replace(/^\ufeff/, '')).flat();
    expect(cells).toContain(`'${name}`);
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });
});

describe('compression', () => {
  it('when a client accepts gzip, then a large answer comes gzip-compressed; without it, plain', async () => {
    const app = testApp();

    const zipped = await request(app).get('/api/v1/openapi.json').set('Accept-Encoding', 'gzip');
    const plain = await request(app).get('/api/v1/openapi.json').set('Accept-Encoding', 'identity');

    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.body).toEqual(plain.body);
  });
});
