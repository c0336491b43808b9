import { runEventStoreContract } from '../../testing';
import { createKurrentDbEventStore } from './kurrentdb-event-store';

const connectionString = process.env['KURRENTDB_CONNECTION_STRING'];

if (connectionString) {
  runEventStoreContract('kurrentdb', async () => ({
    store: createKurrentDbEventStore({ connectionString }),
    reopen: async () => createKurrentDbEventStore({ connectionString }),
    // Every contract test writes its own fresh streams, so the shared server needs no cleanup.
    cleanup: async () => undefined,
  }));
} else {
  describe('kurrentdb event store', () => {
    it.skip('kurrentdb contract: SKIPPED (set KURRENTDB_CONNECTION_STRING to run)', () => {
      expect(connectionString).toBeDefined();
    });
  });
}
