import type { ApiConfig } from '@banjie/api-core';
import { createKurrentDbEventStore, createMemoryEventStore, openSqliteEventReader, openSqliteEventStore, type EventStore } from '@banjie/event-store';
import { join } from 'node:path';
import { forwardAppends } from './single-writer';
import { primaryChannel } from './workers';

/**
 * Opens the event store the configuration names (`<dataDir>/events.sqlite` for sqlite). Test only:
 * `BANJIE_FAULT_INJECT=<file>` makes the SQLite store fail its commits while that file holds `eio`
 * or `full` (the crash suite's disk faults, docs/reliability.md); it is not configuration and
 * never set in a deployment.
 */
/**
 * The largest append the api's own stores take: a deploy holds a model of up to 5 MiB (its XML
 * escaped into JSON, with the forms beside it), so the store's default of 1 MiB would refuse models
 * the contract accepts. KurrentDB keeps its server's limit; an append over a limit answers 413.
 */
export const STORE_APPEND_LIMIT_BYTES = 16 * 1024 * 1024;

/** How often a replica (`BANJIE_READ_MODEL_DIR` set) reads the store for commits of the others. */
export const REPLICA_POLL_MS = 100;

export function openEventStore(config: ApiConfig): EventStore {
  switch (config.store) {
    case 'memory':
      return createMemoryEventStore({ maxAppendBytes: STORE_APPEND_LIMIT_BYTES });
    case 'kurrentdb':
      return createKurrentDbEventStore({ connectionString: config.kurrentDbConnectionString ?? '' });
    case 'sqlite': {
      const path = join(config.dataDir, 'events.sqlite');
      // A worker of BANJIE_WORKERS whose primary owns the writer: reads here, appends there (single-writer.ts).
      const primary = primaryChannel();
      if (primary) return forwardAppends(openSqliteEventReader({ path, pollIntervalMs: REPLICA_POLL_MS }), primary, STORE_APPEND_LIMIT_BYTES);
      return openSqliteEventStore({
        path,
        maxAppendBytes: STORE_APPEND_LIMIT_BYTES,
        faultFile: process.env['BANJIE_FAULT_INJECT'] || undefined,
        // A replica learns of the other replicas' commits only by reading the file: look every 100 ms.
        ...(config.readModelDir ? { pollIntervalMs: REPLICA_POLL_MS } : {}),
      });
    }
  }
}
