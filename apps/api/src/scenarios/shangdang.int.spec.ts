import { endsReached, ScenarioDriver, warnings } from '../testing/scenario-driver';

/**
 * Shangdang (上党): bank–enterprise financing matchmaking as a demand-ledger case. Every end of
 * `shangdang-financing`, over HTTP, with the manual clock across the 2026 Spring Festival
 * (15–23 Feb off; Sat 14 and Sat 28 Feb working days).
 */
const ENDS = ['Event_Financed', 'Event_NotFinanced'];

describe('Shangdang financing matchmaking over HTTP', () => {
  let driver: ScenarioDriver;

  beforeAll(async () => {
    driver = await ScenarioDriver.start('2026-02-10T01:00:00Z');
  });

  afterAll(async () => {
    await driver.stop();
  });

  it('need registered → bank matched → meeting → loan granted → follow-up evaluation, the 30-WD ledger limit across the festival', async () => {
    // given a need raised by the firm on Tuesday 10 Feb 2026
    await driver.setClock('2026-02-10T01:00:00Z');
    const started = await driver.startCase('sd-applicant', 'shangdang-financing', 'SD-2026-001', { applicantName: '上党精密机械', needAmount: 800, needPurpose: 'equipment' });
    const ledger = await driver.deadline(started.id, 'shangdang-financing');

    // when
    await driver.complete(started.id, 'Task_RegisterNeed', 'sd-clerk');
    await driver.complete(started.id, 'Task_MatchBank', 'sd-agent', { bank: 'boc', bankMatched: true });
    await driver.setClock('2026-02-12T01:00:00Z');
    const atDecision = await driver.complete(started.id, 'Task_Meeting', 'sd-agent');
    const decision = await driver.deadline(started.id, 'Task_LoanDecision');
    await driver.complete(started.id, 'Task_LoanDecision', 'sd-agent', { loanApproved: true, loanAmount: 800 });
    const ended = await driver.complete(started.id, 'Task_FollowUpEvaluation', 'sd-clerk', { satisfaction: '满意' });

    // then
    // 30 WD from Tue 10 Feb: the make-up Saturdays 14 and 28 Feb count, 15–23 Feb do not → Mon 30 Mar
    expect(ledger).toMatchObject({ limitWorkingDays: 30, dueAt: '2026-03-31T00:00:00+08:00' });
    expect(atDecision.tasks).toEqual([expect.objectContaining({ elementId: 'Task_LoanDecision', candidateGroups: ['agency'], limitWorkingDays: 10 })]);
    // 10 WD from Thu 12 Feb: 13, 14 (Sat, working), 24–28 Feb, 2–4 Mar → Wed 4 Mar
    expect(decision.dueAt).toBe('2026-03-05T00:00:00+08:00');
    expect(ended.status).toBe('completed');
    expect(endsReached(ended, ENDS)).toEqual(['Event_Financed']);
    expect(ended.variables).toMatchObject({ bank: 'boc', loanApproved: true, loanAmount: 800, satisfaction: '满意' });
    expect(warnings(await driver.events(started.id))).toEqual([]);
  });

  it('no bank matched and a declined loan go to the leader; a rematch runs again, and without a loan the ledger closes (red on the late decision)', async () => {
    // given
    await driver.setClock('2026-03-02T01:00:00Z');
    const started = await driver.startCase('sd-clerk', 'shangdang-financing', 'SD-2026-002', { applicantName: '上党新能源', needAmount: 300 });
    await driver.complete(started.id, 'Task_RegisterNeed', 'sd-clerk');
    const coordinating = await driver.complete(started.id, 'Task_MatchBank', 'sd-agent', { bankMatched: false });
    expect(coordinating.tasks).toEqual([expect.objectContaining({ elementId: 'Task_LeaderCoordinate', candidateGroups: ['leaders'], limitWorkingDays: 5 })]);
    await driver.complete(started.id, 'Task_LeaderCoordinate', 'sd-leader', { rematch: true });
    await driver.complete(started.id, 'Task_MatchBank', 'sd-agent', { bank: 'czrcb', bankMatched: true });
    await driver.complete(started.id, 'Task_Meeting', 'sd-agent');

    // when the bank decides after its 10 WD and declines, and the leader closes the ledger
    const decision = await driver.deadline(started.id, 'Task_LoanDecision');
    await driver.setClock(decision.dueAt);
    await driver.until(started.id, (v) => v.tasks[0]?.warning === 'red');
    await driver.complete(started.id, 'Task_LoanDecision', 'sd-agent', { loanApproved: false });
    await driver.complete(started.id, 'Task_LeaderCoordinate', 'sd-leader', { rematch: false });
    const ended = await driver.complete(started.id, 'Task_FollowUpEvaluation', 'sd-clerk', { satisfaction: '基本满意' });

    // then
    expect(ended.status).toBe('completed');
    expect(endsReached(ended, ENDS)).toEqual(['Event_NotFinanced']);
    expect(ended.completed).toEqual(expect.arrayContaining([{ elementId: 'Task_MatchBank', count: 2 }, { elementId: 'Task_LeaderCoordinate', count: 2 }]));
    expect(warnings(await driver.events(started.id))).toEqual(['Task_LoanDecision:yellow', 'Task_LoanDecision:red']);
  });
});
