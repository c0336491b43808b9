import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { filledLikeTheE2e, type FilledFormField } from '@banjie/engine/testing';
import { eventually, startTestApi, type TestApi } from '../testing/test-api';

/** The zones' reference flows of the repository, deployed at first start like a real installation. */
const ZONE_FLOW_DIR = resolve(__dirname, '../../../../bpmn');

/** The task's form filled as the browser e2e fills it. */
function filled(formId: string | undefined): Record<string, unknown> {
  if (!formId) return {};
  return filledLikeTheE2e(JSON.parse(readFileSync(join(ZONE_FLOW_DIR, 'forms', `${formId}.form`), 'utf8')) as { components?: FilledFormField[] });
}

describe('the zone flows of bpmn/ in the api', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ BANJIE_BPMN_DIR: ZONE_FLOW_DIR });
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  /**
   * Works a case as the demo users would: each open task by a user of its groups (or its
   * assignee), claimed then completed with its form filled; service tasks are left to the
   * api's in-process workers. Returns the case once it has ended, and the elements worked.
   */
  async function workToEnd(caseId: string, usersByGroup: Record<string, string>): Promise<{ view: { status: string; variables: Record<string, unknown>; completed: { elementId: string }[] }; worked: string[] }> {
    const worked: string[] = [];
    const reader = await api.login(Object.values(usersByGroup)[0]);
    for (let step = 0; step < 40; step++) {
      const view = (
        await eventually(
          () => api.call('GET', `/api/cases/${caseId}`, { token: reader }),
          (a) => a.body.status !== 'active' || a.body.tasks.length > 0,
        )
      ).body;
      if (view.status !== 'active') return { view, worked };
      expect(view.incidents).toEqual([]);
      const task = view.tasks[0] as { id: string; elementId: string; assignee?: string; candidateGroups: string[]; formId?: string };
      const user = task.assignee ?? usersByGroup[task.candidateGroups.find((g) => usersByGroup[g]) ?? ''];
      if (!user) throw new Error(`no demo user for ${task.elementId} (${task.candidateGroups.join(', ')})`);
      const token = await api.login(user);
      if (!task.assignee) expect((await api.call('POST', `/api/tasks/${task.id}/claim`, { token })).status).toBe(200);
      const done = await api.call('POST', `/api/tasks/${task.id}/complete`, { token, body: { variables: filled(task.formId) } });
      expect([task.elementId, done.status, done.body.details ?? null]).toEqual([task.elementId, 200, null]);
      worked.push(task.elementId);
    }
    throw new Error(`case ${caseId} did not end`);
  }

  it('deploys every flow to the zone of its file name, with its forms', () => {
    // then
    expect(api.running.deployments.map((d) => [d.file, d.zoneId, d.outcome, d.key])).toEqual([
      ['anze-online-agency.bpmn', 'az', 'deployed', 'anze-online-agency'],
      ['changzi-rongque.bpmn', 'cz', 'deployed', 'changzi-rongque'],
      ['linfen-123-closure.bpmn', 'lf', 'deployed', 'linfen-123-closure'],
      ['shangdang-financing.bpmn', 'sd', 'deployed', 'shangdang-financing'],
      ['taigu-standard-approval.bpmn', 'tg', 'deployed', 'taigu-standard-approval'],
      ['taigu-zero-approval.bpmn', 'tg', 'deployed', 'taigu-zero-approval'],
      ['xiangyuan-demand-ledger.bpmn', 'xy', 'deployed', 'xiangyuan-demand-ledger'],
      ['yuanping-commitment-agency.bpmn', 'yp', 'deployed', 'yuanping-commitment-agency'],
    ]);
  });

  it('Linfen: demo users work a case from the window check to the e-certificate and the evaluation', async () => {
    // given
    const clerk = await api.login('lf-clerk');
    const started = await api.call('POST', '/api/cases', { token: clerk, body: { definitionKey: 'linfen-123-closure', businessKey: 'LF-2026-001', variables: { applicantName: '晋南新材料' } } });
    expect(started.status).toBe(201);
    expect(started.body.tasks).toEqual([expect.objectContaining({ elementId: 'Task_WindowCheck', candidateGroups: ['window'], formId: 'lf-window-check', limitWorkingDays: 1 })]);

    // when
    const { view, worked } = await workToEnd(started.body.id, { window: 'lf-clerk', planning: 'lf-planning', housing: 'lf-housing', fire: 'lf-fire', leaders: 'lf-leader' });

    // then
    expect(worked).toEqual([
      'Task_WindowCheck',
      'Task_ClassifyTier',
      'Task_PlanningPermit',
      'Task_DesignReview',
      'Task_CivilAirDefence',
      'Task_FireDesign',
      'Task_StagedPermit',
      'Task_LeaderSignOff',
      'Task_Evaluation',
    ]);
    expect(view.status).toBe('completed');
    expect(view.variables['certificateNo']).toMatch(/^LF-\d{8}-[0-9A-F]{8}$/);
  });

  it('Linfen: an incomplete application waits for the supplement message, keyed by the business key', async () => {
    // given
    const clerk = await api.login('lf-clerk');
    const started = await api.call('POST', '/api/cases', { token: clerk, body: { definitionKey: 'linfen-123-closure', businessKey: 'LF-2026-009' } });
    const check = started.body.tasks[0].id as string;
    await api.call('POST', `/api/tasks/${check}/claim`, { token: clerk });
    const notice = (await api.call('POST', `/api/tasks/${check}/complete`, { token: clerk, body: { variables: { materialsComplete: false } } })).body.tasks[0].id as string;
    await api.call('POST', `/api/tasks/${notice}/claim`, { token: clerk });
    await api.call('POST', `/api/tasks/${notice}/complete`, { token: clerk, body: { variables: { missingMaterials: '环评批复' } } });

    // when
    const supplied = await api.call('POST', '/api/messages', { token: clerk, body: { name: 'lf-supplement', correlationKey: 'LF-2026-009' } });

    // then
    expect(supplied.status).toBe(200);
    expect(supplied.body.caseIds).toEqual([started.body.id]);
    const view = (await api.call('GET', `/api/cases/${started.body.id}`, { token: clerk })).body;
    expect(view.tasks.map((t: { elementId: string }) => t.elementId)).toEqual(['Task_WindowCheck']);
  });

  it('Taigu: a qualifying project is registered with three free seals and issued without approval, by the in-process workers', async () => {
    // given
    const clerk = await api.login('tg-clerk');
    const started = await api.call('POST', '/api/cases', { token: clerk, body: { definitionKey: 'taigu-zero-approval', businessKey: 'TG-2026-003' } });
    expect(started.status).toBe(201);

    // when
    const { view, worked } = await workToEnd(started.body.id, { window: 'tg-clerk', approval: 'tg-clerk', leaders: 'tg-leader' });

    // then
    expect(worked).toEqual(['Task_ENotice', 'Task_Qualification', 'Task_SignCommitments', 'Task_PostCheck', 'Task_Evaluation']);
    expect(view.status).toBe('completed');
    expect(view.variables).toMatchObject({ freeSeals: ['公章', '财务专用章', '发票专用章'], certificateIssued: true });
    expect(view.variables['registrationNo']).toMatch(/^TG-REG-[0-9A-F]{8}$/);
  });
});
