import { catchUpSubscription } from '../catch-up-subscription';
import { CommitSignal } from '../commit-signal';
import { InvalidAppendError, StoreUnavailableError, StreamNotFoundError } from '../errors';
import { matchesFilter } from '../event-filter';
import { assertExpectedRevision } from '../expected-revision';
import { GENESIS_HASH, canonicalEventHashOfParts, verifyHashChain } from '../hash-chain';
import { findEarlierAppend } from '../idempotent-retry';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  SubscriptionItem,
  VerifyResult,
} from '../port';
import { DEFAULT_MAX_APPEND_BYTES, prepareAppend } from '../prepared-append';

/** Options of the in-memory store. */
export interface MemoryEventStoreOptions {
  /** Largest encoded batch accepted by one append; defaults to 1 MiB. */
  maxAppendBytes?: number;
}

/**
 * An event store held in memory, for tests and demos. It keeps every rule of the port (expected
 * revisions, atomic batches, idempotent retry, hash chain) but nothing survives the process.
 */
export function createMemoryEventStore(options: MemoryEventStoreOptions = {}): EventStore {
  return new MemoryEventStore(options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES);
}

class MemoryEventStore implements EventStore {
  readonly kind = 'memory' as const;
  private readonly all: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly commits = new CommitSignal();

  constructor(private readonly maxAppendBytes: number) {}

  async append(stream: string, events: EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const batch = prepareAppend(stream, events, this.maxAppendBytes);
    const earlier = findEarlierAppend(stream, batch.map((event) => event.id), options.expected, (id) => this.byId.get(id));
    if (earlier) return earlier;
    const existing = this.streams.get(stream);
    const head = existing?.at(-1);
    assertExpectedRevision(stream, options.expected, head?.revision);
    const taken = batch.find((event) => this.byId.has(event.id));
    if (taken) throw new InvalidAppendError(`Event id ${taken.id} is already recorded`);

    const recordedAt = new Date().toISOString();
    let prevHash = head?.hash ?? GENESIS_HASH;
    let revision = head ? head.revision + 1n : 0n;
    const recorded = batch.map(({ id, type, data, metadata, dataJson, metadataJson }) => {
      const fields = { prevHash, stream, revision, id, type, recordedAt };
      const hash = canonicalEventHashOfParts(fields, dataJson, metadataJson);
      const event: RecordedEvent = { ...fields, data, metadata, position: String(this.all.length + 1), hash };
      this.all.push(event);
      prevHash = event.hash;
      revision += 1n;
      return event;
    });
    if (existing) existing.push(...recorded);
    else this.streams.set(stream, recorded);
    for (const event of recorded) this.byId.set(event.id, event);
    // Live subscriptions share the stored events, frozen so that a test catches a consumer that
    // writes to one; not the array, which a new stream keeps and later appends extend.
    this.commits.notify(recorded.map(deepFreeze));
    const last = recorded[recorded.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const events = this.streams.get(stream);
    if (!events) throw new StreamNotFoundError(stream);
    const backwards = options.direction === 'backwards';
    const from = options.from ?? (backwards ? BigInt(events.length - 1) : 0n);
    const selected = backwards
      ? events.filter((event) => event.revision <= from).reverse()
      : events.filter((event) => event.revision >= from);
    yield* selected.slice(0, options.maxCount ?? selected.length).map(copy);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const start = options.after === undefined ? 0 : parsePosition(options.after);
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    for (let index = start; index < this.all.length && remaining > 0; index++) {
      const event = this.all[index];
      if (!matchesFilter(options.filter, event.stream, event.type)) continue;
      remaining--;
      yield copy(event);
    }
  }

  subscribeToAll(options?: SubscribeOptions): AsyncIterable<SubscriptionItem> {
    return catchUpSubscription({ readAll: (o) => this.readAll(o), commits: this.commits, lastPosition: () => this.all[this.all.length - 1]?.position }, options);
  }

  async verify(stream: string, options?: { expectedHeadHash?: string }): Promise<VerifyResult> {
    return verifyHashChain(this.streams.has(stream) ? this.readStream(stream) : empty(), options);
  }

  async head(stream: string): Promise<{ revision: bigint; hash: string } | undefined> {
    const last = this.streams.get(stream)?.at(-1);
    return last && { revision: last.revision, hash: last.hash };
  }

  async close(): Promise<void> {
    this.commits.close();
  }

  private assertOpen(): void {
    if (this.commits.isClosed) throw new StoreUnavailableError('The memory event store is closed');
  }
}

function parsePosition(position: string): number {
  if (!/^\d+$/.test(position)) throw new RangeError(`Not a position of the memory event store: ${position}`);
  return Number(position);
}

function copy(event: RecordedEvent): RecordedEvent {
  return structuredClone(event);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

async function* empty(): AsyncIterable<RecordedEvent> {
  // A stream that does not exist has an empty chain.
}
