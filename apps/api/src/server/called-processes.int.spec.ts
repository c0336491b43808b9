import { createMemoryEventStore } from '@banjie/event-store';
import { filledLikeTheE2e, type FilledFormField } from '@banjie/engine/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RestartableApi, type Client } from '../testing/api-process';
import { eventually, startTestApi } from '../testing/test-api';

/** The zones' flows: Taigu's zero approval calls its standard approval when a project does not qualify. */
const ZONE_FLOW_DIR = resolve(__dirname, '../../../../bpmn');
const MONDAY_MORNING = '2026-03-02T01:00:00Z';

interface CaseBody {
  id: string;
  status: string;
  variables: Record<string, unknown>;
  tasks: { id: string; elementId: string; formId?: string; limitWorkingDays?: number }[];
  incidents: { elementId: string; message: string }[];
  active: { elementId: string }[];
}

/** A task's form filled as the browser e2e fills it (the happy way), with `overrides`. */
function filled(formId: string | undefined, overrides: Record<string, unknown>): Record<string, unknown> {
  const form = formId ? (JSON.parse(readFileSync(join(ZONE_FLOW_DIR, 'forms', `${formId}.form`), 'utf8')) as { components?: FilledFormField[] }) : undefined;
  return { ...filledLikeTheE2e(form), ...overrides };
}

/** The case as a Taigu clerk sees it once a task is open at `elementId` (workers and read models follow shortly). */
async function caseWithTask(api: Client, caseId: string, elementId: string): Promise<CaseBody> {
  const token = await api.login('tg-clerk');
  const answer = await eventually(
    () => api.call<CaseBody>('GET', `/api/cases/${caseId}`, { token }),
    (a) => a.body.tasks?.some((t) => t.elementId === elementId) || a.body.incidents?.length > 0,
  );
  return answer.body;
}

/** Claims and completes the open task at `elementId` as `user`, with its form filled; answers the case as the command left it. */
async function work(api: Client, caseId: string, elementId: string, user: string, overrides: Record<string, unknown> = {}): Promise<CaseBody> {
  const task = (await caseWithTask(api, caseId, elementId)).tasks.find((t) => t.elementId === elementId);
  if (!task) throw new Error(`no task at ${elementId} in case ${caseId}`);
  const token = await api.login(user);
  const claimed = await api.call('POST', `/api/tasks/${task.id}/claim`, { token });
  expect([elementId, claimed.status]).toEqual([elementId, 200]);
  const done = await api.call<CaseBody>('POST', `/api/tasks/${task.id}/complete`, { token, body: { variables: filled(task.formId, overrides) } });
  expect([elementId, done.status]).toEqual([elementId, 200]);
  return done.body;
}

/** Starts a Taigu zero-approval case and works it up to the qualification, the step before the call. */
async function caseAtQualification(api: Client, businessKey: string): Promise<string> {
  const started = await api.call<CaseBody>('POST', '/api/cases', { token: await api.login('tg-clerk'), body: { definitionKey: 'taigu-zero-approval', businessKey } });
  expect(started.status).toBe(201);
  await work(api, started.body.id, 'Task_ENotice', 'tg-clerk');
  await caseWithTask(api, started.body.id, 'Task_Qualification');
  return started.body.id;
}

const NOT_QUALIFIED = { exclusion: 'negative-list' };
const elementIds = (view: CaseBody) => view.tasks.map((t) => t.elementId).sort();

async function setClock(api: Client, now: string): Promise<void> {
  expect((await api.call('POST', '/api/admin/clock', { token: await api.login('admin'), body: { now } })).status).toBe(200);
}

describe('Taigu: a project that does not qualify goes to the standard approval, a called process', () => {
  it('reaches the first task of the called process, runs it, and comes back to the evaluation', async () => {
    // given a fresh api that deployed the zones' flows and never ran the standard approval
    const api = await startTestApi({ BANJIE_BPMN_DIR: ZONE_FLOW_DIR, BANJIE_CLOCK: 'manual' });
    try {
      await setClock(api, MONDAY_MORNING);
      const caseId = await caseAtQualification(api, 'TG-2026-011');

      // when the qualification finds the project on the negative list
      const called = await work(api, caseId, 'Task_Qualification', 'tg-clerk', NOT_QUALIFIED);

      // then the case waits in the called process's first task, with no incident
      expect(called.incidents).toEqual([]);
      expect(called.active.map((a) => a.elementId)).toContain('CallActivity_StandardApproval');
      expect(called.tasks).toEqual([expect.objectContaining({ elementId: 'Task_WindowAccept', formId: 'tg-std-accept', limitWorkingDays: 1 })]);
      const events = (await api.call('GET', `/api/cases/${caseId}/events`, { token: await api.login('tg-clerk') })).body as { type: string; data: Record<string, unknown> }[];
      expect(events.filter((e) => e.type === 'CalledProcessStarted').map((e) => e.data)).toEqual([expect.objectContaining({ processId: 'taigu-standard-approval', version: 1 })]);

      // and the child's task is checked against its own form (in the called definition)
      const clerk = await api.login('tg-clerk');
      const accept = called.tasks[0];
      await api.call('POST', `/api/tasks/${accept.id}/claim`, { token: clerk });
      const misfit = await api.call('POST', `/api/tasks/${accept.id}/complete`, { token: clerk, body: { variables: { accepted: 'yes' } } });
      expect(misfit.status).toBe(422);
      expect(JSON.stringify(misfit.body)).toContain('accepted');

      // and when the standard approval is worked, the case comes back to the evaluation and ends
      await work(api, caseId, 'Task_WindowAccept', 'tg-clerk');
      await work(api, caseId, 'Task_PlanningReview', 'tg-clerk');
      await work(api, caseId, 'Task_EnvironmentReview', 'tg-clerk');
      await work(api, caseId, 'Task_LeaderSignOff', 'tg-leader');
      const ended = await work(api, caseId, 'Task_Evaluation', 'tg-clerk');
      expect(ended.incidents).toEqual([]);
      expect(ended.status).toBe('completed');
      expect(ended.variables).toMatchObject({ exclusion: 'negative-list', approved: true, certificateIssued: true });
    } finally {
      await api.stop({ removeData: true });
    }
  }, 120_000);

  describe('across restarts of the api process', () => {
    let dataDir: string;
    let api: RestartableApi;

    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'banjie-called-'));
      api = new RestartableApi(dataDir, { BANJIE_BPMN_DIR: ZONE_FLOW_DIR });
    });

    afterAll(async () => {
      await api.kill();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const startApiProcess = (now: string): Promise<Client> => api.start(now);
    const killApiProcess = (): Promise<void> => api.kill();

    it('a case killed just before the call reaches the called process after the restart, and goes on in it after another', async () => {
      // given a case waiting at the qualification when the api is killed without warning
      const first = await startApiProcess(MONDAY_MORNING);
      const caseId = await caseAtQualification(first, 'TG-2026-012');
      await killApiProcess();

      // when a new api process completes the step that leads into the call
      const second = await startApiProcess('2026-03-02T02:00:00Z');
      const called = await work(second, caseId, 'Task_Qualification', 'tg-clerk', NOT_QUALIFIED);

      // then the called process's first task appears, with no incident
      expect(called.incidents).toEqual([]);
      expect(elementIds(called)).toEqual(['Task_WindowAccept']);
      expect((await caseWithTask(second, caseId, 'Task_WindowAccept')).incidents).toEqual([]);

      // and when the api is killed again and the next process works the called process's first task
      await killApiProcess();
      const third = await startApiProcess('2026-03-02T03:00:00Z');
      const reviews = await work(third, caseId, 'Task_WindowAccept', 'tg-clerk');

      // then the called process goes on, on the version it was called with
      expect(reviews.incidents).toEqual([]);
      expect(elementIds(reviews)).toEqual(['Task_EnvironmentReview', 'Task_PlanningReview']);
    }, 180_000);
  });

  it('a second api on the same store, which deployed no flow itself, resolves the called process', async () => {
    // given an api started on a store before another one deployed the zones' flows there
    const store = createMemoryEventStore();
    const second = await startTestApi({ BANJIE_BPMN_DIR: join(tmpdir(), 'banjie-no-flows'), BANJIE_CLOCK: 'manual', BANJIE_STORE: 'memory' }, undefined, store);
    const first = await startTestApi({ BANJIE_BPMN_DIR: ZONE_FLOW_DIR, BANJIE_CLOCK: 'manual', BANJIE_STORE: 'memory' }, undefined, store);
    try {
      expect(second.running.deployments).toEqual([]);
      expect(first.running.deployments.filter((d) => d.zoneId === 'tg').map((d) => [d.key, d.outcome])).toEqual([
        ['taigu-standard-approval', 'deployed'],
        ['taigu-zero-approval', 'deployed'],
      ]);
      await setClock(second, MONDAY_MORNING);
      const caseId = await caseAtQualification(second, 'TG-2026-013');

      // when the second api completes the step that leads into the call
      const called = await work(second, caseId, 'Task_Qualification', 'tg-clerk', NOT_QUALIFIED);

      // then
      expect(called.incidents).toEqual([]);
      expect(elementIds(called)).toEqual(['Task_WindowAccept']);
      expect(elementIds(await caseWithTask(first, caseId, 'Task_WindowAccept'))).toEqual(['Task_WindowAccept']);
    } finally {
      await first.stop({ removeData: true });
      await second.stop({ removeData: true });
      await store.close();
    }
  }, 120_000);
});
