import type { ErrorCode, ErrorDetail } from '@banjie/contracts';

const STATUS_OF: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  invalid_bpmn: 422,
  invalid_variables: 422,
  definition_withdrawn: 409,
  rate_limited: 429,
  idempotency_key_reused: 422,
  store_unavailable: 503,
  internal: 500,
};

/**
 * An error a caller can cause, carried to the HTTP edge as `{error, message, details?}`
 * with the status of its code (API.md "Errors").
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;

  /** Seconds until the caller may try again, sent as `Retry-After` (rate limits). */
  retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.status = STATUS_OF[code];
  }

  static notFound(what: string): ApiError {
    return new ApiError('not_found', `${what} not found`);
  }

  static forbidden(message = 'Your role or zone does not allow this'): ApiError {
    return new ApiError('forbidden', message);
  }

  static conflict(message: string): ApiError {
    return new ApiError('conflict', message);
  }

  static rateLimited(message: string, retryAfterSeconds: number): ApiError {
    const error = new ApiError('rate_limited', message);
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
  }

  static badRequest(message: string, details?: ErrorDetail[]): ApiError {
    return new ApiError('bad_request', message, details);
  }
}
