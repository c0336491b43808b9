import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltApi } from './built-api';
import { suiteStateFile, WORKSPACE_ROOT, type SuiteState } from './suite-state';

/**
 * Starts the built api (which serves the built web app) from the workspace root on a free port,
 * with a fresh data dir and the manual test clock, and waits until `/api/health` answers.
 */
export default async function startApi(): Promise<void> {
  if (!existsSync(join(WORKSPACE_ROOT, 'dist/apps/web/browser/index.html'))) throw new Error('dist/apps/web/browser is missing: run npx nx run web:build');
  const dataDir = mkdtempSync(join(tmpdir(), 'banjie-e2e-'));
  const started = Date.now();
  const api = await startBuiltApi(dataDir);
  const state: SuiteState = { baseUrl: api.baseUrl, pid: api.pid, dataDir };
  writeFileSync(suiteStateFile(), JSON.stringify(state));
  api.unref();
  console.log(`\napi up at ${api.baseUrl} in ${Date.now() - started} ms (data ${dataDir})`);
}
