import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EventStore } from '../port';
import { openSqliteEventStore } from './sqlite-event-store';

describe('sqlite event store tamper evidence', () => {
  let folder: string;
  let path: string;
  let store: EventStore;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'banjie-sqlite-tamper-'));
    path = join(folder, 'events.db');
    store = openSqliteEventStore({ path });
    const events = Array.from({ length: 5 }, (_, index) => ({ type: 'VariablesSet', data: { amount: 1000 + index, approved: true } }));
    await store.append('case-7', events.slice(0, 2), { expected: 'no_stream' });
    await store.append('case-7', events.slice(2), { expected: 1n });
  });

  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Edits the database file behind the store's back, as someone with file access could. */
  async function tamper(edit: (db: Database.Database) => void): Promise<void> {
    await store.close();
    const db = new Database(path);
    edit(db);
    db.close();
    store = openSqliteEventStore({ path });
  }

  it('finds one changed byte of stored data at its revision', async () => {
    // given
    await tamper((db) => {
      const { data } = db.prepare("SELECT data FROM events WHERE stream = 'case-7' AND revision = 2").get() as { data: string };
      const flipped = data.replace('1002', '9002');
      expect(flipped).not.toBe(data);
      db.prepare("UPDATE events SET data = ? WHERE stream = 'case-7' AND revision = 2").run(flipped);
    });
    // when
    const result = await store.verify('case-7');
    // then
    expect(result).toMatchObject({ valid: false, brokenAt: 2n });
  });

  it('finds a replaced hash at the revision of its event', async () => {
    // given
    await tamper((db) => {
      db.prepare("UPDATE events SET hash = ? WHERE stream = 'case-7' AND revision = 1").run('0'.repeat(64));
    });
    // when
    const result = await store.verify('case-7');
    // then
    expect(result).toMatchObject({ valid: false, brokenAt: 1n });
  });

  it('finds a deleted newest event against the anchored head, which the chain alone cannot', async () => {
    // given
    const anchored = await store.head!('case-7');
    await tamper((db) => {
      db.prepare("DELETE FROM events WHERE stream = 'case-7' AND revision = 4").run();
    });
    // when
    const withoutAnchor = await store.verify('case-7');
    const withAnchor = await store.verify('case-7', { expectedHeadHash: anchored!.hash });
    // then
    expect(withoutAnchor).toMatchObject({ valid: true, events: 4 });
    expect(withAnchor).toMatchObject({ valid: false, brokenAt: 4n });
  });

  it('verifies an untouched stream and reports its head hash', async () => {
    // given
    const head = await store.head!('case-7');
    // when
    const result = await store.verify('case-7', { expectedHeadHash: head!.hash });
    // then
    expect(result).toEqual({ valid: true, events: 5, headHash: head!.hash });
  });
});
