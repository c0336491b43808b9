import { readFileSync } from 'node:fs';
import type { SqliteFailure } from './sqlite-failure';

/** What the fault file may ask for; anything else in it injects nothing. */
const FAULTS = { eio: 'SQLITE_IOERR_FSYNC', full: 'SQLITE_FULL' } as const;

/**
 * Test-only fault injection for the crash suite (`npm run test:crash`, docs/reliability.md): a
 * store opened with a `faultFile` reads it before every commit, and while it holds `eio` (or
 * `full`) the commit fails as SQLite fails when fsync returns EIO (or the disk is full), so the
 * transaction rolls back and nothing of it is acknowledged. The api opens its store with the
 * file named by `BANJIE_FAULT_INJECT`; without that variable no file is ever read.
 */
export function injectedFault(faultFile: string | undefined): SqliteFailure | undefined {
  if (faultFile === undefined) return undefined;
  let wanted: string;
  try {
    wanted = readFileSync(faultFile, 'utf8').trim();
  } catch {
    return undefined;
  }
  if (!(wanted in FAULTS)) return undefined;
  const code = FAULTS[wanted as keyof typeof FAULTS];
  const message = wanted === 'eio' ? 'disk I/O error (injected: fsync failed with EIO)' : 'database or disk is full (injected)';
  return Object.assign(new Error(message), { name: 'SqliteError', code });
}
