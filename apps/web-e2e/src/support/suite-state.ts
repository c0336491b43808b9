import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** Where the global setup tells the specs and the teardown about the api it started. */
export const SUITE_STATE_FILE = join(tmpdir(), 'banjie-web-e2e-state.json');

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
