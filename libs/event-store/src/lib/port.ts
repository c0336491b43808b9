/**
 * The event store port: every step of every case is an event appended here.
 * Adapters (memory, sqlite, kurrentdb) implement it and pass one contract suite.
 */

/** `bigint` = the revision of the last event the caller has seen; revisions start at 0. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface EventToAppend {
  /** A UUID; the store assigns one when missing. Retrying a batch with the same ids is idempotent. */
  id?: string;
  type: string;
  data: unknown;
  metadata?: Record<string, unknown>;
  /**
   * `data` already in the form the store keeps, made ahead of the append (the api encodes big
   * payloads in a worker thread, off the event loop): `dataJson` must be `data`'s canonical
   * (RFC 8785) JSON text and `data` that text parsed. The store then stores and hashes this text as
   * is instead of encoding `data` again.
   */
  encoded?: EncodedEventData;
}

/** An event's data as canonical JSON text, and as read back from that text. */
export interface EncodedEventData {
  dataJson: string;
  data: unknown;
}

export interface RecordedEvent {
  id: string;
  stream: string;
  revision: bigint;
  /** Opaque, strictly increasing across the whole store. */
  position: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  /** ISO-8601 time at which the store recorded the event. */
  recordedAt: string;
  /** Hash of the previous event of the same stream ('' before the first). */
  prevHash: string;
  /** SHA-256 over the canonical encoding of prevHash and the event's immutable fields. */
  hash: string;
}

export interface AppendOptions {
  expected: ExpectedRevision;
}

export interface AppendResult {
  nextExpectedRevision: bigint;
  position: string;
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive); defaults to the start (forwards) or the end (backwards). */
  from?: bigint;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface EventFilter {
  streamPrefix?: string[];
  eventTypes?: string[];
}

export interface ReadAllOptions {
  /** Exclusive: read events strictly after this position. */
  after?: string;
  maxCount?: number;
  filter?: EventFilter;
}

export interface SubscribeOptions {
  after?: string;
  filter?: EventFilter;
  signal?: AbortSignal;
}

export interface CaughtUp {
  kind: 'caughtUp';
  position: string | undefined;
}

export type SubscriptionItem = { kind: 'event'; event: RecordedEvent } | CaughtUp;

export type VerifyResult =
  | { valid: true; events: number; headHash: string }
  | { valid: false; events: number; brokenAt: bigint; reason: string };

/**
 * Whether appends currently reach durable storage: `failingSince` is set from the first append
 * the store could not make durable (disk full, I/O error) until the next one that it did.
 */
export interface WriteHealth {
  failingSince?: string;
  /** The message of the last failed append while failing. */
  error?: string;
}

export interface EventStore {
  readonly kind: 'memory' | 'sqlite' | 'kurrentdb';
  append(stream: string, events: EventToAppend[], options: AppendOptions): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Catch-up from `after`, then exactly one `caughtUp`, then live events until the signal aborts. */
  subscribeToAll(options?: SubscribeOptions): AsyncIterable<SubscriptionItem>;
  /** Recomputes the stream's hash chain. */
  verify(stream: string, options?: { expectedHeadHash?: string }): Promise<VerifyResult>;
  /** The revision and hash of the newest event of a stream, or undefined when it does not exist. */
  head?(stream: string): Promise<{ revision: bigint; hash: string } | undefined>;
  /** Whether appends currently reach durable storage (adapters that can tell). */
  writeHealth?(): WriteHealth;
  close(): Promise<void>;
}
