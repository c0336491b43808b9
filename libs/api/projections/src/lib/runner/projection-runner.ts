import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { ApiMetrics, EVENT_STORE, WorkingCalendars, WritePositions, comparePositions } from '@banjie/api-core';
import type { EventStore, RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { Subject } from 'rxjs';
import { allProjections } from '../read-models/all-projections';
import type { Projection } from '../read-models/projection';
import { READ_MODEL_DB } from '../read-models/read-model-database';
import { writeBatch, type ProjectionStop } from './batch-writer';
import { StoppedProjections, type StoppedProjection } from './stopped-projections';

export type { StoppedProjection } from './stopped-projections';

const CATCH_UP_BATCH = 1_000;
const DEFAULT_WAIT_MS = 5_000;

/** Injection token of the runner's options (tests bring their own read models and a short back-off). */
export const PROJECTION_RUNNER_OPTIONS = Symbol('ProjectionRunnerOptions');

export interface ProjectionRunnerOptions {
  /** The read models to keep; every one of `allProjections` by default. */
  projections?: (calendars: WorkingCalendars) => Projection[];
  /** The wait before the first retry of a stopped projection (1 s by default), doubled after each failed retry. */
  retryDelayMs?: number;
  /** The longest wait between two retries (60 s by default). */
  maxRetryDelayMs?: number;
}

interface Waiter {
  position: string;
  resolve: () => void;
}

/**
 * Keeps the read models following the store: subscribes to `$all` from the oldest checkpoint
 * and applies each event to every projection, writing rows and checkpoints in one SQLite
 * transaction, so a crash never applies an event twice or skips one. A projection that fails on
 * an event stops just before it, while the others go on; it is retried with back-off from its
 * checkpoint, and at every start, until it applies that event.
 */
@Injectable()
export class ProjectionRunner implements OnModuleDestroy {
  /** Every event once the running read models hold it (feeds live updates, job workers and timers). */
  readonly applied$ = new Subject<RecordedEvent>();
  private readonly logger = new Logger('Projections');
  private readonly projections: Projection[];
  private readonly checkpoints = new Map<string, string | undefined>();
  private readonly stopped: StoppedProjections;
  private position: string | undefined;
  private waiters: Waiter[] = [];
  private abort?: AbortController;
  private running?: Promise<void>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly writePositions: WritePositions,
    private readonly metrics: ApiMetrics,
    calendars: WorkingCalendars,
    @Optional() @Inject(PROJECTION_RUNNER_OPTIONS) options: ProjectionRunnerOptions = {},
  ) {
    this.projections = (options.projections ?? allProjections)(calendars);
    this.stopped = new StoppedProjections(metrics, this.logger, {
      firstDelayMs: options.retryDelayMs ?? 1_000,
      maxDelayMs: options.maxRetryDelayMs ?? 60_000,
      retry: (signal) => this.retryStopped(signal),
    });
    for (const projection of this.projections) this.db.exec(projection.schema);
    this.loadCheckpoints();
  }

  /**
   * The newest position the running read models hold. A stopped projection does not hold it back:
   * queries on the others keep read-your-writes, and its own read model answers as of its checkpoint.
   */
  get projectedPosition(): string | undefined {
    return this.position;
  }

  /** The read models stopped at an event they fail on, in the order they apply events. */
  get stoppedProjections(): StoppedProjection[] {
    return this.stopped.list(this.projections.map((p) => p.name), this.checkpoints);
  }

  /** Starts following the store; resolves once the read models caught up with it. */
  start(): Promise<void> {
    if (this.running) throw new Error('Projections already running');
    this.abort = new AbortController();
    // Every projection starts again from its checkpoint: a stopped one tries its event at once.
    this.stopped.start(this.abort.signal);
    let caughtUp!: () => void;
    const ready = new Promise<void>((resolve) => (caughtUp = resolve));
    this.running = this.follow(this.abort.signal, caughtUp).catch((error: unknown) => {
      if (!this.abort?.signal.aborted) this.logger.error(`Projections stopped: ${String(error)}`);
      caughtUp();
    });
    return ready;
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.running;
    await this.stopped.stop();
    this.running = undefined;
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters = [];
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /**
   * Drops every read model and replays the whole store into it; returns the number of events
   * applied. Rejects, naming them, when projections stopped at an event they fail on: their rows
   * stand before it and the next start tries it again.
   */
  async rebuild(): Promise<number> {
    await this.stop();
    // Every row is written again from the store: the rebuild skips the fsync of each checkpoint of
    // the WAL and makes the finished read models durable once, at the end (a power cut in the
    // middle means rebuilding again, as a crash does).
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    this.db.pragma('synchronous = OFF');
    let applied: number;
    try {
      applied = await this.replayAll();
    } finally {
      this.db.pragma(`synchronous = ${synchronous}`);
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
    const stopped = this.stoppedProjections;
    if (stopped.length > 0) {
      await this.stop();
      const names = stopped.map((s) => `${s.name} at ${s.event.type} ${s.event.stream}@${s.event.revision} (position ${s.event.position}): ${s.error}`);
      throw new Error(`Read models rebuilt from ${applied} events, but stopped: ${names.join('; ')}`);
    }
    return applied;
  }

  private async replayAll(): Promise<number> {
    this.db.transaction(() => {
      for (const projection of this.projections) {
        for (const table of projection.tables) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
        this.db.exec(projection.schema);
      }
      this.db.exec('DELETE FROM projection_checkpoints');
    })();
    this.loadCheckpoints();
    let applied = 0;
    const counter = this.applied$.subscribe(() => applied++);
    await this.start();
    counter.unsubscribe();
    return applied;
  }

  /** Resolves once the read models hold `position` (or after a timeout, so a query never hangs). */
  waitFor(position: string | undefined, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    if (position === undefined || (this.position !== undefined && comparePositions(this.position, position) >= 0)) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const waiter: Waiter = { position, resolve: () => { clearTimeout(timer); resolve(); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Resolves once the read models hold everything this process appended (read-your-writes). */
  catchUp(): Promise<void> {
    return this.waitFor(this.writePositions.latest);
  }

  private async follow(signal: AbortSignal, caughtUp: () => void): Promise<void> {
    let live = false;
    let batch: RecordedEvent[] = [];
    let flushScheduled = false;
    const flush = () => {
      flushScheduled = false;
      if (batch.length === 0 || signal.aborted) return;
      const events = batch;
      batch = [];
      try {
        this.applyBatch(events);
      } catch (error) {
        // Nothing was committed; stop rather than skip them: they are read again from the checkpoint at the next start.
        this.logger.error(`Read models could not apply ${events.length} events, projections stopped: ${String(error)}`);
        this.abort?.abort();
      }
    };
    for await (const item of this.store.subscribeToAll({ after: this.oldestCheckpoint(), signal })) {
      if (item.kind === 'event') {
        batch.push(item.event);
        if (live) {
          // Live events arriving in one tick share one transaction (many clients, one fsync-free commit).
          if (!flushScheduled) {
            flushScheduled = true;
            setImmediate(flush);
          }
          continue;
        }
        if (batch.length < CATCH_UP_BATCH) continue;
      }
      flush();
      if (item.kind === 'caughtUp' && !live) {
        live = true;
        caughtUp();
      }
    }
  }

  /** Applies the subscription's next events to every projection that is not stopped. */
  private applyBatch(batch: RecordedEvent[]): void {
    const running = this.projections.filter((p) => !this.stopped.has(p.name));
    this.recordStops(writeBatch(this.db, batch, running, this.checkpoints));
    this.advance(batch);
  }

  /**
   * Reads the store from the oldest checkpoint of the stopped projections and applies it to
   * them alone, until each has failed again or holds what the running ones hold and rejoins them
   * (the subscription's later events reach it there).
   */
  private async retryStopped(signal: AbortSignal): Promise<void> {
    const failedAgain = new Set<string>();
    for (;;) {
      const behind = this.projections.filter((p) => this.stopped.has(p.name) && !failedAgain.has(p.name));
      if (behind.length === 0 || signal.aborted) return;
      const page: RecordedEvent[] = [];
      for await (const event of this.store.readAll({ after: this.oldestCheckpoint(behind), maxCount: CATCH_UP_BATCH })) page.push(event);
      if (signal.aborted) return;
      const stops = page.length > 0 ? writeBatch(this.db, page, behind, this.checkpoints) : [];
      this.recordStops(stops);
      for (const stop of stops) failedAgain.add(stop.projection.name);
      for (const projection of behind) {
        if (!failedAgain.has(projection.name) && this.holdsAll(projection)) this.stopped.resume(projection.name, this.checkpoints.get(projection.name));
      }
      // The store has nothing after the checkpoints of those still behind: the next retry looks again.
      if (page.length === 0) return;
    }
  }

  private recordStops(stops: readonly ProjectionStop[]): void {
    for (const stop of stops) this.stopped.record(stop.projection.name, stop.event, stop.error);
  }

  /** Whether `projection` holds every event the running projections hold. */
  private holdsAll(projection: Projection): boolean {
    const checkpoint = this.checkpoints.get(projection.name);
    return this.position === undefined || (checkpoint !== undefined && comparePositions(checkpoint, this.position) >= 0);
  }

  /** Moves the projected position to the end of `batch`, announcing the events not announced before. */
  private advance(batch: readonly RecordedEvent[]): void {
    const previous = this.position;
    // After a start from a stopped projection's checkpoint, the first events are ones the others already held.
    const fresh = previous === undefined ? batch : batch.filter((e) => comparePositions(e.position, previous) > 0);
    const last = fresh.at(-1);
    if (!last) return;
    this.position = last.position;
    this.metrics.projectedEvents.inc(fresh.length);
    this.metrics.projectionLag.set(this.lag());
    for (const event of fresh) this.applied$.next(event);
    this.releaseWaiters();
  }

  private releaseWaiters(): void {
    const position = this.position;
    if (position === undefined) return;
    const ready = this.waiters.filter((w) => comparePositions(position, w.position) >= 0);
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve();
  }

  /** Events this process appended that the read models have not applied yet, on any store's positions. */
  private lag(): number {
    return this.writePositions.unprojected(this.position);
  }

  private loadCheckpoints(): void {
    this.checkpoints.clear();
    const rows = this.db.prepare('SELECT name, position FROM projection_checkpoints').all() as { name: string; position: string }[];
    const saved = new Map(rows.map((r) => [r.name, r.position]));
    for (const projection of this.projections) this.checkpoints.set(projection.name, saved.get(projection.name));
    this.position = this.newestCheckpoint();
  }

  /** Where the subscription starts: after the checkpoint of the projection furthest behind (undefined: from the beginning). */
  private oldestCheckpoint(projections: readonly Projection[] = this.projections): string | undefined {
    let oldest: string | undefined;
    for (const { name } of projections) {
      const checkpoint = this.checkpoints.get(name);
      if (checkpoint === undefined) return undefined;
      if (oldest === undefined || comparePositions(checkpoint, oldest) < 0) oldest = checkpoint;
    }
    return oldest;
  }

  /** The events announced before this start: those of the projection furthest ahead. */
  private newestCheckpoint(): string | undefined {
    let newest: string | undefined;
    for (const checkpoint of this.checkpoints.values()) {
      if (checkpoint !== undefined && (newest === undefined || comparePositions(checkpoint, newest) > 0)) newest = checkpoint;
    }
    return newest;
  }
}
