import type { EventFilter, EventStore } from '../lib/port';

/** A store under test, how to reopen it over the same storage (for durability checks), and cleanup. */
export interface ContractSubject {
  store: EventStore;
  reopen?: () => Promise<EventStore>;
  cleanup(): Promise<void>;
}

/** What each part of the contract suite sees of the current test: its store and its own stream names. */
export interface ContractContext {
  subject: ContractSubject;
  /** The store under test; replaced when a test reopens it. */
  store: EventStore;
  /** A prefix no other test (or earlier run against a shared server) uses. */
  prefix: string;
  stream(name: string): string;
  /** A `readAll` filter that sees only this test's streams. */
  onlyThisTest(): EventFilter;
}
