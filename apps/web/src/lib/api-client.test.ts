import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeasureSchema } from '@prongsai/shared';
import { errorBody, mockFetch } from '@/testing/mock-fetch';
import { makeMeasure, MEASURE_ID } from '@/testing/factories';
import { ApiError, api, setUnauthorizedHandler } from './api-client';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('api-client', () => {
  it('when the server answers 400 with issues, then an ApiError carries status, code, message and issues', async () => {
    mockFetch([
      {
        method: 'PATCH',
        path: `/measures/${MEASURE_ID}`,
        status: 400,
        body: errorBody('VALIDATION_FAILED', 'ข้อมูลไม่ถูกต้อง', {
          issues: [{ path: 'body.title', message: 'กรุณากรอกข้อความ', code: 'too_small' }],
        }),
      },
    ]);
    const error = await failure(api.patch(`/measures/${MEASURE_ID}`, { version: 1, title: '' }, MeasureSchema));
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'ข้อมูลไม่ถูกต้อง',
      issues: [{ path: 'body.title', message: 'กรุณากรอกข้อความ' }],
      requestId: 'req-test',
    });
  });

  it('when the server answers 409 VERSION_CONFLICT, then error.current is the current record', async () => {
    const current = makeMeasure({ version: 4, title: 'ฉบับของผู้อื่น' });
    mockFetch([
      { method: 'PATCH', path: `/measures/${MEASURE_ID}`, status: 409, body: errorBody('VERSION_CONFLICT', 'มีผู้อื่นแก้ไขแล้ว', { current }) },
    ]);
    const error = await failure(api.patch(`/measures/${MEASURE_ID}`, { version: 3 }, MeasureSchema));
    expect(error.code).toBe('VERSION_CONFLICT');
    expect(MeasureSchema.parse(error.current).version).toBe(4);
  });

  it('when a 429 has Retry-After, then retryAfterSeconds is read', async () => {
    mockFetch([
      {
        method: 'POST',
        path: '/auth/login',
        status: 429,
        headers: { 'retry-after': '120' },
        body: errorBody('RATE_LIMITED', 'ทำรายการบ่อยเกินไป'),
      },
    ]);
    const error = await failure(api.post('/auth/login', {}, MeasureSchema, { skipUnauthorizedHandler: true }));
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: 120 });
  });

  it('when the error body is not the shared shape, then the code comes from the status', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })),
    );
    const error = await failure(api.get('/agencies', MeasureSchema));
    expect(error).toMatchObject({ status: 502, code: 'HTTP_ERROR', message: 'Bad Gateway', issues: [] });
  });

  it('when fetch itself fails, then NETWORK_ERROR with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = await failure(api.get('/agencies', MeasureSchema));
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('when a 2xx body does not match the response schema, then INVALID_RESPONSE', async () => {
    mockFetch([{ path: `/measures/${MEASURE_ID}`, body: { id: 'only-an-id' } }]);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = await failure(api.get(`/measures/${MEASURE_ID}`, MeasureSchema));
    expect(error.code).toBe('INVALID_RESPONSE');
  });

  it('sends the CSRF header and JSON on writes, not on reads, always with same-origin credentials', async () => {
    const { calls } = mockFetch([
      { path: `/measures/${MEASURE_ID}`, body: makeMeasure() },
      { method: 'DELETE', path: `/measures/${MEASURE_ID}`, status: 204 },
    ]);
    await api.get(`/measures/${MEASURE_ID}`, MeasureSchema, { query: { page: 2, q: '', x: undefined } });
    await api.delete(`/measures/${MEASURE_ID}`, { query: { version: 3 } });
    expect(calls[0]).toMatchObject({ method: 'GET', credentials: 'same-origin', url: `/api/v1/measures/${MEASURE_ID}?page=2` });
    expect(calls[0]?.headers['x-prongsai-csrf']).toBeUndefined();
    expect(calls[1]).toMatchObject({ method: 'DELETE', credentials: 'same-origin', url: `/api/v1/measures/${MEASURE_ID}?version=3` });
    expect(calls[1]?.headers['x-prongsai-csrf']).toBe('1');
  });

  it('when any request gets 401, then the one unauthorized handler runs (unless the caller handles it)', async () => {
    mockFetch([
      { path: '/audit', status: 401, body: errorBody('UNAUTHENTICATED', 'กรุณาเข้าสู่ระบบ') },
      { path: '/auth/me', status: 401, body: errorBody('UNAUTHENTICATED', 'กรุณาเข้าสู่ระบบ') },
    ]);
    const handler = vi.fn();
    const unregister = setUnauthorizedHandler(handler);
    await failure(api.get('/audit', MeasureSchema));
    expect(handler).toHaveBeenCalledTimes(1);
    await failure(api.get('/auth/me', MeasureSchema, { skipUnauthorizedHandler: true }));
    expect(handler).toHaveBeenCalledTimes(1);
    unregister();
    await failure(api.get('/audit', MeasureSchema));
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
