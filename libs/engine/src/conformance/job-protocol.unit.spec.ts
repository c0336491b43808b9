import { join } from 'node:path';
import { toCaseView } from '../case-view';
import { CaseScenario, compileFixture, trace, types } from '../testing/case-scenario';

async function started(): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'job-protocol.bpmn')));
  scenario.start({ fee: 120 });
  return scenario;
}

const at = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

describe('Zeebe: the job protocol (ThrowError, retries with back-off, UpdateJobRetries, timeouts)', () => {
  it('Zeebe: a job gets the retries of zeebe:taskDefinition', async () => {
    // given / when
    const scenario = await started();

    // then
    expect(scenario.state.jobs).toEqual([expect.objectContaining({ elementId: 'charge', jobType: 'charge-fee', retries: 2 })]);
  });

  it('Zeebe: ThrowError with a code an error boundary catches takes the boundary path, with the error variables', async () => {
    // given
    const scenario = await started();

    // when
    const events = scenario.when({ type: 'ThrowError', jobId: scenario.jobAt('charge'), errorCode: 'DECLINED', errorMessage: '余额不足', variables: { reason: 'insufficient' } });

    // then
    expect(trace(events)).toEqual(expect.arrayContaining(['JobErrorThrown', 'ElementTerminated:charge', 'ElementActivated:declined', 'ElementCompleted:refused', 'CaseCompleted']));
    expect(trace(events)).not.toContain('ElementActivated:done');
    expect(toCaseView(scenario.state).variables).toMatchObject({ fee: 120, reason: 'insufficient' });
  });

  it('Zeebe: ThrowError that nothing catches raises an "unhandled error" incident; resolving it gives the job back', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');

    // when
    const events = scenario.when({ type: 'ThrowError', jobId, errorCode: 'TIMEOUT' });
    const [incident] = toCaseView(scenario.state).incidents;
    const resolved = scenario.when({ type: 'ResolveIncident', incidentId: incident.id });

    // then
    expect(types(events)).toEqual(['JobErrorThrown', 'IncidentRaised']);
    expect(incident.message).toContain('unhandled error');
    expect(incident.message).toContain('TIMEOUT');
    expect(types(resolved)).toEqual(['IncidentResolved', 'JobCreated']);
    expect(scenario.state.jobs).toEqual([expect.objectContaining({ jobId, retries: 2 })]);
  });

  it('Zeebe: FailJob with retries left raises no incident and the job is activatable again only after the back-off', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');
    scenario.when({ type: 'ActivateJob', jobId, worker: 'w1', timeoutMs: 60_000 });

    // when
    const failed = scenario.when({ type: 'FailJob', jobId, message: '网关超时', retries: 1, retryBackOffMs: 30_000 });

    // then
    expect(types(failed)).toEqual(['JobRetrying']);
    expect(toCaseView(scenario.state).incidents).toEqual([]);
    expect(scenario.state.jobs[0]).toMatchObject({ retries: 1, retryAt: at(scenario.now, 30_000) });
    expect(scenario.refused({ type: 'ActivateJob', jobId, worker: 'w2', timeoutMs: 60_000 }).message).toContain('backs off until');
    scenario.now = at(scenario.now, 30_000);
    expect(types(scenario.when({ type: 'ActivateJob', jobId, worker: 'w2', timeoutMs: 60_000 }))).toEqual(['JobActivated']);
  });

  it('Zeebe: without retries in FailJob the job loses one; the incident comes only when none are left', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');

    // when
    const first = scenario.when({ type: 'FailJob', jobId, message: 'down' });
    const second = scenario.when({ type: 'FailJob', jobId, message: 'still down' });

    // then
    expect(types(first)).toEqual(['JobRetrying']);
    expect(types(second)).toEqual(['JobFailed', 'IncidentRaised']);
    expect(toCaseView(scenario.state).incidents[0].message).toContain('still down');
  });

  it('Zeebe: an incident of a job with no retries left is not resolved until UpdateJobRetries gives it some', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');
    scenario.when({ type: 'FailJob', jobId, message: 'down', retries: 0 });
    const [incident] = toCaseView(scenario.state).incidents;

    // when
    const refused = scenario.refused({ type: 'ResolveIncident', incidentId: incident.id });
    const updated = scenario.when({ type: 'UpdateJobRetries', jobId, retries: 5 });
    const resolved = scenario.when({ type: 'ResolveIncident', incidentId: incident.id });

    // then
    expect(refused.code).toBe('invalid_state');
    expect(refused.message).toContain('no retries left');
    expect(types(updated)).toEqual(['JobRetriesUpdated']);
    expect(types(resolved)).toEqual(['IncidentResolved', 'JobCreated']);
    expect(scenario.state.jobs).toEqual([expect.objectContaining({ jobId, retries: 5 })]);
  });

  it('resolving with jobRetries updates the retries and resolves at once (as Operate\'s retry does)', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');
    scenario.when({ type: 'FailJob', jobId, message: 'down', retries: 0 });
    const [incident] = toCaseView(scenario.state).incidents;

    // when
    const resolved = scenario.when({ type: 'ResolveIncident', incidentId: incident.id, jobRetries: 1 });

    // then
    expect(types(resolved)).toEqual(['JobRetriesUpdated', 'IncidentResolved', 'JobCreated']);
    expect(scenario.state.jobs).toEqual([expect.objectContaining({ jobId, retries: 1 })]);
  });

  it('Zeebe: UpdateJobRetries refuses retries below 1 and unknown jobs', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');

    // when / then
    expect(scenario.refused({ type: 'UpdateJobRetries', jobId, retries: 0 }).code).toBe('invalid_input');
    expect(scenario.refused({ type: 'UpdateJobRetries', jobId: 'nope', retries: 2 }).code).toBe('not_found');
  });

  it('Zeebe: an activated job is not activated twice until its timeout has passed, then it times out and is taken again', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');
    const first = scenario.when({ type: 'ActivateJob', jobId, worker: 'w1', timeoutMs: 10_000 });

    // when
    const busy = scenario.refused({ type: 'ActivateJob', jobId, worker: 'w2', timeoutMs: 10_000 });
    scenario.now = at(scenario.now, 10_000);
    const again = scenario.when({ type: 'ActivateJob', jobId, worker: 'w2', timeoutMs: 10_000 });

    // then
    expect(first[0].data).toMatchObject({ worker: 'w1', variables: { fee: 120 } });
    expect(busy.code).toBe('invalid_state');
    expect(types(again)).toEqual(['JobTimedOut', 'JobActivated']);
    expect(scenario.state.jobs[0]).toMatchObject({ worker: 'w2', deadline: at(scenario.now, 10_000) });
  });

  it('Zeebe: a worker may still complete a job after its lease lapsed', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');
    scenario.when({ type: 'ActivateJob', jobId, worker: 'w1', timeoutMs: 1_000 });
    scenario.now = at(scenario.now, 5_000);

    // when
    scenario.when({ type: 'CompleteJob', jobId, variables: { paid: true } });

    // then
    expect(scenario.state.status).toBe('completed');
    expect(scenario.state.completed['done']).toBe(1);
  });
});
