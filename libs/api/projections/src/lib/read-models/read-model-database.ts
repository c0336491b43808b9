import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Injection token of the read models' SQLite database. */
export const READ_MODEL_DB = Symbol('ReadModelDatabase');

/**
 * Opens `<dataDir>/read-models.sqlite` (in memory when `dataDir` is undefined): WAL, and
 * `synchronous=NORMAL` because every row can be rebuilt from the store.
 */
export function openReadModelDatabase(dataDir: string | undefined): Database.Database {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = new Database(dataDir ? join(dataDir, 'read-models.sqlite') : ':memory:');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE IF NOT EXISTS projection_checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL)');
  return db;
}
