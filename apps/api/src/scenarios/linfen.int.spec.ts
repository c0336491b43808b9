import { endsReached, ScenarioDriver, warnings } from '../testing/scenario-driver';

/**
 * Linfen (临汾): the 123 closure. Every end of `linfen-123-closure` over HTTP with the manual
 * clock: closed with the staged permit, refused at sign-off, incomplete → one-time notice →
 * supplement → recheck, and the supplement lapsing after 5 WD → 不予受理. LF-2026-001 is delisted
 * on Monday 9 Feb 2026, the week before the Spring Festival (15–23 Feb off; Sat 14 and Sat 28 Feb
 * working days).
 */
const ENDS = ['Event_Closed', 'Event_Refused', 'Event_NotAccepted'];
const STAGE = ['Task_PlanningPermit', 'Task_DesignReview', 'Task_CivilAirDefence', 'Task_FireDesign'];
const BY_TASK: Record<string, string> = {
  Task_PlanningPermit: 'lf-planning',
  Task_DesignReview: 'lf-housing',
  Task_CivilAirDefence: 'lf-fire',
  Task_FireDesign: 'lf-fire',
};

describe('Linfen 123 closure over HTTP', () => {
  let driver: ScenarioDriver;

  beforeAll(async () => {
    driver = await ScenarioDriver.start('2026-02-09T01:00:00Z');
  });

  afterAll(async () => {
    await driver.stop();
  });

  /** Starts a case on Monday 9 Feb and works it to the construction stage (tier 1, every review, staged permit). */
  async function atStage(businessKey: string): Promise<string> {
    await driver.setClock('2026-02-09T01:00:00Z');
    const started = await driver.startCase('lf-clerk', 'linfen-123-closure', businessKey, { applicantName: '晋南新材料', projectName: '新材料厂房' });
    await driver.complete(started.id, 'Task_WindowCheck', 'lf-clerk');
    await driver.setClock('2026-02-13T01:00:00Z');
    await driver.complete(started.id, 'Task_ClassifyTier', 'lf-clerk', { tier: '1' });
    return started.id;
  }

  it('LF-2026-001: window check, tier 1 reviews due on the make-up Saturday, the 45-WD stage across the festival, staged permit, sign-off, certificate, evaluation', async () => {
    // given
    const caseId = await atStage('LF-2026-001');
    const planning = await driver.deadline(caseId, 'Task_PlanningPermit');
    const stage = await driver.deadline(caseId, 'SubProcess_ConstructionStage');

    // when the four reviews finish on Tuesday 24 Feb, after the festival: red, as their 1 WD ended with Sat 14 Feb
    await driver.setClock('2026-02-24T01:00:00Z');
    const late = await driver.until(caseId, (v) => v.tasks.length === 4 && v.tasks.every((t) => t.warning === 'red'));
    for (const task of STAGE) await driver.complete(caseId, task, BY_TASK[task] ?? '');
    await driver.complete(caseId, 'Task_StagedPermit', 'lf-housing');
    await driver.complete(caseId, 'Task_LeaderSignOff', 'lf-leader');
    await driver.complete(caseId, 'Task_Evaluation', 'lf-clerk');
    const ended = await driver.until(caseId, (v) => v.status !== 'active');

    // then
    expect(planning).toMatchObject({ limitWorkingDays: 1, dueAt: '2026-02-15T00:00:00+08:00' });
    // 45 WD from Fri 13 Feb: 14 Feb, 24–28 Feb, March, 1–3 Apr, 7–24 Apr (清明 4–6 Apr off) → Fri 24 Apr
    expect(stage).toMatchObject({ limitWorkingDays: 45, dueAt: '2026-04-25T00:00:00+08:00' });
    expect(late.tasks.map((t) => t.elementId).sort()).toEqual([...STAGE].sort());
    expect(ended.status).toBe('completed');
    expect(endsReached(ended, ENDS)).toEqual(['Event_Closed']);
    expect(ended.variables).toMatchObject({ tier: '1', tierDays: 1, stagedPermit: true, certificateIssued: true });
    const events = await driver.events(caseId);
    // the classification, due with Tue 10 Feb and done on Fri 13 Feb, is late too
    expect(warnings(events).filter((w) => w.endsWith(':red')).sort()).toEqual([...STAGE, 'Task_ClassifyTier'].map((t) => `${t}:red`).sort());
    expect(events.filter((e) => e.type === 'TaskCompleted').map((e) => e.data['userId'])).toEqual(['lf-clerk', 'lf-clerk', 'lf-planning', 'lf-housing', 'lf-fire', 'lf-fire', 'lf-housing', 'lf-leader', 'lf-clerk']);
  });

  it('refused at the leader sign-off: 不予许可, no certificate', async () => {
    // given
    const caseId = await atStage('LF-2026-002');
    for (const task of STAGE) await driver.complete(caseId, task, BY_TASK[task] ?? '');
    await driver.complete(caseId, 'Task_StagedPermit', 'lf-housing');

    // when
    const ended = await driver.complete(caseId, 'Task_LeaderSignOff', 'lf-leader', { approved: false });

    // then
    expect(ended.status).toBe('completed');
    expect(endsReached(ended, ENDS)).toEqual(['Event_Refused']);
    expect(ended.variables['certificateNo']).toBeUndefined();
  });

  it('incomplete → one-time notice → the supplement (keyed by the business key) → window recheck, the 5-WD wait cancelled', async () => {
    // given
    await driver.setClock('2026-02-12T01:00:00Z');
    const started = await driver.startCase('lf-clerk', 'linfen-123-closure', 'LF-2026-003', { applicantName: '临汾焦化' });
    await driver.complete(started.id, 'Task_WindowCheck', 'lf-clerk', { materialsComplete: false });
    const waiting = await driver.complete(started.id, 'Task_OneTimeNotice', 'lf-clerk', { missingMaterials: '环评批复' });

    // when
    await driver.setClock('2026-02-25T01:00:00Z');
    const moved = await driver.message('lf-applicant', 'lf-supplement', 'LF-2026-003', { suppliedMaterials: '环评批复' });
    const rechecking = await driver.until(started.id, (v) => v.tasks.some((t) => t.elementId === 'Task_WindowCheck'));

    // then
    // 5 WD from Thu 12 Feb: 13, 14 (Sat, working), 24, 25, 26 Feb
    expect(waiting.timers).toEqual([expect.objectContaining({ elementId: 'Event_SupplementLapsed', dueAt: '2026-02-27T00:00:00+08:00' })]);
    expect(moved).toEqual([started.id]);
    expect(rechecking.timers.map((t) => t.elementId)).not.toContain('Event_SupplementLapsed');
    expect(rechecking.completed).toEqual(expect.arrayContaining([{ elementId: 'Task_WindowCheck', count: 1 }, { elementId: 'Event_SupplementReceived', count: 1 }]));
    expect(rechecking.status).toBe('active');
  });

  it('the supplement lapsing after 5 WD (the festival not counted): 不予受理', async () => {
    // given a notice on Thursday 12 Feb
    await driver.setClock('2026-02-12T01:00:00Z');
    const started = await driver.startCase('lf-clerk', 'linfen-123-closure', 'LF-2026-004', { applicantName: '临汾铸造' });
    await driver.complete(started.id, 'Task_WindowCheck', 'lf-clerk', { materialsComplete: false });
    await driver.complete(started.id, 'Task_OneTimeNotice', 'lf-clerk', { missingMaterials: '土地证明' });

    // when: the 5 WD are 13, 14 (Sat), 24, 25 and 26 Feb; the wait ends at midnight Beijing time
    await driver.setClock('2026-02-26T08:00:00Z');
    const stillWaiting = await driver.view(started.id);
    await driver.setClock('2026-02-26T16:00:00Z');
    const ended = await driver.until(started.id, (v) => v.status !== 'active');

    // then
    expect(stillWaiting.status).toBe('active');
    expect(ended.status).toBe('completed');
    expect(endsReached(ended, ENDS)).toEqual(['Event_NotAccepted']);
    expect((await driver.events(started.id)).some((e) => e.type === 'TimerFired')).toBe(true);
  });
});
