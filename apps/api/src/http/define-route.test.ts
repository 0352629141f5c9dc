import express, { Router } from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonText } from '../lib/json-text';
import { defineRoute, shaped } from './define-route';

const Thing = z.object({ id: z.string(), count: z.number() });
const exact = { path: '/things/:id', response: Thing, exactResponse: true };
const plain = { path: '/things/:id', response: Thing };
const nodeEnv = process.env.NODE_ENV;

afterEach(() => {
  process.env.NODE_ENV = nodeEnv;
});

describe('shaped (the answer a route sends)', () => {
  it('when a route is not exactResponse, then its schema drops the fields it does not name', () => {
    expect(shaped(plain, { id: 'a', count: 1, passwordHash: 'x' })).toEqual({ id: 'a', count: 1 });
  });

  it('when an exactResponse answer is exactly its shape, then it is sent unchanged outside production', () => {
    expect(shaped(exact, { id: 'a', count: 1 })).toEqual({ id: 'a', count: 1 });
  });

  it('when an exactResponse answer carries a field its schema drops, then outside production it is an error', () => {
    expect(() => shaped(exact, { id: 'a', count: 1, passwordHash: 'x' })).toThrow(/exactResponse/);
  });

  it('when an exactResponse answer breaks its schema, then outside production the schema refuses it', () => {
    expect(() => shaped(exact, { id: 'a', count: '1' })).toThrow();
  });

  it('when in production, then an exactResponse answer is the very object returned (no Zod walk, no copy)', () => {
    process.env.NODE_ENV = 'production';
    const answer = { id: 'a', count: 1 };
    expect(shaped(exact, answer)).toBe(answer);
    expect(shaped(plain, answer)).not.toBe(answer);
  });
});

describe('a JsonText answer (serialised by its statement, ADR 036)', () => {
  /** An app whose one route answers `text` as a JsonText; `exactResponse` as given. */
  function appAnswering(text: string, exactResponse: boolean) {
    const router = Router();
    defineRoute(
      router,
      { method: 'get', path: '/thing', summary: 'a thing', tag: 'test', response: Thing, exactResponse },
      async () => new JsonText<z.input<typeof Thing>>(text),
    );
    const app = express();
    app.use(router);
    app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(500).json({ error: 'failed' });
    });
    return app;
  }

  it('when the text is exactly the shape, then it is sent byte for byte as JSON', async () => {
    const response = await request(appAnswering('{"id":"a",  "count":1}', true)).get('/thing');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.text).toBe('{"id":"a",  "count":1}');
  });

  it('when the text carries a field its schema drops, then outside production the route fails', async () => {
    const response = await request(appAnswering('{"id":"a","count":1,"passwordHash":"x"}', true)).get('/thing');
    expect(response.status).toBe(500);
  });

  it('when in production, then the text is sent without being parsed', async () => {
    process.env.NODE_ENV = 'production';
    const response = await request(appAnswering('{"id":"a","count":1,"extra":true}', true)).get('/thing');
    expect(response.status).toBe(200);
    expect(response.text).toBe('{"id":"a","count":1,"extra":true}');
  });

  it('when the route is not exactResponse, then a JsonText answer is refused even in production', async () => {
    process.env.NODE_ENV = 'production';
    const response = await request(appAnswering('{"id":"a","count":1}', false)).get('/thing');
    expect(response.status).toBe(500);
  });
});
