import { FakeKurrentDbClient } from '../../testing/fake-kurrentdb-client';
import { collect, probeSubscription, runEventStoreContract } from '../../testing';
import { kurrentDbEventStoreOver } from './kurrentdb-event-store';

// The adapter's own logic (expected-revision mapping, retries, idempotency, hash chain, filters,
// positions, hiding system events) against an in-process stand-in for the server.
runEventStoreContract('kurrentdb adapter over a stand-in server', async () => {
  const server = new FakeKurrentDbClient();
  return {
    store: kurrentDbEventStoreOver(server.asClient(), { pollIntervalMs: 20 }),
    reopen: async () => kurrentDbEventStoreOver(server.asClient(), { pollIntervalMs: 20 }),
    cleanup: async () => undefined,
  };
});

describe('kurrentdb adapter over a stand-in server', () => {
  it('hides system events when reading and subscribing to $all without a filter', async () => {
    // given
    const store = kurrentDbEventStoreOver(new FakeKurrentDbClient().asClient(), { pollIntervalMs: 20 });
    await store.append('case-1', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' });
    await store.append('case-2', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' });
    // when
    const read = await collect(store.readAll());
    const probe = probeSubscription(store, {});
    await probe.caughtUp();
    await probe.stop();
    await store.close();
    // then
    expect(read.map((event) => event.stream)).toEqual(['case-1', 'case-2']);
    expect(probe.log.beforeCaughtUp.map((event) => event.stream)).toEqual(['case-1', 'case-2']);
    expect(read.every((event) => /^\d+:\d+$/.test(event.position))).toBe(true);
  });
});
