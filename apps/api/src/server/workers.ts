import Database from 'better-sqlite3';
import cluster from 'node:cluster';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '@banjie/event-store';
import { AppendServer, type WorkerChannel, type WriterChannel } from './single-writer';

/** The environment variable that tells a forked worker its number (1…N); unset in a single process. */
export const WORKER_ENV = 'BANJIE_WORKER';

/**
 * Set by the primary in the environment of the workers it forks when it owns the store's writer:
 * the worker then reads the store file itself and sends its appends to the primary (single-writer.ts).
 */
export const STORE_WRITER_ENV = 'BANJIE_STORE_WRITER';

/** Where worker `n` keeps its read models. */
export function workerReadModelDir(dataDir: string, n: number): string {
  return join(dataDir, 'replicas', String(n));
}

/**
 * `BANJIE_WORKERS=N` (N > 1): this process becomes the primary and forks N HTTP workers that share
 * its port (node:cluster). Each worker is a full api over the one SQLite event store with read
 * models of its own in `<dataDir>/replicas/<n>` (docs/architecture.md "Replicas"); a worker
 * without them starts from a snapshot of `<dataDir>/read-models.sqlite` when there is one (rows and
 * checkpoints together, so it catches up from there), else rebuilds them from the store. Worker 1
 * starts alone (it deploys the zone flows and seeds users once); the others follow once it
 * listens; `onListening(port)` is called when all listen. A worker that dies is forked again;
 * SIGTERM/SIGINT are passed on and the primary exits when every worker has finished.
 *
 * With a `writer` (the SQLite store, opened by the primary), the primary is the store's only
 * writer: every worker sends its appends over its IPC channel and the primary commits those of all
 * workers together (single-writer.ts); the writer is closed after the last worker exits.
 */
export function runWorkers(count: number, dataDir: string, onListening: (port: number) => void, writer?: EventStore): void {
  const alive = new Map<number, number>();
  let stopping = false;
  // Structured clone instead of JSON: big event texts travel without being escaped again.
  cluster.setupPrimary({ serialization: 'advanced' });
  const appends = writer ? new AppendServer(writer) : undefined;
  const exit = () => {
    if (!writer) process.exit(0);
    writer.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Closing the event store failed:', error);
        process.exit(1);
      },
    );
  };
  const fork = (n: number): Promise<number> => {
    const readModelDir = workerReadModelDir(dataDir, n);
    snapshotReadModels(dataDir, readModelDir);
    const worker = cluster.fork({ [WORKER_ENV]: String(n), BANJIE_WORKERS: '1', BANJIE_READ_MODEL_DIR: readModelDir, ...(writer ? { [STORE_WRITER_ENV]: 'primary' } : {}) });
    const served = appends?.connect(workerChannel(worker));
    alive.set(worker.id, n);
    worker.once('exit', (code, signal) => {
      served?.disconnect();
      alive.delete(worker.id);
      if (stopping) {
        if (alive.size === 0) exit();
        return;
      }
      console.error(`Worker ${n} exited (${signal ?? code}); starting it again`);
      void fork(n);
    });
    return new Promise((listening) => worker.once('listening', (address) => listening(address.port)));
  };
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    console.log(`${signal}: stopping ${alive.size} workers…`);
    if (alive.size === 0) exit();
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  void fork(1).then(async (port) => {
    for (let n = 2; n <= count; n++) await fork(n);
    onListening(port);
  });
}

/** The primary's end of a forked worker's IPC channel. */
function workerChannel(worker: ReturnType<typeof cluster.fork>): WorkerChannel {
  return {
    // A send that fails finds the worker gone; its 'exit' follows. The callback keeps it from being an 'error' event.
    send: (answer) => void worker.send(answer, () => undefined),
    onMessage: (listener) => worker.on('message', listener),
  };
}

/** In a forked worker whose primary owns the store's writer: the channel to it (`process.send`). */
export function primaryChannel(): WriterChannel | undefined {
  if (!isForkedWorker() || process.env[STORE_WRITER_ENV] !== 'primary' || !process.send) return undefined;
  return {
    send: (request) => {
      if (!process.connected || !process.send) throw new Error('The IPC channel to the primary process is closed');
      // A send that fails finds the channel closing; its 'disconnect' fails every waiting append.
      process.send(request, undefined, undefined, () => undefined);
    },
    onMessage: (listener) => process.on('message', listener),
    onClose: (listener) => process.once('disconnect', listener),
  };
}

/** True in the primary of `BANJIE_WORKERS` > 1 (which serves nothing itself but, on SQLite, writes). */
export function isWorkerPrimary(workers: number): boolean {
  return workers > 1 && cluster.isPrimary;
}

/** True in a worker forked by `runWorkers`. */
export function isForkedWorker(): boolean {
  return cluster.isWorker && process.env[WORKER_ENV] !== undefined;
}

/** Copies `<dataDir>/read-models.sqlite` into `readModelDir` when that has none (`VACUUM INTO`: a consistent copy, also under WAL). */
export function snapshotReadModels(dataDir: string, readModelDir: string): void {
  const target = join(readModelDir, 'read-models.sqlite');
  const source = join(dataDir, 'read-models.sqlite');
  if (existsSync(target) || !existsSync(source)) return;
  mkdirSync(readModelDir, { recursive: true });
  const db = new Database(source, { readonly: true });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
}
