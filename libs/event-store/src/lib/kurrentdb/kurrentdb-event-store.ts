import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START,
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Filter,
  type Position,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { catchUpSubscription } from '../catch-up-subscription';
import { CommitSignal } from '../commit-signal';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import { matchesFilter } from '../event-filter';
import { assertExpectedRevision } from '../expected-revision';
import { GENESIS_HASH, canonicalEventHashOfParts, verifyHashChain } from '../hash-chain';
import { findEarlierAppend, type RecordedLocation } from '../idempotent-retry';
import type {
  AppendOptions,
  AppendResult,
  EventFilter,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  SubscriptionItem,
  VerifyResult,
} from '../port';
import { DEFAULT_MAX_APPEND_BYTES, type PreparedEvent, prepareAppend } from '../prepared-append';
import { fromResolvedEvent, positionOf, toEventData } from './kurrentdb-envelope';
import { isWrongExpectedVersion, toPortError } from './kurrentdb-failure';
import { formatPosition, isAfter, parsePosition } from './kurrentdb-position';

/** Options of the KurrentDB adapter. */
export interface KurrentDbEventStoreOptions {
  /** `kurrentdb://` or `esdb://` connection string of a single node or a cluster. */
  connectionString: string;
  /** Largest encoded batch accepted by one append; defaults to 1 MiB. */
  maxAppendBytes?: number;
  /** How often live subscriptions re-read `$all` without an in-process append; default 500 ms. */
  pollIntervalMs?: number;
}

/** Appends under 'any' or 'stream_exists' retry this often when another writer moves the head. */
const MAX_ATTEMPTS = 20;
/** How far back a retried 'any'/'stream_exists' batch is recognised by its event ids. */
const RETRY_WINDOW = 100;
/** Events asked of the server per `$all` read; a longer read continues from the last position seen. */
const READ_ALL_PAGE = 4096;

/**
 * The event store on a KurrentDB (or EventStoreDB 20+) single node or cluster. Each append is
 * sent with the stream's actual head as expected revision, so the hash chain it computes cannot
 * be interleaved by another writer; the caller's own expectation is checked against that head.
 */
export function createKurrentDbEventStore(options: KurrentDbEventStoreOptions): EventStore {
  return kurrentDbEventStoreOver(KurrentDBClient.connectionString(options.connectionString), options);
}

/** The part of `KurrentDBClient` the adapter uses. */
export type KurrentDbClientPort = Pick<KurrentDBClient, 'appendToStream' | 'readStream' | 'readAll' | 'dispose'>;

/** The adapter over a client made elsewhere (a configured client, or a stand-in in tests). */
export function kurrentDbEventStoreOver(client: KurrentDbClientPort, options: Omit<KurrentDbEventStoreOptions, 'connectionString'> = {}): EventStore {
  return new KurrentDbEventStore(client, options);
}

class KurrentDbEventStore implements EventStore {
  readonly kind = 'kurrentdb' as const;
  private readonly commits = new CommitSignal();
  private readonly maxAppendBytes: number;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly client: KurrentDbClientPort,
    options: Omit<KurrentDbEventStoreOptions, 'connectionString'>,
  ) {
    this.maxAppendBytes = options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
  }

  async append(stream: string, events: EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    if (this.commits.isClosed) throw new StoreUnavailableError('The KurrentDB event store is closed');
    const batch = prepareAppend(stream, events, this.maxAppendBytes);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.appendOnce(stream, batch, options.expected);
        if (result) {
          this.commits.notify();
          return result;
        }
        // refused without an error (a client with `throwOnAppendFailure=false`): another writer moved the head
        if (attempt >= MAX_ATTEMPTS) throw new WrongExpectedRevisionError(stream, String(options.expected), (await this.head(stream))?.revision ?? 'no_stream');
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) throw error;
        if (!isWrongExpectedVersion(error)) throw toPortError(error, stream, String(options.expected));
        if (attempt >= MAX_ATTEMPTS) throw toPortError(error, stream, String(options.expected));
      }
    }
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    yield* this.mapped(stream, () =>
      this.client.readStream(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.from ?? (backwards ? END : START),
        ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
      }),
    );
  }

  /**
   * `$all` after `options.after`, read in pages. KurrentDB's `readAll` starts *at* `fromPosition`
   * (inclusive, unlike a subscription's), so each page asks one event more and drops the one at
   * the position already delivered. Hidden events (system events, links) still move the page on.
   */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    if (options.maxCount === 0) return;
    let after = options.after === undefined ? undefined : parsePosition(options.after);
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    const filter = serverFilter(options.filter);
    for (;;) {
      const asked = Math.min(remaining, READ_ALL_PAGE) + (after ? 1 : 0);
      let received = 0;
      let lastSeen: Position | undefined;
      try {
        for await (const resolved of this.client.readAll({ direction: FORWARDS, fromPosition: after ?? START, maxCount: asked, filter }) as AsyncIterable<AllStreamResolvedEvent>) {
          received++;
          const position = positionOf(resolved);
          if (position) lastSeen = position;
          if (after && position && !isAfter(position, after)) continue;
          const event = fromResolvedEvent(resolved);
          if (!event || !matchesFilter(options.filter, event.stream, event.type)) continue;
          yield event;
          if (--remaining === 0) return;
        }
      } catch (error) {
        throw toPortError(error, '$all');
      }
      if (received < asked || !lastSeen || (after && !isAfter(lastSeen, after))) return;
      after = lastSeen;
    }
  }

  subscribeToAll(options?: SubscribeOptions): AsyncIterable<SubscriptionItem> {
    return catchUpSubscription({ readAll: (o) => this.readAll(o), commits: this.commits, pollIntervalMs: this.pollIntervalMs }, options);
  }

  async verify(stream: string, options?: { expectedHeadHash?: string }): Promise<VerifyResult> {
    const head = await this.head(stream);
    return verifyHashChain(head ? this.readStream(stream) : noEvents(), options);
  }

  async head(stream: string): Promise<{ revision: bigint; hash: string } | undefined> {
    for await (const event of this.readStreamIfExists(stream, { direction: 'backwards', maxCount: 1 })) {
      return { revision: event.revision, hash: event.hash };
    }
    return undefined;
  }

  async close(): Promise<void> {
    if (this.commits.isClosed) return;
    this.commits.close();
    await this.client.dispose();
  }

  private async appendOnce(stream: string, batch: PreparedEvent[], expected: ExpectedRevision): Promise<AppendResult | undefined> {
    const head = await this.head(stream);
    const locations = head ? await this.locateRecent(stream, expected, batch.length) : new Map<string, RecordedLocation>();
    const earlier = findEarlierAppend(stream, batch.map((event) => event.id), expected, (id) => locations.get(id));
    if (earlier) return earlier.position ? earlier : { ...earlier, position: await this.positionInAll(stream, earlier.nextExpectedRevision) };
    assertExpectedRevision(stream, expected, head?.revision);
    const recordedAt = new Date().toISOString();
    let prevHash = head?.hash ?? GENESIS_HASH;
    let revision = head ? head.revision + 1n : 0n;
    const data = batch.map((event) => {
      const hash = canonicalEventHashOfParts({ prevHash, stream, revision, id: event.id, type: event.type, recordedAt }, event.dataJson, event.metadataJson);
      const eventData = toEventData(event, { recordedAt, prevHash, hash });
      prevHash = hash;
      revision += 1n;
      return eventData;
    });
    const result = await this.client.appendToStream(stream, data, { streamState: head ? head.revision : NO_STREAM });
    if (!result.success) return undefined;
    return { nextExpectedRevision: result.nextExpectedRevision, position: result.position ? formatPosition(appendedPosition(result.position)) : '' };
  }

  /**
   * The `$all` position of one event, which stream reads do not give (a retried append answers
   * with its first result's position). Read backwards from the end of `$all`: a retry follows
   * its first attempt closely.
   */
  private async positionInAll(stream: string, revision: bigint): Promise<string> {
    try {
      for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, filter: streamNameFilter({ prefixes: [stream] }) }) as AsyncIterable<AllStreamResolvedEvent>) {
        const position = positionOf(resolved);
        if (resolved.event?.streamId === stream && resolved.event.revision === revision && position) return formatPosition(position);
      }
    } catch (error) {
      throw toPortError(error, '$all');
    }
    return '';
  }

  /** Where the events a retried batch would occupy are recorded, read from the stream's tail. */
  private async locateRecent(stream: string, expected: ExpectedRevision, count: number): Promise<Map<string, RecordedLocation>> {
    const options: ReadStreamOptions =
      typeof expected === 'bigint' || expected === 'no_stream'
        ? { from: expected === 'no_stream' ? 0n : expected + 1n, maxCount: count }
        : { direction: 'backwards', maxCount: RETRY_WINDOW };
    const locations = new Map<string, RecordedLocation>();
    for await (const event of this.readStreamIfExists(stream, options)) locations.set(event.id, event);
    return locations;
  }

  private async *readStreamIfExists(stream: string, options: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    try {
      yield* this.readStream(stream, options);
    } catch (error) {
      if ((error as Error).name !== 'StreamNotFoundError') throw error;
    }
  }

  private async *mapped(stream: string, read: () => AsyncIterable<ResolvedEvent>): AsyncIterable<RecordedEvent> {
    try {
      for await (const resolved of read()) {
        const event = fromResolvedEvent(resolved);
        if (event) yield event;
      }
    } catch (error) {
      throw toPortError(error, stream);
    }
  }
}

/**
 * The `$all` position of the last event of an append. KurrentDB answers an append with
 * `commit` = the log position of the batch's last event and `prepare` = its transaction position
 * (the first event's), while `$all` gives each committed event `commit = prepare = its own log
 * position`. Read-your-writes waits until the read models passed this position, so it must be
 * the last event's own position, not one before it.
 */
function appendedPosition(position: Position): Position {
  return { commit: position.commit, prepare: position.commit };
}

function serverFilter(filter: EventFilter | undefined): Filter {
  return filter?.streamPrefix ? streamNameFilter({ prefixes: filter.streamPrefix }) : excludeSystemEvents();
}

async function* noEvents(): AsyncIterable<RecordedEvent> {
  // A stream that does not exist has an empty chain.
}
