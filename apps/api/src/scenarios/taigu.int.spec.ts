import { endsReached, ScenarioDriver, warnings } from '../testing/scenario-driver';

/**
 * Taigu (太谷): full commitment, zero approval. Every end of `taigu-zero-approval` over HTTP with
 * the manual clock: qualified → post-check passed (closed) or failed (revoked + credit record),
 * not qualified → the zone's standard approval (a called process) and back to the evaluation.
 */
const ENDS = ['Event_Closed', 'Event_Revoked'];
const CLERK = 'tg-clerk';

describe('Taigu full commitment, zero approval over HTTP', () => {
  let driver: ScenarioDriver;

  beforeAll(async () => {
    driver = await ScenarioDriver.start('2026-03-02T01:00:00Z');
  });

  afterAll(async () => {
    await driver.stop();
  });

  /** A qualifying project registered on Monday 2 Mar 2026, issued on its commitment, at the post-check. */
  async function atPostCheck(businessKey: string): Promise<string> {
    await driver.setClock('2026-03-02T01:00:00Z');
    const started = await driver.startCase(CLERK, 'taigu-zero-approval', businessKey, { applicantName: '太谷农产品加工' });
    await driver.complete(started.id, 'Task_ENotice', CLERK);
    await driver.complete(started.id, 'Task_Qualification', CLERK);
    await driver.complete(started.id, 'Task_SignCommitments', CLERK);
    await driver.task(started.id, 'Task_PostCheck');
    return started.id;
  }

  it('qualified: seals, e-list, commitment, automatic issue; the post-check within its 30 WD passes: closed', async () => {
    // given
    const caseId = await atPostCheck('TG-2026-001');
    const postCheck = await driver.deadline(caseId, 'Task_PostCheck');

    // when
    await driver.complete(caseId, 'Task_PostCheck', CLERK, { commitmentsMet: true });
    const ended = await driver.complete(caseId, 'Task_Evaluation', CLERK);

    // then: 30 WD from Monday 2 March, 清明 4–6 April off → Tuesday 14 April
    expect(postCheck).toMatchObject({ limitWorkingDays: 30, dueAt: '2026-04-15T00:00:00+08:00' });
    expect(ended.status).toBe('completed');
    expect(endsReached(ended, ENDS)).toEqual(['Event_Closed']);
    expect(ended.variables).toMatchObject({ freeSeals: ['公章', '财务专用章', '发票专用章'], certificateIssued: true });
  });

  it('TG-2026-003: the post-check, late (red), finds an unmet commitment: revoked and put on the credit record', async () => {
    // given
    const caseId = await atPostCheck('TG-2026-003');
    const postCheck = await driver.deadline(caseId, 'Task_PostCheck');
    await driver.setClock(postCheck.dueAt);
    await driver.until(caseId, (v) => v.tasks[0]?.warning === 'red');

    // when
    await driver.complete(caseId, 'Task_PostCheck', CLERK, { commitmentsMet: false });
    await driver.complete(caseId, 'Task_Revoke', 'tg-leader');
    const ended = await driver.until(caseId, (v) => v.status !== 'active');

    // then
    expect(endsReached(ended, ENDS)).toEqual(['Event_Revoked']);
    expect(ended.variables).toMatchObject({ creditRecorded: true });
    expect(ended.variables['creditRecordNo']).toEqual(expect.any(String));
    expect(warnings(await driver.events(caseId))).toEqual(['Task_PostCheck:yellow', 'Task_PostCheck:red']);
  });

  it('not qualified (negative list): the standard approval is called, runs in the zone, and the case comes back to the evaluation', async () => {
    // given
    await driver.setClock('2026-03-02T01:00:00Z');
    const started = await driver.startCase(CLERK, 'taigu-zero-approval', 'TG-2026-004', { applicantName: '太谷化工' });
    await driver.complete(started.id, 'Task_ENotice', CLERK);

    // when
    const calling = await driver.complete(started.id, 'Task_Qualification', CLERK, { exclusion: 'negative-list' });
    const child = await driver.until(started.id, (v) => v.active.some((a) => a.elementId === 'CallActivity_StandardApproval'));
    const called = await driver.deadline(started.id, 'CallActivity_StandardApproval');
    // the called process's tasks are the case's own (the child runs inside it)
    await driver.complete(started.id, 'Task_WindowAccept', CLERK);
    await driver.complete(started.id, 'Task_PlanningReview', CLERK);
    await driver.complete(started.id, 'Task_EnvironmentReview', CLERK);
    await driver.complete(started.id, 'Task_LeaderSignOff', 'tg-leader');
    await driver.task(started.id, 'Task_Evaluation');
    const ended = await driver.complete(started.id, 'Task_Evaluation', CLERK);

    // then
    expect(calling.incidents).toEqual([]);
    expect(child.incidents).toEqual([]);
    // 20 WD from Monday 2 March → Monday 30 March
    expect(called).toMatchObject({ limitWorkingDays: 20, dueAt: '2026-03-31T00:00:00+08:00' });
    expect(endsReached(ended, ENDS)).toEqual(['Event_Closed']);
    expect(ended.completed).toEqual(expect.arrayContaining([{ elementId: 'CallActivity_StandardApproval', count: 1 }]));
  });
  it('not qualified, and the standard approval refuses at the leader sign-off (不予许可): the called process ends refused, no certificate', async () => {
    // given
    await driver.setClock('2026-03-02T01:00:00Z');
    const started = await driver.startCase(CLERK, 'taigu-zero-approval', 'TG-2026-005', { applicantName: '太谷焦化' });
    await driver.complete(started.id, 'Task_ENotice', CLERK);
    await driver.complete(started.id, 'Task_Qualification', CLERK, { exclusion: 'negative-list' });
    await driver.complete(started.id, 'Task_WindowAccept', CLERK);
    const planning = await driver.deadline(started.id, 'Task_PlanningReview');
    await driver.complete(started.id, 'Task_PlanningReview', CLERK);
    await driver.complete(started.id, 'Task_EnvironmentReview', CLERK);

    // when
    const refused = await driver.complete(started.id, 'Task_LeaderSignOff', 'tg-leader', { approved: false });
    const after = await driver.until(started.id, (v) => !v.active.some((a) => a.elementId === 'CallActivity_StandardApproval'));

    // then: 5 WD counted from Tuesday 3 March (the day after receipt) → Monday 9 March
    expect(planning).toMatchObject({ limitWorkingDays: 5, dueAt: '2026-03-10T00:00:00+08:00' });
    expect(refused.incidents).toEqual([]);
    expect(after.completed).toEqual(expect.arrayContaining([{ elementId: 'Event_Refused', count: 1 }]));
    expect(after.variables['certificateIssued']).toBeUndefined();
    expect(after.completed.some((c) => c.elementId === 'Event_Issued')).toBe(false);
  });

  it('not qualified, and the standard approval does not accept the application at the window (不予受理)', async () => {
    // given
    await driver.setClock('2026-03-02T01:00:00Z');
    const started = await driver.startCase(CLERK, 'taigu-zero-approval', 'TG-2026-006', { applicantName: '太谷小作坊' });
    await driver.complete(started.id, 'Task_ENotice', CLERK);
    await driver.complete(started.id, 'Task_Qualification', CLERK, { exclusion: 'negative-list' });
    const window = await driver.deadline(started.id, 'Task_WindowAccept');

    // when
    await driver.complete(started.id, 'Task_WindowAccept', CLERK, { accepted: false });
    const after = await driver.until(started.id, (v) => !v.active.some((a) => a.elementId === 'CallActivity_StandardApproval'));

    // then: 1 WD counted from the day after receipt, Monday 2 March → Tuesday 3 March
    expect(window).toMatchObject({ limitWorkingDays: 1, dueAt: '2026-03-04T00:00:00+08:00' });
    expect(after.completed).toEqual(expect.arrayContaining([{ elementId: 'Event_NotAccepted', count: 1 }]));
    expect(after.completed.some((c) => c.elementId === 'Task_PlanningReview')).toBe(false);
  });
});
