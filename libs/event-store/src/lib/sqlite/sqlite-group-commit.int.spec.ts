import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { collect } from '../../testing';
import { InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import type { EventStore } from '../port';
import { openSqliteEventStore } from './sqlite-event-store';

describe('sqlite event store group commit', () => {
  let folder: string;
  let store: EventStore;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'banjie-sqlite-group-'));
    store = openSqliteEventStore({ path: join(folder, 'events.db') });
  });

  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const event = (type = 'TaskCreated', id: string = randomUUID()) => ({ id, type, data: { taskId: id } });

  it('rolls back only the failing batches of a group that commits together', async () => {
    // given
    await store.append('case-1', [event('CaseStarted')], { expected: 'no_stream' });
    const takenId = randomUUID();
    await store.append('case-9', [event('CaseStarted', takenId)], { expected: 'no_stream' });
    // when
    const [accepted, stale, otherStream, duplicate] = await Promise.allSettled([
      store.append('case-1', [event(), event()], { expected: 0n }),
      store.append('case-1', [event()], { expected: 0n }),
      store.append('case-2', [event('CaseStarted')], { expected: 'no_stream' }),
      store.append('case-3', [event('CaseStarted'), event('TaskCreated', takenId)], { expected: 'no_stream' }),
    ]);
    // then
    expect(accepted).toEqual({ status: 'fulfilled', value: expect.objectContaining({ nextExpectedRevision: 2n }) });
    expect(stale).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevisionError) });
    expect(otherStream).toMatchObject({ status: 'fulfilled' });
    expect(duplicate).toMatchObject({ status: 'rejected', reason: expect.any(InvalidAppendError) });
    expect((await collect(store.readStream('case-1'))).map((one) => one.type)).toEqual(['CaseStarted', 'TaskCreated', 'TaskCreated']);
    expect(await collect(store.readAll({ filter: { streamPrefix: ['case-3'] } }))).toEqual([]);
  });

  it('records the appends of one group with one time, in the order they were submitted', async () => {
    // when
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => store.append(`case-${index}`, [event()], { expected: 'no_stream' })));
    // then
    const all = await collect(store.readAll());
    expect(all.map((one) => one.position)).toEqual(results.map((result) => result.position));
    expect(new Set(all.map((one) => one.recordedAt)).size).toBe(1);
  });
});
