import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ApiError, EVENT_STORE, type Actor } from '@banjie/api-core';
import { WrongExpectedRevisionError, type EventStore, type ExpectedRevision } from '@banjie/event-store';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';

/** How long an answer is given again for its key (API.md "Additions"). */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Every key's stream starts with this: `idempotency-<sha256 of user and key>`. */
export const IDEMPOTENCY_STREAM_PREFIX = 'idempotency-';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Payloads of the events of a key's stream (version 1). */
interface IdempotencyEventData {
  /** The request with the key is about to run: recorded before it does. */
  IdempotentRequestStarted: { userId: string; fingerprint: string; at: string };
  /** It answered 2xx/3xx: this answer is given again to a retry within 24 h. */
  IdempotentRequestAnswered: { userId: string; fingerprint: string; status: number; body: unknown; at: string };
  /** It failed (a 4xx or 5xx changes nothing): the key is free again. */
  IdempotentRequestReleased: { userId: string; fingerprint: string; status: number; at: string };
}

type IdempotencyEvent = { [K in keyof IdempotencyEventData]: { type: K; data: IdempotencyEventData[K]; revision: bigint } }[keyof IdempotencyEventData];

/**
 * `Idempotency-Key` on every POST, once for all controllers. A retry by the same user with the same
 * key within 24 h gets the first answer (status and body) without running again; the same key with
 * another request (method, path or body) is a 422 `idempotency_key_reused`; a retry while the first
 * still runs is a 409. The key is recorded in the event store before the request runs and its answer
 * after it, so a retry after a restart gets the answer too. The crash window: a crash after the
 * request's own events and before its answer is recorded leaves the key started without an answer;
 * a retry then gets a 409 saying so instead of running twice (docs/api.md "Idempotency").
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  /** Keys whose request runs in this process now. */
  private readonly running = new Set<string>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY_PATTERN.test(key)) throw ApiError.badRequest('The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID is a good choice)');
    // Routes without sign-in (login) have no user to keep the key for: the header is ignored there.
    if (!request.actor) return next.handle();
    return from(this.run(request.actor.id, key, request, context.switchToHttp().getResponse<Response>(), next));
  }

  private async run(userId: string, key: string, request: Request, response: Response, next: CallHandler): Promise<unknown> {
    const stream = `${IDEMPOTENCY_STREAM_PREFIX}${sha256(`${userId}\n${key}`)}`;
    const fingerprint = sha256(`POST ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`);
    if (this.running.has(stream)) throw ApiError.conflict('A request with this Idempotency-Key is still running: wait for its answer, then retry');
    // Taken before the first await: a duplicate arriving meanwhile is a 409, not a second run.
    this.running.add(stream);
    try {
      return await this.runOnce(stream, userId, fingerprint, response, next);
    } finally {
      this.running.delete(stream);
    }
  }

  private async runOnce(stream: string, userId: string, fingerprint: string, response: Response, next: CallHandler): Promise<unknown> {
    const last = await this.lastEvent(stream);
    const now = Date.now();
    let expected: ExpectedRevision = 'no_stream';
    if (last) {
      expected = last.revision;
      const fresh = now - Date.parse(last.data.at) < IDEMPOTENCY_WINDOW_MS;
      if (fresh && last.type !== 'IdempotentRequestReleased' && last.data.fingerprint !== fingerprint) {
        throw new ApiError('idempotency_key_reused', 'This Idempotency-Key was used for another request in the last 24 h: send a new key with a new request');
      }
      if (fresh && last.type === 'IdempotentRequestAnswered') {
        response.status(last.data.status);
        response.setHeader('Idempotent-Replayed', 'true');
        return last.data.body ?? undefined;
      }
      if (fresh && last.type === 'IdempotentRequestStarted') {
        throw ApiError.conflict(
          'A request with this Idempotency-Key was started and the server stopped before it answered: it may or may not have taken effect. Look the result up (GET) before sending it again with a new key',
        );
      }
    }
    await this.append(stream, 'IdempotentRequestStarted', { userId, fingerprint, at: new Date(now).toISOString() }, expected);
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      const status = error instanceof ApiError ? error.status : typeof (error as { getStatus?: unknown }).getStatus === 'function' ? (error as { getStatus(): number }).getStatus() : 500;
      await this.append(stream, 'IdempotentRequestReleased', { userId, fingerprint, status, at: new Date().toISOString() }, 'any').catch(() => undefined);
      throw error;
    }
    await this.append(stream, 'IdempotentRequestAnswered', { userId, fingerprint, status: response.statusCode, body: body ?? null, at: new Date().toISOString() }, 'any');
    return body;
  }

  private async lastEvent(stream: string): Promise<IdempotencyEvent | undefined> {
    try {
      for await (const event of this.store.readStream(stream, { direction: 'backwards', maxCount: 1 })) {
        return { type: event.type, data: event.data, revision: event.revision } as IdempotencyEvent;
      }
    } catch (error) {
      if ((error as Error).name === 'StreamNotFoundError') return undefined;
      throw error;
    }
    return undefined;
  }

  private async append<K extends keyof IdempotencyEventData>(stream: string, type: K, data: IdempotencyEventData[K], expected: ExpectedRevision): Promise<void> {
    try {
      await this.store.append(stream, [{ type, data }], { expected });
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) throw ApiError.conflict('A request with this Idempotency-Key is running elsewhere: wait for its answer, then retry');
      throw error;
    }
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
