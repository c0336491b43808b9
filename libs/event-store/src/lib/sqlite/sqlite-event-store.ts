import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { catchUpSubscription } from '../catch-up-subscription';
import { CommitSignal } from '../commit-signal';
import { InvalidAppendError, StoreUnavailableError, StreamNotFoundError } from '../errors';
import { matchesFilter } from '../event-filter';
import { assertExpectedRevision } from '../expected-revision';
import { GENESIS_HASH, canonicalEventHashOfParts, verifyHashChain } from '../hash-chain';
import { findEarlierAppend } from '../idempotent-retry';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  WriteHealth,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  SubscriptionItem,
  VerifyResult,
} from '../port';
import { DEFAULT_MAX_APPEND_BYTES, type PreparedEvent, prepareAppend } from '../prepared-append';
import { injectedFault } from './fault-injection';
import { GroupCommit, type Outcome } from './group-commit';
import { isDuplicateEventId, isSqliteFailure, toStoreFailure } from './sqlite-failure';
import { applyDurablePragmas, createSchema } from './sqlite-schema';
import { type EventRow, type SqliteStatements, prepareStatements } from './sqlite-statements';
import { WalCheckpointer } from './wal-checkpointer';

/** Options of the embedded SQLite store. */
export interface SqliteEventStoreOptions {
  /** The database file; missing folders are created. */
  path: string;
  /** Largest encoded batch accepted by one append; defaults to 1 MiB. */
  maxAppendBytes?: number;
  /** How often live subscriptions re-read without an in-process commit (other processes' writes); default 1000 ms. */
  pollIntervalMs?: number;
  /** How long an append waits for another process's write lock before `StoreUnavailableError`; default 5000 ms. */
  busyTimeoutMs?: number;
  /**
   * Whether a worker thread checkpoints the write-ahead log (default), or SQLite does it inside
   * the commit that crosses 1,000 log pages, on the appending thread.
   */
  checkpointInWorker?: boolean;
  /** Test only: a file whose content (`eio`, `full`) fails every commit while it holds it; see `injectedFault`. */
  faultFile?: string;
}

/** SQLite's own threshold, restored when the checkpointer thread fails. */
const AUTOCHECKPOINT_PAGES = 1000;

const PAGE_SIZE = 500;

interface AppendRequest {
  stream: string;
  batch: PreparedEvent[];
  expected: ExpectedRevision;
}

/** An append as written in the group's transaction: the caller's result and, for live subscriptions, what it recorded. */
interface WrittenAppend {
  result: AppendResult;
  recorded: RecordedEvent[];
}

/**
 * Opens (creating if needed) the embedded SQLite event store: WAL with `synchronous=FULL`, one
 * `BEGIN IMMEDIATE` transaction and one fsync per group of concurrent appends. Throws
 * `StoreUnavailableError` when the file cannot be opened with these guarantees.
 */
export function openSqliteEventStore(options: SqliteEventStoreOptions): EventStore {
  let db: Database.Database | undefined;
  try {
    mkdirSync(dirname(options.path), { recursive: true });
    db = new Database(options.path);
    applyDurablePragmas(db, options.busyTimeoutMs);
    createSchema(db);
    db.defaultSafeIntegers(true);
    return new SqliteEventStore(db, prepareStatements(db), options);
  } catch (error) {
    db?.close();
    const failure = toStoreFailure(error);
    throw failure instanceof StoreUnavailableError ? failure : new StoreUnavailableError(`Cannot open the SQLite event store at ${options.path}`, error);
  }
}

/** Options of a read-only connection to a SQLite store that another process writes. */
export interface SqliteEventReaderOptions {
  /** The database file; it must exist, in WAL mode, created by its writer. */
  path: string;
  /** How often live subscriptions re-read without being told of a commit; default 1000 ms. */
  pollIntervalMs?: number;
  /** How long a read waits for a lock before `StoreUnavailableError`; default 5000 ms. */
  busyTimeoutMs?: number;
}

/**
 * A SQLite store read through a read-only connection, for a process whose appends another process
 * makes (the single writer of `BANJIE_WORKERS`): reads, subscriptions, `verify`, `head` as the
 * store's own; `append` refuses (`StoreUnavailableError`), and `writeHealth` is unknown here.
 */
export interface SqliteEventReader extends EventStore {
  /** The writer committed: live subscriptions read on now instead of at their next poll. */
  committedElsewhere(): void;
}

/**
 * Opens a read-only connection to an existing SQLite event store (WAL readers do not block its
 * writer, nor it them). Throws `StoreUnavailableError` when the file is missing or not in WAL mode.
 */
export function openSqliteEventReader(options: SqliteEventReaderOptions): SqliteEventReader {
  let db: Database.Database | undefined;
  try {
    db = new Database(options.path, { readonly: true, fileMustExist: true });
    const journalMode = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
    if (journalMode !== 'wal') throw new StoreUnavailableError(`The SQLite event store at ${options.path} is not in WAL mode (${journalMode})`);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    db.pragma('cache_size = -32768');
    db.defaultSafeIntegers(true);
    return new SqliteEventStore(db, prepareStatements(db), { path: options.path, pollIntervalMs: options.pollIntervalMs, checkpointInWorker: false }, true);
  } catch (error) {
    db?.close();
    const failure = toStoreFailure(error);
    throw failure instanceof StoreUnavailableError ? failure : new StoreUnavailableError(`Cannot open the SQLite event store at ${options.path} for reading`, error);
  }
}

class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite' as const;
  private readonly commits = new CommitSignal();
  private readonly groupCommit = new GroupCommit<AppendRequest, WrittenAppend>(
    (requests) => this.commitGroup(requests),
    (outcomes) => {
      this.commits.notify(committedEvents(outcomes));
      this.checkpointer?.committed();
    },
  );
  private readonly maxAppendBytes: number;
  private readonly pollIntervalMs: number;
  private readonly checkpointer: WalCheckpointer | undefined;
  private closing: Promise<void> | undefined;
  private readonly faultFile: string | undefined;
  private writes: WriteHealth = {};

  constructor(
    private readonly db: Database.Database,
    private readonly sql: SqliteStatements,
    options: SqliteEventStoreOptions,
    /** A read-only connection: another process appends (openSqliteEventReader). */
    private readonly readOnly = false,
  ) {
    this.maxAppendBytes = options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.faultFile = options.faultFile;
    if (options.checkpointInWorker !== false) {
      this.checkpointer = new WalCheckpointer(options.path, () => {
        // The thread is gone: SQLite checkpoints inside commits again, so the log stays bounded.
        if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
      });
      this.db.pragma('wal_autocheckpoint = 0');
    }
  }

  async append(stream: string, events: EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    if (this.readOnly) throw new StoreUnavailableError('This connection to the SQLite event store is read-only: its writer appends');
    const batch = prepareAppend(stream, events, this.maxAppendBytes);
    return (await this.groupCommit.submit({ stream, batch, expected: options.expected })).result;
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let from = options.from ?? (backwards ? BigInt('9223372036854775807') : 0n);
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let first = true;
    while (remaining > 0) {
      const limit = Math.min(PAGE_SIZE, remaining);
      const rows = this.query(() => (backwards ? this.sql.readBackwards : this.sql.readForwards).all(stream, from, limit));
      if (first && rows.length === 0 && !this.query(() => this.sql.streamExists.get(stream))) throw new StreamNotFoundError(stream);
      first = false;
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < limit) return;
      remaining -= rows.length;
      from = rows[rows.length - 1].revision + (backwards ? -1n : 1n);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let after = options.after === undefined ? 0n : parsePosition(options.after);
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const rows = this.query(() => this.sql.readAll.all(after, options.filter ? PAGE_SIZE : Math.min(PAGE_SIZE, remaining)));
      for (const row of rows) {
        after = row.position;
        if (!matchesFilter(options.filter, row.stream, row.type)) continue;
        yield toRecordedEvent(row);
        if (--remaining === 0) return;
      }
      if (rows.length < PAGE_SIZE) return;
    }
  }

  subscribeToAll(options?: SubscribeOptions): AsyncIterable<SubscriptionItem> {
    return catchUpSubscription(
      {
        readAll: (o) => this.readAll(o),
        commits: this.commits,
        pollIntervalMs: this.pollIntervalMs,
        lastPosition: () => {
          const row = this.query(() => this.sql.lastPosition.get());
          return row?.position === null || row?.position === undefined ? undefined : String(row.position);
        },
      },
      options,
    );
  }

  async verify(stream: string, options?: { expectedHeadHash?: string }): Promise<VerifyResult> {
    const exists = this.query(() => this.sql.streamExists.get(stream));
    return verifyHashChain(exists ? this.readStream(stream) : noEvents(), options);
  }

  async head(stream: string): Promise<{ revision: bigint; hash: string } | undefined> {
    return this.query(() => this.sql.head.get(stream));
  }

  writeHealth(): WriteHealth {
    return { ...this.writes };
  }

  /** Wakes live subscriptions to read on: another process committed (read-only connections). */
  committedElsewhere(): void {
    if (!this.commits.isClosed) this.commits.notify();
  }

  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    if (!this.db.open) return;
    this.groupCommit.flush();
    this.commits.close();
    await this.checkpointer?.close();
    this.db.close();
  }

  private commitGroup(requests: AppendRequest[]): Outcome<WrittenAppend>[] {
    const recordedAt = new Date().toISOString();
    try {
      this.sql.begin.run();
      // A lone request needs no savepoint: on its failure the whole transaction rolls back.
      const outcomes = requests.length === 1 ? [this.appendAlone(requests[0], recordedAt)] : requests.map((request) => this.appendInSavepoint(request, recordedAt));
      if (requests.length > 1) this.commit();
      this.writes = {};
      return outcomes;
    } catch (error) {
      if (this.db.inTransaction) this.sql.rollback.run();
      const failure = toStoreFailure(error);
      this.writes = { failingSince: this.writes.failingSince ?? new Date().toISOString(), error: failure instanceof Error ? failure.message : String(failure) };
      return requests.map(() => ({ ok: false, error: failure }));
    }
  }

  /** Commits the open transaction (with its fsync), unless a test injected a fault into it. */
  private commit(): void {
    const fault = injectedFault(this.faultFile);
    if (fault) throw fault;
    this.sql.commit.run();
  }

  /** The only batch of a group: committed when it succeeds, rolled back when the port refuses it. */
  private appendAlone(request: AppendRequest, recordedAt: string): Outcome<WrittenAppend> {
    try {
      const result = this.writeBatch(request, recordedAt);
      this.commit();
      return { ok: true, result };
    } catch (error) {
      if (isSqliteFailure(error) && !isDuplicateEventId(error)) throw error;
      this.sql.rollback.run();
      return { ok: false, error: isDuplicateEventId(error) ? duplicateIdError() : error };
    }
  }

  /** One caller's batch, in its own savepoint so its failure leaves the rest of the group intact. */
  private appendInSavepoint(request: AppendRequest, recordedAt: string): Outcome<WrittenAppend> {
    this.sql.savepoint.run();
    try {
      const result = this.writeBatch(request, recordedAt);
      this.sql.release.run();
      return { ok: true, result };
    } catch (error) {
      if (isSqliteFailure(error) && !isDuplicateEventId(error)) throw error;
      this.sql.rollbackToSavepoint.run();
      this.sql.release.run();
      return { ok: false, error: isDuplicateEventId(error) ? duplicateIdError() : error };
    }
  }

  private writeBatch({ stream, batch, expected }: AppendRequest, recordedAt: string): WrittenAppend {
    const earlier = findEarlierAppend(stream, batch.map((event) => event.id), expected, (id) => {
      const row = this.sql.locate.get(id);
      return row && { stream: row.stream, revision: row.revision, position: String(row.position) };
    });
    if (earlier) return { result: earlier, recorded: [] };
    const head = this.sql.head.get(stream);
    assertExpectedRevision(stream, expected, head?.revision);
    let prevHash = head?.hash ?? GENESIS_HASH;
    let revision = head ? head.revision + 1n : 0n;
    // As `readAll` reads them back. `data` and `metadata` are prepareAppend's parse of the stored
    // JSON, which the caller never sees: live subscriptions share them without a copy.
    const events = batch.map(({ id, type, data, metadata, dataJson, metadataJson }): RecordedEvent => {
      const hash = canonicalEventHashOfParts({ prevHash, stream, revision, id, type, recordedAt }, dataJson, metadataJson);
      const position = String(this.sql.insert.run(id, stream, revision, type, dataJson, metadataJson, recordedAt, prevHash, hash).lastInsertRowid);
      const event = { id, stream, revision, position, type, data, metadata, recordedAt, prevHash, hash };
      prevHash = hash;
      revision += 1n;
      return event;
    });
    const last = events[events.length - 1];
    return { result: { nextExpectedRevision: last.revision, position: last.position }, recorded: events };
  }

  private query<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      throw toStoreFailure(error);
    }
  }

  private assertOpen(): void {
    if (!this.db.open || this.closing) throw new StoreUnavailableError('The SQLite event store is closed');
  }
}

/** The events of the appends a group committed, in position order; a refused append recorded none. */
function committedEvents(outcomes: Outcome<WrittenAppend>[]): RecordedEvent[] {
  return outcomes.flatMap((outcome) => (outcome.ok ? outcome.result.recorded : []));
}

function duplicateIdError(): InvalidAppendError {
  return new InvalidAppendError('An event id of this batch is already recorded elsewhere');
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    position: String(row.position),
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function parsePosition(position: string): bigint {
  if (!/^\d+$/.test(position)) throw new RangeError(`Not a position of the SQLite event store: ${position}`);
  return BigInt(position);
}

async function* noEvents(): AsyncIterable<RecordedEvent> {
  // A stream that does not exist has an empty chain.
}
