/** Errors owned by the port: every adapter maps its own failures to these. */

export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly stream: string,
    readonly expected: string,
    /** The stream's actual last revision, or 'no_stream' when it does not exist. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Wrong expected revision on ${stream}: expected ${expected}, actual ${String(actual)}`);
  }
}

export class StreamNotFoundError extends Error {
  override readonly name = 'StreamNotFoundError';
  constructor(readonly stream: string) {
    super(`Stream not found: ${stream}`);
  }
}

export class AppendTooLargeError extends Error {
  override readonly name = 'AppendTooLargeError';
  constructor(
    readonly stream: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`Append to ${stream} too large: ${size} bytes over the limit of ${limit}`);
  }
}

export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  readonly retryable = true;
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
  }
}

/** A request the port refuses before touching storage (empty batch, `$`-prefixed names). */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}
