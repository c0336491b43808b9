import type Database from 'better-sqlite3';

/** A stored row of the `events` table, integers read as bigint. */
export interface EventRow {
  position: bigint;
  id: string;
  stream: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

const COLUMNS = 'position, id, stream, revision, type, data, metadata, recorded_at, prev_hash, hash';

/** Every statement the SQLite store runs, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  return {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    savepoint: db.prepare('SAVEPOINT batch'),
    release: db.prepare('RELEASE batch'),
    rollbackToSavepoint: db.prepare('ROLLBACK TO batch'),
    insert: db.prepare<[string, string, bigint, string, string, string, string, string, string]>(
      'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    head: db.prepare<[string], { revision: bigint; hash: string }>(
      'SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
    ),
    locate: db.prepare<[string], { stream: string; revision: bigint; position: bigint }>(
      'SELECT stream, revision, position FROM events WHERE id = ?',
    ),
    streamExists: db.prepare<[string], { one: bigint }>('SELECT 1 AS one FROM events WHERE stream = ? LIMIT 1'),
    readForwards: db.prepare<[string, bigint, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    ),
    readBackwards: db.prepare<[string, bigint, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    lastPosition: db.prepare<[], { position: bigint | null }>('SELECT MAX(position) AS position FROM events'),
    readAll: db.prepare<[bigint, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`),
  };
}

/** The prepared statements of one connection. */
export type SqliteStatements = ReturnType<typeof prepareStatements>;
