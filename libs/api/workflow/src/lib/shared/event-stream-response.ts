import type { Request, Response } from 'express';

const HEARTBEAT_MS = 15_000;

/**
 * One open Server-Sent Events response. Every message is a plain one (no `event:` line, so
 * `EventSource.onmessage` hears it) with an `id:` so a client resumes with `Last-Event-ID`; the
 * heartbeat is an SSE comment, which clients ignore.
 */
export class EventStreamResponse {
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private closed = false;
  private readonly onClose: (() => void)[] = [];

  constructor(
    request: Request,
    private readonly response: Response,
  ) {
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write('retry: 2000\n\n');
    this.heartbeat = setInterval(() => this.response.write(': keep-alive\n\n'), HEARTBEAT_MS);
    request.on('close', () => this.close());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends one message; `data` is written as a single line of JSON. */
  send(id: string, data: unknown): void {
    if (this.closed) return;
    this.response.write(`id: ${id}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  whenClosed(listener: () => void): void {
    if (this.closed) listener();
    else this.onClose.push(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.response.end();
    for (const listener of this.onClose) listener();
  }
}

/** The id a reconnecting EventSource sends (header), or `?lastEventId=` for clients that cannot set headers. */
export function lastEventIdOf(request: Request): string | undefined {
  const header = request.headers['last-event-id'];
  const value = typeof header === 'string' ? header : typeof request.query['lastEventId'] === 'string' ? (request.query['lastEventId'] as string) : undefined;
  return value && value.trim().length > 0 ? value.trim() : undefined;
}
