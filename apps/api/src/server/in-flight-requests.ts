import type { NextFunction, Request, Response } from 'express';

/** Counts requests being answered (live streams excluded), so a shutdown can wait for them. */
export class InFlightRequests {
  private count = 0;
  private idle: (() => void)[] = [];

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (req.headers.accept === 'text/event-stream' || req.path.endsWith('/live')) return next();
    this.count++;
    res.once('close', () => {
      this.count--;
      if (this.count === 0) for (const resolve of this.idle.splice(0)) resolve();
    });
    next();
  };

  /** Resolves when no request is in flight, or after `timeoutMs`. */
  drained(timeoutMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
