export * from './lib/port';
export * from './lib/errors';
export { canonicalEventHash, canonicalEventHashOfParts, verifyHashChain, GENESIS_HASH, type HashedEventFields } from './lib/hash-chain';
export { DEFAULT_MAX_APPEND_BYTES, prepareAppend, type PreparedEvent } from './lib/prepared-append';
export { orderedUuid } from './lib/ordered-uuid';
export { createMemoryEventStore, type MemoryEventStoreOptions } from './lib/memory/memory-event-store';
export { openSqliteEventStore, openSqliteEventReader, type SqliteEventStoreOptions, type SqliteEventReader, type SqliteEventReaderOptions } from './lib/sqlite/sqlite-event-store';
export { createKurrentDbEventStore, kurrentDbEventStoreOver, type KurrentDbClientPort, type KurrentDbEventStoreOptions } from './lib/kurrentdb/kurrentdb-event-store';
