import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActivateJobsView, ActivatedJobView, CaseView } from '@banjie/contracts';
import { startTestApi, type TestApi } from '../testing/test-api';

const XML = readFileSync(join(__dirname, 'external-workers/permit-check.bpmn'), 'utf8');
const KEY = 'external-permit-check';
const START = '2026-03-02T01:00:00.000Z';
const JOB_TYPE = 'permit-check';

const later = (ms: number): string => new Date(Date.parse(START) + ms).toISOString();

interface ErrorBody {
  message: string;
  details?: { field?: string; message: string }[];
}

describe('job update and failure variables over HTTP (Zeebe UpdateJobRetries / UpdateJobTimeout, FailJob variables)', () => {
  let api: TestApi;
  let worker: string;
  let clerk: string;
  let admin: string;
  let leader: string;

  beforeAll(async () => {
    api = await startTestApi({ BANJIE_CLOCK: 'manual' });
    admin = await api.login('admin');
    await setClock(START);
    worker = await api.login('lf-designer');
    clerk = await api.login('lf-clerk');
    leader = await api.login('lf-leader');
    const deployed = await api.call('POST', '/api/definitions?zoneId=lf', { token: worker, body: { xml: XML } });
    expect([200, 201]).toContain(deployed.status);
  });

  afterAll(() => api.stop({ removeData: true }));

  async function setClock(now: string): Promise<void> {
    expect((await api.call('POST', '/api/admin/clock', { token: admin, body: { now } })).status).toBe(200);
  }

  async function startCase(permitNo: string): Promise<string> {
    const started = await api.call<CaseView>('POST', '/api/cases', { token: clerk, body: { definitionKey: KEY, variables: { permitNo } } });
    expect(started.status).toBe(201);
    return started.body.id;
  }

  /** Activates the case's ready permit-check jobs at once (no long poll). */
  async function activate(caseId: string, name = 'permit-service', timeout = 60_000): Promise<ActivatedJobView[]> {
    const answer = await api.call<ActivateJobsView>('POST', '/api/jobs/activate', { token: worker, body: { type: JOB_TYPE, maxJobs: 50, timeout, worker: name, requestTimeout: 0 } });
    expect(answer.status).toBe(200);
    return answer.body.jobs.filter((j) => j.caseId === caseId);
  }

  const patch = <T = CaseView>(jobKey: string, body: unknown, token = worker) => api.call<T>('PATCH', `/api/jobs/${jobKey}`, { token, body });

  it('new retries for a job held by its incident: resolving the incident gives the job back with them', async () => {
    // given
    await setClock(START);
    const caseId = await startCase('LF-U-001');
    const [job] = await activate(caseId);
    const failed = await api.call<CaseView>('POST', `/api/jobs/${job.jobKey}/fail`, { token: worker, body: { retries: 0, errorMessage: '证照库不可用' } });
    const [incident] = failed.body.incidents;

    // when
    const updated = await patch(job.jobKey, { changeset: { retries: 5 } });
    const resolved = await api.call<CaseView>('POST', `/api/incidents/${incident.id}/resolve`, { token: leader });
    const again = await activate(caseId);

    // then
    expect(updated.status).toBe(200);
    expect(updated.body.incidents).toEqual([expect.objectContaining({ id: incident.id })]);
    expect(resolved.status).toBe(200);
    expect(resolved.body.incidents).toEqual([]);
    expect(again).toEqual([expect.objectContaining({ jobKey: job.jobKey, retries: 5 })]);
  });

  it('new retries for an open job are what the next activation hands out', async () => {
    // given
    await setClock(START);
    const caseId = await startCase('LF-U-002');
    const [job] = await activate(caseId);
    await api.call('POST', `/api/jobs/${job.jobKey}/fail`, { token: worker, body: { retries: 1, errorMessage: '超时' } });

    // when
    const updated = await patch(job.jobKey, { changeset: { retries: 9 } });
    const again = await activate(caseId);

    // then
    expect(updated.status).toBe(200);
    expect(again).toEqual([expect.objectContaining({ jobKey: job.jobKey, retries: 9 })]);
  });

  it('a new timeout keeps an activated job from other workers until now + timeout', async () => {
    // given
    await setClock(START);
    const caseId = await startCase('LF-U-003');
    const [job] = await activate(caseId, 'slow-worker', 10_000);

    // when
    const updated = await patch(job.jobKey, { changeset: { timeout: 600_000 } });
    await setClock(later(60_000));
    const duringLease = await activate(caseId, 'other-worker');
    await setClock(later(600_000));
    const afterLease = await activate(caseId, 'other-worker');

    // then
    expect(job.deadline).toBe(later(10_000));
    expect(updated.status).toBe(200);
    expect(duringLease).toEqual([]);
    expect(afterLease).toEqual([expect.objectContaining({ jobKey: job.jobKey, worker: 'other-worker' })]);
  });

  it('bad changesets are 400 naming the field; a timeout for a job no worker holds is 409; unknown and foreign jobs 404', async () => {
    // given
    await setClock(START);
    const caseId = await startCase('LF-U-004');
    const [job] = await activate(caseId, 'permit-service', 1_000);
    await setClock(later(5_000));
    const otherZone = await api.login('cz-designer');

    // when
    const noChangeset = await patch<ErrorBody>(job.jobKey, {});
    const empty = await patch<ErrorBody>(job.jobKey, { changeset: {} });
    const zeroRetries = await patch<ErrorBody>(job.jobKey, { changeset: { retries: 0 } });
    const badTimeout = await patch<ErrorBody>(job.jobKey, { changeset: { timeout: 'soon' } });
    const unknownField = await patch<ErrorBody>(job.jobKey, { changeset: { retries: 2, priority: 5 } });
    const lapsed = await patch<ErrorBody>(job.jobKey, { changeset: { timeout: 60_000 } });
    const unknown = await patch<ErrorBody>('no-such-job', { changeset: { retries: 2 } });
    const foreign = await patch<ErrorBody>(job.jobKey, { changeset: { retries: 2 } }, otherZone);
    const applicant = await patch<ErrorBody>(job.jobKey, { changeset: { retries: 2 } }, await api.login('lf-applicant'));

    // then
    expect([noChangeset.status, noChangeset.body.details?.[0]?.field]).toEqual([400, 'changeset']);
    expect([empty.status, empty.body.details?.[0]?.field]).toEqual([400, 'changeset']);
    expect([zeroRetries.status, zeroRetries.body.details?.[0]?.field]).toEqual([400, 'changeset.retries']);
    expect([badTimeout.status, badTimeout.body.details?.[0]?.field]).toEqual([400, 'changeset.timeout']);
    expect([unknownField.status, unknownField.body.message]).toEqual([400, expect.stringContaining('priority')]);
    expect([lapsed.status, lapsed.body.message]).toEqual([409, expect.stringContaining('not active')]);
    expect(unknown.status).toBe(404);
    expect(foreign.status).toBe(404);
    expect(applicant.status).toBe(403);
  });

  it('variables of a failure are set local to the task: the next activation sees them, the case does not', async () => {
    // given
    await setClock(START);
    const caseId = await startCase('LF-U-005');
    const [job] = await activate(caseId);

    // when
    const failed = await api.call<CaseView>('POST', `/api/jobs/${job.jobKey}/fail`, { token: worker, body: { retries: 1, errorMessage: '第一次失败', variables: { attempt: 1, lastError: 'timeout' } } });
    const [again] = await activate(caseId);
    const badVariables = await api.call<ErrorBody>('POST', `/api/jobs/${job.jobKey}/fail`, { token: worker, body: { retries: 1, errorMessage: 'x', variables: ['not', 'an', 'object'] } });

    // then
    expect(failed.status).toBe(200);
    expect(failed.body.variables).toEqual({ permitNo: 'LF-U-005' });
    expect(again.variables).toEqual({ permitNo: 'LF-U-005', attempt: 1, lastError: 'timeout' });
    expect([badVariables.status, badVariables.body.details?.[0]?.field]).toEqual([400, 'variables']);
  });
});

describe('an external worker over plain HTTP: long poll, fail with back-off, then a BPMN error a boundary catches', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ BANJIE_CLOCK: 'manual' });
    const admin = await api.login('admin');
    expect((await api.call('POST', '/api/admin/clock', { token: admin, body: { now: START } })).status).toBe(200);
    const designer = await api.login('lf-designer');
    expect([200, 201]).toContain((await api.call('POST', '/api/definitions?zoneId=lf', { token: designer, body: { xml: XML } })).status);
  });

  afterAll(() => api.stop({ removeData: true }));

  /** What a worker in any language does: a JSON POST with its bearer token, nothing of the api's test client. */
  async function post<T>(path: string, token: string, body: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${api.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as T };
  }

  it('the worker waits for the job, fails it once with a back-off, gets it again after the back-off, then throws REFUSED', async () => {
    // given: the worker signs in and starts to wait before any case exists
    const login = await post<{ accessToken: string }>('/api/auth/login', '', { username: 'lf-designer', password: 'banjie' });
    const token = login.body.accessToken;
    const activation = { type: JOB_TYPE, maxJobs: 1, timeout: 300_000, worker: 'permit-registry-adapter', requestTimeout: 20_000 };
    const firstPoll = post<ActivateJobsView>('/api/jobs/activate', token, activation);
    const clerk = await api.login('lf-clerk');
    const started = await api.call<CaseView>('POST', '/api/cases', { token: clerk, body: { definitionKey: KEY, variables: { permitNo: 'LF-W-001' } } });

    // when: the registry is down, so the worker fails the job with one retry left and a minute's back-off
    const first = await firstPoll;
    const [job] = first.body.jobs;
    const failed = await post<CaseView>(`/api/jobs/${job.jobKey}/fail`, token, { retries: job.retries - 1, errorMessage: '证照库超时 registry timeout', retryBackOff: 60_000, variables: { attempts: 1 } });
    const duringBackOff = await post<ActivateJobsView>('/api/jobs/activate', token, { ...activation, requestTimeout: 0 });
    const secondPoll = post<ActivateJobsView>('/api/jobs/activate', token, activation);
    const admin = await api.login('admin');
    await api.call('POST', '/api/admin/clock', { token: admin, body: { now: later(60_000) } });
    const second = await secondPoll;
    const [retried] = second.body.jobs;
    // the registry answers: the permit was revoked, a business error the model catches
    const thrown = await post<CaseView>(`/api/jobs/${retried.jobKey}/error`, token, { errorCode: 'REFUSED', errorMessage: '证照已吊销 permit revoked', variables: { refusal: 'revoked' } });

    // then
    expect(login.status).toBe(200);
    expect(first.status).toBe(200);
    expect(job).toMatchObject({ caseId: started.body.id, elementId: 'check', retries: 2, worker: 'permit-registry-adapter', variables: { permitNo: 'LF-W-001' } });
    expect(failed.status).toBe(200);
    expect(failed.body.incidents).toEqual([]);
    expect(duringBackOff.body.jobs).toEqual([]);
    expect(second.status).toBe(200);
    expect(retried).toMatchObject({ jobKey: job.jobKey, retries: 1, variables: { permitNo: 'LF-W-001', attempts: 1 } });
    expect(thrown.status).toBe(200);
    expect(thrown.body.tasks).toEqual([expect.objectContaining({ elementId: 'notify-refusal' })]);
    expect(thrown.body.variables).toEqual({ permitNo: 'LF-W-001', refusal: 'revoked' });
    expect(thrown.body.incidents).toEqual([]);
  });
});
