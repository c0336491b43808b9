import { join } from 'node:path';
import { CaseScenario, compileFixture } from '../testing/case-scenario';

async function started(): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'call-activity-variables.bpmn')));
  const child = { model: await compileFixture(join(__dirname, 'call-activity-variables-child.bpmn')), version: 1 };
  scenario.calledModels = { 'fee-child': child, 'fee-child@1': child };
  scenario.start({ amount: 50, secret: 'parent' });
  return scenario;
}

const callOf = (scenario: CaseScenario, elementId: string) => scenario.state.instances.find((i) => i.elementId === elementId)!;

describe('Zeebe: call activity variables (propagateAllParentVariables / propagateAllChildVariables)', () => {
  it('Zeebe: with input mappings and propagateAllParentVariables at its default (true), the child sees all parent variables and the mapped ones', async () => {
    // given / when
    const scenario = await started();

    // then
    expect(scenario.state.incidents).toEqual([]);
    expect(scenario.variablesOf(callOf(scenario, 'all-parent').id)).toEqual({ amount: 50, secret: 'parent', doubled: 100, total: 150 });
  });

  it('Zeebe: propagateAllChildVariables at its default (true) brings every child variable back to the parent', async () => {
    // given
    const scenario = await started();

    // when
    scenario.completeTask('review', { reviewed: true });

    // then
    expect(scenario.variablesOf()).toMatchObject({ amount: 50, doubled: 100, total: 150, reviewed: true });
  });

  it('Zeebe: propagateAllParentVariables="false" copies only the input mappings; propagateAllChildVariables="false" brings back only the output mappings', async () => {
    // given
    const scenario = await started();
    scenario.completeTask('review');

    // when
    const childScope = scenario.variablesOf(callOf(scenario, 'only-mapped').id);
    scenario.completeTask('review', { reviewedAgain: true });

    // then
    expect(childScope).toEqual({ amount: 1, doubled: 2, total: 3 });
    expect(scenario.state.status).toBe('completed');
    expect(scenario.variablesOf()).toMatchObject({ amount: 50, total: 150, mappedTotal: 3 });
    expect(scenario.variablesOf()).not.toHaveProperty('reviewedAgain');
  });
});
