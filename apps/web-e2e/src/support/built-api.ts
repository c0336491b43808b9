import { spawn } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './suite-state';

const HEALTH_TIMEOUT_MS = 60_000;
const MAIN = join(WORKSPACE_ROOT, 'dist/apps/api/main.js');

/** The built api (serving the built web app) in a child process of the suite, the bench or a spec. */
export interface BuiltApi {
  baseUrl: string;
  dataDir: string;
  pid: number;
  /** Lets the suite's process end while the api runs on (the global teardown stops it by pid). */
  unref(): void;
  /** Stops it cleanly (SIGTERM: the store is checkpointed and closed; SIGKILL after 10 s), and waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts `dist/apps/api/main.js` from the workspace root on a free port with `dataDir`, the manual
 * test clock and no demo cases (plus `env`), logging to `<dataDir>/api.log`, and resolves once
 * `/api/health` answers; throws naming the log when it exits first or stays silent for 60 s.
 */
export async function startBuiltApi(dataDir: string, env: Record<string, string> = {}): Promise<BuiltApi> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build it first (npx nx run api:build), or run the suite with npx nx run web-e2e:e2e`);
  const port = await freePort();
  const logFile = join(dataDir, 'api.log');
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [MAIN], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, PORT: String(port), BANJIE_DATA_DIR: dataDir, BANJIE_CLOCK: 'manual', BANJIE_SEED_DEMO_CASES: 'false', NODE_ENV: 'production', ...env },
    stdio: ['ignore', log, log],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exitCode !== undefined) return;
    child.kill('SIGTERM');
    const killed = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killed);
  };
  const started = Date.now();
  while (Date.now() - started < HEALTH_TIMEOUT_MS) {
    if (exitCode !== undefined) throw new Error(`the api exited with code ${exitCode} before it was healthy; see ${logFile}`);
    if (await healthy(baseUrl)) return { baseUrl, dataDir, pid: child.pid ?? -1, unref: () => child.unref(), stop };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  child.kill('SIGKILL');
  throw new Error(`the api did not answer ${baseUrl}/api/health within ${HEALTH_TIMEOUT_MS / 1000} s; see ${logFile}`);
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
