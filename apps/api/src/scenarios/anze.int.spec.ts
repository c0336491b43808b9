import { endsReached, ScenarioDriver, warnings } from '../testing/scenario-driver';

/**
 * Anze (安泽): the 7×24 online intake routes each application to its delegated matter, on full
 * agency through the agent who acts for the firm. Every end of `anze-online-agency`, over HTTP,
 * with the manual clock across the 2027 Spring Festival (the law alone: 除夕–初三, 5–8 Feb, and
 * make-up days off on 9 and 10 Feb for the 6th and 7th, a weekend).
 */
const ENDS = ['Event_Closed', 'Event_Refused', 'Event_Returned'];

describe('Anze 7×24 online intake and full agency over HTTP', () => {
  let driver: ScenarioDriver;

  beforeAll(async () => {
    driver = await ScenarioDriver.start('2027-02-01T01:00:00Z');
  });

  afterAll(async () => {
    await driver.stop();
  });

  it('full agency for a planning permit: the agent files for the firm, the 5-WD permit runs across the Spring Festival, yellow then red, then certificate and evaluation', async () => {
    // given an application submitted online on Monday 1 Feb 2027 asking for full agency
    await driver.setClock('2027-02-01T01:00:00Z');
    const started = await driver.startCase('az-applicant', 'anze-online-agency', 'AZ-2027-001', { applicantName: '安泽连翘饮品', projectName: '连翘茶饮生产线', matter: 'planning-permit', fullAgency: true });
    expect(started.tasks).toEqual([expect.objectContaining({ elementId: 'Task_AgencyAgreement', candidateGroups: ['agency'], limitWorkingDays: 1 })]);
    await driver.complete(started.id, 'Task_AgencyAgreement', 'az-agent');
    await driver.complete(started.id, 'Task_AgentFiling', 'az-agent');
    await driver.setClock('2027-02-02T01:00:00Z');
    const atPermit = await driver.complete(started.id, 'Task_OnlinePreCheck', 'az-clerk');

    // when the permit's 5 WD start on Tuesday 2 Feb and the clock runs over the holiday
    const permit = atPermit.tasks.find((t) => t.elementId === 'Task_PlanningPermit');
    expect(permit).toMatchObject({ candidateGroups: ['approval'], limitWorkingDays: 5, warning: 'none' });
    const deadline = await driver.deadline(started.id, 'Task_PlanningPermit');
    await driver.setClock(deadline.yellowAt);
    const yellow = await driver.until(started.id, (v) => v.tasks[0]?.warning === 'yellow');
    await driver.setClock(deadline.dueAt);
    const red = await driver.until(started.id, (v) => v.tasks[0]?.warning === 'red');
    await driver.complete(started.id, 'Task_PlanningPermit', 'az-clerk', { approved: true });
    await driver.complete(started.id, 'Task_Evaluation', 'az-clerk');
    const ended = await driver.until(started.id, (v) => v.status !== 'active');

    // then
    // 5 WD from Tue 2 Feb: 3, 4, 11, 12 and 15 Feb (5–10 Feb off); without the festival it would be Tue 9 Feb
    expect({ startedAt: deadline.startedAt, yellowAt: deadline.yellowAt, dueAt: deadline.dueAt }).toEqual({
      startedAt: '2027-02-02T01:00:00.000Z',
      yellowAt: '2027-02-13T00:00:00+08:00',
      dueAt: '2027-02-16T00:00:00+08:00',
    });
    expect([yellow.tasks[0]?.warning, red.tasks[0]?.warning]).toEqual(['yellow', 'red']);
    expect(ended.status).toBe('completed');
    expect(endsReached(ended, ENDS)).toEqual(['Event_Closed']);
    expect(ended.variables['certificateNo']).toEqual(expect.any(String));
    const events = await driver.events(started.id);
    expect(warnings(events)).toEqual(['Task_PlanningPermit:yellow', 'Task_PlanningPermit:red']);
    expect(events.filter((e) => e.type === 'TaskCompleted').map((e) => e.data['userId'])).toEqual(['az-agent', 'az-agent', 'az-clerk', 'az-clerk', 'az-clerk']);
  });

  it('self-service project filing with incomplete materials: one-time notice, returned', async () => {
    // given
    const started = await driver.startCase('az-clerk', 'anze-online-agency', 'AZ-2027-002', { applicantName: '安泽文旅', matter: 'project-filing', fullAgency: false });

    // when
    await driver.complete(started.id, 'Task_OnlinePreCheck', 'az-clerk', { materialsComplete: false });
    const ended = await driver.complete(started.id, 'Task_OneTimeNotice', 'az-clerk', { missingMaterials: '项目备案承诺书' });

    // then
    expect(ended.status).toBe('completed');
    expect(endsReached(ended, ENDS)).toEqual(['Event_Returned']);
    expect(ended.variables).toMatchObject({ materialsComplete: false, missingMaterials: '项目备案承诺书' });
  });

  it.each([
    ['project-filing', 'Task_ProjectFiling'],
    ['construction-permit', 'Task_ConstructionPermit'],
    ['other', 'Task_OtherMatter'],
  ])('routes %s to %s; refused there, it ends without a certificate', async (matter, elementId) => {
    // given
    const started = await driver.startCase('az-clerk', 'anze-online-agency', `AZ-2027-R-${matter}`, { applicantName: '安泽煤化', matter, fullAgency: false });
    await driver.complete(started.id, 'Task_OnlinePreCheck', 'az-clerk');

    // when
    const ended = await driver.complete(started.id, elementId, 'az-clerk', { approved: false });

    // then
    expect(ended.status).toBe('completed');
    expect(endsReached(ended, ENDS)).toEqual(['Event_Refused']);
    expect(ended.variables['certificateNo']).toBeUndefined();
  });
});
