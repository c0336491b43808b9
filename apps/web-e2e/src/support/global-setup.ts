import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUITE_STATE_FILE, WORKSPACE_ROOT, type SuiteState } from './suite-state';

const HEALTH_TIMEOUT_MS = 60_000;

/**
 * Starts the built api (which serves the built web app) from the workspace root on a free port,
 * with a fresh data dir and the manual test clock, and waits until `/api/health` answers.
 */
export default async function startApi(): Promise<void> {
  const main = join(WORKSPACE_ROOT, 'dist/apps/api/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build it first (npx nx run api:build), or run the suite with npx nx run web-e2e:e2e`);
  if (!existsSync(join(WORKSPACE_ROOT, 'dist/apps/web/browser/index.html'))) throw new Error('dist/apps/web/browser is missing: run npx nx run web:build');

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'banjie-e2e-'));
  const log = openSync(join(dataDir, 'api.log'), 'a');
  const api = spawn(process.execPath, [main], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, PORT: String(port), BANJIE_DATA_DIR: dataDir, BANJIE_CLOCK: 'manual', BANJIE_SEED_DEMO_CASES: 'false', NODE_ENV: 'production' },
    stdio: ['ignore', log, log],
    detached: false,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const state: SuiteState = { baseUrl, pid: api.pid ?? -1, dataDir };
  writeFileSync(SUITE_STATE_FILE, JSON.stringify(state));

  let exited: number | null = null;
  api.once('exit', (code) => (exited = code ?? -1));
  const started = Date.now();
  while (Date.now() - started < HEALTH_TIMEOUT_MS) {
    if (exited !== null) throw new Error(`the api exited with code ${exited} before it was healthy; see ${join(dataDir, 'api.log')}`);
    if (await healthy(baseUrl)) {
      api.unref();
      console.log(`\napi up at ${baseUrl} in ${Date.now() - started} ms (data ${dataDir})`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  api.kill('SIGKILL');
  throw new Error(`the api did not answer ${baseUrl}/api/health within ${HEALTH_TIMEOUT_MS / 1000} s; see ${join(dataDir, 'api.log')}`);
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`);
    return response.ok;
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
