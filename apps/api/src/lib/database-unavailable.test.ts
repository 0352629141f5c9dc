import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a server shutting down (57P03)', withCode('the database system is shutting down', '57P03')],
    ['a session cut by a restart (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['a lost connection without a code', new Error('Client has encountered a connection error and is not queryable')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['a Prisma raw-query error over 57P01', Object.assign(new Error('Raw query failed'), { code: 'P2010', meta: { code: '57P01' } })],
    ['a driver-adapter error', Object.assign(new Error('x'), { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable' } })],
  ])('when the error is %s, then the database counts as unavailable', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key', '23505')],
    ['a Prisma not-found', Object.assign(new Error('not found'), { code: 'P2025' })],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['nothing', undefined],
  ])('when the error is %s, then it is not an outage', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
