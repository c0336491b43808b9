import type { RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { caseIdOfStream, decodeCaseEvent, handleCaseEvent, isCaseEventType, type CaseEventHandlers } from '@banjie/engine';

/**
 * One read model: the tables it owns, created by `schema`, and the rows it writes for each
 * event. `apply` runs inside the runner's transaction, together with the checkpoint.
 */
export interface Projection {
  readonly name: string;
  /** Tables dropped and recreated by a rebuild. */
  readonly tables: readonly string[];
  /** `CREATE TABLE IF NOT EXISTS …` statements. */
  readonly schema: string;
  apply(db: Database.Database, event: RecordedEvent): void;
  /** Writes what `apply` gathered over a batch (once per batch, in the same transaction). */
  flush?(db: Database.Database): void;
}

/** The zone of a case event, which the api writes into every event's metadata. */
export function zoneOf(event: RecordedEvent): string {
  const zoneId = event.metadata['zoneId'];
  return typeof zoneId === 'string' ? zoneId : '';
}

/** What a read model's handler of one case event is given besides its typed payload. */
export interface CaseEventRow {
  readonly db: Database.Database;
  readonly caseId: string;
  readonly zoneId: string;
  readonly event: RecordedEvent;
}

/** A read model of case events, as handlers by event type over the catalogue's typed payloads. */
export interface CaseProjectionSpec {
  readonly name: string;
  readonly tables: readonly string[];
  readonly schema: string;
  readonly on: CaseEventHandlers<CaseEventRow>;
  /** Runs for every case event that `on` does not handle (a read model that tracks each case's revision). */
  readonly otherwise?: (row: CaseEventRow) => void;
  readonly flush?: (db: Database.Database) => void;
}

/**
 * A projection of case events: events of other streams and types it does not handle pass by
 * undecoded; the others are decoded by the catalogue (a malformed payload throws, so the runner
 * stops at it instead of writing a wrong row) and handed to their typed handler.
 */
export function caseProjection(spec: CaseProjectionSpec): Projection {
  return {
    name: spec.name,
    tables: spec.tables,
    schema: spec.schema,
    apply(db: Database.Database, event: RecordedEvent): void {
      const caseId = caseIdOfStream(event.stream);
      if (caseId === undefined) return;
      const handled = isCaseEventType(event.type) && spec.on[event.type] !== undefined;
      if (!handled && !spec.otherwise) return;
      const row: CaseEventRow = { db, caseId, zoneId: zoneOf(event), event };
      const decoded = handled ? decodeCaseEvent(event) : undefined;
      if (decoded) handleCaseEvent(spec.on, decoded, row);
      else spec.otherwise?.(row);
    },
    ...(spec.flush ? { flush: spec.flush } : {}),
  };
}

/** An optional payload field as SQLite takes it: null when absent. */
export function orNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

/** The SQL texts `sql` has prepared on `db` so far (for tests of the query plans). */
export function preparedSources(db: Database.Database): string[] {
  return [...(statements.get(db)?.keys() ?? [])];
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement of `db`, compiled once per SQL text (projections run it for every event). */
export function sql(db: Database.Database, source: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(source);
  if (!statement) {
    statement = db.prepare(source);
    cache.set(source, statement);
  }
  return statement;
}

/**
 * Handlers that delete a case's rows from `table` when the case ends (completed, cancelled or
 * terminated): for read models of what is open in a case (timers, incidents, subscriptions).
 */
export function dropRowsWhenCaseEnds(table: string): Pick<CaseEventHandlers<CaseEventRow>, 'CaseCompleted' | 'CaseCancelled' | 'CaseTerminated'> {
  const drop = (_end: unknown, { db, caseId }: CaseEventRow): void => void sql(db, `DELETE FROM ${table} WHERE case_id = ?`).run(caseId);
  return { CaseCompleted: drop, CaseCancelled: drop, CaseTerminated: drop };
}
