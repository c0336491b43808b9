import { join } from 'node:path';
import { toCaseView } from '../../case-view';
import { CaseScenario, compileFixture, trace, types } from '../../testing/case-scenario';

async function startedCase(): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'service-task.bpmn')));
  scenario.start({ company: '太谷农产品加工' });
  return scenario;
}

describe('service task', () => {
  it('creates a job of its type carrying the case variables', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'service-task.bpmn')));

    // when
    const events = scenario.start({ company: '太谷农产品加工' });

    // then
    expect(trace(events).slice(-2)).toEqual(['ElementActivated:register', 'JobCreated:register']);
    expect(events[events.length - 1].data).toMatchObject({ jobType: 'register-company', variables: { company: '太谷农产品加工' } });
  });

  it('completing the job sets its variables and completes the case', async () => {
    // given
    const scenario = await startedCase();

    // when
    const events = scenario.when({ type: 'CompleteJob', jobId: scenario.jobAt('register'), variables: { seals: 3 } });

    // then
    expect(trace(events)).toEqual([
      'JobCompleted',
      'VariablesSet',
      'ElementCompleted:register',
      'SequenceFlowTaken:f2',
      'ElementActivated:end',
      'ElementCompleted:end',
      'CaseCompleted',
    ]);
    expect(toCaseView(scenario.state).variables).toEqual({ company: '太谷农产品加工', seals: 3 });
  });

  it('a job failed with no retries left raises an incident; resolving it with new retries gives the job back', async () => {
    // given
    const scenario = await startedCase();
    const jobId = scenario.jobAt('register');

    // when
    const failed = scenario.when({ type: 'FailJob', jobId, message: '登记系统不可用', retries: 0 });
    const [incident] = toCaseView(scenario.state).incidents;
    const retried = scenario.when({ type: 'ResolveIncident', incidentId: incident.id, jobRetries: 1 });

    // then
    expect(types(failed)).toEqual(['JobFailed', 'IncidentRaised']);
    expect(incident.message).toContain('登记系统不可用');
    expect(types(retried)).toEqual(['JobRetriesUpdated', 'IncidentResolved', 'JobCreated']);
    expect(scenario.state.jobs).toEqual([expect.objectContaining({ jobId, retries: 1 })]);
  });

  it('an unknown job is refused as not found', async () => {
    // given
    const scenario = await startedCase();

    // when
    const rejection = scenario.refused({ type: 'CompleteJob', jobId: 'no-such-job' });

    // then
    expect(rejection.code).toBe('not_found');
  });
});
