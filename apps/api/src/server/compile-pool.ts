import type { CompiledDeployment, ModelCompiler } from '@banjie/api-core';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Piscina } from 'piscina';
import type { JsonBodyReading } from './json-limits';
import type { OffThreadJsonReader } from './body-limits';
import type { EventDataEncoder } from './off-thread-appends';
import type { CompileTask } from '../workers/compile-worker';

/** Threads that compile models: one beside the event loop is enough on the 2-core hosts the api runs on. */
const COMPILE_THREADS = 1;
/** A worker with nothing to do ends after this; the next deploy starts one again. */
const IDLE_MS = 60_000;

/** The compile pool (which also reads big bodies and encodes big events), and how to stop its threads. */
export interface CompilePool extends ModelCompiler, OffThreadJsonReader, EventDataEncoder {
  close(): Promise<void>;
}

/**
 * Compiles and lints models in a piscina worker, off the event loop: a model of megabytes no longer
 * holds up `/api/health` or any other request while it parses. The same thread reads JSON bodies
 * over 256 KiB and encodes events of as much text for the store (body-limits.ts,
 * off-thread-appends.ts), so no step of a big deploy holds the loop for long. The built api runs the bundled
 * `compile-worker.js` beside `main.js`; from the TypeScript sources (tests), the worker loads
 * `compile-worker.ts` through ts-node, and only when asked to (undefined otherwise: compile in-process).
 */
export function openCompilePool(): CompilePool | undefined {
  const bundled = join(__dirname, 'compile-worker.js');
  const fromSources = !existsSync(bundled);
  // From the sources a worker first spends seconds loading the engine through ts-node: the api's
  // specs compile in-process unless one sets BANJIE_COMPILE_IN_WORKER=1 (test only, like BANJIE_FAULT_INJECT).
  if (fromSources && process.env['BANJIE_COMPILE_IN_WORKER'] !== '1') return undefined;
  const workspace = resolve(__dirname, '../../../..');
  const pool = new Piscina<unknown, CompiledDeployment | JsonBodyReading | string>({
    filename: fromSources ? resolve(__dirname, '../workers/compile-worker.ts') : bundled,
    maxThreads: COMPILE_THREADS,
    minThreads: 0,
    idleTimeout: IDLE_MS,
    ...(fromSources && {
      execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
      env: { ...process.env, TS_NODE_PROJECT: join(workspace, 'apps/api/tsconfig.app.json'), TS_NODE_TRANSPILE_ONLY: 'true' },
    }),
  });
  return {
    compile: (xml, forms, lint, decisions) => pool.run({ xml, forms, lint, decisions } satisfies CompileTask) as Promise<CompiledDeployment>,
    readJson: (text) => pool.run(text, { name: 'readJsonBody' }) as Promise<JsonBodyReading>,
    encodeEventData: (data) => pool.run(data, { name: 'encodeEventData' }) as Promise<string>,
    close: () => pool.destroy(),
  };
}
