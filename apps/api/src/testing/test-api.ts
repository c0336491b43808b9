import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EventStore } from '@banjie/event-store';
import { loadConfig } from '../config/load-config';
import { startApi, type RunningApi } from '../server/start-api';

/** The fixture flows of the api's specs (`linfen-api-fixture.bpmn`, deployed to lf at start). */
export const FIXTURE_BPMN_DIR = resolve(__dirname, '../../../../libs/api/workflow/src/fixtures/bpmn');

/** An HTTP answer as a test reads it (bodies are read loosely, as JSON). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A running api on a free port and a temporary data dir, called over real HTTP with `fetch`. */
export interface TestApi {
  url: string;
  dataDir: string;
  running: RunningApi;
  login(username: string, password?: string): Promise<string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call<T = any>(method: string, path: string, options?: { token?: string; body?: unknown; raw?: string; contentType?: string; headers?: Record<string, string> }): Promise<Answer<T>>;
  /** Stops the api; the data dir stays unless `removeData`. */
  stop(options?: { removeData?: boolean }): Promise<void>;
}

/**
 * Boots the api like `main.ts` does, with `env` on top of test defaults (port 0, silent logs, fixture
 * flows); with `store`, on that store (left open at stop), as a second process on the same store would.
 */
export async function startTestApi(env: Record<string, string> = {}, dataDir = mkdtempSync(join(tmpdir(), 'banjie-api-')), store?: EventStore): Promise<TestApi> {
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    BANJIE_DATA_DIR: dataDir,
    BANJIE_BPMN_DIR: FIXTURE_BPMN_DIR,
    BANJIE_WEB_DIR: join(dataDir, 'no-web-build'),
    BANJIE_SEED_DEMO_CASES: 'false',
    ...env,
  });
  const running = await startApi(config, store && { store });
  const { call, login } = apiClient(running.url);
  return {
    url: running.url,
    dataDir,
    running,
    call,
    login,
    async stop(options = {}) {
      await running.shutdown();
      if (options.removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls the api at `url` over real HTTP with `fetch`; a user logs in once (demo password by default). */
export function apiClient(url: string): Pick<TestApi, 'call' | 'login'> {
  const tokens = new Map<string, string>();
  const call = async <T>(method: string, path: string, options: { token?: string; body?: unknown; raw?: string; contentType?: string; headers?: Record<string, string> } = {}): Promise<Answer<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw !== undefined) {
      body = options.raw;
      headers['Content-Type'] = options.contentType ?? 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(`${url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
  return {
    call,
    async login(username, password = 'banjie') {
      const known = tokens.get(username);
      if (known) return known;
      const answer = await call<{ accessToken: string }>('POST', '/api/auth/login', { body: { username, password } });
      if (answer.status !== 200) throw new Error(`login ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      tokens.set(username, answer.body.accessToken);
      return answer.body.accessToken;
    },
  };
}

/** Polls `probe` until `ok` holds or `timeoutMs` passes, and returns the last value (the caller asserts on it). */
export async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}
