import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../testing/test-api';

const XML = readFileSync(join(__dirname, 'external-workers/permit-check.bpmn'), 'utf8');
const KEY = 'external-permit-check';
const START = '2026-03-02T01:00:00.000Z';

interface ActivatedJob {
  jobKey: string;
  type: string;
  caseId: string;
  elementId: string;
  worker: string;
  retries: number;
  deadline: string;
  variables: Record<string, unknown>;
}

interface CaseBody {
  id: string;
  status: string;
  variables: Record<string, unknown>;
  tasks: { elementId: string }[];
  incidents: { id: string; elementId: string; message: string }[];
  completed: { elementId: string; count: number }[];
}

describe('external job workers over HTTP (Zeebe job protocol)', () => {
  let api: TestApi;
  let worker: string;
  let clerk: string;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi({ BANJIE_CLOCK: 'manual' });
    admin = await api.login('admin');
    expect((await api.call('POST', '/api/admin/clock', { token: admin, body: { now: START } })).status).toBe(200);
    worker = await api.login('lf-designer');
    clerk = await api.login('lf-clerk');
    const deployed = await api.call('POST', '/api/definitions?zoneId=lf', { token: worker, body: { xml: XML } });
    expect([200, 201]).toContain(deployed.status);
  });

  afterAll(() => api.stop({ removeData: true }));

  async function startCase(variables: Record<string, unknown>): Promise<string> {
    const started = await api.call<CaseBody>('POST', '/api/cases', { token: clerk, body: { definitionKey: KEY, variables } });
    expect(started.status).toBe(201);
    return started.body.id;
  }

  /** Activates every ready permit-check job of the case (answering at once). */
  async function activate(caseId: string, token = worker): Promise<ActivatedJob[]> {
    const answer = await api.call<{ jobs: ActivatedJob[] }>('POST', '/api/jobs/activate', { token, body: { type: 'permit-check', maxJobs: 50, timeout: 60_000, worker: 'permit-service', requestTimeout: 0 } });
    expect(answer.status).toBe(200);
    return answer.body.jobs.filter((j) => j.caseId === caseId);
  }

  const getCase = async (caseId: string) => (await api.call<CaseBody>('GET', `/api/cases/${caseId}`, { token: clerk })).body;

  it('a worker activates a job with the case variables and completes it; the case goes on', async () => {
    // given
    const caseId = await startCase({ permitNo: 'LF-P-001' });

    // when
    const [job] = await activate(caseId);
    const again = await activate(caseId);
    const completed = await api.call<CaseBody>('POST', `/api/jobs/${job.jobKey}/complete`, { token: worker, body: { variables: { permitValid: true } } });

    // then
    expect(job).toMatchObject({ type: 'permit-check', elementId: 'check', worker: 'permit-service', retries: 2, variables: { permitNo: 'LF-P-001' } });
    expect(again).toEqual([]);
    expect(completed.status).toBe(200);
    expect(completed.body.status).toBe('completed');
    expect(completed.body.variables).toMatchObject({ permitNo: 'LF-P-001', permitValid: true });
  });

  it('a waiting activation (long poll) answers with the job a new case creates', async () => {
    // given
    const waiting = api.call<{ jobs: ActivatedJob[] }>('POST', '/api/jobs/activate', { token: worker, body: { type: 'permit-check', maxJobs: 1, timeout: 60_000, worker: 'poller', requestTimeout: 20_000 } });

    // when
    const caseId = await startCase({ permitNo: 'LF-P-002' });
    const answer = await waiting;

    // then
    expect(answer.status).toBe(200);
    expect(answer.body.jobs).toEqual([expect.objectContaining({ caseId, worker: 'poller', variables: { permitNo: 'LF-P-002' } })]);
  });

  it('a job failed with retries left raises no incident and can be activated again only after its back-off', async () => {
    // given
    const caseId = await startCase({ permitNo: 'LF-P-003' });
    const [job] = await activate(caseId);

    // when
    const failed = await api.call<CaseBody>('POST', `/api/jobs/${job.jobKey}/fail`, { token: worker, body: { retries: 1, errorMessage: '证照库超时', retryBackOff: 60_000 } });
    const duringBackOff = await activate(caseId);
    await api.call('POST', '/api/admin/clock', { token: admin, body: { now: new Date(Date.parse(START) + 60_000).toISOString() } });
    const afterBackOff = await activate(caseId);

    // then
    expect(failed.status).toBe(200);
    expect(failed.body.incidents).toEqual([]);
    expect(duringBackOff).toEqual([]);
    expect(afterBackOff).toEqual([expect.objectContaining({ jobKey: job.jobKey, retries: 1 })]);
  });

  it('a job failed with no retries left raises an incident naming the error; resolving it gives the job back', async () => {
    // given
    const caseId = await startCase({ permitNo: 'LF-P-004' });
    const [job] = await activate(caseId);

    // when
    const failed = await api.call<CaseBody>('POST', `/api/jobs/${job.jobKey}/fail`, { token: worker, body: { retries: 0, errorMessage: '证照库不可用' } });
    const leader = await api.login('lf-leader');
    const resolved = await api.call<CaseBody>('POST', `/api/incidents/${failed.body.incidents[0]?.id}/resolve`, { token: leader });
    const again = await activate(caseId);

    // then
    expect(failed.body.incidents).toEqual([expect.objectContaining({ elementId: 'check', message: expect.stringContaining('证照库不可用') })]);
    expect(resolved.status).toBe(200);
    expect(resolved.body.incidents).toEqual([]);
    expect(again).toEqual([expect.objectContaining({ jobKey: job.jobKey, retries: 1 })]);
  });

  it('a thrown BPMN error takes the error boundary path, with the error variables', async () => {
    // given
    const caseId = await startCase({ permitNo: 'LF-P-005' });
    const [job] = await activate(caseId);

    // when
    const thrown = await api.call<CaseBody>('POST', `/api/jobs/${job.jobKey}/error`, { token: worker, body: { errorCode: 'REFUSED', errorMessage: '证照已吊销', variables: { refusal: 'revoked' } } });

    // then
    expect(thrown.status).toBe(200);
    expect(thrown.body.tasks).toEqual([expect.objectContaining({ elementId: 'notify-refusal' })]);
    expect(thrown.body.variables).toMatchObject({ refusal: 'revoked' });
    expect(thrown.body.incidents).toEqual([]);
  });

  it('an error nothing catches is an "unhandled error" incident', async () => {
    // given
    const caseId = await startCase({ permitNo: 'LF-P-006' });
    const [job] = await activate(caseId);

    // when
    const thrown = await api.call<CaseBody>('POST', `/api/jobs/${job.jobKey}/error`, { token: worker, body: { errorCode: 'NOT_MODELLED' } });

    // then
    expect(thrown.body.incidents).toEqual([expect.objectContaining({ elementId: 'check', message: expect.stringContaining('unhandled error') })]);
    expect((await getCase(caseId)).status).toBe('active');
  });

  it('bad bodies are 400 naming the field; unknown jobs and jobs of another zone are 404; clerks may not activate', async () => {
    // given
    const caseId = await startCase({ permitNo: 'LF-P-007' });
    const [job] = await activate(caseId);
    const otherZone = await api.login('cz-designer');

    // when
    const noType = await api.call('POST', '/api/jobs/activate', { token: worker, body: { maxJobs: 1, timeout: 1000, worker: 'w' } });
    const tooMany = await api.call('POST', '/api/jobs/activate', { token: worker, body: { type: 'permit-check', maxJobs: 100_000, timeout: 1000, worker: 'w' } });
    const negativeRetries = await api.call('POST', `/api/jobs/${job.jobKey}/fail`, { token: worker, body: { retries: -1, errorMessage: 'x' } });
    const noCode = await api.call('POST', `/api/jobs/${job.jobKey}/error`, { token: worker, body: {} });
    const unknown = await api.call('POST', '/api/jobs/no-such-job/fail', { token: worker, body: { retries: 0, errorMessage: 'x' } });
    const foreign = await api.call('POST', `/api/jobs/${job.jobKey}/complete`, { token: otherZone, body: {} });
    const foreignActivation = await activate(caseId, otherZone);
    const clerkActivation = await api.call('POST', '/api/jobs/activate', { token: clerk, body: { type: 'permit-check', maxJobs: 1, timeout: 1000, worker: 'w', requestTimeout: 0 } });

    // then
    expect([noType.status, noType.body.message]).toEqual([400, expect.stringContaining('type')]);
    expect([tooMany.status, tooMany.body.message]).toEqual([400, expect.stringContaining('maxJobs')]);
    expect([negativeRetries.status, negativeRetries.body.message]).toEqual([400, expect.stringContaining('retries')]);
    expect([noCode.status, noCode.body.message]).toEqual([400, expect.stringContaining('errorCode')]);
    expect(unknown.status).toBe(404);
    expect(foreign.status).toBe(404);
    expect(foreignActivation).toEqual([]);
    expect(clerkActivation.status).toBe(403);
  });
});
