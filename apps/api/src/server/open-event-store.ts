import type { ApiConfig } from '@banjie/api-core';
import { createKurrentDbEventStore, createMemoryEventStore, openSqliteEventStore, type EventStore } from '@banjie/event-store';
import { join } from 'node:path';

/** Opens the event store the configuration names (`<dataDir>/events.sqlite` for sqlite). */
export function openEventStore(config: ApiConfig): EventStore {
  switch (config.store) {
    case 'memory':
      return createMemoryEventStore();
    case 'kurrentdb':
      return createKurrentDbEventStore({ connectionString: config.kurrentDbConnectionString ?? '' });
    case 'sqlite':
      return openSqliteEventStore({ path: join(config.dataDir, 'events.sqlite') });
  }
}
