import { ErrorType, type WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { AppendTooLargeError, StoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';

const UNAVAILABLE: ReadonlySet<string> = new Set([
  ErrorType.TIMEOUT,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.UNAVAILABLE,
  ErrorType.CANCELLED,
  ErrorType.NOT_LEADER,
  ErrorType.UNKNOWN,
]);

/** Whether a client error is KurrentDB's optimistic-concurrency refusal. */
export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return typeOf(error) === ErrorType.WRONG_EXPECTED_VERSION;
}

/** Maps a `@kurrent/kurrentdb-client` error to the port's errors; others pass through unchanged. */
export function toPortError(error: unknown, stream: string, expected = 'any'): unknown {
  const type = typeOf(error);
  if (isWrongExpectedVersion(error)) {
    const actual = typeof error.actualState === 'bigint' ? error.actualState : 'no_stream';
    return new WrongExpectedRevisionError(stream, expected, actual);
  }
  if (type === ErrorType.STREAM_NOT_FOUND || type === ErrorType.STREAM_DELETED || type === ErrorType.STREAM_TOMBSTONED) {
    return new StreamNotFoundError(stream);
  }
  if (type === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED || type === ErrorType.APPEND_RECORD_SIZE_EXCEEDED) {
    const limit = Number((error as { maxAppendSize?: number }).maxAppendSize ?? 0);
    return new AppendTooLargeError(stream, limit, limit);
  }
  if (type !== undefined && UNAVAILABLE.has(type)) return new StoreUnavailableError(`KurrentDB unavailable (${type})`, error);
  return error;
}

function typeOf(error: unknown): string | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : undefined;
}
