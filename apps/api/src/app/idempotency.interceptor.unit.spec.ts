import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { ApiError } from '@banjie/api-core';
import { createMemoryEventStore } from '@banjie/event-store';
import { lastValueFrom, Observable } from 'rxjs';
import { IdempotencyInterceptor } from './idempotency.interceptor';

function httpContext(key: string, body: unknown): ExecutionContext {
  const request = { method: 'POST', originalUrl: '/api/cases', headers: { 'idempotency-key': key }, body, actor: { id: 'lf-applicant' } };
  const response = { statusCode: 201, status: jest.fn(), setHeader: jest.fn() };
  return { getType: () => 'http', switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ExecutionContext;
}

describe('IdempotencyInterceptor', () => {
  it('answers 409 to a duplicate while the first still runs, and runs the handler once', async () => {
    // given a first request whose handler has not answered yet
    const interceptor = new IdempotencyInterceptor(createMemoryEventStore());
    let finish: (value: unknown) => void = () => undefined;
    let runs = 0;
    const slow: CallHandler = {
      handle: () =>
        new Observable((subscriber) => {
          runs++;
          finish = (value) => {
            subscriber.next(value);
            subscriber.complete();
          };
        }),
    };
    const first = lastValueFrom(interceptor.intercept(httpContext('k1', { a: 1 }), slow));

    // when the duplicate arrives
    const duplicate = lastValueFrom(interceptor.intercept(httpContext('k1', { a: 1 }), slow));

    // then it is a conflict, and the first answers as its handler does
    await expect(duplicate).rejects.toMatchObject({ status: 409, code: 'conflict' });
    await new Promise((r) => setImmediate(r));
    finish({ id: 'case-1' });
    await expect(first).resolves.toEqual({ id: 'case-1' });
    expect(runs).toBe(1);
  });

  it('refuses the same key with another body', async () => {
    // given
    const interceptor = new IdempotencyInterceptor(createMemoryEventStore());
    const handler: CallHandler = { handle: () => new Observable((s) => (s.next({ id: 'case-1' }), s.complete())) };
    await lastValueFrom(interceptor.intercept(httpContext('k2', { a: 1 }), handler));

    // when
    const other = lastValueFrom(interceptor.intercept(httpContext('k2', { a: 2 }), handler));

    // then
    await expect(other).rejects.toBeInstanceOf(ApiError);
    await expect(other).rejects.toMatchObject({ status: 422, code: 'idempotency_key_reused' });
  });
});
