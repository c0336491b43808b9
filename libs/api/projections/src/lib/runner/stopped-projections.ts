import type { Logger } from '@nestjs/common';
import type { ApiMetrics } from '@banjie/api-core';
import type { RecordedEvent } from '@banjie/event-store';

/** A read model stopped at an event it fails on, as `/api/health` shows it. */
export interface StoppedProjection {
  name: string;
  /** The position of the last event its read model holds (null: none yet). */
  checkpoint: string | null;
  /** The event it fails on, which it has not applied. */
  event: { stream: string; revision: number; position: string; type: string };
  /** The message of the error its last attempt threw. */
  error: string;
  /** When it first failed on this event. */
  since: string;
  /** Attempts that failed on this event, the first included. */
  attempts: number;
  /** When it is tried again (null while a retry runs). */
  nextRetryAt: string | null;
}

/** When to retry the stopped projections, and how. */
export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** Tries the stopped projections again; those that fail again are recorded again. */
  retry(signal: AbortSignal): Promise<void>;
}

interface Stop {
  event: RecordedEvent;
  error: string;
  since: string;
  attempts: number;
}

/**
 * The projections stopped at an event, what they failed with, and their retries with back-off:
 * the wait doubles after each retry that leaves one stopped, and starts again at the first
 * once none is. Counted in `banjie_projection_failures_total` and `banjie_projection_stopped`.
 */
export class StoppedProjections {
  private readonly stops = new Map<string, Stop>();
  private delayMs: number;
  private timer?: NodeJS.Timeout;
  private nextRetryAt?: number;
  private retrying?: Promise<void>;
  private signal?: AbortSignal;

  constructor(
    private readonly metrics: ApiMetrics,
    private readonly logger: Logger,
    private readonly policy: RetryPolicy,
  ) {
    this.delayMs = policy.firstDelayMs;
  }

  has(name: string): boolean {
    return this.stops.has(name);
  }

  /** Forgets every stop (each projection tries its event again from its checkpoint) and retries until `signal` aborts. */
  start(signal: AbortSignal): void {
    for (const name of this.stops.keys()) this.metrics.projectionStopped.set({ projection: name }, 0);
    this.stops.clear();
    this.delayMs = this.policy.firstDelayMs;
    this.signal = signal;
  }

  /** Cancels the next retry and waits for one under way (its `signal` is aborted by then). */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.nextRetryAt = undefined;
    await this.retrying;
  }

  /** `name` failed on `event` with `error` and did not apply it. */
  record(name: string, event: RecordedEvent, error: unknown): void {
    const known = this.stops.get(name);
    const again = known !== undefined && known.event.position === event.position;
    const stop: Stop = { event, error: messageOf(error), since: again ? known.since : new Date().toISOString(), attempts: again ? known.attempts + 1 : 1 };
    this.stops.set(name, stop);
    this.metrics.projectionFailures.inc({ projection: name });
    this.metrics.projectionStopped.set({ projection: name }, 1);
    const where = `${event.type} ${event.stream}@${event.revision} (position ${event.position})`;
    if (again) this.logger.warn(`Projection ${name} failed again on ${where} (attempt ${stop.attempts}): ${stop.error}`);
    else this.logger.error(`Projection ${name} stopped at ${where}: ${stop.error}; the other read models go on, it is retried`);
    this.schedule();
  }

  /** `name` applied the event it had stopped at and holds what the running projections hold. */
  resume(name: string, checkpoint: string | undefined): void {
    const stop = this.stops.get(name);
    if (!stop) return;
    this.stops.delete(name);
    this.metrics.projectionStopped.set({ projection: name }, 0);
    this.logger.log(`Projection ${name} resumed: it applied ${stop.event.type} at ${stop.event.position} and now stands at ${checkpoint ?? 'the start'}`);
  }

  /** The stopped projections in the order of `names`, with their checkpoints. */
  list(names: readonly string[], checkpoints: ReadonlyMap<string, string | undefined>): StoppedProjection[] {
    const nextRetryAt = this.nextRetryAt === undefined ? null : new Date(this.nextRetryAt).toISOString();
    return names.flatMap((name) => {
      const stop = this.stops.get(name);
      if (!stop) return [];
      const { event } = stop;
      return [{
        name,
        checkpoint: checkpoints.get(name) ?? null,
        event: { stream: event.stream, revision: Number(event.revision), position: event.position, type: event.type },
        error: stop.error,
        since: stop.since,
        attempts: stop.attempts,
        nextRetryAt,
      }];
    });
  }

  private schedule(): void {
    const signal = this.signal;
    if (this.timer || this.retrying || !signal || signal.aborted || this.stops.size === 0) return;
    this.nextRetryAt = Date.now() + this.delayMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.nextRetryAt = undefined;
      this.retrying = this.policy
        .retry(signal)
        .catch((error: unknown) => this.logger.warn(`Retrying the stopped projections failed: ${messageOf(error)}`))
        .finally(() => {
          this.retrying = undefined;
          this.delayMs = this.stops.size > 0 ? Math.min(this.delayMs * 2, this.policy.maxDelayMs) : this.policy.firstDelayMs;
          this.schedule();
        });
    }, this.delayMs);
    // A pending retry must not keep the process alive.
    this.timer.unref();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
