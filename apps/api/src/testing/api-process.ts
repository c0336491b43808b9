import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { apiClient, type TestApi } from './test-api';

/** What a test needs of an api: calls and sign-ins. */
export type Client = Pick<TestApi, 'call' | 'login'>;

const WORKSPACE = resolve(__dirname, '../../../..');

/** The api running in a child process from its TypeScript sources (ts-node, transpile only). */
export interface ApiProcess {
  child: ChildProcess;
  /** The URL printed at start (undefined for `--rebuild-projections`). */
  url?: string;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts `apps/api/src/main.ts` as `node dist/apps/api/main.js` would run, with `env` and `args`;
 * resolves once it printed its URL (or, with `waitForUrl: false`, at once).
 */
export function spawnApi(env: Record<string, string>, args: string[] = [], waitForUrl = true): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts', ...args], {
    cwd: WORKSPACE,
    env: { ...process.env, TS_NODE_PROJECT: 'apps/api/tsconfig.app.json', TS_NODE_TRANSPILE_ONLY: 'true', LOG_LEVEL: 'warn', BANJIE_SEED_DEMO_CASES: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (waitForUrl && match) resolvePromise({ child, url: match[1], output: () => output, exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    if (!waitForUrl) resolvePromise({ child, output: () => output, exited });
    void exited.then((code) => reject(new Error(`api exited with ${code} before it started:\n${output}`)));
  });
}

/**
 * The api as a child process on one data directory that a test kills without warning (SIGKILL) and
 * starts again, with the manual clock set after each start: `start()` → a client, `kill()`,
 * `output()` for the failure message, `stop()` in `afterAll` (kills and removes nothing).
 */
export class RestartableApi {
  private running: ApiProcess | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly env: Record<string, string>,
  ) {}

  /** Starts the api (as `node dist/apps/api/main.js` would) with the manual clock at `now`. */
  async start(now: string): Promise<Client> {
    this.running = await spawnApi({ BANJIE_DATA_DIR: this.dataDir, PORT: '0', BANJIE_CLOCK: 'manual', BANJIE_WEB_DIR: join(this.dataDir, 'no-web-build'), ...this.env });
    const api = apiClient(this.running.url!);
    const set = await api.call('POST', '/api/admin/clock', { token: await api.login('admin'), body: { now } });
    if (set.status !== 200) throw new Error(`setting the manual clock to ${now} answered ${set.status}`);
    return api;
  }

  /** SIGKILLs the running api and waits for it to be gone. */
  async kill(): Promise<void> {
    this.running?.child.kill('SIGKILL');
    await this.running?.exited;
    this.running = undefined;
  }

  /** What the running api printed (empty when none runs). */
  output(): string {
    return this.running?.output() ?? '';
  }
}
