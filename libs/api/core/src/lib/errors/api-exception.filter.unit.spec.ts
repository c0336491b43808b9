import { ArgumentsHost, BadRequestException, Logger, NotFoundException } from '@nestjs/common';
import { StoreUnavailableError } from '@banjie/event-store';
import { ApiError } from './api-error';
import { ApiExceptionFilter } from './api-exception.filter';
import { CaseRejected } from './rejection-error';

function answer(exception: unknown): { status: number; body: unknown; headers?: Record<string, string> } {
  const sent = { status: 0, body: undefined as unknown } as { status: number; body: unknown; headers?: Record<string, string> };
  const response = {
    headersSent: false,
    setHeader(name: string, value: string) {
      sent.headers = { ...sent.headers, [name]: value };
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return sent;
}

describe('ApiExceptionFilter', () => {
  it('answers an ApiError with its status, code and details', () => {
    // when
    const sent = answer(new ApiError('invalid_variables', 'bad', [{ field: 'a', message: 'a is required' }]));

    // then
    expect(sent).toEqual({ status: 422, body: { error: 'invalid_variables', message: 'bad', details: [{ field: 'a', message: 'a is required' }] } });
  });

  it('answers a refused case command by its domain reason, with the HTTP codes of API.md', () => {
    // when
    const statuses = (['not_found', 'already_done', 'invalid_state', 'contended', 'invalid_input', 'invalid_variables', 'forbidden'] as const).map((reason) => {
      const sent = answer(new CaseRejected(reason, 'refused'));
      return [reason, sent.status, (sent.body as { error: string }).error];
    });

    // then
    expect(statuses).toEqual([
      ['not_found', 404, 'not_found'],
      ['already_done', 409, 'conflict'],
      ['invalid_state', 409, 'conflict'],
      ['contended', 409, 'conflict'],
      ['invalid_input', 400, 'bad_request'],
      ['invalid_variables', 422, 'invalid_variables'],
      ['forbidden', 403, 'forbidden'],
    ]);
  });

  it('tells a rate-limited caller when to try again', () => {
    // when
    const sent = answer(ApiError.rateLimited('Too many failed sign-ins', 42));

    // then
    expect(sent).toEqual({ status: 429, body: { error: 'rate_limited', message: 'Too many failed sign-ins' }, headers: { 'Retry-After': '42' } });
  });

  it('maps Nest exceptions and body-parser failures by status', () => {
    // then
    expect(answer(new NotFoundException('Cannot GET /api/x'))).toEqual({ status: 404, body: { error: 'not_found', message: 'No such route' } });
    expect(answer(new BadRequestException(['a must be a string']))).toMatchObject({ status: 400, body: { error: 'bad_request', details: [{ message: 'a must be a string' }] } });
    expect(answer(Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' }))).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
  });

  it('answers a write the store could not make durable with 503 store_unavailable and a Retry-After, hiding the cause', () => {
    // given
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

    // when
    const sent = answer(new StoreUnavailableError('SQLite event store unavailable (SQLITE_FULL): database or disk is full'));

    // then
    expect(sent).toEqual({
      status: 503,
      body: { error: 'store_unavailable', message: expect.stringContaining('nothing was changed') },
      headers: { 'Retry-After': '5' },
    });
    expect(JSON.stringify(sent.body)).not.toContain('SQLITE_FULL');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('SQLITE_FULL'));
    logged.mockRestore();
  });

  it('hides what went wrong inside from the caller, and logs it', () => {
    // given
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

    // when
    const sent = answer(new TypeError('secret internals'));

    // then
    expect(sent).toEqual({ status: 500, body: { error: 'internal', message: 'Internal server error' } });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('secret internals'));
    logged.mockRestore();
  });
});
