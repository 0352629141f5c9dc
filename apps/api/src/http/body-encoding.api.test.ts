import { describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '@prongsai/shared';
import { getPrisma } from '../lib/prisma';
import { testApp } from '../../test/app';
import { createPlan, createTenant, signIn } from '../../test/factories';

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };

/** `{"title":"มาตรการ<bytes>"}` with bytes that are not UTF-8 (a lone continuation byte and a cut-off sequence). */
/** Send a Buffer as it is (supertest would otherwise JSON-encode it as {type, data}). */
const rawBytes = (body: unknown) => body as string;

const jsonWithInvalidUtf8 = Buffer.concat([Buffer.from('{"title":"มาตรการ'), Buffer.from([0x80, 0xe0, 0xb8]), Buffer.from('"}')]);

describe('request bodies that are not UTF-8', () => {
  it('when a JSON body holds invalid UTF-8, then 400 INVALID_ENCODING and no measure is stored', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2566);
    const agent = await signIn(app, editor);

    const response = await agent
      .post(`/api/v1/plans/${plan.id}/measures`)
      .set(csrf)
      .set('Content-Type', 'application/json')
      .serialize(rawBytes)
      .send(jsonWithInvalidUtf8);

    expect(response.status).toBe(400);
    const { error } = ErrorResponseSchema.parse(response.body);
    expect(error.code).toBe('INVALID_ENCODING');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'body', code: 'invalid_encoding' })]);
    expect(await getPrisma().measure.count({ where: { planId: plan.id } })).toBe(2);
  });

  it('when a text body holds invalid UTF-8, then 400 INVALID_ENCODING', async () => {
    const { agency, editor } = await createTenant();
    const agent = await signIn(app, editor);

    const response = await agent
      .post(`/api/v1/agencies/${agency.id}/imports/preview`)
      .set(csrf)
      .set('Content-Type', 'text/plain; charset=utf-8')
      .send(Buffer.from([0x41, 0xff, 0x42]));

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_ENCODING');
  });

  it('when a JSON body is valid UTF-8 Thai, then it is stored exactly', async () => {
    const { agency, editor } = await createTenant();
    const plan = await createPlan(agency.id, 2566);
    const agent = await signIn(app, editor);

    const response = await agent
      .post(`/api/v1/plans/${plan.id}/measures`)
      .set(csrf)
      .set('Content-Type', 'application/json')
      .serialize(rawBytes)
      .send(Buffer.from('{"title":"มาตรการเปิดเผยข้อมูล ๑"}'));

    expect(response.status).toBe(201);
    expect(response.body.title).toBe('มาตรการเปิดเผยข้อมูล ๑');
  });
});
