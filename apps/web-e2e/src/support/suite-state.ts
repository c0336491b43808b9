import { join } from 'node:path';
import { tmpdir } from 'node:os';

const STATE_FILE_ENV = 'BANJIE_E2E_STATE_FILE';

/**
 * Where the global setup tells the specs and the teardown about the api it started: one file per
 * run, named by the setup in the environment that the test workers inherit, so two runs on one
 * machine (a clean-clone CI run beside a spec run in the working tree) never read each other's api.
 */
export function suiteStateFile(): string {
  const named = process.env[STATE_FILE_ENV];
  if (named) return named;
  const file = join(tmpdir(), `banjie-web-e2e-state-${process.pid}.json`);
  process.env[STATE_FILE_ENV] = file;
  return file;
}

/** The api the suite started: its address, process and data directory. */
export interface SuiteState {
  baseUrl: string;
  pid: number;
  dataDir: string;
}

/** The workspace root, where the api is started from (TOOLCHAIN.md pitfall 7). */
export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');

/** Where the screenshots of a run go. */
export const OUTPUT_DIR = join(__dirname, '..', '..', 'output');
