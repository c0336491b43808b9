import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorBody, ErrorDetail } from '@banjie/contracts';

/** An API failure as the user should read it: the HTTP status, the message, and any details. */
export interface ApiProblem {
  status: number;
  error: string;
  message: string;
  details: ErrorDetail[];
}

/**
 * What each error code of the API means, in Chinese: the API's own message is English (it names
 * the field or element at fault), so the user reads the Chinese meaning first and the detail beside it.
 */
export const ERROR_CODE_LABELS: Readonly<Record<string, string>> = {
  bad_request: '请求有误',
  unauthenticated: '请先登录',
  forbidden: '无权操作',
  not_found: '未找到',
  conflict: '状态冲突',
  payload_too_large: '内容过大',
  invalid_bpmn: '流程模型有误',
  invalid_variables: '表单数据有误',
  rate_limited: '尝试次数过多，请稍后再试',
  internal: '服务器内部错误',
};

/** Reads the API's error body (`{error, message, details?}`) out of a failed call, its message led by the code's Chinese meaning. */
export function toApiProblem(failure: unknown): ApiProblem {
  if (failure instanceof HttpErrorResponse) {
    const body = failure.error as Partial<ErrorBody> | string | null;
    if (body && typeof body === 'object' && typeof body.message === 'string') {
      const error = body.error ?? 'error';
      const label = ERROR_CODE_LABELS[error];
      return { status: failure.status, error, message: label ? `${label} ${body.message}` : body.message, details: body.details ?? [] };
    }
    const offline = failure.status === 0;
    return {
      status: failure.status,
      error: offline ? 'offline' : 'error',
      message: offline ? '无法连接服务器 Server unreachable' : `请求失败 Request failed: ${failure.status} ${failure.statusText}`,
      details: [],
    };
  }
  return { status: 0, error: 'error', message: failure instanceof Error ? failure.message : String(failure), details: [] };
}
