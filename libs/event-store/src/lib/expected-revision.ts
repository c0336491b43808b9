import { WrongExpectedRevisionError } from './errors';
import type { ExpectedRevision } from './port';

/** The last revision of a stream, or undefined when it has no events. */
export type StreamRevision = bigint | undefined;

/** Throws `WrongExpectedRevisionError` (with the actual revision) when `expected` does not hold. */
export function assertExpectedRevision(stream: string, expected: ExpectedRevision, actual: StreamRevision): void {
  if (!isExpectedRevision(expected)) throw new TypeError(`Unknown expected revision: ${String(expected)}`);
  const holds =
    expected === 'any' ||
    (expected === 'no_stream' && actual === undefined) ||
    (expected === 'stream_exists' && actual !== undefined) ||
    (typeof expected === 'bigint' && actual === expected);
  if (!holds) throw new WrongExpectedRevisionError(stream, String(expected), actual ?? 'no_stream');
}

/** Whether a batch whose first event landed at `firstRevision` was appended under `expected`. */
export function expectationMatchesFirstRevision(expected: ExpectedRevision, firstRevision: bigint): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return firstRevision === 0n;
  if (expected === 'stream_exists') return firstRevision > 0n;
  return firstRevision === expected + 1n;
}

function isExpectedRevision(value: unknown): value is ExpectedRevision {
  return value === 'any' || value === 'no_stream' || value === 'stream_exists' || typeof value === 'bigint';
}
