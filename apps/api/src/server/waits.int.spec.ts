import { resolve } from 'node:path';
import { FIXTURE_BPMN_DIR, startTestApi, type TestApi } from '../testing/test-api';

const WAITS_BPMN_DIR = resolve(FIXTURE_BPMN_DIR, '../waits-bpmn');

describe('messages and timers, with the manual clock', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ BANJIE_BPMN_DIR: WAITS_BPMN_DIR, BANJIE_CLOCK: 'manual' });
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  it('delivers a message to the waiting case, then fires its timer when the clock moves', async () => {
    // given a case waiting for a supplement
    const applicant = await api.login('lf-applicant');
    const admin = await api.login('admin');
    const started = await api.call('POST', '/api/cases', { token: applicant, body: { definitionKey: 'api-fixture-supplement', variables: { applicationNo: 'LF-W-1' } } });
    expect(started.body.active.map((a: { elementId: string }) => a.elementId)).toEqual(['Wait_Supplement']);

    // when the supplement arrives
    const delivered = await api.call('POST', '/api/messages', { token: applicant, body: { name: 'SupplementReceived', correlationKey: 'LF-W-1', variables: { supplied: true } } });

    // then the case waits for its timer
    expect(delivered.status).toBe(200);
    expect(delivered.body).toEqual({ caseIds: [started.body.id] });
    const waiting = await api.call('GET', `/api/cases/${started.body.id}`, { token: applicant });
    expect(waiting.body.variables).toMatchObject({ supplied: true });
    expect(waiting.body.timers).toHaveLength(1);
    const dueAt = waiting.body.timers[0].dueAt as string;

    // when the clock stops just short of the timer, nothing fires
    const early = await api.call('POST', '/api/admin/clock', { token: admin, body: { now: new Date(Date.parse(dueAt) - 1000).toISOString() } });
    expect(early.body.firedTimers).toBe(0);

    // when the clock passes it
    const moved = await api.call('POST', '/api/admin/clock', { token: admin, body: { now: new Date(Date.parse(dueAt) + 1000).toISOString() } });

    // then the timer fires at once and the case ends
    expect(moved.status).toBe(200);
    expect(moved.body.firedTimers).toBe(1);
    const ended = await api.call('GET', `/api/cases/${started.body.id}`, { token: applicant });
    expect(ended.body.status).toBe('completed');
    expect((await api.call('GET', '/api/health')).body.clock).toEqual({ mode: 'manual', now: new Date(Date.parse(dueAt) + 1000).toISOString() });
  });

  it('answers 404 to a message nobody waits for, also once it was delivered', async () => {
    // given
    const applicant = await api.login('lf-applicant');

    // when
    const again = await api.call('POST', '/api/messages', { token: applicant, body: { name: 'SupplementReceived', correlationKey: 'LF-W-1' } });

    // then
    expect(again.status).toBe(404);
  });

  it('starts a case of a definition that begins with the message', async () => {
    // given
    const clerk = await api.login('lf-clerk');

    // when
    const filed = await api.call('POST', '/api/messages', { token: clerk, body: { name: 'ApplicationFiled', correlationKey: 'LF-M-1', variables: { project: '晋南新材料' } } });

    // then
    expect(filed.status).toBe(200);
    expect(filed.body.caseIds).toHaveLength(1);
    const view = await api.call('GET', `/api/cases/${filed.body.caseIds[0]}`, { token: clerk });
    expect(view.body).toMatchObject({ definitionKey: 'api-fixture-filing', businessKey: 'LF-M-1', variables: { project: '晋南新材料' } });
    expect(view.body.tasks.map((t: { elementId: string }) => t.elementId)).toEqual(['Task_Review']);
  });

  it('refuses the clock to anyone but the admin', async () => {
    // when
    const answer = await api.call('POST', '/api/admin/clock', { token: await api.login('lf-clerk'), body: { now: '2027-01-01T00:00:00Z' } });

    // then
    expect(answer.status).toBe(403);
  });
});
