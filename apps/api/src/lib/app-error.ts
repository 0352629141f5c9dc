import {
  ERROR_STATUS,
  type ErrorCode,
  type ErrorReason,
  type FieldIssue,
  type FieldIssueParams,
  type QualityWarning,
} from '@prongsai/shared';

/** The one error type services throw; http/error-handler.ts turns it into a response. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: {
      issues?: FieldIssue[];
      current?: unknown;
      warnings?: QualityWarning[];
      retryAfterSeconds?: number;
      /** What exactly went wrong (ERROR_REASONS), with the values its text names: screens write the message from them. */
      reason?: ErrorReason;
      params?: FieldIssueParams;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = 'ไม่พบข้อมูลที่ต้องการ') => new AppError('NOT_FOUND', what);
