import { z } from 'zod';
import { QualityWarningSchema } from './schemas/measure';

/** Every error code the API answers with, and its HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  /** A JSON or text body whose bytes are not valid UTF-8. */
  INVALID_ENCODING: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  /** A known path with a method it does not support; the `Allow` header lists those it does. */
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** An import the parser gave up on (time or memory limit): the issue's code names the reason. */
  IMPORT_UNPARSABLE: 422,
  /** An uploaded archive (.docx) unpacks to more entries or bytes than the import allows. */
  ARCHIVE_LIMIT_EXCEEDED: 422,
  /** Accept or publish while serious quality warnings are open and not acknowledged; `warnings` lists them (ADR 021). */
  SERIOUS_WARNINGS_UNACKNOWLEDGED: 422,
  /** An acknowledgement names a serious warning the plan does not have; `issues` point at each. */
  ACKNOWLEDGED_WARNING_NOT_FOUND: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ErrorCodeSchema = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

export const FieldIssueSchema = z.object({
  /** Where the problem is, e.g. "body.actions.2" or "query.page". */
  path: z.string(),
  /** The schema's own text (Thai); the web writes the issue from `code` and `params` when it knows the code. */
  message: z.string(),
  /** A Zod issue code (too_small, too_big, invalid_type, invalid_format, custom, …) or the server's own. */
  code: z.string(),
  /** What the text is written from: minimum/maximum/origin, expected, format, a refine's `key` (see field-issues.ts). */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    /** Thai, for people reading the raw answer; screens write the text from `code` (and `reason`). */
    message: z.string(),
    /** What exactly went wrong, when `code` alone is too broad: one of ERROR_REASONS (server-messages.ts). */
    reason: z.string().optional(),
    /** The values the reason's text names (numbers as numbers). */
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    requestId: z.string().optional(),
    issues: z.array(FieldIssueSchema).optional(),
    /** With VERSION_CONFLICT: the record as it is now, so the client can show what changed. */
    current: z.unknown().optional(),
    /** With SERIOUS_WARNINGS_UNACKNOWLEDGED: the open serious warnings that need an acknowledgement. */
    warnings: z.array(QualityWarningSchema).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
