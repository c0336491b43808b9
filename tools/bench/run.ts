/**
 * The workspace bench runner: `npm run bench -- [suite ...]` runs the named suites (all when none
 * is named), each in its own process, writes `bench-results/<suite>.json` and prints a table.
 * `--strict` exits non-zero when a ratio misses its target.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchOutcome, BenchResult } from './bench-suite';
import { type SuiteFile, discoverSuites } from './discover-suites';
import { describeMachine } from './machine';
import { formatResultTable, ratioPasses } from './result-table';

const WORKSPACE_ROOT = resolve(__dirname, '../..');
const RESULTS_FOLDER = join(WORKSPACE_ROOT, 'bench-results');
// tsx applies a tsconfig only to the files it includes: this one covers every lib a suite may
// import, so their decorators (Nest's parameter decorators) compile too.
const TSCONFIG = join(__dirname, 'tsconfig.run.json');

async function main(args: string[]): Promise<number> {
  const strict = args.includes('--strict');
  const wanted = args.filter((arg) => !arg.startsWith('--'));
  // flags reach the suites (each in its own process) through the environment, e.g. `api --scale`
  process.env['BENCH_FLAGS'] = args.filter((arg) => arg.startsWith('--')).join(' ');
  const available = discoverSuites(WORKSPACE_ROOT);
  const unknown = wanted.filter((name) => !available.some((file) => file.suite === name));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown bench suite(s): ${unknown.join(', ')}. Known: ${available.map((file) => file.suite).join(', ') || 'none'}\n`);
    return 2;
  }
  const selected = wanted.length === 0 ? available : available.filter((file) => wanted.includes(file.suite));
  mkdirSync(RESULTS_FOLDER, { recursive: true });
  let failures = 0;
  let broken = 0;
  for (const file of selected) {
    process.stdout.write(`\n▶ ${file.suite} (${file.path})\n`);
    try {
      const outcome = await runInChild(file);
      const result: BenchResult = { suite: file.suite, machine: describeMachine(), ...outcome };
      // `--scale` measures other figures: kept beside the suite's usual result, not over it
      writeFileSync(join(RESULTS_FOLDER, `${file.suite}${args.includes('--scale') ? '-scale' : ''}.json`), `${JSON.stringify(result, null, 2)}\n`);
      process.stdout.write(`${formatResultTable(result)}\n`);
      failures += result.ratios.filter((ratio) => !ratioPasses(ratio)).length;
    } catch (error) {
      process.stderr.write(`✗ ${file.suite}: ${(error as Error).message}\n`);
      broken++;
    }
  }
  if (broken > 0) return 1;
  return strict && failures > 0 ? 1 : 0;
}

function runInChild(file: SuiteFile): Promise<BenchOutcome> {
  return new Promise((resolveOutcome, reject) => {
    const child = fork(join(__dirname, 'run-suite.ts'), [join(WORKSPACE_ROOT, file.path)], {
      cwd: WORKSPACE_ROOT,
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, TSX_TSCONFIG_PATH: TSCONFIG },
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    });
    let outcome: BenchOutcome | undefined;
    child.on('message', (message: { suite: string; outcome: BenchOutcome }) => {
      if (message.suite !== file.suite) reject(new Error(`${file.path} names its suite "${message.suite}", expected "${file.suite}"`));
      outcome = message.outcome;
    });
    child.on('error', reject);
    child.on('exit', (code) => (outcome && code === 0 ? resolveOutcome(outcome) : reject(new Error(`suite process exited with ${code}`))));
  });
}

main(process.argv.slice(2)).then((code) => process.exit(code));
