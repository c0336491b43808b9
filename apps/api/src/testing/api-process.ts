import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

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
