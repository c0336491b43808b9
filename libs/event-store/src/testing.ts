/** Test support for event-store adapters: the shared contract suite. Import from specs only. */
export { runEventStoreContract, collect, type ContractSubject } from './testing/contract-suite';
export { probeSubscription, type SubscriptionLog } from './testing/subscription-probe';
export { FakeKurrentDbClient, type FakeKurrentDbOptions } from './testing/fake-kurrentdb-client';
