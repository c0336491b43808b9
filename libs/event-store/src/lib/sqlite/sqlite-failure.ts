import { StoreUnavailableError } from '../errors';

/** An error raised by SQLite itself, with its result code (`SQLITE_BUSY`, `SQLITE_IOERR_FSYNC`, ...). */
export interface SqliteFailure extends Error {
  code: string;
}

/**
 * Whether an error comes from SQLite. Recognised by shape, not `instanceof`: the native addon
 * keeps the error classes of the first copy of better-sqlite3 (and the realm) it was loaded in,
 * which differ under test runners that isolate modules.
 */
export function isSqliteFailure(error: unknown): error is SqliteFailure {
  const candidate = error as { name?: unknown; code?: unknown } | null;
  return typeof candidate === 'object' && candidate !== null && candidate.name === 'SqliteError' && typeof candidate.code === 'string';
}

/**
 * Maps a failure of SQLite itself (busy, locked, I/O, disk full, closed connection) to the
 * port's retryable `StoreUnavailableError`; errors of the port pass through unchanged.
 */
export function toStoreFailure(error: unknown): unknown {
  if (isSqliteFailure(error)) {
    return new StoreUnavailableError(`SQLite event store unavailable (${error.code}): ${error.message}`, error);
  }
  if (/database connection is not open/i.test(String((error as { message?: unknown } | null)?.message))) {
    return new StoreUnavailableError('The SQLite event store is closed', error);
  }
  return error;
}

/** Whether SQLite refused a row because of the unique event id. */
export function isDuplicateEventId(error: unknown): boolean {
  return isSqliteFailure(error) && error.code === 'SQLITE_CONSTRAINT_UNIQUE' && /events\.id\b/.test(error.message);
}
