import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { PublicAgencySchema } from '@prongsai/shared';
import { LOGIN_FAILURE_LIMIT } from '../src/modules/auth/auth.service';
import { startBuiltApi, type RunningApi } from './built-api';
import { createPlan, createTenant } from './factories';

/**
 * Two API processes on one PostgreSQL, as behind a load balancer: nothing that matters may live in
 * one process's memory (sessions, rate limits, caches).
 */
let first: RunningApi;
let second: RunningApi;

beforeAll(async () => {
  const env = { DATABASE_URL: inject('databaseUrl') };
  [first, second] = await Promise.all([startBuiltApi(env), startBuiltApi(env)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

const json = { 'content-type': 'application/json', 'x-prongsai-csrf': '1' };

async function login(api: RunningApi, email: string, password: string) {
  return fetch(`${api.url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
}

describe('several API replicas on one database', () => {
  it('when a session is made on one replica, then it works on the other, and logging out on either ends it', async () => {
    const { editor } = await createTenant();
    const response = await login(first, editor.email, editor.password);
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;

    const onSecond = await fetch(`${second.url}/api/v1/auth/me`, { headers: { cookie } });
    await fetch(`${second.url}/api/v1/auth/logout`, { method: 'POST', headers: { ...json, cookie } });
    const afterLogout = await fetch(`${first.url}/api/v1/auth/me`, { headers: { cookie } });

    expect(response.status).toBe(200);
    expect(onSecond.status).toBe(200);
    expect(afterLogout.status).toBe(401);
  });

  it('when one replica remembers a session for its hot reads (ADR 020), then a logout on the other still ends it at once', async () => {
    const { agency, editor } = await createTenant();
    await createPlan(agency.id, 2567);
    const cookie = (await login(first, editor.email, editor.password)).headers.get('set-cookie')!.split(';')[0]!;
    const planPage = `${first.url}/api/v1/agencies/${agency.id}/plans/2567`;
    const reads = [await fetch(planPage, { headers: { cookie } }), await fetch(planPage, { headers: { cookie } })];

    await fetch(`${second.url}/api/v1/auth/logout`, { method: 'POST', headers: { ...json, cookie } });
    const afterLogout = await fetch(planPage, { headers: { cookie } });

    expect(reads.map((response) => response.status)).toEqual([200, 200]);
    expect(afterLogout.status).toBe(401);
  });

  it('when failed logins are spread over both replicas, then the limit counts them together', async () => {
    const { editor } = await createTenant();
    for (let attempt = 0; attempt < LOGIN_FAILURE_LIMIT; attempt++) {
      await login(attempt % 2 === 0 ? first : second, editor.email, 'wrong-password');
    }

    const onFirst = await login(first, editor.email, editor.password);
    const onSecond = await login(second, editor.email, editor.password);

    expect(onFirst.status).toBe(429);
    expect(onSecond.status).toBe(429);
  });

  it('when a plan is published through one replica, then the other replica public endpoints show it at once', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2567, 'accepted', 2);
    const before = PublicAgencySchema.parse(await (await fetch(`${second.url}/api/v1/public/agencies/${agency.id}`)).json());
    const cookie = (await login(first, editor.email, editor.password)).headers.get('set-cookie')!.split(';')[0]!;

    const published = await fetch(`${first.url}/api/v1/plans/${plan.id}/publish`, {
      method: 'POST',
      headers: { ...json, cookie },
      body: JSON.stringify({ version: 1 }),
    });
    const after = PublicAgencySchema.parse(await (await fetch(`${second.url}/api/v1/public/agencies/${agency.id}`)).json());

    expect(before.plans).toEqual([]);
    expect(published.status).toBe(200);
    expect(after.plans.map((summary) => summary.fiscalYear)).toEqual([2567]);
  });
});
