import { join } from 'node:path';
import { compile } from '../compile/compile';
import { toCaseView } from '../case-view';
import { CaseScenario, compileFixture, types } from '../testing/case-scenario';

async function started(variables: Record<string, unknown> = { attempts: 4 }): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'job-leftovers.bpmn')));
  scenario.start(variables);
  return scenario;
}

const withRetries = (retries: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="charge" />
    <bpmn:serviceTask id="charge"><bpmn:extensionElements><zeebe:taskDefinition type="t" retries="${retries}" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="charge" targetRef="e" /><bpmn:endEvent id="e" />
  </bpmn:process>
</bpmn:definitions>`;

describe('Zeebe: job retries as FEEL, FailJob with variables', () => {
  it('Zeebe: retries given as FEEL (retries="=…") are evaluated when the job is created', async () => {
    // given / when
    const scenario = await started({ attempts: 4 });

    // then
    expect(scenario.state.jobs).toEqual([expect.objectContaining({ elementId: 'charge', retries: 5 })]);
  });

  it('Zeebe: retries FEEL that gives no whole number raises an incident on the task', async () => {
    // given / when
    const scenario = await started({ attempts: 'many' });

    // then
    expect(scenario.state.jobs).toEqual([]);
    expect(toCaseView(scenario.state).incidents).toEqual([expect.objectContaining({ elementId: 'charge' })]);
  });

  it('compile refuses retries that are neither a whole number nor FEEL, naming the task', async () => {
    // given / when
    const refused = await compile(withRetries('three'));
    const broken = await compile(withRetries('=attempts +'));
    const fine = await compile(withRetries('=attempts'));

    // then
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems).toEqual([expect.objectContaining({ elementId: 'charge', message: expect.stringContaining('"three"') })]);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems.map((p) => p.elementId)).toContain('charge');
    expect(fine.ok).toBe(true);
  });

  it('Zeebe: FailJob variables are set local to the task: the next activation sees them, the case scope does not', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');
    const instanceId = scenario.state.jobs[0].elementInstanceId;

    // when
    const failed = scenario.when({ type: 'FailJob', jobId, message: '网关超时', retries: 3, retryBackOffMs: 5_000, variables: { lastError: 'gateway timeout' } });
    scenario.now = new Date(Date.parse(scenario.now) + 5_000).toISOString();
    const activated = scenario.when({ type: 'ActivateJob', jobId, worker: 'w1', timeoutMs: 10_000 });

    // then
    expect(types(failed)).toEqual(['VariablesSet', 'JobRetrying']);
    expect(failed[0].data).toEqual({ scopeId: instanceId, variables: { lastError: 'gateway timeout' } });
    expect(activated[0].data).toMatchObject({ variables: { attempts: 4, lastError: 'gateway timeout' } });
    expect(scenario.variablesOf()).not.toHaveProperty('lastError');
  });

  it('Zeebe: FailJob at 0 retries with variables keeps them on the task the incident holds', async () => {
    // given
    const scenario = await started();
    const jobId = scenario.jobAt('charge');

    // when
    const failed = scenario.when({ type: 'FailJob', jobId, message: 'down', retries: 0, variables: { lastError: 'down' } });

    // then
    expect(types(failed)).toEqual(['VariablesSet', 'JobFailed', 'IncidentRaised']);
    expect(scenario.variablesOf(scenario.state.incidents[0].elementInstanceId)).toEqual({ lastError: 'down' });
  });

  it('FailJob refuses variables that are not a JSON object', async () => {
    // given
    const scenario = await started();

    // when
    const refused = scenario.refused({ type: 'FailJob', jobId: scenario.jobAt('charge'), message: 'x', variables: [1] as unknown as Record<string, unknown> });

    // then
    expect(refused.code).toBe('invalid_variables');
  });
});
