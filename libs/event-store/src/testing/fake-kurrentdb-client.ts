import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendResult,
  type AppendToStreamOptions,
  type EventData,
  type Filter,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { KurrentDbClientPort } from '../lib/kurrentdb/kurrentdb-event-store';

interface StoredEvent {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  data: unknown;
  metadata: unknown;
  created: Date;
  position: Position;
}

/** KurrentDB's "no `$all` position" sentinel, which stream reads carry (they read the index, not the log). */
const NO_POSITION = 2n ** 64n - 1n;

/** How the stand-in behaves where `@kurrent/kurrentdb-client` can be configured. */
export interface FakeKurrentDbOptions {
  /**
   * The client's `throwOnAppendFailure` (connection string option, default true): when false, an
   * append whose expected state does not hold resolves `{ success: false }` instead of throwing.
   */
  throwOnAppendFailure?: boolean;
  /** Milliseconds each call waits before the server acts, as a network round trip (default: one microtask). */
  latencyMs?: number;
}

/**
 * An in-process stand-in for a KurrentDB node, with the client's and server's behaviour the
 * adapter relies on (`@kurrent/kurrentdb-client` 1.3):
 * - optimistic concurrency by stream state, raising the client's own `WrongExpectedVersionError`
 *   (or answering `success: false` with `throwOnAppendFailure: false`);
 * - `StreamNotFoundError` on reads of a missing stream;
 * - positions as the log lays them out: each event of `$all` at its own log position
 *   (`commit = prepare`, growing by the record's size), an append answering `commit` = its last
 *   event's position and `prepare` = its first event's (the transaction position), stream reads
 *   without a real position (commit 2^64 − 1);
 * - `readAll` *inclusive* of `fromPosition`, honouring `maxCount` and server-side filters (stream
 *   prefix, event-type regex such as `excludeSystemEvents()`);
 * - system events and link events (`$>`) in `$all` that the adapter must hide.
 * Lets the contract suite run the adapter's own logic without a server; `npm run test:kurrentdb`
 * runs it against a real one.
 */
export class FakeKurrentDbClient {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private nextLogPosition = 1_000n;
  private readonly throwOnAppendFailure: boolean;
  private readonly latencyMs: number;

  constructor(options: FakeKurrentDbOptions = {}) {
    this.throwOnAppendFailure = options.throwOnAppendFailure ?? true;
    this.latencyMs = options.latencyMs ?? 0;
    this.record('$stats-127.0.0.1:2113', '$statsCollected', {});
  }

  async appendToStream(stream: string, events: EventData | EventData[], options: AppendToStreamOptions = {}): Promise<AppendResult> {
    await this.hop(); // a network hop: lets concurrent appends interleave
    const existing = this.streams.get(stream);
    const current = existing ? BigInt(existing.length - 1) : 'no_stream';
    const expected = options.streamState ?? 'any';
    const holds =
      expected === 'any' ||
      (expected === 'no_stream' && current === 'no_stream') ||
      (expected === 'stream_exists' && current !== 'no_stream') ||
      (typeof expected === 'bigint' && current === expected);
    if (!holds) {
      if (!this.throwOnAppendFailure) return { success: false, nextExpectedRevision: -1n, position: undefined };
      throw new WrongExpectedVersionError(undefined, { streamName: stream, expected, current });
    }
    const written = (Array.isArray(events) ? events : [events]).map((event) => this.record(stream, event.type, event.data, event.metadata, event.id));
    const first = written[0];
    const last = written[written.length - 1];
    // a link to the first event, as a system projection ($by_category, $et-…) would write
    this.record(`$ce-${stream.split('-')[0]}`, '$>', `${first.revision}@${stream}`);
    this.record('$stats-127.0.0.1:2113', '$statsCollected', {});
    return { success: true, nextExpectedRevision: last.revision, position: { commit: last.position.commit, prepare: first.position.commit } };
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterableIterator<ResolvedEvent> {
    await this.hop();
    const events = this.streams.get(stream);
    if (!events) throw new StreamNotFoundError(undefined, stream);
    const backwards = options.direction === 'backwards';
    const from = typeof options.fromRevision === 'bigint' ? options.fromRevision : backwards ? BigInt(events.length - 1) : 0n;
    const selected = backwards ? events.filter((event) => event.revision <= from).reverse() : events.filter((event) => event.revision >= from);
    for (const event of selected.slice(0, Number(options.maxCount ?? selected.length))) {
      yield { event: { ...toRecorded(event), position: { commit: NO_POSITION, prepare: NO_POSITION } } } as ResolvedEvent;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> {
    await this.hop();
    const from = typeof options.fromPosition === 'object' ? options.fromPosition : undefined;
    const backwards = options.direction === 'backwards';
    const snapshot = backwards ? [...this.all].reverse() : [...this.all];
    let left = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    for (const event of snapshot) {
      if (left <= 0) return;
      // inclusive: the event at fromPosition itself is read again
      if (from && !backwards && (event.position.commit < from.commit || (event.position.commit === from.commit && event.position.prepare < from.prepare))) continue;
      if (from && backwards && (event.position.commit > from.commit || (event.position.commit === from.commit && event.position.prepare > from.prepare))) continue;
      if (!passes(options.filter, event)) continue;
      left--;
      yield { event: toRecorded(event), commitPosition: event.position.commit } as AllStreamResolvedEvent;
    }
  }

  async dispose(): Promise<void> {
    // Nothing to release.
  }

  /** Typed as the client port the adapter takes. */
  asClient(): KurrentDbClientPort {
    return this as unknown as KurrentDbClientPort;
  }

  private hop(): Promise<void> {
    return this.latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, this.latencyMs)) : Promise.resolve();
  }

  private record(streamId: string, type: string, data: unknown, metadata?: unknown, id = `sys-${this.nextLogPosition}`): StoredEvent {
    const events = this.streams.get(streamId) ?? [];
    const at = this.nextLogPosition;
    // the next record starts after this one: a header, the names and the payloads
    this.nextLogPosition += 64n + BigInt(Buffer.byteLength(streamId + type + JSON.stringify(data ?? null) + JSON.stringify(metadata ?? null)));
    const event: StoredEvent = {
      streamId,
      id,
      type,
      revision: BigInt(events.length),
      data: JSON.parse(JSON.stringify(data)),
      metadata: metadata === undefined ? undefined : JSON.parse(JSON.stringify(metadata)),
      created: new Date(),
      position: { commit: at, prepare: at },
    };
    events.push(event);
    this.streams.set(streamId, events);
    this.all.push(event);
    return event;
  }
}

function passes(filter: Filter | undefined, event: StoredEvent): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'streamName' ? event.streamId : event.type;
  return 'prefixes' in filter ? filter.prefixes.some((prefix) => subject.startsWith(prefix)) : new RegExp(filter.regex).test(subject);
}

function toRecorded(event: StoredEvent) {
  return { ...event, isJson: true as const, data: JSON.parse(JSON.stringify(event.data)) };
}
