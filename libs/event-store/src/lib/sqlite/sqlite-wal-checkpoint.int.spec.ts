import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect } from '../../testing';
import type { EventStore } from '../port';
import { openSqliteEventStore } from './sqlite-event-store';
import { WalCheckpointer } from './wal-checkpointer';

const PAYLOAD = { text: 'x'.repeat(2000) };

describe('sqlite event store write-ahead log', () => {
  let folder: string;
  let store: EventStore | undefined;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'banjie-sqlite-wal-'));
  });

  afterEach(async () => {
    await store?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('is copied into the database file by the checkpointer thread while appends go on, not inside them', async () => {
    // given
    const path = join(folder, 'events.db');
    store = openSqliteEventStore({ path });
    const emptySize = statSync(path).size;
    // when
    for (let i = 0; i < 20; i++) await store.append(`case-${i}`, Array.from({ length: 10 }, () => ({ type: 'VariablesSet', data: PAYLOAD })), { expected: 'no_stream' });
    // then
    // SQLite's own checkpoint waits for 1,000 pages (4 MiB) of log: these 400 KiB stay below it.
    expect(await sizeOnceGrown(path, emptySize + 200 * PAYLOAD.text.length)).toBeGreaterThan(emptySize + 200 * PAYLOAD.text.length);
  });

  it('is left in the log below SQLite\'s own threshold when the checkpointer thread is turned off', async () => {
    // given
    const path = join(folder, 'events.db');
    store = openSqliteEventStore({ path, checkpointInWorker: false });
    const emptySize = statSync(path).size;
    // when
    for (let i = 0; i < 20; i++) await store.append(`case-${i}`, Array.from({ length: 10 }, () => ({ type: 'VariablesSet', data: PAYLOAD })), { expected: 'no_stream' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // then
    expect(statSync(path).size).toBe(emptySize);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(200 * PAYLOAD.text.length);
  });

  it('reports a thread that cannot open the store, so that the caller can fall back', async () => {
    // given
    const failure = new Promise<Error>((resolve) => new WalCheckpointer(join(folder, 'missing-folder', 'events.db'), resolve));
    // when
    const error = await failure;
    // then
    expect(error.message).toMatch(/directory does not exist/);
  });

  it('keeps a process alive until close() has stopped the thread', () => {
    // given
    const path = join(folder, 'events.db');
    const script = `
      import { openSqliteEventStore } from ${JSON.stringify(join(__dirname, 'sqlite-event-store'))};
      const store = openSqliteEventStore({ path: ${JSON.stringify(path)} });
      store.append('case-1', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' })
        .then(() => store.close())
        .then(() => console.log('closed'));
    `;
    // when
    const output = execFileSync(process.execPath, [require.resolve('tsx/cli'), '-e', script], { encoding: 'utf8', timeout: 30_000 });
    // then
    expect(output.trim()).toBe('closed');
  });

  it('keeps every event readable across checkpoints and a reopen', async () => {
    // given
    const path = join(folder, 'events.db');
    store = openSqliteEventStore({ path });
    for (let i = 0; i < 50; i++) await store.append('case-long', [{ type: 'VariablesSet', data: { i, ...PAYLOAD } }], { expected: i === 0 ? 'no_stream' : BigInt(i - 1) });
    await store.close();
    // when
    store = openSqliteEventStore({ path });
    const events = await collect(store.readStream('case-long'));
    // then
    expect(events.map((event) => (event.data as { i: number }).i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect((await store.verify('case-long')).valid).toBe(true);
  });
});

/** The file's size once it passes `bytes`, or after 5 s. */
async function sizeOnceGrown(path: string, bytes: number): Promise<number> {
  for (let waited = 0; statSync(path).size <= bytes && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  return statSync(path).size;
}
