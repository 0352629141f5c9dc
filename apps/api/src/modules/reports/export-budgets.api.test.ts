import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '@prongsai/shared';
import { testApp } from '../../../test/app';
import { createUser, sessionCookie } from '../../../test/factories';
import { publicExportLimit, staffExportLimit } from './reports.service';
import type { ConcurrencyLimit } from './concurrency-limit';

const app = testApp();

/** Fiscal year no test data uses: the exports are tiny, only their admission is under test. */
const EMPTY_QUERY = '?fiscalYear=2551';

/** Holds `count` slots of `limit` for `client` (as slow downloads would) until `release()` is called. */
function hold(limit: ConcurrencyLimit, count: number, client: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held = Array.from({ length: count }, () => limit.run(() => gate, client).catch(() => undefined));
  return { release: async () => (release(), await Promise.all(held)) };
}

const releases: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(releases.splice(0).map((release) => release()));
});

describe('export budgets (issue 12, item 7)', () => {
  it('when slow anonymous readers take every public export slot and queue place, then a staff export is still served', async () => {
    // Arrange: 3 running + 6 queued public downloads, from five addresses (two each at most).
    for (let index = 0; index < 5; index += 1) {
      releases.push(hold(publicExportLimit, index < 4 ? 2 : 1, `198.51.100.${index}`).release);
    }
    const admin = await createUser('national_admin');
    const cookie = await sessionCookie(admin.id);

    // Act
    const publicAnswer = await request(app)
      .get(`/api/v1/public/exports/measures.csv${EMPTY_QUERY}`)
      .set('X-Forwarded-For', '198.51.100.50');
    const staffAnswer = await request(app).get(`/api/v1/exports/measures.csv${EMPTY_QUERY}`).set('Cookie', cookie);

    // Assert
    expect(publicAnswer.status).toBe(503);
    expect(publicAnswer.headers['retry-after']).toBe('30');
    expect(staffAnswer.status).toBe(200);
  });

  it('when one address already holds two exports, then its third answers 429 with Retry-After and another address is served', async () => {
    releases.push(hold(publicExportLimit, 2, '192.0.2.7').release);

    const third = await request(app).get(`/api/v1/public/exports/measures.csv${EMPTY_QUERY}`).set('X-Forwarded-For', '192.0.2.7');
    const other = await request(app).get(`/api/v1/public/exports/measures.csv${EMPTY_QUERY}`).set('X-Forwarded-For', '192.0.2.8');

    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBe('30');
    expect(ErrorResponseSchema.parse(third.body).error.code).toBe('RATE_LIMITED');
    expect(other.status).toBe(200);
  });

  it('when a staff member holds two exports, then their third answers 429', async () => {
    const admin = await createUser('national_admin');
    const cookie = await sessionCookie(admin.id);
    releases.push(hold(staffExportLimit, 2, '192.0.2.9').release);

    const third = await request(app)
      .get(`/api/v1/exports/measures.csv${EMPTY_QUERY}`)
      .set('Cookie', cookie)
      .set('X-Forwarded-For', '192.0.2.9');

    expect(third.status).toBe(429);
  });
});
