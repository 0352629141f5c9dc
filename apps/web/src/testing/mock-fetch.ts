import { vi } from 'vitest';

export interface MockRoute {
  method?: string;
  /** Matched against the path after /api/v1, without the query string (a string must match exactly). */
  path: string | RegExp;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer only once, then fall through to later routes. */
  once?: boolean;
}

export interface RecordedCall {
  method: string;
  path: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

/**
 * Replaces global fetch with a tiny router over /api/v1 that answers from `routes` (MSW is not
 * installed). Unmatched requests answer 404 NOT_FOUND in the shared error shape.
 */
export function mockFetch(routes: MockRoute[]) {
  const calls: RecordedCall[] = [];
  const used = new Set<MockRoute>();
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.replace(/^.*?\/api\/v1/, '').split('?')[0] ?? '';
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
    );
    calls.push({
      method,
      path,
      url,
      headers,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      credentials: init.credentials,
    });
    const route = routes.find(
      (candidate) =>
        !(candidate.once && used.has(candidate)) &&
        (candidate.method ?? 'GET').toUpperCase() === method &&
        (typeof candidate.path === 'string' ? candidate.path === path : candidate.path.test(path)),
    );
    if (!route) {
      return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: `no mock for ${method} ${path}` } }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      });
    }
    used.add(route);
    const status = route.status ?? 200;
    return new Response(status === 204 || route.body === undefined ? null : JSON.stringify(route.body), {
      status,
      headers: { 'content-type': 'application/json', ...route.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls };
}

export const errorBody = (code: string, message: string, extra: Record<string, unknown> = {}) => ({
  error: { code, message, requestId: 'req-test', ...extra },
});
