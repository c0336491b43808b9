import { probeSubscription, runEventStoreContract } from '../../testing';
import { createMemoryEventStore } from './memory-event-store';

runEventStoreContract('memory', async () => ({ store: createMemoryEventStore(), cleanup: async () => undefined }));

describe('memory event store live subscriptions', () => {
  it('hands over frozen events, so that a test catches a consumer writing to what all subscribers share', async () => {
    // given
    const store = createMemoryEventStore();
    await store.append('case-1', [{ type: 'CaseStarted', data: {} }], { expected: 'no_stream' });
    const probe = probeSubscription(store, {});
    await probe.caughtUp();
    // when
    await store.append('case-1', [{ type: 'VariablesSet', data: { variables: { amount: 1 } } }], { expected: 0n });
    await probe.until(1);
    await probe.stop();
    // then
    const [live] = probe.log.afterCaughtUp;
    expect(() => ((live.data as { variables: { amount: number } }).variables.amount = 2)).toThrow(TypeError);
    await store.close();
  });
});
