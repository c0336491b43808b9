import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnApi } from '../testing/api-process';
import { FIXTURE_BPMN_DIR } from '../testing/test-api';

describe('graceful shutdown', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'banjie-shutdown-'));
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finishes the commands in flight on SIGTERM, then exits cleanly with every case stored', async () => {
    // given a running api and a signed-in applicant
    const env = { BANJIE_DATA_DIR: dataDir, PORT: '0', BANJIE_BPMN_DIR: FIXTURE_BPMN_DIR };
    const api = await spawnApi(env);
    const login = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'lf-applicant', password: 'banjie' }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const start = () =>
      fetch(`${api.url}/api/cases`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ definitionKey: 'api-fixture-approval', businessKey: 'SHUTDOWN' }),
      }).then((r) => r.status);

    // when commands are in flight as SIGTERM arrives
    const inFlight = Array.from({ length: 20 }, start);
    await Promise.race(inFlight);
    api.child.kill('SIGTERM');
    const statuses = await Promise.all(inFlight.map((p) => p.catch(() => 'refused')));
    const exitCode = await api.exited;

    // then each command that was accepted completed, and the process exited cleanly
    expect(exitCode).toBe(0);
    expect(statuses.filter((s) => s !== 'refused').every((s) => s === 201)).toBe(true);
    const created = statuses.filter((s) => s === 201).length;
    expect(created).toBeGreaterThan(0);

    // and a restart finds every case it confirmed
    const again = await spawnApi(env);
    try {
      const relogin = await fetch(`${again.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'lf-clerk', password: 'banjie' }) });
      const token = ((await relogin.json()) as { accessToken: string }).accessToken;
      const cases = (await (await fetch(`${again.url}/api/cases?businessKey=SHUTDOWN`, { headers: { Authorization: `Bearer ${token}` } })).json()) as unknown[];
      expect(cases.length).toBeGreaterThanOrEqual(created);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  }, 120_000);
});
