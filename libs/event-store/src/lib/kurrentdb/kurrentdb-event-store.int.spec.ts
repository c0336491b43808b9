import { runEventStoreContract } from '../../testing';
import { createKurrentDbEventStore } from './kurrentdb-event-store';

const connectionString = process.env['KURRENTDB_CONNECTION_STRING'];
/** Set by `npm run test:kurrentdb`: a missing server is then a failure, not a skip. */
const required = process.env['BANJIE_REQUIRE_KURRENTDB'] === '1';

if (connectionString) {
  runEventStoreContract('kurrentdb', async () => ({
    store: createKurrentDbEventStore({ connectionString }),
    reopen: async () => createKurrentDbEventStore({ connectionString }),
    // Every contract test writes its own fresh streams, so the shared server needs no cleanup.
    cleanup: async () => undefined,
  }));
} else if (required) {
  describe('kurrentdb event store', () => {
    it('has a server to test against', () => {
      expect(connectionString).toBeDefined();
    });
  });
} else {
  describe('kurrentdb event store', () => {
    it.skip('kurrentdb contract: SKIPPED (npm run test:kurrentdb, or set KURRENTDB_CONNECTION_STRING)', () => {
      expect(connectionString).toBeDefined();
    });
  });
}
