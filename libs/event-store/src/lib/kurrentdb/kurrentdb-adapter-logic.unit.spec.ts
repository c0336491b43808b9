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

describe('kurrentdb adapter: what the real client does that a naive stand-in hid', () => {
  it('treats an append answered with success: false (throwOnAppendFailure=false) as a lost race, never as written', async () => {
    // given a client that reports a wrong expected version by result, not by error
    const server = new FakeKurrentDbClient({ throwOnAppendFailure: false });
    const store = kurrentDbEventStoreOver(server.asClient(), { pollIntervalMs: 20 });
    await store.append('case-1', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' });
    // when two writers append under 'any' at once, and one appends at a stale revision
    const both = await Promise.all([
      store.append('case-1', [{ type: 'TaskCreated', data: { n: 1 } }], { expected: 'any' }),
      store.append('case-1', [{ type: 'TaskCreated', data: { n: 2 } }], { expected: 'any' }),
    ]);
    const stale = await store.append('case-1', [{ type: 'TaskCreated', data: {} }], { expected: 0n }).catch((error: unknown) => error);
    // then both 'any' appends are in the stream with an intact chain, the stale one is refused
    expect(both.map((result) => result.nextExpectedRevision).sort()).toEqual([1n, 2n]);
    expect(stale).toMatchObject({ name: 'WrongExpectedRevisionError', actual: 2n });
    expect((await collect(store.readStream('case-1'))).map((event) => event.revision)).toEqual([0n, 1n, 2n]);
    expect(await store.verify('case-1')).toMatchObject({ valid: true });
    await store.close();
  });

  it('never hands out the "no position" sentinel that stream reads carry', async () => {
    // given
    const store = kurrentDbEventStoreOver(new FakeKurrentDbClient().asClient(), { pollIntervalMs: 20 });
    await store.append('case-1', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' });
    // when
    const [fromStream] = await collect(store.readStream('case-1'));
    const [fromAll] = await collect(store.readAll());
    await store.close();
    // then
    expect(fromStream.position).toBe('');
    expect(fromAll.position).toMatch(/^(\d+):\1$/);
  });

  it('asks the server for pages, one more than wanted after a position (readAll is inclusive there), and reads on across pages', async () => {
    // given 5,000 events and a spy on what the adapter asks of the server
    const server = new FakeKurrentDbClient();
    const asked: (number | bigint | undefined)[] = [];
    const client = server.asClient();
    const readAll = client.readAll.bind(client);
    const spied = { ...client, appendToStream: client.appendToStream.bind(client), readStream: client.readStream.bind(client), dispose: client.dispose.bind(client) } as typeof client;
    spied.readAll = ((options) => (asked.push(options?.maxCount), readAll(options))) as typeof client.readAll;
    const store = kurrentDbEventStoreOver(spied, { pollIntervalMs: 20 });
    for (let i = 0; i < 50; i++) {
      await store.append(`case-${i}`, Array.from({ length: 100 }, (_, n) => ({ type: 'VariablesSet', data: { n } })), { expected: 'no_stream' });
    }
    // when
    const firstTen = await collect(store.readAll({ maxCount: 10 }));
    asked.length = 0;
    const afterTenth = await collect(store.readAll({ after: firstTen[9].position, maxCount: 3 }));
    const askedAfter = [...asked];
    const everything = await collect(store.readAll());
    await store.close();
    // then
    expect(askedAfter).toEqual([4]);
    expect(afterTenth.map((event) => event.data)).toEqual([{ n: 10 }, { n: 11 }, { n: 12 }]);
    expect(everything).toHaveLength(5_000);
    expect(new Set(everything.map((event) => event.id)).size).toBe(5_000);
    expect(asked.length).toBeGreaterThan(2);
  });
});
