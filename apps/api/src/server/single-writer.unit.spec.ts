import {
  InvalidAppendError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
  openSqliteEventReader,
  openSqliteEventStore,
  type EventStore,
  type RecordedEvent,
} from '@banjie/event-store';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppendServer, forwardAppends, type AppendRequestMessage, type WorkerChannel, type WriterAnswer, type WriterChannel } from './single-writer';

const LIMIT = 16 * 1024 * 1024;

/**
 * A fake IPC channel between one worker and the writer, as node:cluster's with `serialization:
 * 'advanced'`: every message is a structured clone, delivered in a later turn of the event loop.
 * `hold()` keeps the writer's answers back until `release()` hands them over in reverse order.
 */
class FakeChannel {
  readonly sent: AppendRequestMessage[] = [];
  readonly asked: unknown[] = [];
  private readonly toWriter: ((message: unknown) => void)[] = [];
  private readonly toWorker: ((message: unknown) => void)[] = [];
  private readonly closed: (() => void)[] = [];
  private held: WriterAnswer[] | undefined;

  readonly worker: WriterChannel = {
    send: (request) => {
      if (request.banjie === 'append') this.sent.push(request);
      else this.asked.push(request);
      const copy = structuredClone(request);
      setImmediate(() => this.toWriter.forEach((listener) => listener(copy)));
    },
    onMessage: (listener) => this.toWorker.push(listener),
    onClose: (listener) => this.closed.push(listener),
  };

  readonly writer: WorkerChannel = {
    send: (answer) => {
      const copy = structuredClone(answer);
      if (this.held && answer.banjie !== 'write-health') this.held.push(copy);
      else setImmediate(() => this.toWorker.forEach((listener) => listener(copy)));
    },
    onMessage: (listener) => this.toWriter.push(listener),
  };

  hold(): void {
    this.held = [];
  }

  /** How many answers are held back. */
  get holding(): number {
    return this.held?.length ?? 0;
  }

  release(): void {
    const answers = (this.held ?? []).reverse();
    this.held = undefined;
    for (const answer of answers) this.toWorker.forEach((listener) => listener(answer));
  }

  /** The primary died: the worker's channel disconnects. */
  close(): void {
    this.closed.forEach((listener) => listener());
  }
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('the single writer of BANJIE_WORKERS: workers append through the primary', () => {
  let folder: string;
  let faultFile: string;
  let writer: EventStore;
  let server: AppendServer;
  const opened: EventStore[] = [];

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'banjie-single-writer-'));
    faultFile = join(folder, 'fault');
    writer = openSqliteEventStore({ path: join(folder, 'events.sqlite'), faultFile, maxAppendBytes: LIMIT });
    server = new AppendServer(writer);
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await writer.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** A worker: its own read-only connection, its appends over `channel` to the writer. */
  function worker(channel = new FakeChannel()): { store: EventStore; channel: FakeChannel } {
    server.connect(channel.writer);
    const store = forwardAppends(openSqliteEventReader({ path: join(folder, 'events.sqlite') }), channel.worker, LIMIT);
    opened.push(store);
    return { store, channel };
  }

  it('answers two workers appending at once with their own revisions and positions, committed in one transaction', async () => {
    // given two workers
    const one = worker();
    const two = worker();

    // when both append in the same turn
    const [a, b] = await Promise.all([
      one.store.append('case-a', [{ type: 'CaseStarted', data: { by: 'one' } }], { expected: 'no_stream' }),
      two.store.append('case-b', [{ type: 'CaseStarted', data: { by: 'two' } }, { type: 'TaskCreated', data: { n: 1 } }], { expected: 'no_stream' }),
    ]);

    // then each got what a local append answers
    expect(a.nextExpectedRevision).toBe(0n);
    expect(b.nextExpectedRevision).toBe(1n);
    const [readA] = await all(two.store.readStream('case-a'));
    const readB = await all(one.store.readStream('case-b'));
    expect(readA).toMatchObject({ position: a.position, revision: 0n, data: { by: 'one' } });
    expect(readB.map((e: RecordedEvent) => e.position)).toEqual([String(Number(a.position) + 1), b.position]);
    expect(readB.map((e) => e.data)).toEqual([{ by: 'two' }, { n: 1 }]);
    // and both appends were written by the one group commit (one recorded instant)
    expect(readB.every((e) => e.recordedAt === readA.recordedAt)).toBe(true);
    expect(await one.store.verify('case-b')).toMatchObject({ valid: true, events: 2 });
  });

  it('refuses a stale expected revision with the same error a local append throws', async () => {
    // given a case both workers saw at revision 0
    const one = worker();
    const two = worker();
    await one.store.append('case-c', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' });
    await one.store.append('case-c', [{ type: 'TaskCompleted', data: {} }], { expected: 0n });

    // when the other worker appends on revision 0 too
    const refused = await two.store.append('case-c', [{ type: 'TaskCompleted', data: {} }], { expected: 0n }).catch((error: unknown) => error);

    // then it is told the stream moved on, as a WrongExpectedRevisionError with its fields
    expect(refused).toBeInstanceOf(WrongExpectedRevisionError);
    expect(refused).toMatchObject({ stream: 'case-c', expected: '0', actual: 1n });
    // and appending on the revision it re-read succeeds
    expect((await two.store.append('case-c', [{ type: 'Noted', data: {} }], { expected: 1n })).nextExpectedRevision).toBe(2n);
  });

  it('matches answers that come back out of order to their requests', async () => {
    // given a worker whose answers are held back
    const { store, channel } = worker();
    channel.hold();

    // when it appends to three streams and the answers arrive in reverse order
    const appends = ['case-x', 'case-y', 'case-z'].map((stream) => store.append(stream, [{ type: 'CaseStarted', data: { stream } }], { expected: 'no_stream' }));
    await until(() => channel.holding === 3);
    channel.release();
    const results = await Promise.all(appends);

    // then each append got the position its own event was stored at
    for (const [index, stream] of ['case-x', 'case-y', 'case-z'].entries()) {
      const [event] = await all(store.readStream(stream));
      expect(results[index].position).toBe(event.position);
    }
    expect(new Set(results.map((r) => r.position)).size).toBe(3);
  });

  it('answers 503’s error while the store cannot write, and tells every worker of it', async () => {
    // given two workers, and a disk that fails fsync
    const one = worker();
    const two = worker();
    writeFileSync(faultFile, 'eio');

    // when one of them appends
    const failed = await one.store.append('case-d', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' }).catch((error: unknown) => error);

    // then it gets a StoreUnavailableError, and both report the writer's failing writes
    expect(failed).toBeInstanceOf(StoreUnavailableError);
    await until(() => two.store.writeHealth?.().failingSince !== undefined);
    expect(one.store.writeHealth?.()).toMatchObject({ failingSince: expect.any(String), error: expect.stringContaining('disk I/O error') });
    expect(two.store.writeHealth?.().failingSince).toBe(one.store.writeHealth?.().failingSince);

    // and when the disk is back, the next append succeeds and both are healthy again
    writeFileSync(faultFile, '');
    await one.store.append('case-d', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' });
    await until(() => two.store.writeHealth?.().failingSince === undefined);
    expect(one.store.writeHealth?.()).toEqual({});
  });

  it('tells a worker that starts while the store cannot write that it cannot', async () => {
    // given a writer whose last append failed
    writeFileSync(faultFile, 'eio');
    await expect(writer.append('case-i', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' })).rejects.toBeInstanceOf(StoreUnavailableError);

    // when a worker is forked again: the primary connects it at once, its store opens later
    // (a message sent to it in between finds no listener and is lost, as in node:cluster)
    const channel = new FakeChannel();
    server.connect(channel.writer);
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    const store = forwardAppends(openSqliteEventReader({ path: join(folder, 'events.sqlite') }), channel.worker, LIMIT);
    opened.push(store);

    // then it reports the failing writes before it appended anything
    await until(() => store.writeHealth?.().failingSince !== undefined);
    expect(store.writeHealth?.()).toMatchObject({ failingSince: writer.writeHealth?.().failingSince });
  });

  it('sends the text of an event encoded off the event loop as that text, stored and hashed as is', async () => {
    // given a big event whose canonical JSON was made elsewhere
    const { store, channel } = worker();
    const xml = '<definitions>' + 'x'.repeat(300_000) + '</definitions>';
    const dataJson = JSON.stringify({ xml });

    // when the worker appends it
    await store.append('definition-lf:big', [{ type: 'DefinitionDeployed', data: { xml }, encoded: { dataJson, data: { xml } } }], { expected: 'no_stream' });

    // then that text travelled, and is what the store keeps and hashes
    expect(channel.sent[0].events[0].dataJson).toBe(dataJson);
    const [event] = await all(store.readStream('definition-lf:big'));
    expect(event.data).toEqual({ xml });
    expect(await writer.verify('definition-lf:big')).toMatchObject({ valid: true, events: 1 });
  });

  it('wakes the worker’s live subscriptions with its own append, without waiting for a poll', async () => {
    // given a worker whose subscriptions would re-read the file only once an hour, caught up
    const channel = new FakeChannel();
    server.connect(channel.writer);
    const store = forwardAppends(openSqliteEventReader({ path: join(folder, 'events.sqlite'), pollIntervalMs: 3_600_000 }), channel.worker, LIMIT);
    opened.push(store);
    const abort = new AbortController();
    const items = store.subscribeToAll({ signal: abort.signal })[Symbol.asyncIterator]();
    expect((await items.next()).value).toMatchObject({ kind: 'caughtUp' });

    // when it appends
    const next = items.next();
    const { position } = await store.append('case-live', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' });

    // then its subscription delivers the event
    expect((await next).value).toMatchObject({ kind: 'event', event: { stream: 'case-live', position } });
    abort.abort();
  });

  it('refuses a malformed batch in the worker, as the store would, without sending it', async () => {
    const { store, channel } = worker();
    await expect(store.append('case-e', [], { expected: 'any' })).rejects.toBeInstanceOf(InvalidAppendError);
    expect(channel.sent).toHaveLength(0);
  });

  it('fails every waiting append when the primary is gone, and every later one', async () => {
    // given an append whose answer has not come
    const { store, channel } = worker();
    channel.hold();
    const waiting = store.append('case-f', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' });
    await until(() => channel.holding === 1);

    // when the channel to the primary closes
    channel.close();

    // then it fails as the store being unavailable, and so does the next one
    await expect(waiting).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.append('case-g', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' })).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('turns any other failure of the writer into an error, never a success', async () => {
    // given a writer that fails in a way the port does not name
    const broken = { ...writer, kind: 'sqlite' as const, append: () => Promise.reject(new TypeError('boom')) } as EventStore;
    const channel = new FakeChannel();
    new AppendServer(broken).connect(channel.writer);
    const store = forwardAppends(openSqliteEventReader({ path: join(folder, 'events.sqlite') }), channel.worker, LIMIT);
    opened.push(store);

    // when a worker appends, then it is told the writer failed
    const failed = await store.append('case-h', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(failed).toMatchObject({ name: 'TypeError', message: 'The event store writer failed: boom' });
  });
});
