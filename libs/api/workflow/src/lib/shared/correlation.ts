import type { Request } from 'express';

/** The request's correlation id (set by pino-http from `X-Correlation-Id`, or generated). */
export function correlationIdOf(request: Request): string | undefined {
  const id = (request as Request & { id?: unknown }).id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}
