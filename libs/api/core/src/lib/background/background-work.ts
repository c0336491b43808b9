import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '../clock/clock';
import { isSettledRefusal } from '../errors/rejection-error';
import { ApiMetrics } from '../metrics/api-metrics';

/** The api's background workers, as they are named in logs, metrics and `/api/health`. */
export type BackgroundWorker = 'job-workers' | 'timer-scheduler' | 'timer-starts';

/** Background work that failed for a reason other than being moot: a person should look. */
export interface GaveUpWork {
  worker: BackgroundWorker;
  /** What the work was, e.g. `FireTimer t-1 of case c-1`. */
  work: string;
  /** The refusal's domain reason, or `error` for a failure that was not a refusal. */
  reason: string;
  message: string;
  at: string;
}

/** How many of the latest gave-up works `/api/health` shows. */
const KEPT = 20;

/**
 * The outcome of the api's background work (job workers, timer scheduler, timer starts). A command a
 * worker sends can be refused because the work is moot (the job or timer is already done, another
 * replica was first, the case moved on): that is fine and logged at debug level. Anything else
 * (the case stayed contended through every retry, the store failed, the engine refused the input)
 * means the worker gave up: a warning, `banjie_background_gave_up_total{worker}` in `/api/metrics`,
 * and an entry in `/api/health`'s `background.gaveUp`.
 */
@Injectable()
export class BackgroundWork {
  private readonly logger = new Logger('BackgroundWork');
  private readonly latest: GaveUpWork[] = [];

  constructor(
    private readonly metrics: ApiMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Runs one piece of work and tells how it ended: `done`, `settled` (moot: done already) or `gave_up`. */
  async run(worker: BackgroundWorker, work: string, attempt: () => Promise<unknown>): Promise<'done' | 'settled' | 'gave_up'> {
    try {
      await attempt();
      return 'done';
    } catch (error) {
      return this.failed(worker, work, error);
    }
  }

  /** Classifies a failure of background work (see the class): `settled` when moot, else `gave_up`, logged, counted and kept. */
  failed(worker: BackgroundWorker, work: string, error: unknown): 'settled' | 'gave_up' {
    const message = error instanceof Error ? error.message : String(error);
    if (isSettledRefusal(error)) {
      this.logger.debug(`${worker}: ${work} is already settled (${error.reason}): ${message}`);
      return 'settled';
    }
    const reason = typeof error === 'object' && error !== null && 'reason' in error && typeof error.reason === 'string' ? error.reason : 'error';
    this.logger.warn(`${worker} gave up on ${work} (${reason}): ${message}`);
    this.metrics.backgroundGaveUp.inc({ worker });
    this.latest.push({ worker, work, reason, message, at: this.clock.now() });
    if (this.latest.length > KEPT) this.latest.shift();
    return 'gave_up';
  }

  /** The latest works given up, oldest first (at most 20). */
  get gaveUp(): readonly GaveUpWork[] {
    return this.latest;
  }
}
