import { kurrentDbEventStoreOver, type EventStore } from '@banjie/event-store';
import { FakeKurrentDbClient } from '@banjie/event-store/testing';
import { randomUUID } from 'node:crypto';
import { eventually, startTestApi, type TestApi } from '../testing/test-api';

/**
 * The api on the KurrentDB adapter: read-your-writes with `commit:prepare` positions, and a
 * replica with no read models rebuilding them from `$all`. In CI over the stand-in server; with
 * `KURRENTDB_CONNECTION_STRING` (`npm run test:kurrentdb`) over a real KurrentDB, where every run
 * uses its own business keys because the server is shared.
 */
const connectionString = process.env['KURRENTDB_CONNECTION_STRING'];
const required = process.env['BANJIE_REQUIRE_KURRENTDB'] === '1';
const KEY = 'api-fixture-approval';

interface CaseBody {
  id: string;
  businessKey: string;
  status: string;
  tasks: { id: string; elementId: string }[];
}

/**
 * Opens the api's store: its own KurrentDB client per api (as a replica would), or one over the
 * stand-in server. The client reports a lost race by result (`throwOnAppendFailure=false`, a
 * connection-string option a deployment may set), which the store must not take for a write.
 */
function kurrentDbApi(server: FakeKurrentDbClient | undefined): Promise<TestApi> {
  if (connectionString) {
    const withOption = `${connectionString}${connectionString.includes('?') ? '&' : '?'}throwOnAppendFailure=false`;
    return startTestApi({ BANJIE_STORE: 'kurrentdb', KURRENTDB_CONNECTION_STRING: withOption });
  }
  const store: EventStore = kurrentDbEventStoreOver(server!.asClient(), { pollIntervalMs: 20 });
  return startTestApi({ BANJIE_STORE: 'memory' }, undefined, store);
}

describe(`the api on the KurrentDB store (${connectionString ? 'real server' : required ? 'no server: FAILS' : 'stand-in server'})`, () => {
  // 2 ms per call, as a network round trip: lets two replicas read a case before either appends
  const server = connectionString ? undefined : new FakeKurrentDbClient({ throwOnAppendFailure: false, latencyMs: 2 });
  const businessKey = `KDB-${randomUUID().slice(0, 8)}`;
  let first: TestApi;

  beforeAll(async () => {
    if (required && !connectionString) throw new Error('BANJIE_REQUIRE_KURRENTDB=1 but KURRENTDB_CONNECTION_STRING is not set');
    first = await kurrentDbApi(server);
  });

  afterAll(async () => {
    await first?.stop({ removeData: true });
  });

  it('answers health with the store kind', async () => {
    // when
    const health = await first.call('GET', '/api/health');
    // then
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ store: 'kurrentdb' });
  });

  it('lists what it just wrote: a started case, then its next task, without waiting', async () => {
    // given
    const applicant = await first.login('lf-applicant');
    const clerk = await first.login('lf-clerk');
    // when a case starts
    const started = await first.call<CaseBody>('POST', '/api/cases', { token: applicant, body: { definitionKey: KEY, businessKey, variables: { project: '晋南新材料' } } });
    const listed = await first.call<CaseBody[]>('GET', `/api/cases?businessKey=${businessKey}`, { token: clerk });
    // then the list holds it at once
    expect(started.status).toBe(201);
    expect(listed.body.map((c) => c.id)).toEqual([started.body.id]);
    // when the clerk completes the window check
    const windowTask = started.body.tasks[0].id;
    expect((await first.call('POST', `/api/tasks/${windowTask}/claim`, { token: clerk })).status).toBe(200);
    const done = await first.call<CaseBody>('POST', `/api/tasks/${windowTask}/complete`, { token: clerk, body: { variables: { applicantName: '晋南新材料', complete: true, tier: '2' } } });
    const inbox = await first.call<{ id: string; caseId: string }[]>('GET', '/api/tasks?scope=candidate', { token: clerk });
    // then the completed task has left the clerk's inbox at once
    expect(done.status).toBe(200);
    expect(inbox.body.map((t) => t.id)).not.toContain(windowTask);
    expect(done.body.tasks.map((t) => t.elementId)).not.toContain('Task_WindowCheck');
  });

  it('completes each task once when two replicas race to complete it: one 200, one 409', async () => {
    // given cases waiting at the window check, each claimed by the clerk, and a second replica
    const second = await kurrentDbApi(server);
    const clerk = await first.login('lf-clerk');
    const clerkOnSecond = await second.login('lf-clerk');
    const applicant = await first.login('lf-applicant');
    const cases: { caseId: string; taskId: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const started = await first.call<CaseBody>('POST', '/api/cases', { token: applicant, body: { definitionKey: KEY, businessKey: `${businessKey}-race-${i}` } });
      const taskId = started.body.tasks[0].id;
      expect((await first.call('POST', `/api/tasks/${taskId}/claim`, { token: clerk })).status).toBe(200);
      cases.push({ caseId: started.body.id, taskId });
    }
    await eventually(
      () => second.call<{ id: string }[]>('GET', '/api/tasks?scope=mine&limit=500', { token: clerkOnSecond }),
      (answer) => cases.every((c) => answer.body.some((t) => t.id === c.taskId)),
    );
    // when the clerk's two tabs, served by different replicas, complete each at the same moment
    const body = { variables: { applicantName: '晋南新材料', complete: true, tier: '2' } };
    const answers = await Promise.all(
      cases.map(({ taskId }) =>
        Promise.all([
          first.call('POST', `/api/tasks/${taskId}/complete`, { token: clerk, body }),
          second.call('POST', `/api/tasks/${taskId}/complete`, { token: clerkOnSecond, body }),
        ]),
      ),
    );
    await second.stop({ removeData: true });
    // then exactly one completion of each is recorded
    expect(answers.map((pair) => pair.map((a) => a.status).sort())).toEqual(cases.map(() => [200, 409]));
    for (const { caseId } of cases) {
      const events = await first.call<{ type: string }[]>('GET', `/api/cases/${caseId}/events`, { token: clerk });
      expect(events.body.filter((e) => e.type === 'TaskCompleted')).toHaveLength(1);
    }
  });

  it('a replica without read models rebuilds them from $all and answers the same', async () => {
    // given a second api with an empty data dir on the same store
    const second = await kurrentDbApi(server);
    try {
      const clerk1 = await first.login('lf-clerk');
      const clerk2 = await second.login('lf-clerk');
      // when both are asked for the case
      const fromFirst = await first.call<CaseBody[]>('GET', `/api/cases?businessKey=${businessKey}`, { token: clerk1 });
      const fromSecond = await second.call<CaseBody[]>('GET', `/api/cases?businessKey=${businessKey}`, { token: clerk2 });
      const one = await second.call<CaseBody>('GET', `/api/cases/${fromFirst.body[0].id}`, { token: clerk2 });
      // then the rebuilt read model equals the one that followed the writes
      expect(fromSecond.status).toBe(200);
      expect(fromSecond.body).toEqual(fromFirst.body);
      expect(one.body.tasks.map((t) => t.elementId)).toEqual(fromFirst.body[0].tasks?.map((t) => t.elementId) ?? one.body.tasks.map((t) => t.elementId));
      expect((await second.call('GET', `/api/cases/${fromFirst.body[0].id}/verify`, { token: await second.login('auditor') })).body).toMatchObject({ valid: true });
    } finally {
      await second.stop({ removeData: true });
    }
  });
});
