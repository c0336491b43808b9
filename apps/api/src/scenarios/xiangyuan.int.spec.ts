import type { TaskView } from '@banjie/contracts';
import { endsReached, ScenarioDriver, warnings } from '../testing/scenario-driver';

/**
 * Xiangyuan (襄垣): the demand ledger's closed loop. Every end of `xiangyuan-demand-ledger` over
 * HTTP with the manual clock: a demand closed after a 不满意 rating reopened it, an overdue demand
 * escalated to the paired leader, and a visit without a demand. The leader's visits name their firm.
 */
const ENDS = ['Event_DemandClosed', 'Event_NoDemand', 'Event_MonthClosed'];
const LEADER = 'xy-leader';
const TASKFORCE = 'xy-taskforce';

describe('Xiangyuan demand ledger over HTTP', () => {
  let driver: ScenarioDriver;

  beforeAll(async () => {
    driver = await ScenarioDriver.start('2026-03-02T01:00:00Z');
  });

  afterAll(async () => {
    await driver.stop();
  });

  async function startPairs(businessKey: string, firms: string[]): Promise<string> {
    await driver.setClock('2026-03-02T01:00:00Z');
    const started = await driver.startCase(TASKFORCE, 'xiangyuan-demand-ledger', businessKey, { pairs: firms.map((firm) => ({ leader: LEADER, firm })) });
    return started.id;
  }

  it('XY-2026-D017: 陈刚 visits 襄垣煤机 (the inbox names the firm), the demand is resolved, rated 不满意, reopened with 5 WD and closed', async () => {
    // given
    const caseId = await startPairs('XY-2026-D017', ['襄垣煤机', '襄垣新能源材料']);
    const visits = (await driver.api.call<TaskView[]>('GET', '/api/tasks', { token: await driver.api.login(LEADER) })).body.filter((t) => t.caseId === caseId);
    await driver.complete(caseId, 'Task_LeaderVisit', LEADER, { hasDemand: true, demand: '增容用电 power capacity' });
    await driver.complete(caseId, 'Task_LeaderVisit', LEADER, { hasDemand: false });
    await driver.complete(caseId, 'Task_Triage', TASKFORCE, { category: 'coordination' });
    await driver.complete(caseId, 'Task_Resolve', 'xy-clerk', { resolved: true });
    await driver.complete(caseId, 'Task_Confirm', TASKFORCE, { confirmed: true });

    // when rated 不满意 on Monday 9 March
    await driver.setClock('2026-03-09T01:00:00Z');
    const reopened = await driver.complete(caseId, 'Task_FollowUp', TASKFORCE, { satisfaction: '2' });
    const again = await driver.deadline(caseId, 'Task_Resolve');
    await driver.complete(caseId, 'Task_Resolve', 'xy-clerk', { resolved: true });
    await driver.complete(caseId, 'Task_Confirm', TASKFORCE, { confirmed: true });
    const ended = await driver.complete(caseId, 'Task_FollowUp', TASKFORCE, { satisfaction: '4' });

    // then
    expect(visits.map((t) => [t.name, t.assignee]).sort()).toEqual([
      ['襄垣新能源材料 · 领导包联走访', LEADER],
      ['襄垣煤机 · 领导包联走访', LEADER],
    ]);
    expect(reopened.tasks).toEqual([expect.objectContaining({ elementId: 'Task_Resolve', name: '襄垣煤机 · 部门限时办结', limitWorkingDays: 5 })]);
    expect(again.dueAt).toBe('2026-03-17T00:00:00+08:00'); // 5 WD: 10–13 and 16 March
    expect(ended.status).toBe('completed');
    expect(endsReached(ended, ENDS)).toEqual(['Event_DemandClosed', 'Event_NoDemand', 'Event_MonthClosed']);
    expect(ended.variables['ledgerSummary']).toEqual({ pairs: 2, demands: 1, closed: 1, satisfied: 1, reopened: 1 });
  });

  it('an overdue demand goes red and escalates to the paired leader, who supervises while the department works on', async () => {
    // given
    const caseId = await startPairs('XY-2026-D018', ['襄垣精细化工']);
    await driver.complete(caseId, 'Task_LeaderVisit', LEADER, { hasDemand: true, demand: '用地指标' });
    await driver.complete(caseId, 'Task_Triage', TASKFORCE, { category: 'simple' });

    // when
    const overdue = (await driver.view(caseId)).timers.find((t) => t.elementId === 'Event_ResolveOverdue');
    if (!overdue) throw new Error('no overdue timer');
    await driver.setClock(overdue.dueAt);
    const escalated = await driver.until(caseId, (v) => v.tasks.some((t) => t.elementId === 'Task_LeaderSupervise'));
    await driver.complete(caseId, 'Task_LeaderSupervise', LEADER);
    await driver.complete(caseId, 'Task_Resolve', 'xy-clerk', { resolved: true });
    await driver.complete(caseId, 'Task_Confirm', TASKFORCE, { confirmed: true });
    const ended = await driver.complete(caseId, 'Task_FollowUp', TASKFORCE, { satisfaction: '4' });

    // then
    expect(escalated.tasks.find((t) => t.elementId === 'Task_LeaderSupervise')).toMatchObject({ assignee: LEADER, name: '襄垣精细化工 · 领导督办' });
    expect(escalated.tasks.find((t) => t.elementId === 'Task_Resolve')?.warning).toBe('red');
    expect(warnings(await driver.events(caseId))).toContain('Task_Resolve:red');
    expect(endsReached(ended, ENDS)).toEqual(['Event_DemandClosed', 'Event_MonthClosed']);
    // the escalation branch ends at its own end event once the leader has supervised
    expect(ended.completed).toEqual(expect.arrayContaining([{ elementId: 'Event_Supervised', count: 1 }]));
  });
});
