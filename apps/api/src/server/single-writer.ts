import {
  AppendTooLargeError,
  InvalidAppendError,
  StoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  prepareAppend,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type SqliteEventReader,
  type WriteHealth,
} from '@banjie/event-store';

/**
 * The single writer of `BANJIE_WORKERS` > 1 (docs/architecture.md "Replicas over one SQLite
 * store"): the primary process owns the SQLite store's only writing connection and its group
 * commit; each worker reads the file through its own read-only connection and sends its appends
 * to the primary over the cluster IPC channel. Appends from all workers that reach the primary in
 * one turn of its event loop share one transaction and one fsync.
 */

/** One event as it travels to the writer: prepared in the worker, its data already canonical JSON text. */
export interface WireEvent {
  id: string;
  type: string;
  metadata: Record<string, unknown>;
  /** The event data's canonical JSON text, stored and hashed as is (`EventToAppend.encoded`). */
  dataJson: string;
}

/** A worker's append, numbered by the worker so that answers in any order find their caller. */
export interface AppendRequestMessage {
  banjie: 'append';
  id: number;
  stream: string;
  /** 'any' | 'no_stream' | 'stream_exists' | a revision in decimal. */
  expected: string;
  events: WireEvent[];
}

/** A worker asks for the writer's write health once its listener is in place (a message before it would be lost). */
export interface HealthRequestMessage {
  banjie: 'tell-health';
}

/** An error of the port as it travels back: its class's name and the fields that class carries. */
export interface WireError {
  name: string;
  message: string;
  stream?: string;
  expected?: string;
  /** Decimal revision or 'no_stream'. */
  actual?: string;
  size?: number;
  limit?: number;
}

export type WriterAnswer =
  | { banjie: 'appended'; id: number; nextExpectedRevision: string; position: string }
  | { banjie: 'refused'; id: number; error: WireError }
  /** The writer's write health: on connecting, and whenever it changes (before the answer that changed it). */
  | { banjie: 'write-health'; health: WriteHealth };

/** The primary's end of one worker's channel (a cluster `Worker`, or a fake in tests). */
export interface WorkerChannel {
  send(answer: WriterAnswer): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** A worker's end of the channel to the primary (`process.send` / `process.on('message')`, or a fake). */
export interface WriterChannel {
  send(request: AppendRequestMessage | HealthRequestMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once the channel is gone (the primary died): nothing more will be answered. */
  onClose(listener: () => void): void;
}

/**
 * The primary's side: appends every worker sends to `store` (the only writer), answers each with
 * what the store answered or the same error, and tells every worker of the store's write health
 * (when it asks, at its start, and whenever it changes).
 */
export class AppendServer {
  private readonly workers = new Set<WorkerChannel>();
  private health: WriteHealth;

  constructor(private readonly store: EventStore) {
    this.health = store.writeHealth?.() ?? {};
  }

  /** Serves a worker's appends until `disconnect` is called (the worker exited). */
  connect(worker: WorkerChannel): { disconnect(): void } {
    this.workers.add(worker);
    worker.onMessage((message) => {
      if (isAppendRequest(message)) this.append(worker, message);
      else if (isHealthRequest(message)) this.answer(worker, { banjie: 'write-health', health: this.store.writeHealth?.() ?? {} });
    });
    return { disconnect: () => this.workers.delete(worker) };
  }

  private append(worker: WorkerChannel, request: AppendRequestMessage): void {
    const events = request.events.map(
      ({ id, type, metadata, dataJson }): EventToAppend => ({
        id,
        type,
        metadata,
        data: null,
        // The text is stored and hashed as the worker made it. Its parsed form would only reach this
        // process's live subscriptions, and the primary has none: it is not parsed back here.
        encoded: { dataJson, data: null },
      }),
    );
    let appending: Promise<AppendResult>;
    try {
      appending = this.store.append(request.stream, events, { expected: fromWireRevision(request.expected) });
    } catch (error) {
      appending = Promise.reject(error);
    }
    appending.then(
      (result) => {
        this.tellHealth();
        this.answer(worker, { banjie: 'appended', id: request.id, nextExpectedRevision: String(result.nextExpectedRevision), position: result.position });
      },
      (error: unknown) => {
        this.tellHealth();
        this.answer(worker, { banjie: 'refused', id: request.id, error: toWireError(error) });
      },
    );
  }

  /** Tells every worker the store's write health when it changed since they were last told. */
  private tellHealth(): void {
    const now = this.store.writeHealth?.() ?? {};
    if (now.failingSince === this.health.failingSince && now.error === this.health.error) return;
    this.health = now;
    for (const worker of this.workers) this.answer(worker, { banjie: 'write-health', health: now });
  }

  private answer(worker: WorkerChannel, answer: WriterAnswer): void {
    // A worker that died meanwhile is gone from the set: its caller never had an acknowledgement.
    if (!this.workers.has(worker)) return;
    try {
      worker.send(answer);
    } catch {
      // The worker's channel closed between its exit and our hearing of it: nothing to answer.
    }
  }
}

interface Pending {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * A worker's event store: reads, subscriptions and verification through `reader` (its own
 * read-only connection), appends forwarded to the writer over `channel`. Each append answers what
 * a local append answers (revision, position) or the same error class (`WrongExpectedRevisionError`,
 * `StoreUnavailableError`, …); `writeHealth` is the writer's, as last told. Events are checked and
 * encoded here (`prepareAppend`, as the store itself does), so a refused batch never travels and the
 * writer does not encode event data.
 */
export function forwardAppends(reader: SqliteEventReader, channel: WriterChannel, maxAppendBytes: number): EventStore {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let health: WriteHealth = {};
  let gone: StoreUnavailableError | undefined;

  const failAll = (error: StoreUnavailableError) => {
    gone ??= error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  channel.onMessage((message) => {
    if (!isWriterAnswer(message)) return;
    if (message.banjie === 'write-health') {
      health = { ...message.health };
      return;
    }
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.banjie === 'appended') {
      // Read-your-writes: this process's read models follow the store now, not at their next poll.
      reader.committedElsewhere();
      waiting.resolve({ nextExpectedRevision: BigInt(message.nextExpectedRevision), position: message.position });
    } else {
      waiting.reject(fromWireError(message.error));
    }
  });
  channel.onClose(() => failAll(new StoreUnavailableError('The event store writer (the primary process) is gone')));
  try {
    channel.send({ banjie: 'tell-health' });
  } catch {
    // no channel: the first append says so
  }

  const append = (stream: string, events: EventToAppend[], options: AppendOptions): Promise<AppendResult> => {
    if (gone) return Promise.reject(gone);
    let request: AppendRequestMessage;
    try {
      const prepared = prepareAppend(stream, events, maxAppendBytes);
      // Events of one command share their metadata: sent as one object (a structured clone keeps
      // it shared), so the writer encodes it once per batch, as a local append does.
      const metadataOf = new Map<string, Record<string, unknown>>();
      request = {
        banjie: 'append',
        id: ++nextId,
        stream,
        expected: toWireRevision(options?.expected),
        events: prepared.map(({ id, type, metadata, metadataJson, dataJson }) => {
          const shared = metadataOf.get(metadataJson) ?? metadata;
          metadataOf.set(metadataJson, shared);
          return { id, type, metadata: shared, dataJson };
        }),
      };
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      pending.set(request.id, { resolve, reject });
      try {
        channel.send(request);
      } catch (error) {
        pending.delete(request.id);
        reject(new StoreUnavailableError('Cannot reach the event store writer (the primary process)', error));
      }
    });
  };

  return new Proxy(reader, {
    get(target, property) {
      if (property === 'append') return append;
      if (property === 'writeHealth') return () => ({ ...health });
      if (property === 'close') {
        return async () => {
          failAll(new StoreUnavailableError('The event store is closed'));
          await target.close();
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function toWireRevision(expected: ExpectedRevision | undefined): string {
  return String(expected ?? 'any');
}

function fromWireRevision(expected: string): ExpectedRevision {
  return /^\d+$/.test(expected) ? BigInt(expected) : (expected as ExpectedRevision);
}

/** The port's errors by class and fields; any other error by name and message. */
export function toWireError(error: unknown): WireError {
  if (error instanceof WrongExpectedRevisionError) return { name: error.name, message: error.message, stream: error.stream, expected: error.expected, actual: String(error.actual) };
  if (error instanceof AppendTooLargeError) return { name: error.name, message: error.message, stream: error.stream, size: error.size, limit: error.limit };
  if (error instanceof StreamNotFoundError) return { name: error.name, message: error.message, stream: error.stream };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The error a local append would have thrown; an unknown kind becomes a plain `Error` (never a success). */
export function fromWireError(wire: WireError): Error {
  switch (wire.name) {
    case 'WrongExpectedRevisionError':
      return new WrongExpectedRevisionError(wire.stream ?? '', wire.expected ?? '', wire.actual === undefined || wire.actual === 'no_stream' ? 'no_stream' : BigInt(wire.actual));
    case 'AppendTooLargeError':
      return new AppendTooLargeError(wire.stream ?? '', wire.size ?? 0, wire.limit ?? 0);
    case 'StreamNotFoundError':
      return new StreamNotFoundError(wire.stream ?? '');
    case 'StoreUnavailableError':
      return new StoreUnavailableError(wire.message);
    case 'InvalidAppendError':
      return new InvalidAppendError(wire.message);
    default: {
      const error = new Error(`The event store writer failed: ${wire.message}`);
      error.name = wire.name;
      return error;
    }
  }
}

function isAppendRequest(message: unknown): message is AppendRequestMessage {
  return typeof message === 'object' && message !== null && (message as { banjie?: unknown }).banjie === 'append';
}

function isHealthRequest(message: unknown): message is HealthRequestMessage {
  return typeof message === 'object' && message !== null && (message as { banjie?: unknown }).banjie === 'tell-health';
}

function isWriterAnswer(message: unknown): message is WriterAnswer {
  const kind = typeof message === 'object' && message !== null ? (message as { banjie?: unknown }).banjie : undefined;
  return kind === 'appended' || kind === 'refused' || kind === 'write-health';
}
