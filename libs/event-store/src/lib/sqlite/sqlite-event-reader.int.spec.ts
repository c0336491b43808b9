import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreUnavailableError } from '../errors';
import type { EventStore, RecordedEvent } from '../port';
import { openSqliteEventReader, openSqliteEventStore } from './sqlite-event-store';

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('a read-only connection to a SQLite store another connection writes', () => {
  let folder: string;
  let path: string;
  let writer: EventStore;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'banjie-sqlite-reader-'));
    path = join(folder, 'events.sqlite');
    writer = openSqliteEventStore({ path });
  });

  afterEach(async () => {
    await writer.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads what the writer committed, verifies it, and refuses to append', async () => {
    // given a stream the writer appended
    const reader = openSqliteEventReader({ path });
    const { position } = await writer.append('case-1', [{ type: 'CaseStarted', data: { n: 1 } }, { type: 'TaskCreated', data: { n: 2 } }], { expected: 'no_stream' });

    // when the reader reads it
    const events = await all(reader.readStream('case-1'));

    // then it sees both events as the writer recorded them, with an intact chain
    expect(events.map((e: RecordedEvent) => [e.type, e.data])).toEqual([
      ['CaseStarted', { n: 1 }],
      ['TaskCreated', { n: 2 }],
    ]);
    expect(events[1].position).toBe(position);
    expect(await reader.verify('case-1')).toMatchObject({ valid: true, events: 2 });
    expect(await reader.head?.('case-1')).toEqual({ revision: 1n, hash: events[1].hash });
    // and an append through it is refused as the store being unavailable, writing nothing
    await expect(reader.append('case-2', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' })).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await all(writer.readAll())).toHaveLength(2);
    await reader.close();
  });

  it('delivers the writer’s commit to a live subscription when told, without waiting for its poll', async () => {
    // given a caught-up subscription that would re-read only once an hour
    const reader = openSqliteEventReader({ path, pollIntervalMs: 3_600_000 });
    const abort = new AbortController();
    const items = reader.subscribeToAll({ signal: abort.signal })[Symbol.asyncIterator]();
    expect((await items.next()).value).toMatchObject({ kind: 'caughtUp' });

    // when the writer commits and the reader is told
    const next = items.next();
    const { position } = await writer.append('case-3', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' });
    reader.committedElsewhere();

    // then the subscription delivers the event
    expect((await next).value).toMatchObject({ kind: 'event', event: { stream: 'case-3', position } });
    abort.abort();
    await reader.close();
  });

  it('refuses to open a file that does not exist', () => {
    expect(() => openSqliteEventReader({ path: join(folder, 'missing.sqlite') })).toThrow(StoreUnavailableError);
  });
});
