/**
 * Runs one suite file in this (child) process and sends its outcome to the parent runner over
 * IPC. Each suite gets a fresh process so one suite's heap and handles cannot skew another's.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { BenchOutcome, BenchSuite } from './bench-suite';

async function runSuite(file: string): Promise<void> {
  const module = (await import(pathToFileURL(resolve(file)).href)) as { default?: BenchSuite | { default?: BenchSuite } };
  const suite = unwrapDefault(module.default);
  if (!suite || typeof suite.run !== 'function') throw new Error(`${file} does not default-export { suite, run }`);
  const outcome: BenchOutcome = await suite.run();
  process.send?.({ suite: suite.suite, outcome });
}

function unwrapDefault(exported: BenchSuite | { default?: BenchSuite } | undefined): BenchSuite | undefined {
  // A CommonJS-compiled suite arrives with its default export nested once more.
  return exported && 'run' in exported ? exported : (exported as { default?: BenchSuite } | undefined)?.default;
}

runSuite(process.argv[2]).then(
  () => process.disconnect?.(),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
