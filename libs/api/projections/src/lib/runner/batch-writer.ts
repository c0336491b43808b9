import { comparePositions } from '@banjie/api-core';
import type { RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { sql, type Projection } from '../read-models/projection';

/** The event a projection failed on in a batch, and why. */
export interface ProjectionStop {
  readonly projection: Projection;
  readonly event: RecordedEvent;
  readonly error: unknown;
}

/**
 * Applies `events` to `projections` in one SQLite transaction, with each projection's rows and
 * checkpoint. A projection that throws on an event stops just before it: the batch is written
 * again without that event and those after it for that projection, so its checkpoint is the
 * last event it did apply, and the other projections get the whole batch. `checkpoints` (name →
 * position) is read to skip what a projection already holds and updated once the batch is committed.
 * Returns the projections that stopped; an error that is no projection's (the checkpoint write,
 * the database) rolls everything back and is thrown.
 */
export function writeBatch(
  db: Database.Database,
  events: readonly RecordedEvent[],
  projections: readonly Projection[],
  checkpoints: Map<string, string | undefined>,
): ProjectionStop[] {
  const stops = new Map<Projection, Stop>();
  // Each pass stops one more projection, or one earlier: it ends within projections × events passes.
  for (;;) {
    try {
      const reached = db.transaction(() => writeOnce(db, events, projections, checkpoints, stops))();
      for (const [name, position] of reached) checkpoints.set(name, position);
      return [...stops].map(([projection, { event, error }]) => ({ projection, event, error }));
    } catch (error) {
      if (!(error instanceof ProjectionFailed)) throw error;
      stops.set(error.projection, { index: error.index, event: error.event, error: error.reason });
    }
  }
}

interface Stop {
  index: number;
  event: RecordedEvent;
  error: unknown;
}

/** A projection's apply or flush threw; it stops at `event`, the `index`th of the batch. */
class ProjectionFailed extends Error {
  constructor(
    readonly projection: Projection,
    readonly index: number,
    readonly event: RecordedEvent,
    readonly reason: unknown,
  ) {
    super(`Projection ${projection.name} failed`);
  }
}

/** One pass inside the transaction; returns the checkpoint each projection reached. */
function writeOnce(
  db: Database.Database,
  events: readonly RecordedEvent[],
  projections: readonly Projection[],
  checkpoints: ReadonlyMap<string, string | undefined>,
  stops: ReadonlyMap<Projection, Stop>,
): Map<string, string> {
  // Each projection takes the events [from, to): after its checkpoint, before its stop.
  const ranges = projections.map((projection) => ({
    projection,
    from: firstAfter(events, checkpoints.get(projection.name)),
    to: stops.get(projection)?.index ?? events.length,
  }));
  try {
    events.forEach((event, i) => {
      for (const { projection, from, to } of ranges) {
        if (i < from || i >= to) continue;
        try {
          projection.apply(db, event);
        } catch (error) {
          throw new ProjectionFailed(projection, i, event, error);
        }
      }
    });
    const reached = new Map<string, string>();
    const save = sql(db, 'INSERT OR REPLACE INTO projection_checkpoints (name, position) VALUES (?, ?)');
    for (const { projection, from, to } of ranges) {
      const first = events[from];
      const last = events[to - 1];
      if (from >= to || !first || !last) continue;
      try {
        projection.flush?.(db);
      } catch (error) {
        // What a flush writes cannot be traced to one event: the projection stops at the first it was given.
        throw new ProjectionFailed(projection, from, first, error);
      }
      save.run(projection.name, last.position);
      reached.set(projection.name, last.position);
    }
    return reached;
  } catch (error) {
    drain(db, projections);
    throw error;
  }
}

/** The index of the first event after `checkpoint` (the events are in store order). */
function firstAfter(events: readonly RecordedEvent[], checkpoint: string | undefined): number {
  if (checkpoint === undefined) return 0;
  const index = events.findIndex((event) => comparePositions(event.position, checkpoint) > 0);
  return index === -1 ? events.length : index;
}

/**
 * Empties what the projections gathered in memory for a flush, by flushing into the transaction
 * that is about to roll back: a pass that failed must leave nothing behind for the next one.
 */
function drain(db: Database.Database, projections: readonly Projection[]): void {
  for (const projection of projections) {
    try {
      projection.flush?.(db);
    } catch {
      // the rollback discards whatever it wrote; the error is the one already being thrown
    }
  }
}
