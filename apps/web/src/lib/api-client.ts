import { ErrorResponseSchema, type ErrorCode, type QualityWarning } from '@prongsai/shared';
import type { z } from 'zod';
import { env } from '@/config/env';

/** Codes the server sends, plus the ones the client makes up when there is no usable answer. */
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR' | 'INVALID_RESPONSE' | 'HTTP_ERROR';

export interface ApiIssue {
  /** As the server names it, e.g. "body.title" or "body.actions.2". */
  path: string;
  /** The server's text (Thai): shown only when the catalogue does not know `code` (lib/field-issue-text.ts). */
  message: string;
  /** A Zod issue code or the server's own; absent in issues the client makes up. */
  code?: string;
  params?: Record<string, string | number>;
}

/** Every failed API call rejects with this. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly issues: ApiIssue[];
  /** With VERSION_CONFLICT: the record as it is on the server now. */
  readonly current: unknown;
  /** With SERIOUS_WARNINGS_UNACKNOWLEDGED: the open serious warnings. */
  readonly warnings: QualityWarning[];
  readonly requestId: string | undefined;
  /** What exactly went wrong (ERROR_REASONS) and the values its text names: the screen writes the message from them. */
  readonly reason: string | undefined;
  readonly params: Record<string, string | number>;
  /** From the Retry-After header of a 429. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    code: ApiErrorCode;
    message: string;
    issues?: ApiIssue[];
    current?: unknown;
    warnings?: QualityWarning[];
    requestId?: string;
    reason?: string;
    params?: Record<string, string | number>;
    retryAfterSeconds?: number;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.current = init.current;
    this.warnings = init.warnings ?? [];
    this.requestId = init.requestId;
    this.reason = init.reason;
    this.params = init.params ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

const FALLBACK_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'IMPORT_UNPARSABLE',
  429: 'RATE_LIMITED',
  500: 'INTERNAL',
  503: 'SERVICE_UNAVAILABLE',
};

/** Turns a non-2xx response into an ApiError, reading the shared error body when there is one. */
export async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = ErrorResponseSchema.safeParse(body);
  if (parsed.success) {
    const { error } = parsed.data;
    return new ApiError({
      status: response.status,
      code: error.code,
      message: error.message,
      issues: (error.issues ?? []).map(({ path, message, code, params }) => ({ path, message, code, params })),
      current: error.current,
      warnings: error.warnings,
      requestId: error.requestId,
      reason: error.reason,
      params: error.params,
      retryAfterSeconds,
    });
  }
  return new ApiError({
    status: response.status,
    code: FALLBACK_CODES[response.status] ?? 'HTTP_ERROR',
    message: response.statusText || `HTTP ${response.status}`,
    retryAfterSeconds,
  });
}

let unauthorizedHandler: (() => void) | undefined;

/**
 * The one place that reacts to a 401 from any request (the auth provider registers it and sends
 * the user to the login page). Returns a function that unregisters it.
 */
export function setUnauthorizedHandler(handler: () => void): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = undefined;
  };
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Login and "who am I" handle their own 401. */
  skipUnauthorizedHandler?: boolean;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return `${env.VITE_API_BASE_URL}${path}${text ? `?${text}` : ''}`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-prongsai-csrf'] = '1';
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'network error' });
  }
  if (!response.ok) {
    const apiError = await toApiError(response);
    if (response.status === 401 && !options.skipUnauthorizedHandler) unauthorizedHandler?.();
    throw apiError;
  }
  return response;
}

/** A request whose answer is checked against a shared response schema. */
export async function apiRequest<T>(path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.error(`Unexpected response from ${options.method ?? 'GET'} ${path}`, parsed.error.issues);
    throw new ApiError({ status: response.status, code: 'INVALID_RESPONSE', message: 'invalid response' });
  }
  return parsed.data;
}

/** A request answered with 204 No Content (or whose body does not matter). */
export async function apiSend(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

export const api = {
  get: <T>(path: string, schema: z.ZodType<T>, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest(path, schema, { ...options, method: 'GET' }),
  post: <T>(path: string, body: unknown, schema: z.ZodType<T>, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest(path, schema, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body: unknown, schema: z.ZodType<T>, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest(path, schema, { ...options, method: 'PATCH', body }),
  put: <T>(path: string, body: unknown, schema: z.ZodType<T>, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest(path, schema, { ...options, method: 'PUT', body }),
  delete: (path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) => apiSend(path, { ...options, method: 'DELETE' }),
};
