import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
});
