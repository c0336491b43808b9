import Database from 'better-sqlite3';
import cluster from 'node:cluster';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The environment variable that tells a forked worker its number (1…N); unset in a single process. */
export const WORKER_ENV = 'BANJIE_WORKER';

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
 */
export function runWorkers(count: number, dataDir: string, onListening: (port: number) => void): void {
  const alive = new Map<number, number>();
  let stopping = false;
  const fork = (n: number): Promise<number> => {
    const readModelDir = workerReadModelDir(dataDir, n);
    snapshotReadModels(dataDir, readModelDir);
    const worker = cluster.fork({ [WORKER_ENV]: String(n), BANJIE_WORKERS: '1', BANJIE_READ_MODEL_DIR: readModelDir });
    alive.set(worker.id, n);
    worker.once('exit', (code, signal) => {
      alive.delete(worker.id);
      if (stopping) {
        if (alive.size === 0) process.exit(0);
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
    if (alive.size === 0) process.exit(0);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  void fork(1).then(async (port) => {
    for (let n = 2; n <= count; n++) await fork(n);
    onListening(port);
  });
}

/** True in the primary of `BANJIE_WORKERS` > 1 (which serves nothing itself). */
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
