import type { RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';

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
  return String(event.metadata['zoneId'] ?? '');
}

/** The case id of a `case-<id>` stream, or undefined for other streams. */
export function caseIdOf(event: RecordedEvent): string | undefined {
  return event.stream.startsWith('case-') ? event.stream.slice('case-'.length) : undefined;
}

/** The payload of an event as a record. */
export function dataOf(event: RecordedEvent): Record<string, unknown> {
  return (event.data ?? {}) as Record<string, unknown>;
}

/** A string field of a payload, or null (SQLite's missing value). */
export function text(data: Record<string, unknown>, field: string): string | null {
  const value = data[field];
  return value === undefined || value === null ? null : String(value);
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
