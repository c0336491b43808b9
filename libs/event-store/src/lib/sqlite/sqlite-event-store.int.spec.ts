import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEventStoreContract } from '../../testing';
import { openSqliteEventStore } from './sqlite-event-store';

runEventStoreContract('sqlite', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'banjie-sqlite-contract-'));
  const path = join(folder, 'nested', 'events.db');
  return {
    store: openSqliteEventStore({ path }),
    reopen: async () => openSqliteEventStore({ path }),
    cleanup: async () => rmSync(folder, { recursive: true, force: true }),
  };
});
