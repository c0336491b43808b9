import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Least time between two checkpoints while appends keep coming. */
const DEFAULT_INTERVAL_MS = 100;

/**
 * The checkpointer thread: its own connection to the store, a PASSIVE checkpoint (which never
 * waits for, nor blocks, readers and the writer) at most every `intervalMs` after it hears of a
 * commit. Another process checkpointing at the same moment makes it skip a turn (SQLITE_BUSY).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.path);
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 0');
let pending = false;
let timer;
let last = 0;
function checkpoint() {
  timer = undefined;
  pending = false;
  last = Date.now();
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    if (error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') throw error;
  }
}
parentPort.on('message', (message) => {
  if (message === 'close') {
    if (timer) clearTimeout(timer);
    db.close();
    parentPort.close();
    return;
  }
  pending = true;
  timer ??= setTimeout(checkpoint, Math.max(0, last + workerData.intervalMs - Date.now()));
});
`;

/**
 * Keeps the write-ahead log short from a worker thread, so that no append waits for it.
 *
 * SQLite's automatic checkpoint runs inside the COMMIT that crosses its threshold, on the thread
 * that appends: it copies the log's pages into the database file and fsyncs it. On a store of a
 * million events that COMMIT took 45–56 ms at p99 and once 2.4 s, and the checkpoints were
 * ≈40 % of the write time (measured with 15-event appends). With a checkpointer the appending
 * connection turns its automatic checkpoint off; if the worker fails, it turns it back on.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private failed = false;
  private closing: Promise<void> | undefined;
  private lastPost = 0;
  private trailing: NodeJS.Timeout | undefined;

  constructor(
    path: string,
    onFailure: (error: Error) => void,
    private readonly intervalMs = DEFAULT_INTERVAL_MS,
  ) {
    // Resolved from this file (in the api's bundle: main.js), where a bundler's require.resolve gives a module id.
    const betterSqlite3 = createRequire(__filename).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, intervalMs, betterSqlite3 } });
    this.worker.unref();
    this.worker.on('error', (error) => {
      this.failed = true;
      onFailure(error);
    });
  }

  /**
   * Tells the checkpointer that something was committed: at most one message per interval (a
   * message costs the appending thread more than the checkpointer needs), and one after the last
   * commit of a burst, so that the burst is checkpointed too.
   */
  committed(): void {
    if (this.failed || this.closing || this.trailing) return;
    const wait = this.lastPost + this.intervalMs - Date.now();
    if (wait <= 0) return this.post();
    this.trailing = setTimeout(() => {
      this.trailing = undefined;
      if (!this.failed && !this.closing) this.post();
    }, wait);
    this.trailing.unref();
  }

  private post(): void {
    this.lastPost = Date.now();
    this.worker.postMessage('commit');
  }

  /** Stops the thread, letting a running checkpoint finish. */
  close(): Promise<void> {
    if (this.failed) return Promise.resolve();
    clearTimeout(this.trailing);
    this.closing ??= new Promise<void>((resolve) => {
      this.worker.once('exit', () => resolve());
      // Unreferenced, the thread would let the process end before its exit is heard.
      this.worker.ref();
      this.worker.postMessage('close');
    });
    return this.closing;
  }
}
