import type Database from 'better-sqlite3';
import { StoreUnavailableError } from '../errors';

/** `PRAGMA synchronous` value for FULL: every commit is fsynced, also under WAL. */
const SYNCHRONOUS_FULL = 2;
const PAGE_CACHE_KIB = 32 * 1024;

/**
 * Durability settings every connection to the store uses (and the raw baseline of the bench):
 * WAL, and `synchronous=FULL` set explicitly, because under WAL this SQLite build otherwise
 * runs NORMAL and an acknowledged append could be lost in a power cut.
 */
export function applyDurablePragmas(db: Database.Database, busyTimeoutMs = 5000): void {
  const journalMode = db.pragma('journal_mode = WAL', { simple: true });
  if (String(journalMode).toLowerCase() !== 'wal') {
    throw new StoreUnavailableError(`SQLite refused WAL mode (journal_mode is ${String(journalMode)})`);
  }
  db.pragma('synchronous = FULL');
  const synchronous = db.pragma('synchronous', { simple: true });
  if (Number(synchronous) !== SYNCHRONOUS_FULL) {
    throw new StoreUnavailableError(`SQLite did not accept synchronous=FULL (it reads back ${String(synchronous)})`);
  }
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  // 32 MiB of page cache instead of SQLite's 2 MiB: the (stream, revision) index of a store with
  // millions of events, which every case read and append walks, stays in memory.
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
}

/**
 * The single table of the store. `position` is the global order (AUTOINCREMENT: never reused,
 * even after the newest row is deleted); (stream, revision) and id are unique.
 */
export function createSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position     INTEGER PRIMARY KEY AUTOINCREMENT,
      id           TEXT    NOT NULL UNIQUE,
      stream       TEXT    NOT NULL,
      revision     INTEGER NOT NULL,
      type         TEXT    NOT NULL,
      data         TEXT    NOT NULL,
      metadata     TEXT    NOT NULL,
      recorded_at  TEXT    NOT NULL,
      prev_hash    TEXT    NOT NULL,
      hash         TEXT    NOT NULL,
      UNIQUE (stream, revision)
    )
  `);
}
