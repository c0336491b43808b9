import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorBody, ErrorDetail } from '@banjie/contracts';

/** An API failure as the user should read it: the HTTP status, the message, and any details. */
export interface ApiProblem {
  status: number;
  error: string;
  message: string;
  details: ErrorDetail[];
}

/** Reads the API's error body (`{error, message, details?}`) out of a failed call. */
export function toApiProblem(failure: unknown): ApiProblem {
  if (failure instanceof HttpErrorResponse) {
    const body = failure.error as Partial<ErrorBody> | string | null;
    if (body && typeof body === 'object' && typeof body.message === 'string') {
      return { status: failure.status, error: body.error ?? 'error', message: body.message, details: body.details ?? [] };
    }
    const offline = failure.status === 0;
    return {
      status: failure.status,
      error: offline ? 'offline' : 'error',
      message: offline ? '无法连接服务器 Server unreachable' : `${failure.status} ${failure.statusText}`,
      details: [],
    };
  }
  return { status: 0, error: 'error', message: failure instanceof Error ? failure.message : String(failure), details: [] };
}
