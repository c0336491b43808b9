import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './suite-state';

const HEALTH_TIMEOUT_MS = 60_000;

/** An api besides the suite's own, on a data dir of the spec's choosing (a copied store, say). */
export interface ExtraApi {
  baseUrl: string;
  dataDir: string;
  /** Stops it cleanly (SIGTERM: the store is checkpointed and closed), and waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts the built api (serving the built web app) on a free port with `dataDir` and the manual
 * test clock, as the global setup starts the suite's api, and waits until `/api/health` answers.
 */
export async function startExtraApi(dataDir: string): Promise<ExtraApi> {
  const port = await freePort();
  const log = openSync(join(dataDir, 'api.log'), 'a');
  const api = spawn(process.execPath, [join(WORKSPACE_ROOT, 'dist/apps/api/main.js')], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, PORT: String(port), BANJIE_DATA_DIR: dataDir, BANJIE_CLOCK: 'manual', BANJIE_SEED_DEMO_CASES: 'false', NODE_ENV: 'production' },
    stdio: ['ignore', log, log],
  });
  const exited = new Promise<number | null>((resolve) => api.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exitCode === undefined) {
      api.kill('SIGTERM');
      const killed = setTimeout(() => api.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killed);
    }
  };
  const started = Date.now();
  while (Date.now() - started < HEALTH_TIMEOUT_MS) {
    if (exitCode !== undefined) throw new Error(`the extra api exited with code ${exitCode} before it was healthy; see ${join(dataDir, 'api.log')}`);
    if (await healthy(baseUrl)) return { baseUrl, dataDir, stop };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await stop();
  throw new Error(`the extra api did not answer ${baseUrl}/api/health within ${HEALTH_TIMEOUT_MS / 1000} s; see ${join(dataDir, 'api.log')}`);
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/api/health`)).ok;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
