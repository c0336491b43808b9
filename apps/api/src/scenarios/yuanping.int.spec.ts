import type { TaskView } from '@banjie/contracts';
import { endsReached, ScenarioDriver } from '../testing/scenario-driver';

/**
 * Yuanping (原平): commitment + standard land + full agency. Every end of
 * `yuanping-commitment-agency` over HTTP with the manual clock: the agent signs six commitments,
 * three parallel pre-reviews, the 7-day public notice, issue, the 20-WD post-check (met, rectified,
 * or false → revoked and on the credit record), and an upheld objection → not approved.
 */
const ENDS = ['Event_Closed', 'Event_NotApproved', 'Event_Revoked'];
const CLERK = 'yp-clerk';
const AGENT = 'yp-agent';
const ITEMS = ['土地出让条件', '规划设计条件', '环境影响', '节能', '安全生产', '消防'];
const DEPARTMENTS = ['自然资源和规划分局', '住建科', '生态环境分局'];

describe('Yuanping commitment, standard land and full agency over HTTP', () => {
  let driver: ScenarioDriver;

  beforeAll(async () => {
    driver = await ScenarioDriver.start('2026-03-02T01:00:00Z');
  });

  afterAll(async () => {
    await driver.stop();
  });

  async function inbox(user: string): Promise<TaskView[]> {
    return (await driver.api.call<TaskView[]>('GET', '/api/tasks', { token: await driver.api.login(user) })).body;
  }

  /** A case started Monday 2 Mar 2026 and worked by the agent and departments up to the notice result. */
  async function atNoticeResult(businessKey: string): Promise<{ caseId: string; commitmentRows: string[]; preReviewRows: string[] }> {
    await driver.setClock('2026-03-02T01:00:00Z');
    const started = await driver.startCase(CLERK, 'yuanping-commitment-agency', businessKey, { applicantName: '原平光伏支架' });
    await driver.complete(started.id, 'Task_AssignAgent', AGENT, { agentId: AGENT, parcelNo: 'YP-2026-地块07', parcelMu: 30 });
    await driver.complete(started.id, 'Task_AgencyAgreement', AGENT);
    await driver.task(started.id, 'Task_SignCommitment');
    const commitmentRows = (await inbox(AGENT)).filter((t) => t.caseId === started.id).map((t) => t.name);
    for (let i = 0; i < ITEMS.length; i++) await driver.complete(started.id, 'Task_SignCommitment', AGENT);
    await driver.complete(started.id, 'Task_WindowDistribute', CLERK);
    await driver.task(started.id, 'Task_DepartmentPreReview');
    const preReviewRows = (await inbox(CLERK)).filter((t) => t.caseId === started.id).map((t) => t.name);
    for (let i = 0; i < DEPARTMENTS.length; i++) await driver.complete(started.id, 'Task_DepartmentPreReview', CLERK);
    const notice = (await driver.view(started.id)).timers.find((t) => t.elementId === 'Event_PublicNotice');
    if (!notice) throw new Error('no public notice timer');
    await driver.setClock(notice.dueAt);
    await driver.task(started.id, 'Task_NoticeResult');
    return { caseId: started.id, commitmentRows, preReviewRows };
  }

  async function atPostCheck(businessKey: string): Promise<{ caseId: string; postCheckDue: string }> {
    const { caseId } = await atNoticeResult(businessKey);
    await driver.complete(caseId, 'Task_NoticeResult', CLERK);
    const waiting = await driver.until(caseId, (v) => v.timers.some((t) => t.elementId === 'Event_PostCheckDue'));
    const due = waiting.timers.find((t) => t.elementId === 'Event_PostCheckDue')?.dueAt ?? '';
    await driver.setClock(due);
    await driver.task(caseId, 'Task_PostCheck');
    return { caseId, postCheckDue: due };
  }

  it('YP-2026-002: the agent 刘洋 signs six named commitments, three named pre-reviews, the 7-day notice, issue, the 20-WD post-check finds them met: closed', async () => {
    // given
    const { caseId, commitmentRows, preReviewRows } = await atNoticeResult('YP-2026-002');

    // when
    await driver.complete(caseId, 'Task_NoticeResult', CLERK);
    const waiting = await driver.until(caseId, (v) => v.timers.some((t) => t.elementId === 'Event_PostCheckDue'));
    const due = waiting.timers.find((t) => t.elementId === 'Event_PostCheckDue')?.dueAt ?? '';
    await driver.setClock(due);
    const ended = await driver.complete(caseId, 'Task_PostCheck', CLERK, { commitmentsMet: true });

    // then the inbox rows named each item and department
    expect(commitmentRows.sort()).toEqual(ITEMS.map((item) => `${item} · 逐项签署告知承诺`).sort());
    expect(preReviewRows.sort()).toEqual(DEPARTMENTS.map((d) => `${d} · 部门并联预审`).sort());
    // the notice ran 7 calendar days from Monday 2 March; the post-check is due 20 WD after the issue on Monday 9 March
    expect(waiting.variables['certificateIssued']).toBe(true);
    expect(due).toBe('2026-04-08T00:00:00+08:00'); // 10 March–7 April, 清明 Monday 6 April off
    expect(endsReached(ended, ENDS)).toEqual(['Event_Closed']);
    expect(ended.variables['commitments']).toHaveLength(6);
    expect(ended.variables['preReviews']).toHaveLength(3);
  });

  it('an upheld objection after the public notice: not approved', async () => {
    // given
    const { caseId } = await atNoticeResult('YP-2026-003');

    // when
    await driver.complete(caseId, 'Task_NoticeResult', CLERK, { objection: 'received' });
    const ended = await driver.complete(caseId, 'Task_ObjectionReview', 'yp-leader', { objectionFinding: 'upheld' });

    // then
    expect(endsReached(ended, ENDS)).toEqual(['Event_NotApproved']);
    expect(ended.variables['certificateIssued']).toBeUndefined();
  });

  it('an unmet commitment is rectified by the agent within 10 WD and checked again: closed', async () => {
    // given
    const { caseId } = await atPostCheck('YP-2026-004');

    // when
    const rectifying = await driver.complete(caseId, 'Task_PostCheck', CLERK, { commitmentsMet: false, remedy: 'rectify', rectifyWorkingDays: 10 });
    await driver.complete(caseId, 'Task_Rectify', AGENT);
    const ended = await driver.complete(caseId, 'Task_PostCheck', CLERK, { commitmentsMet: true });

    // then
    expect(rectifying.tasks).toEqual([expect.objectContaining({ elementId: 'Task_Rectify', assignee: AGENT, limitWorkingDays: 10 })]);
    expect(endsReached(ended, ENDS)).toEqual(['Event_Closed']);
  });

  it('a false commitment is revoked and put on the credit record', async () => {
    // given
    const { caseId } = await atPostCheck('YP-2026-005');

    // when
    await driver.complete(caseId, 'Task_PostCheck', CLERK, { commitmentsMet: false, remedy: 'revoke' });
    await driver.complete(caseId, 'Task_Revoke', 'yp-leader', { revocationReason: '虚假承诺' });
    const ended = await driver.until(caseId, (v) => v.status !== 'active');

    // then
    expect(endsReached(ended, ENDS)).toEqual(['Event_Revoked']);
    expect(ended.variables).toMatchObject({ creditRecorded: true });
  });
});
