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

/**
 * An in-process stand-in for a KurrentDB node, with the server behaviour the adapter relies on:
 * optimistic concurrency by stream state (raising the client's own `WrongExpectedVersionError`),
 * `StreamNotFoundError` on reads, `commit:prepare` positions, filtered `$all` reads, and system
 * events in `$all` that the adapter must hide. Lets the contract suite run the adapter's own
 * logic without a server; the real server run needs `KURRENTDB_CONNECTION_STRING`.
 */
export class FakeKurrentDbClient {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private nextCommit = 1_000n;

  constructor() {
    this.record('$stats-127.0.0.1:2113', '$statsCollected', {});
  }

  async appendToStream(stream: string, events: EventData | EventData[], options: AppendToStreamOptions = {}): Promise<AppendResult> {
    await Promise.resolve(); // a network hop: lets concurrent appends interleave
    const existing = this.streams.get(stream);
    const current = existing ? BigInt(existing.length - 1) : 'no_stream';
    const expected = options.streamState ?? 'any';
    const holds =
      expected === 'any' ||
      (expected === 'no_stream' && current === 'no_stream') ||
      (expected === 'stream_exists' && current !== 'no_stream') ||
      (typeof expected === 'bigint' && current === expected);
    if (!holds) throw new WrongExpectedVersionError(undefined, { streamName: stream, expected, current });
    let last: StoredEvent | undefined;
    for (const event of Array.isArray(events) ? events : [events]) last = this.record(stream, event.type, event.data, event.metadata, event.id);
    this.record('$stats-127.0.0.1:2113', '$statsCollected', {});
    return { success: true, nextExpectedRevision: last!.revision, position: last!.position };
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterableIterator<ResolvedEvent> {
    await Promise.resolve();
    const events = this.streams.get(stream);
    if (!events) throw new StreamNotFoundError(undefined, stream);
    const backwards = options.direction === 'backwards';
    const from = typeof options.fromRevision === 'bigint' ? options.fromRevision : backwards ? BigInt(events.length - 1) : 0n;
    const selected = backwards ? events.filter((event) => event.revision <= from).reverse() : events.filter((event) => event.revision >= from);
    for (const event of selected.slice(0, Number(options.maxCount ?? selected.length))) yield { event: toRecorded(event) } as ResolvedEvent;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> {
    await Promise.resolve();
    const from = typeof options.fromPosition === 'object' ? options.fromPosition : undefined;
    const snapshot = [...this.all];
    for (const event of snapshot) {
      if (from && (event.position.commit < from.commit || (event.position.commit === from.commit && event.position.prepare < from.prepare))) continue;
      if (!passes(options.filter, event)) continue;
      yield { event: toRecorded(event) } as AllStreamResolvedEvent;
    }
  }

  async dispose(): Promise<void> {
    // Nothing to release.
  }

  /** Typed as the client port the adapter takes. */
  asClient(): KurrentDbClientPort {
    return this as unknown as KurrentDbClientPort;
  }

  private record(streamId: string, type: string, data: unknown, metadata?: unknown, id = `sys-${this.nextCommit}`): StoredEvent {
    const events = this.streams.get(streamId) ?? [];
    const commit = (this.nextCommit += 100n);
    const event: StoredEvent = {
      streamId,
      id,
      type,
      revision: BigInt(events.length),
      data: JSON.parse(JSON.stringify(data)),
      metadata: metadata === undefined ? undefined : JSON.parse(JSON.stringify(metadata)),
      created: new Date(),
      position: { commit, prepare: commit - 1n },
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
