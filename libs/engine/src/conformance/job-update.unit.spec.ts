import { join } from 'node:path';
import { toCaseView } from '../case-view';
import { CaseScenario, compileFixture, types } from '../testing/case-scenario';

/**
 * Zeebe's job UPDATE (what Camunda's v2 REST `PATCH /jobs/{jobKey} {changeset}` sends): new
 * retries for a job (open, or held by its incident), and a new timeout for an activated job,
 * counted from now. Neither field → INVALID_ARGUMENT; retries below 1 → INVALID_ARGUMENT; a
 * timeout for a job that is not activated → INVALID_STATE ("… but it is not active").
 */
async function started(): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'job-protocol.bpmn')));
  scenario.start({ fee: 120 });
  return scenario;
}

const at = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

describe('Zeebe: job update (UpdateJob: retries and timeout)', () => {
  it('Zeebe: a new timeout moves an activated job\'s deadline to now + timeout; no other worker takes it before then', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');
    scenario.when({ type: 'ActivateJob', jobId, worker: 'w1', timeoutMs: 10_000 });
    scenario.now = at(scenario.now, 5_000);

    // when
    const updated = scenario.when({ type: 'UpdateJob', jobId, timeoutMs: 60_000 });
    scenario.now = at(scenario.now, 30_000);
    const busy = scenario.refused({ type: 'ActivateJob', jobId, worker: 'w2', timeoutMs: 10_000 });

    // then
    expect(types(updated)).toEqual(['JobTimeoutUpdated']);
    expect(updated[0].data).toEqual({ jobId, deadline: at(scenario.now, 30_000) });
    expect(scenario.state.jobs[0]).toMatchObject({ worker: 'w1', deadline: at(scenario.now, 30_000) });
    expect(busy.code).toBe('invalid_state');
    expect(busy.message).toContain('activated by w1');
  });

  it('Zeebe: retries and timeout together update both, in one step', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');
    scenario.when({ type: 'ActivateJob', jobId, worker: 'w1', timeoutMs: 10_000 });

    // when
    const updated = scenario.when({ type: 'UpdateJob', jobId, retries: 7, timeoutMs: 20_000 });

    // then
    expect(types(updated)).toEqual(['JobRetriesUpdated', 'JobTimeoutUpdated']);
    expect(scenario.state.jobs[0]).toMatchObject({ retries: 7, deadline: at(scenario.now, 20_000) });
  });

  it('Zeebe: the timeout of a job no worker holds cannot be updated ("it is not active"), nor one whose lease ran out', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');

    // when
    const notActivated = scenario.refused({ type: 'UpdateJob', jobId, timeoutMs: 60_000 });
    scenario.when({ type: 'ActivateJob', jobId, worker: 'w1', timeoutMs: 1_000 });
    scenario.now = at(scenario.now, 2_000);
    const lapsed = scenario.refused({ type: 'UpdateJob', jobId, retries: 4, timeoutMs: 60_000 });

    // then
    expect(notActivated.code).toBe('invalid_state');
    expect(notActivated.message).toContain('not active');
    expect(lapsed.code).toBe('invalid_state');
    expect(scenario.state.jobs[0].retries).toBe(2);
  });

  it('Zeebe: an update with neither retries nor timeout, retries below 1 or a timeout below 1 ms is refused naming the field', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');
    scenario.when({ type: 'ActivateJob', jobId, worker: 'w1', timeoutMs: 10_000 });

    // when
    const empty = scenario.refused({ type: 'UpdateJob', jobId });
    const zeroRetries = scenario.refused({ type: 'UpdateJob', jobId, retries: 0 });
    const zeroTimeout = scenario.refused({ type: 'UpdateJob', jobId, timeoutMs: 0 });
    const unknown = scenario.refused({ type: 'UpdateJob', jobId: 'nope', retries: 2 });

    // then
    expect([empty.code, empty.message]).toEqual(['invalid_input', expect.stringContaining('retries or timeout')]);
    expect([zeroRetries.code, zeroRetries.message]).toEqual(['invalid_input', expect.stringContaining('retries')]);
    expect([zeroTimeout.code, zeroTimeout.message]).toEqual(['invalid_input', expect.stringContaining('timeout')]);
    expect(unknown.code).toBe('not_found');
  });

  it('Zeebe: new retries for a job held by its incident; resolving the incident then makes the job activatable with them', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');
    scenario.when({ type: 'FailJob', jobId, message: 'down', retries: 0 });
    const [incident] = toCaseView(scenario.state).incidents;

    // when
    const updated = scenario.when({ type: 'UpdateJob', jobId, retries: 3 });
    const resolved = scenario.when({ type: 'ResolveIncident', incidentId: incident.id });
    const activated = scenario.when({ type: 'ActivateJob', jobId, worker: 'w2', timeoutMs: 10_000 });

    // then
    expect(types(updated)).toEqual(['JobRetriesUpdated']);
    expect(types(resolved)).toEqual(['IncidentResolved', 'JobCreated']);
    expect(activated[0].data).toMatchObject({ jobId, retries: 3 });
  });

  it('Zeebe: a job held by its incident has no timeout to update', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');
    scenario.when({ type: 'FailJob', jobId, message: 'down', retries: 0 });

    // when
    const refused = scenario.refused({ type: 'UpdateJob', jobId, retries: 2, timeoutMs: 5_000 });

    // then
    expect(refused.code).toBe('invalid_state');
    expect(toCaseView(scenario.state).incidents).toHaveLength(1);
  });
});
