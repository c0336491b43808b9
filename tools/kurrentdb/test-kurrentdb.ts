/**
 * `npm run test:kurrentdb`: the event-store contract suite and the api integration tests against
 * a real KurrentDB (see plan.ts for how the server is found). Exit code 0 only when every suite
 * ran against a server and passed; 2 when there was no server to test against.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { KURRENTDB_SUITES, planKurrentDbRun, suiteEnv } from './plan';

const WORKSPACE = resolve(__dirname, '../..');

function succeeds(command: string, args: string[]): boolean {
  const run = spawnSync(command, args, { stdio: 'ignore', timeout: 20_000 });
  return run.status === 0;
}

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: WORKSPACE, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function runSuites(connectionString: string): number {
  let failed = 0;
  for (const suite of KURRENTDB_SUITES) {
    console.log(`\n== ${suite.name} (${connectionString})`);
    const status = run('npx', ['jest', '-c', suite.config, '--runInBand', '--ci', ...suite.specs], suiteEnv(connectionString));
    if (status !== 0) failed++;
  }
  console.log(failed === 0 ? '\ntest:kurrentdb: all suites passed against KurrentDB' : `\ntest:kurrentdb: ${failed} suite(s) failed`);
  return failed === 0 ? 0 : 1;
}

function main(): number {
  const plan = planKurrentDbRun({
    env: process.env,
    dockerEngine: () => succeeds('docker', ['info']),
    dockerCompose: () => succeeds('docker', ['compose', 'version']),
  });
  switch (plan.kind) {
    case 'missing':
      console.error(plan.message);
      return 2;
    case 'given':
      return runSuites(plan.connectionString);
    case 'docker': {
      const compose = ['compose', '-f', plan.composeFile, '-p', plan.project];
      console.log(`Starting a throw-away KurrentDB node (${plan.composeFile}, insecure development mode) …`);
      if (run('docker', [...compose, 'up', '-d', '--wait', '--wait-timeout', '180']) !== 0) {
        console.error(`The KurrentDB node did not become healthy; see \`docker ${compose.join(' ')} logs\`.`);
        run('docker', [...compose, 'down', '-v']);
        return 1;
      }
      try {
        return runSuites(plan.connectionString);
      } finally {
        run('docker', [...compose, 'down', '-v']);
      }
    }
  }
}

process.exitCode = main();
