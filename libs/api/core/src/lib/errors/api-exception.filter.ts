import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@banjie/contracts';
import { AppendTooLargeError, StoreUnavailableError } from '@banjie/event-store';
import type { RejectionReason } from '@banjie/engine';
import type { Response } from 'express';
import { ApiError } from './api-error';

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  422: 'invalid_variables',
  429: 'rate_limited',
};

/**
 * The HTTP code of each domain reason a case command is refused for (API.md "Errors"): the one
 * place where the engine's and the command path's reasons meet HTTP.
 */
const HTTP_CODE_OF_REASON = {
  not_found: 'not_found',
  already_done: 'conflict',
  invalid_state: 'conflict',
  contended: 'conflict',
  invalid_input: 'bad_request',
  invalid_variables: 'invalid_variables',
  forbidden: 'forbidden',
} as const satisfies Record<RejectionReason | 'contended', ErrorCode>;

/** The HTTP error code a refused case command answers with. */
export function httpCodeOfReason(reason: keyof typeof HTTP_CODE_OF_REASON): ErrorCode {
  return HTTP_CODE_OF_REASON[reason];
}

/** What a 503 `store_unavailable` asks the caller to wait before retrying. */
const STORE_RETRY_AFTER_SECONDS = 5;

/**
 * Turns every error into the body of API.md, `{error, message, details?}`: an `ApiError` keeps
 * its code, Nest's HTTP exceptions and body-parser failures map by status, a store that could not
 * make a write durable (disk full, I/O error, locked) is a logged 503 the caller may retry, anything
 * else is a logged 500 that reveals nothing of the server.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toBody(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (response.headersSent) {
      response.end();
      return;
    }
    if (exception instanceof ApiError && exception.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    if (exception instanceof StoreUnavailableError) response.setHeader('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
    response.status(status).json(body);
  }

  private toBody(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof ApiError) {
      return { status: exception.status, body: withDetails({ error: exception.code, message: exception.message }, exception.details) };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'object' && response !== null && 'message' in response ? (response as { message: unknown }).message : exception.message;
      const messages = Array.isArray(message) ? message.map(String) : [String(message)];
      const code = CODE_OF_STATUS[status] ?? (status >= 500 ? 'internal' : 'bad_request');
      const body: ErrorBody = { error: code, message: messages.join('; ') };
      if (Array.isArray(message) && message.length > 0) body.details = messages.map((m) => ({ message: m }));
      if (status === 404 && code === 'not_found' && /^Cannot /.test(body.message)) body.message = 'No such route';
      return { status, body };
    }
    if (exception instanceof StoreUnavailableError) {
      return { status: 503, body: { error: 'store_unavailable', message: 'The event store cannot record changes now (storage full or failing); nothing was changed, try again later' } };
    }
    if (exception instanceof AppendTooLargeError) {
      const limitMiB = Math.round((exception.limit / (1024 * 1024)) * 10) / 10;
      return { status: 413, body: { error: 'payload_too_large', message: `The change is too large to record: its events take ${exception.size} bytes, over the event store's limit of ${limitMiB} MiB per command; nothing was changed` } };
    }
    const parserStatus = bodyParserStatus(exception);
    if (parserStatus !== undefined) {
      const code = CODE_OF_STATUS[parserStatus] ?? 'bad_request';
      const message = parserStatus === 413 ? 'The request body is over the size limit' : `The request body could not be read: ${(exception as Error).message}`;
      return { status: parserStatus, body: { error: code, message } };
    }
    return { status: 500, body: { error: 'internal', message: 'Internal server error' } };
  }
}

function withDetails(body: ErrorBody, details: ErrorBody['details']): ErrorBody {
  return details && details.length > 0 ? { ...body, details } : body;
}

/** body-parser and raw-body errors carry `status` and a `type` such as `entity.too.large`. */
function bodyParserStatus(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, type } = exception as { status?: unknown; type?: unknown };
  if (typeof status === 'number' && typeof type === 'string' && status >= 400 && status < 500) return status;
  if (exception instanceof SyntaxError) return 400;
  return undefined;
}
