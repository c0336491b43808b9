import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The workspace root (the api resolves its web build and bpmn folder from there). */
export const WORKSPACE = resolve(__dirname, '../..');
/**
 * The built api the suite runs: `dist/apps/api/main.js`, or `BANJIE_CRASH_API_MAIN` (a copy of
 * that folder inside the workspace, so that a rebuild by someone else cannot change it mid-run).
 */
const MAIN = resolve(WORKSPACE, process.env['BANJIE_CRASH_API_MAIN'] ?? 'dist/apps/api/main.js');

/** Builds the api once when its `main.js` is missing; the suite tests what is built. */
export function ensureBuiltApi(): void {
  if (existsSync(MAIN)) return;
  console.log(`${MAIN} is missing: npx nx run api:build`);
  const built = spawnSync('npx', ['nx', 'run', 'api:build', '--outputStyle=static'], { cwd: WORKSPACE, stdio: 'inherit' });
  if (built.status !== 0 || !existsSync(MAIN)) throw new Error('the api build failed');
}

/** The built api as a child process of the suite. */
export interface ApiChild {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `node dist/apps/api/main.js` with `env` and resolves once it printed its URL. */
export function startBuiltApi(env: Record<string, string>, timeoutMs = 60_000): Promise<ApiChild> {
  // BANJIE_CRASH_API_NODE_ARGS: node options for the api only (`--cpu-prof --cpu-prof-dir=…`, which NODE_OPTIONS refuses).
  const nodeArgs = (process.env['BANJIE_CRASH_API_NODE_ARGS'] ?? '').split(' ').filter((a) => a.length > 0);
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: WORKSPACE,
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', BANJIE_SEED_DEMO_CASES: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the api did not start within ${timeoutMs} ms:\n${output.slice(-4000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-200_000);
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[1], output: () => output, exited });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the api exited with ${code} before it started:\n${output.slice(-4000)}`));
    });
  });
}

/** Runs the built api with `args` to its end (e.g. `--rebuild-projections`) and returns its output. */
export function runBuiltApi(env: Record<string, string>, args: string[]): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [MAIN, ...args], { cwd: WORKSPACE, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Kills the api without warning (SIGKILL) and waits for it to be gone. */
export async function killApi(api: ApiChild): Promise<void> {
  api.child.kill('SIGKILL');
  await api.exited;
}

/** Stops the api as an operator would (SIGTERM: in-flight requests finish, the store closes). */
export async function stopApi(api: ApiChild): Promise<number | null> {
  api.child.kill('SIGTERM');
  return api.exited;
}
