import { join } from 'node:path';
import { toCaseView } from '../../case-view';
import { CaseScenario, compileFixture, trace, types } from '../../testing/case-scenario';

const departments = ['yp-natural-resources', 'yp-housing', 'yp-environment'];

async function startedCase(variables: Record<string, unknown> = {}): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'multi-instance.bpmn')));
  scenario.start({ departments, items: ['standard-land', 'energy-use'], rejected: false, ...variables });
  return scenario;
}

function completeReview(scenario: CaseScenario, group: string, variables: Record<string, unknown>) {
  const task = scenario.state.tasks.find((t) => t.candidateGroups.includes(group));
  return scenario.when({ type: 'CompleteTask', taskId: task!.taskId, userId: 'liuyang', variables });
}

describe('multi-instance activity', () => {
  it('parallel: one inner task per item, each with its input element', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'multi-instance.bpmn')));

    // when
    const events = scenario.start({ departments, items: [], rejected: false });

    // then
    expect(types(events).slice(-12)).toEqual([
      'ElementActivated',
      'LoopCollectionResolved',
      'VariablesSet',
      'ElementActivated',
      'VariablesSet',
      'TaskCreated',
      'ElementActivated',
      'VariablesSet',
      'TaskCreated',
      'ElementActivated',
      'VariablesSet',
      'TaskCreated',
    ]);
    expect(toCaseView(scenario.state).tasks.map((t) => t.candidateGroups[0])).toEqual(departments);
  });

  it('parallel: gathers each output element into the output collection in item order', async () => {
    // given
    const scenario = await startedCase();

    // when
    completeReview(scenario, 'yp-environment', { opinion: 'env ok' });
    completeReview(scenario, 'yp-natural-resources', { opinion: 'land ok' });
    const last = completeReview(scenario, 'yp-housing', { opinion: 'housing ok' });

    // then
    expect(trace(last)).toEqual(expect.arrayContaining(['ElementCompleted:pre-review', 'SequenceFlowTaken:f2', 'ElementActivated:commitments']));
    expect(scenario.variablesOf('case-1')['opinions']).toEqual(['land ok', 'housing ok', 'env ok']);
  });

  it('parallel: the completion condition ends the body early, terminating the other inner instances', async () => {
    // given
    const scenario = await startedCase();

    // when
    const events = completeReview(scenario, 'yp-housing', { opinion: 'refused', rejected: true });

    // then
    expect(types(events).filter((t) => t === 'ElementTerminated')).toHaveLength(2);
    expect(types(events).filter((t) => t === 'TaskCancelled')).toHaveLength(2);
    expect(scenario.variablesOf('case-1')['opinions']).toEqual([null, 'refused', null]);
  });

  it('sequential: one inner instance at a time, in item order', async () => {
    // given
    const scenario = await startedCase();
    for (const group of departments) completeReview(scenario, group, { opinion: 'ok' });
    const first = scenario.state.tasks;
    expect(first).toHaveLength(1);
    expect(scenario.variablesOf(first[0].elementInstanceId)).toMatchObject({ item: 'standard-land', loopCounter: 1 });

    // when
    const next = scenario.completeTask('commitments');
    const last = scenario.completeTask('commitments');

    // then
    expect(types(next)).toEqual(['TaskCompleted', 'ElementCompleted', 'ElementActivated', 'VariablesSet', 'TaskCreated']);
    expect(trace(last).slice(-4)).toEqual(['SequenceFlowTaken:f3', 'ElementActivated:end', 'ElementCompleted:end', 'CaseCompleted']);
  });

  it('an empty collection completes the body at once', async () => {
    // given
    const scenario = await startedCase({ departments: [] });

    // when
    const view = toCaseView(scenario.state);

    // then
    expect(view.completed).toEqual(expect.arrayContaining([{ elementId: 'start', count: 1 }]));
    expect(view.tasks.map((t) => t.elementId)).toEqual(['commitments']);
    expect(scenario.variablesOf('case-1')['opinions']).toEqual([]);
  });

  it('an input collection that is not a list raises an incident on the body', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'multi-instance.bpmn')));

    // when
    const events = scenario.start({ departments: 'all', items: [] });

    // then
    expect(types(events).slice(-1)).toEqual(['IncidentRaised']);
    expect(toCaseView(scenario.state).incidents[0].message).toContain('not a list');
  });
});
