import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ApiMetrics, EVENT_STORE, WorkingCalendars, WritePositions, comparePositions } from '@banjie/api-core';
import type { EventStore, RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { Subject } from 'rxjs';
import { allProjections } from '../read-models/all-projections';
import { sql, type Projection } from '../read-models/projection';
import { READ_MODEL_DB } from '../read-models/read-model-database';

const CATCH_UP_BATCH = 1_000;
const DEFAULT_WAIT_MS = 5_000;

interface Waiter {
  position: string;
  resolve: () => void;
}

/**
 * Keeps the read models following the store: subscribes to `$all` from the oldest checkpoint
 * and applies each event to every projection, writing rows and checkpoints in one SQLite
 * transaction, so a crash never applies an event twice or skips one.
 */
@Injectable()
export class ProjectionRunner implements OnModuleDestroy {
  /** Every event once the read models hold it (feeds live updates, job workers and timers). */
  readonly applied$ = new Subject<RecordedEvent>();
  private readonly logger = new Logger('Projections');
  private readonly projections: Projection[];
  private readonly checkpoints = new Map<string, string | undefined>();
  private position: string | undefined;
  /** The checkpoint the current subscription started after. */
  private followedFrom: string | undefined;
  private waiters: Waiter[] = [];
  private abort?: AbortController;
  private running?: Promise<void>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly writePositions: WritePositions,
    private readonly metrics: ApiMetrics,
    calendars: WorkingCalendars,
  ) {
    this.projections = allProjections(calendars);
    for (const projection of this.projections) this.db.exec(projection.schema);
    this.loadCheckpoints();
  }

  /** The newest position the read models hold. */
  get projectedPosition(): string | undefined {
    return this.position;
  }

  /** Starts following the store; resolves once the read models caught up with it. */
  start(): Promise<void> {
    if (this.running) throw new Error('Projections already running');
    this.abort = new AbortController();
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
    this.running = undefined;
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters = [];
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Drops every read model and replays the whole store into it; returns the number of events applied. */
  async rebuild(): Promise<number> {
    await this.stop();
    // Every row is written again from the store: the rebuild skips the fsync of each checkpoint of
    // the WAL and makes the finished read models durable once, at the end (a power cut in the
    // middle means rebuilding again, as a crash does).
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    this.db.pragma('synchronous = OFF');
    try {
      return await this.replayAll();
    } finally {
      this.db.pragma(`synchronous = ${synchronous}`);
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
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
    const after = this.oldestCheckpoint();
    this.followedFrom = after;
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
    for await (const item of this.store.subscribeToAll({ after, signal })) {
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

  private applyBatch(batch: RecordedEvent[]): void {
    const last = batch[batch.length - 1]?.position;
    if (last === undefined) return;
    this.db.transaction(() => {
      for (const event of batch) {
        for (const projection of this.projections) {
          const checkpoint = this.checkpoints.get(projection.name);
          // The subscription starts after the oldest checkpoint: only a projection ahead of it can have seen the event.
          if (checkpoint !== undefined && checkpoint !== this.followedFrom && comparePositions(event.position, checkpoint) <= 0) continue;
          try {
            projection.apply(this.db, event);
          } catch (error) {
            this.logger.error(`Projection ${projection.name} failed on ${event.type} at ${event.position}: ${String(error)}`);
          }
        }
      }
      for (const projection of this.projections) projection.flush?.(this.db);
      const save = sql(this.db, 'INSERT OR REPLACE INTO projection_checkpoints (name, position) VALUES (?, ?)');
      for (const projection of this.projections) save.run(projection.name, last);
    })();
    for (const projection of this.projections) this.checkpoints.set(projection.name, last);
    // Every projection now stands at `last`, and the subscription only delivers later events.
    this.followedFrom = last;
    this.position = last;
    this.metrics.projectedEvents.inc(batch.length);
    this.metrics.projectionLag.set(this.lag());
    for (const event of batch) this.applied$.next(event);
    this.releaseWaiters();
  }

  private releaseWaiters(): void {
    const position = this.position;
    if (position === undefined) return;
    const ready = this.waiters.filter((w) => comparePositions(position, w.position) >= 0);
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve();
  }

  private lag(): number {
    const written = this.writePositions.latest;
    if (!written || !this.position || !/^\d+$/.test(written) || !/^\d+$/.test(this.position)) return 0;
    return Math.max(0, Number(BigInt(written) - BigInt(this.position)));
  }

  private loadCheckpoints(): void {
    this.checkpoints.clear();
    const rows = this.db.prepare('SELECT name, position FROM projection_checkpoints').all() as { name: string; position: string }[];
    const saved = new Map(rows.map((r) => [r.name, r.position]));
    for (const projection of this.projections) this.checkpoints.set(projection.name, saved.get(projection.name));
    this.position = this.oldestCheckpoint();
  }

  private oldestCheckpoint(): string | undefined {
    let oldest: string | undefined;
    for (const checkpoint of this.checkpoints.values()) {
      if (checkpoint === undefined) return undefined;
      if (oldest === undefined || comparePositions(checkpoint, oldest) < 0) oldest = checkpoint;
    }
    return oldest;
  }
}
