import type { CaseView } from '@banjie/contracts';
import { endsReached, ScenarioDriver, warnings } from '../testing/scenario-driver';

/**
 * Changzi (长子): pre-review, 容缺 and four-zero. Every end of `changzi-rongque` over HTTP with the
 * manual clock: closed after pre-review → formal submission, 容缺 supplied in time, lapsed →
 * revoked (permit issued) or returned (not issued), essential material missing → returned; the
 * case's 20-WD clock paused during pre-review and suspension (补正时间不计入时限).
 */
const ENDS = ['Event_Closed', 'Event_Revoked', 'Event_Returned', 'Event_ReturnedIncomplete'];
const CLERK = 'cz-clerk';

describe('Changzi pre-review, 容缺 and four-zero over HTTP', () => {
  let driver: ScenarioDriver;

  beforeAll(async () => {
    driver = await ScenarioDriver.start('2026-03-02T01:00:00Z');
  });

  afterAll(async () => {
    await driver.stop();
  });

  /** The case once its timer at `elementId` has fired (the clock set to its due time). */
  async function fire(caseId: string, elementId: string): Promise<CaseView> {
    const timer = (await driver.view(caseId)).timers.find((t) => t.elementId === elementId);
    if (!timer) throw new Error(`no timer at ${elementId}`);
    await driver.setClock(timer.dueAt);
    return driver.until(caseId, (v) => !v.timers.some((t) => t.id === timer.id));
  }

  /** A case started Monday 2 Mar 2026, pre-reviewed, formally submitted with a non-essential item missing and the commitment signed. */
  async function atRongque(businessKey: string): Promise<string> {
    await driver.setClock('2026-03-02T01:00:00Z');
    const started = await driver.startCase(CLERK, 'changzi-rongque', businessKey, { applicantName: '长子精密铸造' });
    await driver.complete(started.id, 'Task_PreReview', CLERK);
    await driver.complete(started.id, 'Task_FormalSubmission', CLERK, { materialsStatus: 'non-essential-missing' });
    await driver.complete(started.id, 'Task_RongqueCommitment', CLERK, { missingItems: '消防安全说明', supplyDays: 5, commitmentSigned: true });
    return started.id;
  }

  it('pre-review (the 20-WD clock paused) → formal submission → review compressed to 7 WD → permit → inspection → four-zero: closed', async () => {
    // given a pre-review open from Monday 2 to Thursday 5 March
    await driver.setClock('2026-03-02T01:00:00Z');
    const started = await driver.startCase(CLERK, 'changzi-rongque', 'CZ-2026-001', { applicantName: '长子建材' });
    const paused = await driver.deadline(started.id, 'changzi-rongque');
    await driver.setClock('2026-03-05T01:00:00Z');

    // when
    await driver.complete(started.id, 'Task_PreReview', CLERK);
    const resumed = await driver.deadline(started.id, 'changzi-rongque');
    const atReview = await driver.complete(started.id, 'Task_FormalSubmission', CLERK);
    await driver.complete(started.id, 'Task_DepartmentReview', CLERK);
    await driver.complete(started.id, 'Task_OnSiteInspection', CLERK);
    await driver.complete(started.id, 'Task_FourZeroReview', CLERK);
    const ended = await driver.until(started.id, (v) => v.status !== 'active');

    // then: 20 WD from Monday 2 March end with Monday 30 March; the 3 WD of pre-review (3–5 March) move it to Thursday 2 April
    expect({ due: paused.dueAt, extended: paused.extendedWorkingDays ?? 0 }).toEqual({ due: '2026-03-31T00:00:00+08:00', extended: 0 });
    expect({ due: resumed.dueAt, extended: resumed.extendedWorkingDays }).toEqual({ due: '2026-04-03T00:00:00+08:00', extended: 3 });
    expect(atReview.tasks).toEqual([expect.objectContaining({ elementId: 'Task_DepartmentReview', limitWorkingDays: 7 })]);
    expect(ended.status).toBe('completed');
    expect(endsReached(ended, ENDS)).toEqual(['Event_Closed']);
    expect(ended.variables).toMatchObject({ reviewLimitDays: 7, certificateIssued: true, fourZero: { all: true } });
    const events = await driver.events(started.id);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['ClockPaused', 'ClockResumed']));
  });

  it('容缺 supplied in time: the review and the supplement wait run in parallel, then inspection and four-zero: closed', async () => {
    // given
    const caseId = await atRongque('CZ-2026-002');
    const waiting = await driver.view(caseId);

    // when
    expect(await driver.message('cz-applicant', 'cz-supplement', 'CZ-2026-002', { suppliedItems: ['消防安全说明'] })).toEqual([caseId]);
    await driver.complete(caseId, 'Task_RongqueReview', CLERK);
    await driver.complete(caseId, 'Task_OnSiteInspection', CLERK);
    await driver.complete(caseId, 'Task_FourZeroReview', CLERK);
    const ended = await driver.until(caseId, (v) => v.status !== 'active');

    // then: the supply deadline was 5 WD from Monday 2 March (3–6 and 9 March)
    expect(waiting.timers.find((t) => t.elementId === 'Event_SupplyDeadline')?.dueAt).toBe('2026-03-10T00:00:00+08:00');
    expect(waiting.messageSubscriptions).toEqual([expect.objectContaining({ messageName: 'cz-supplement', correlationKey: 'CZ-2026-002' })]);
    expect(endsReached(ended, ENDS)).toEqual(['Event_Closed']);
  });

  it('CZ-2026-004: permit issued on the commitment, the supplement lapses, 15 WD of suspension with the clock paused, revoked', async () => {
    // given
    const caseId = await atRongque('CZ-2026-004');
    await driver.complete(caseId, 'Task_RongqueReview', CLERK);
    await driver.until(caseId, (v) => v.variables['certificateIssued'] === true);

    // when
    const suspended = await fire(caseId, 'Event_SupplyDeadline');
    const over = await fire(caseId, 'Event_SuspensionLapsed');
    const ended = await driver.complete(caseId, 'Task_RevokePermit', 'cz-leader', { revocationReason: '逾期未补' });

    // then
    expect(suspended.active.map((a) => a.elementId)).toContain('SubProcess_Suspended');
    expect(over.tasks).toEqual([expect.objectContaining({ elementId: 'Task_RevokePermit', candidateGroups: ['leaders'] })]);
    expect(endsReached(ended, ENDS)).toEqual(['Event_Revoked']);
    const events = await driver.events(caseId);
    expect(events.filter((e) => e.type === 'ClockPaused')).toHaveLength(2);
    expect(warnings(events)).toEqual([]);
  });

  it('lapsed before the decision: the review stops, 15 WD later the application is returned', async () => {
    // given
    const caseId = await atRongque('CZ-2026-005');

    // when
    const suspended = await fire(caseId, 'Event_SupplyDeadline');
    await fire(caseId, 'Event_SuspensionLapsed');
    const ended = await driver.complete(caseId, 'Task_ReturnApplication', CLERK);

    // then
    expect(suspended.tasks).toEqual([]);
    expect(endsReached(ended, ENDS)).toEqual(['Event_Returned']);
    expect(ended.variables['certificateIssued']).toBeUndefined();
  });

  it('supplied late, during the suspension, after the permit was issued: resumed at the on-site inspection, the clock running again: closed', async () => {
    // given: the permit issued on the commitment, the 5-WD supply deadline lapsed, the case suspended
    const caseId = await atRongque('CZ-2026-007');
    await driver.complete(caseId, 'Task_RongqueReview', CLERK);
    await driver.until(caseId, (v) => v.variables['certificateIssued'] === true);
    const suspended = await fire(caseId, 'Event_SupplyDeadline');
    const suspendedAt = (await driver.events(caseId)).filter((e) => e.type === 'ClockPaused').length;

    // when: the applicant supplies the fire-safety note three days later
    await driver.setClock('2026-03-20T02:00:00Z');
    expect(await driver.message('cz-applicant', 'cz-supplement', 'CZ-2026-007', { suppliedItems: ['消防安全说明'] })).toEqual([caseId]);
    const resumed = await driver.until(caseId, (v) => v.tasks.some((t) => t.elementId === 'Task_OnSiteInspection'));
    const inspection = await driver.deadline(caseId, 'Task_OnSiteInspection');
    await driver.complete(caseId, 'Task_OnSiteInspection', CLERK);
    const ended = await driver.complete(caseId, 'Task_FourZeroReview', CLERK);

    // then
    expect(suspended.active.map((a) => a.elementId)).toContain('SubProcess_Suspended');
    expect(resumed.completed).toEqual(expect.arrayContaining([{ elementId: 'Event_Resumed', count: 1 }]));
    expect(resumed.variables).toMatchObject({ suppliedLate: true });
    // 3 WD counted from the Monday after Friday 20 March 2026 → Wednesday 25 March
    expect(inspection).toMatchObject({ limitWorkingDays: 3, dueAt: '2026-03-26T00:00:00+08:00' });
    expect(endsReached(ended, ENDS)).toEqual(['Event_Closed']);
    expect(suspendedAt).toBeGreaterThan(0);
    expect((await driver.events(caseId)).filter((e) => e.type === 'ClockResumed').length).toBeGreaterThan(0);
  });

  it('essential material missing at the formal submission: returned with a one-time notice', async () => {
    // given
    await driver.setClock('2026-03-02T01:00:00Z');
    const started = await driver.startCase(CLERK, 'changzi-rongque', 'CZ-2026-006', { applicantName: '长子煤机' });
    await driver.complete(started.id, 'Task_PreReview', CLERK);

    // when
    await driver.complete(started.id, 'Task_FormalSubmission', CLERK, { materialsStatus: 'essential-missing' });
    const ended = await driver.complete(started.id, 'Task_ReturnIncomplete', CLERK);

    // then
    expect(endsReached(ended, ENDS)).toEqual(['Event_ReturnedIncomplete']);
  });
});
