import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { caseStreamName } from '@banjie/engine';
import { spawnApi, type ApiProcess } from '../testing/api-process';
import { FIXTURE_BPMN_DIR, apiClient, eventually, type Answer } from '../testing/test-api';

const WORKSPACE = resolve(__dirname, '../../../..');
const KEY = 'api-fixture-approval';
const WINDOW_CHECK = { applicantName: '晋南新材料', complete: true, tier: '2' };

/**
 * One HTTP call on a connection of its own: node:cluster hands each new connection to the next
 * worker in turn, so calls made this way are spread over both workers (a kept-alive connection
 * would stay with one).
 */
function fresh<T>(url: string, method: string, path: string, token?: string, body?: unknown): Promise<Answer<T>> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((done, fail) => {
    const call = request(
      `${url}${path}`,
      { method, agent: false, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(text ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } : {}) } },
      (response) => {
        let answer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (answer += chunk));
        response.on('end', () => done({ status: response.statusCode ?? 0, body: (answer ? JSON.parse(answer) : undefined) as T, headers: new Headers() }));
        response.on('error', fail);
      },
    );
    call.on('error', fail);
    // A connection handed to a worker that is killed before it reads it is never answered.
    call.setTimeout(15_000, () => call.destroy(new Error(`no answer to ${method} ${path} within 15 s`)));
    call.end(text);
  });
}

/** The api's worker processes: the children of the primary. */
function workerPids(primary: number): number[] {
  return execFileSync('pgrep', ['-P', String(primary)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
}

/** `npm run verify -- --data <dir>`: its exit code, its lines and its last line. */
function verify(dataDir: string): { code: number | null; lines: string[]; summary: string } {
  const run = spawnSync('npx', ['tsx', '--tsconfig', 'tools/verify/tsconfig.json', 'tools/verify/verify.ts', '--data', dataDir], { cwd: WORKSPACE, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = run.stdout.trim().split('\n');
  return { code: run.status, lines, summary: lines.at(-1) ?? run.stderr };
}

/**
 * `BANJIE_WORKERS=2` over one SQLite store, the primary its only writer (single-writer.ts,
 * docs/architecture.md "Replicas over one SQLite store"): `node main.js` as a user starts it.
 */
describe('two api workers with one writer (BANJIE_WORKERS=2)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'banjie-single-writer-'));
  const faultFile = join(dataDir, 'fault');
  let api: ApiProcess;
  let url: string;
  let applicant: string;
  let clerk: string;

  beforeAll(async () => {
    api = await spawnApi({
      BANJIE_WORKERS: '2',
      BANJIE_DATA_DIR: dataDir,
      PORT: '0',
      BANJIE_BPMN_DIR: FIXTURE_BPMN_DIR,
      BANJIE_WEB_DIR: join(dataDir, 'no-web-build'),
      BANJIE_FAULT_INJECT: faultFile,
    });
    url = api.url!;
    const client = apiClient(url);
    applicant = await client.login('lf-applicant');
    clerk = await client.login('lf-clerk');
  }, 180_000);

  afterAll(async () => {
    if (api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function startCase(businessKey: string): Promise<{ caseId: string; taskId: string }> {
    const started = await fresh<{ id: string; tasks: { id: string }[] }>(url, 'POST', '/api/cases', applicant, { definitionKey: KEY, version: 1, businessKey, variables: { project: '晋南新材料' } });
    if (started.status !== 201) throw new Error(`starting ${businessKey} answered ${started.status} ${JSON.stringify(started.body)}`);
    return { caseId: started.body.id, taskId: started.body.tasks[0].id };
  }

  /**
   * Waits until both workers' read models stand at the same position (four health answers over
   * fresh connections agree): a worker learns of the other's writes within its poll interval, and
   * finds a task through its own inbox.
   */
  async function settled(): Promise<void> {
    const positions = () => Promise.all(Array.from({ length: 4 }, async () => (await fresh<{ projections: { position: string | null } }>(url, 'GET', '/api/health')).body.projections.position));
    const agreed = await eventually(positions, (all) => new Set(all).size === 1, 10_000);
    expect(new Set(agreed).size).toBe(1);
  }

  async function claimed(businessKeys: string[]): Promise<{ caseId: string; taskId: string }[]> {
    const cases = [];
    for (const businessKey of businessKeys) cases.push(await startCase(businessKey));
    await settled();
    for (const { taskId } of cases) {
      const claim = await fresh(url, 'POST', `/api/tasks/${taskId}/claim`, clerk);
      if (claim.status !== 200) throw new Error(`claiming ${taskId} answered ${claim.status}`);
    }
    await settled();
    return cases;
  }

  it('runs the workers as children of the primary', () => {
    expect(workerPids(api.child.pid!)).toHaveLength(2);
  });

  it('lets exactly one of two concurrent completions of one task win: one 200, one 409', async () => {
    // given a claimed task
    const [{ caseId, taskId }] = await claimed(['LF-SW-001']);

    // when the clerk completes it twice at once, on two connections (so on both workers)
    const answers = await Promise.all([0, 1].map(() => fresh<{ error?: string }>(url, 'POST', `/api/tasks/${taskId}/complete`, clerk, { variables: WINDOW_CHECK })));

    // then one wins and the other is told the task is no longer open
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body.error).toBe('conflict');
    const history = await fresh<{ type: string }[]>(url, 'GET', `/api/cases/${caseId}/events`, clerk);
    expect(history.body.filter((e) => e.type === 'TaskCompleted')).toHaveLength(1);
  }, 60_000);

  it('completes tasks through both workers at once', async () => {
    // given twelve claimed tasks
    const cases = await claimed(Array.from({ length: 12 }, (_, i) => `LF-SW-BOTH-${i}`));

    // when they are completed all at once, each on a connection of its own
    const answers = await Promise.all(cases.map(({ taskId }) => fresh(url, 'POST', `/api/tasks/${taskId}/complete`, clerk, { variables: WINDOW_CHECK })));

    // then every completion is acknowledged and in its case's history, read on any worker
    expect(answers.map((a) => a.status)).toEqual(cases.map(() => 200));
    for (const { caseId } of cases) {
      const history = await fresh<{ type: string }[]>(url, 'GET', `/api/cases/${caseId}/events`, clerk);
      expect(history.body.filter((e) => e.type === 'TaskCompleted')).toHaveLength(1);
    }
  }, 90_000);

  it('reports the writer’s failing writes on every worker, and their recovery', async () => {
    // given a disk whose fsync fails
    writeFileSync(faultFile, 'eio');
    const refused = await fresh<{ error: string }>(url, 'POST', '/api/cases', applicant, { definitionKey: KEY, version: 1, businessKey: 'LF-SW-EIO', variables: {} });
    expect(refused.status).toBe(503);

    // when /api/health is asked on six connections (both workers, in turn)
    const health = () => Promise.all(Array.from({ length: 6 }, () => fresh<{ status: string; storeWrites: { ok: boolean } }>(url, 'GET', '/api/health')));
    const failing = await health();

    // then every answer says the store cannot write
    expect(failing.map((h) => [h.body.status, h.body.storeWrites.ok])).toEqual(failing.map(() => ['degraded', false]));

    // and once the disk is back and an append went through, every answer says ok again
    writeFileSync(faultFile, '');
    await startCase('LF-SW-EIO');
    const recovered = await health();
    expect(recovered.map((h) => [h.body.status, h.body.storeWrites.ok])).toEqual(recovered.map(() => ['ok', true]));
  }, 60_000);

  it('loses no acknowledged command when a worker is SIGKILLed mid-load, and every hash chain stays intact', async () => {
    // given case starts running on both workers, eight at a time
    const acknowledged: string[] = [];
    let next = 0;
    const lane = async () => {
      while (next < 60) {
        const i = next++;
        try {
          const answer = await fresh<{ id: string }>(url, 'POST', '/api/cases', applicant, { definitionKey: KEY, version: 1, businessKey: `LF-SW-KILL-${i}`, variables: {} });
          if (answer.status === 201) acknowledged.push(answer.body.id);
        } catch {
          // the connection died with the worker: not acknowledged
        }
      }
    };
    const lanes = Array.from({ length: 8 }, lane);

    // when one worker is killed without warning while they run
    await eventually(async () => acknowledged.length, (n) => n >= 8, 30_000);
    const [victim] = workerPids(api.child.pid!);
    process.kill(victim, 'SIGKILL');
    await Promise.all(lanes);

    // then the primary forked a new worker, and every case acknowledged is served
    expect(acknowledged.length).toBeGreaterThanOrEqual(8);
    await eventually(async () => workerPids(api.child.pid!), (pids) => pids.length === 2 && !pids.includes(victim), 30_000);
    const leader = await apiClient(url).login('lf-leader');
    for (const id of acknowledged) {
      const found = await eventually(() => fresh(url, 'GET', `/api/cases/${id}`, leader), (a) => a.status === 200, 10_000);
      expect(found.status).toBe(200);
    }

    // and after a graceful stop the offline verifier finds every chain intact
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    const verified = verify(dataDir);
    expect(verified.summary).toMatch(/^完整 intact: \d+ stream\(s\) verified$/);
    expect(verified.code).toBe(0);
    for (const id of acknowledged) expect(verified.lines.some((line) => line.startsWith(`完整 intact  ${caseStreamName(id)}: `))).toBe(true);
  }, 180_000);
});
