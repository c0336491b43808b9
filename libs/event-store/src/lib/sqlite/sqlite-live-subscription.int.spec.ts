import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { collect, probeSubscription } from '../../testing';
import type { EventStore } from '../port';
import { openSqliteEventStore } from './sqlite-event-store';

describe('sqlite live subscriptions', () => {
  let folder: string;
  let path: string;
  let store: EventStore;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'banjie-sqlite-live-'));
    path = join(folder, 'events.db');
    // No poll within a test: whatever a subscriber gets, it gets from this process's commits.
    store = openSqliteEventStore({ path, pollIntervalMs: 60_000 });
  });

  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const event = (id: string = randomUUID()) => ({ id, type: 'TaskCreated', data: { taskId: id, form: { fields: ['amount'] } }, metadata: { actor: { id: 'clerk' } } });
  const events = (count: number) => Array.from({ length: count }, () => event());

  it('moves a filtered subscription past the events it does not want, so a commit does not re-scan the store', async () => {
    // given a store of 2,000 events none of which a subscription to messages wants, caught up
    for (let i = 0; i < 20; i++) await store.append(`case-${i}`, events(100), { expected: 'no_stream' });
    const probe = probeSubscription(store, { filter: { eventTypes: ['MessageSent'] } });
    await probe.caughtUp();
    const readAll = jest.spyOn(store, 'readAll');

    // when ten more commits of unwanted events come, then one wanted
    for (let i = 20; i < 30; i++) await store.append(`case-${i}`, events(1), { expected: 'no_stream' });
    await store.append('case-message', [{ type: 'MessageSent', data: { messageName: 'm' } }], { expected: 'no_stream' });
    await probe.until(1);
    await probe.stop();

    // then it got the wanted event and never read the store again from before the commits
    expect(probe.log.afterCaughtUp.map((e) => e.type)).toEqual(['MessageSent']);
    for (const [options] of readAll.mock.calls) expect(BigInt(options?.after ?? '0')).toBeGreaterThanOrEqual(2_000n);
  });

  it('hands every live subscriber the events it commits, one shared copy, without reading them back', async () => {
    // given
    await store.append('case-0', events(2), { expected: 'no_stream' });
    const probes = [probeSubscription(store, {}), probeSubscription(store, {})];
    await Promise.all(probes.map((probe) => probe.caughtUp()));
    const readAll = jest.spyOn(store, 'readAll');
    // when
    for (let i = 1; i <= 5; i++) await store.append(`case-${i}`, events(i), { expected: 'no_stream' });
    await Promise.all(probes.map((probe) => probe.until(15)));
    await Promise.all(probes.map((probe) => probe.stop()));
    // then
    expect(readAll).not.toHaveBeenCalled();
    readAll.mockRestore();
    const [first, second] = probes.map((probe) => probe.log.afterCaughtUp);
    expect(first).toEqual((await collect(store.readAll())).slice(2));
    expect(second[0]).toBe(first[0]);
  });

  it('delivers once, in order, what another process commits between its own commits', async () => {
    // given
    const otherProcess = openSqliteEventStore({ path });
    const cases = { streamPrefix: ['case-'] };
    const probe = probeSubscription(store, { filter: cases });
    await probe.caughtUp();
    // when: each of this process's commits ends with an event the filter passes over
    for (let i = 0; i < 10; i++) {
      await Promise.all([store.append(`case-${i}`, events(2), { expected: 'no_stream' }), store.append(`audit-${i}`, events(1), { expected: 'no_stream' })]);
      await otherProcess.append(`case-other-${i}`, events(1), { expected: 'no_stream' });
    }
    await store.append('case-last', events(1), { expected: 'no_stream' });
    await otherProcess.close();
    await probe.until(31);
    await probe.stop();
    // then
    expect(probe.log.afterCaughtUp).toEqual(await collect(store.readAll({ filter: cases })));
  });

  it('never hands over an append that its group rolled back', async () => {
    // given
    const takenId = randomUUID();
    await store.append('case-taken', [event(takenId)], { expected: 'no_stream' });
    const probe = probeSubscription(store, {});
    await probe.caughtUp();
    // when
    const outcomes = await Promise.allSettled([
      store.append('case-1', events(2), { expected: 'no_stream' }),
      store.append('case-taken', events(1), { expected: 'no_stream' }),
      store.append('case-2', [event(), event(takenId)], { expected: 'no_stream' }),
      store.append('case-3', events(3), { expected: 'no_stream' }),
    ]);
    await store.append('case-4', events(1), { expected: 'no_stream' });
    await probe.until(6);
    await probe.stop();
    // then
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(probe.log.afterCaughtUp).toEqual((await collect(store.readAll())).slice(1));
    expect(probe.log.afterCaughtUp.map((one) => one.stream)).toEqual(['case-1', 'case-1', 'case-3', 'case-3', 'case-3', 'case-4']);
  });
});
