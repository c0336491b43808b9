import { existsSync, readFileSync, rmSync } from 'node:fs';
import { suiteStateFile, type SuiteState } from './suite-state';

/** Stops the api the global setup started and removes its data dir. */
export default async function stopApi(): Promise<void> {
  if (!existsSync(suiteStateFile())) return;
  const state = JSON.parse(readFileSync(suiteStateFile(), 'utf8')) as SuiteState;
  rmSync(suiteStateFile(), { force: true });
  if (state.pid > 0 && alive(state.pid)) {
    process.kill(state.pid, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (alive(state.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    if (alive(state.pid)) process.kill(state.pid, 'SIGKILL');
  }
  if (process.env['BANJIE_E2E_KEEP_DATA'] !== 'true') rmSync(state.dataDir, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
