import { describe, expect, it } from 'vitest';
import { AuditListResponseSchema } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { createPlan, createTenant, createUser, signIn } from '../../../test/factories';

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };
const REVIEWER_IP = '203.0.113.77';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A submitted plan that the province's reviewer returns, from their own address. */
async function planReturnedByReviewer() {
  const { agency, editor, reviewer } = await createTenant();
  const plan = await createPlan(agency.id, 2566, 'submitted');
  const reviewerAgent = await signIn(app, reviewer);
  const returned = await reviewerAgent
    .post(`/api/v1/plans/${plan.id}/return`)
    .set(csrf)
    .set('X-Forwarded-For', REVIEWER_IP)
    .send({ version: plan.version, reason: 'กรุณาแนบหลักฐานมาตรการที่ ๑' });
  expect(returned.status).toBe(200);
  return { agency, editor, reviewer, plan };
}

describe('audit trail: what each reader sees', () => {
  it('when an editor reads its agency history, then it sees who returned the plan and when, but no IP address or request id', async () => {
    const { agency, editor, reviewer, plan } = await planReturnedByReviewer();
    const agent = await signIn(app, editor);

    const response = await agent.get(`/api/v1/audit?entityType=plan&entityId=${plan.id}`);

    expect(response.status).toBe(200);
    const entry = AuditListResponseSchema.parse(response.body).items.find((item) => item.action === 'status_change');
    expect(entry).toMatchObject({ actorName: reviewer.name, actorRole: 'provincial_reviewer', agencyId: agency.id });
    expect(entry).not.toHaveProperty('ip');
    expect(entry).not.toHaveProperty('requestId');
    expect(JSON.stringify(response.body)).not.toContain(REVIEWER_IP);
  });

  it('when an admin reads the same history, then the IP address and request id are shown', async () => {
    const { plan } = await planReturnedByReviewer();
    const admin = await createUser('national_admin');
    const agent = await signIn(app, admin);

    const response = await agent.get(`/api/v1/audit?entityType=plan&entityId=${plan.id}`);

    expect(response.status).toBe(200);
    const entry = AuditListResponseSchema.parse(response.body).items.find((item) => item.action === 'status_change');
    expect(entry?.ip).toBe(REVIEWER_IP);
    expect(entry?.requestId).toMatch(UUID);
  });

  it('when a client sends its own X-Request-Id, then the audit row holds an id the server made, not the client text', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2566, 'draft');
    const agent = await signIn(app, editor);

    const response = await agent
      .post(`/api/v1/plans/${plan.id}/submit`)
      .set(csrf)
      .set('X-Request-Id', 'approved-by-admin')
      .send({ version: plan.version });

    expect(response.status).toBe(200);
    expect(response.headers['x-request-id']).toMatch(UUID);
    const row = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: plan.id, action: 'status_change' } });
    expect(row.requestId).toBe(response.headers['x-request-id']);
    expect(await getPrisma().auditLog.count({ where: { requestId: 'approved-by-admin' } })).toBe(0);
  });
});
