import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { CSRF_HEADER, csrfGuard } from './csrf';

function request(method: string, headers: Record<string, string>, protocol = 'http'): Request {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { method, protocol, get: (name: string) => lower[name.toLowerCase()] } as unknown as Request;
}

/** 'next' when the guard lets the request through, else the error code it threw. */
function outcome(guard: ReturnType<typeof csrfGuard>, req: Request): string {
  let passed = false;
  try {
    void guard(req, {} as Response, () => {
      passed = true;
    });
  } catch (error) {
    return (error as { code: string }).code;
  }
  return passed ? 'next' : 'stopped';
}

describe('csrfGuard', () => {
  const guard = csrfGuard(['https://prongsai.example.go.th']);
  const host = { host: 'localhost:3000' };

  it('when a read arrives from anywhere, then it passes', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect(outcome(guard, request(method, { ...host, origin: 'https://evil.example' }))).toBe('next');
  });

  it('when a write comes from our own origin or an allowed one, then it passes', () => {
    expect(outcome(guard, request('POST', { ...host, origin: 'http://localhost:3000' }))).toBe('next');
    expect(outcome(guard, request('PATCH', { ...host, origin: 'https://prongsai.example.go.th' }))).toBe('next');
    expect(outcome(guard, request('POST', { ...host, origin: 'https://localhost:3000' }, 'https'))).toBe('next');
  });

  it('when a write comes from an origin that merely starts or ends like an allowed one, then it is refused', () => {
    for (const origin of [
      'http://localhost:3000.evil.example',
      'http://localhost:30001',
      'https://prongsai.example.go.th.evil.example',
      'https://evil.prongsai.example.go.th',
      'http://localhost',
      'null',
    ]) {
      expect(outcome(guard, request('POST', { ...host, origin }))).toBe('CSRF_REJECTED');
    }
  });

  it('when a foreign origin also sends the custom header, then it is still refused', () => {
    expect(outcome(guard, request('DELETE', { ...host, origin: 'https://evil.example', [CSRF_HEADER]: '1' }))).toBe('CSRF_REJECTED');
  });

  it('when a write has no origin, then only the custom header with the value 1 lets it through', () => {
    expect(outcome(guard, request('POST', { ...host, [CSRF_HEADER]: '1' }))).toBe('next');
    expect(outcome(guard, request('POST', { ...host, [CSRF_HEADER]: 'true' }))).toBe('CSRF_REJECTED');
    expect(outcome(guard, request('POST', host))).toBe('CSRF_REJECTED');
  });
});
