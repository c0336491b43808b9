import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../compile/compile';
import { CaseScenario, compileFixture, trace } from '../testing/case-scenario';

const fixture = join(__dirname, 'message-events-as-jobs.bpmn');

describe('Zeebe: message throw and end events with a task definition are jobs', () => {
  it('Zeebe: a message throw or end event with zeebe:taskDefinition compiles without a message', async () => {
    // when
    const result = await compile(readFileSync(fixture, 'utf8'));

    // then
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('Zeebe: a job type given as FEEL is evaluated against the variables; each event waits for its job', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(fixture));

    // when
    scenario.start({ channel: 'sms' });
    const notifyJob = scenario.state.jobs[0];
    scenario.when({ type: 'CompleteJob', jobId: notifyJob.jobId, variables: { notified: true } });
    const archiveJob = scenario.state.jobs[0];
    const events = scenario.when({ type: 'CompleteJob', jobId: archiveJob.jobId });

    // then
    expect(notifyJob).toMatchObject({ elementId: 'notify', jobType: 'notify-sms' });
    expect(archiveJob).toMatchObject({ elementId: 'archive', jobType: 'archive', retries: 1 });
    expect(trace(events)).toEqual(expect.arrayContaining(['ElementCompleted:archive', 'CaseCompleted']));
    expect(scenario.variablesOf()).toMatchObject({ channel: 'sms', notified: true });
  });

  it('a FEEL job type that gives no name raises an incident on its element', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(fixture));

    // when
    scenario.start({});

    // then
    expect(scenario.state.incidents).toEqual([expect.objectContaining({ elementId: 'notify' })]);
    expect(scenario.state.jobs).toEqual([]);
  });
});
