import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shaped } from './define-route';

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
