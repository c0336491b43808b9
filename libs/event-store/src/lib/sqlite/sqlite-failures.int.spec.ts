import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../errors';
import { openSqliteEventStore } from './sqlite-event-store';
import { applyDurablePragmas } from './sqlite-schema';

describe('sqlite event store failures and durability settings', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'banjie-sqlite-failures-'));
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('runs in WAL mode with synchronous=FULL read back', () => {
    // given
    const db = new Database(join(folder, 'events.db'));
    // when
    applyDurablePragmas(db);
    // then
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('refuses to open where WAL cannot be used', () => {
    // given
    const db = new Database(':memory:');
    // when
    const applying = () => applyDurablePragmas(db);
    // then
    expect(applying).toThrow(StoreUnavailableError);
    db.close();
  });

  it('reports a path it cannot open as StoreUnavailableError', () => {
    // given
    const path = join(folder, 'a-folder');
    mkdirSync(path);
    // when
    const opening = () => openSqliteEventStore({ path });
    // then
    expect(opening).toThrow(StoreUnavailableError);
  });

  it('maps a write lock held by another process (SQLITE_BUSY) to a retryable StoreUnavailableError that wrote nothing', async () => {
    // given
    const path = join(folder, 'events.db');
    const store = openSqliteEventStore({ path, busyTimeoutMs: 50 });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    // when
    const attempt = store.append('case-1', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' });
    // then
    await expect(attempt).rejects.toMatchObject({ name: 'StoreUnavailableError', retryable: true });
    other.exec('ROLLBACK');
    other.close();
    await expect(store.append('case-1', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' })).resolves.toMatchObject({ nextExpectedRevision: 0n });
    await store.close();
  });

  it('refuses appends after close with StoreUnavailableError', async () => {
    // given
    const store = openSqliteEventStore({ path: join(folder, 'events.db') });
    await store.close();
    // when
    const attempt = store.append('case-1', [{ type: 'CaseStarted', data: {} }], { expected: 'any' });
    // then
    await expect(attempt).rejects.toThrow(StoreUnavailableError);
  });

  it('refuses an append whose fsync fails (injected EIO) without recording it, says so in its write health, and carries on once the fault is gone', async () => {
    // given a store with a fault file and one acknowledged append
    const faultFile = join(folder, 'fault');
    const store = openSqliteEventStore({ path: join(folder, 'events.db'), faultFile });
    await store.append('case-1', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' });

    // when fsync starts failing
    writeFileSync(faultFile, 'eio');
    const failed = await Promise.allSettled([
      store.append('case-1', [{ type: 'TaskCreated', data: {} }], { expected: 0n }),
      store.append('case-2', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' }),
    ]);

    // then neither append is acknowledged nor recorded, reads go on, and the store reports it
    expect(failed.map((f) => f.status === 'rejected' && (f.reason as Error).name)).toEqual(['StoreUnavailableError', 'StoreUnavailableError']);
    expect(String((failed[0] as PromiseRejectedResult).reason.message)).toContain('SQLITE_IOERR_FSYNC');
    expect(store.writeHealth?.()).toEqual({ failingSince: expect.any(String), error: expect.stringContaining('EIO') });
    const types = async () => {
      const seen: string[] = [];
      for await (const event of store.readAll()) seen.push(`${event.stream}:${event.type}`);
      return seen;
    };
    expect(await types()).toEqual(['case-1:CaseStarted']);

    // and when the fault is gone, the same appends succeed once and the store is healthy again
    writeFileSync(faultFile, '');
    await store.append('case-1', [{ type: 'TaskCreated', data: {} }], { expected: 0n });
    await store.append('case-2', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' });
    expect(await types()).toEqual(['case-1:CaseStarted', 'case-1:TaskCreated', 'case-2:CaseStarted']);
    expect(store.writeHealth?.()).toEqual({});
    expect((await store.verify('case-1')).valid).toBe(true);
    await store.close();
  });
});
