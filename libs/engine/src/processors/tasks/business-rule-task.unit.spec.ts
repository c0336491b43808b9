import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../../testing/case-scenario';

describe('business rule task', () => {
  it.each([
    [{ industrial: true, standardLand: true, excluded: [], company: 'TG-003' }, true],
    [{ industrial: true, standardLand: true, excluded: ['TG-003'], company: 'TG-003' }, false],
  ])('evaluates its FEEL rule into the result variable (%p → %p)', async (variables, qualifies) => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'business-rule-task.bpmn')));

    // when
    const events = scenario.start(variables);

    // then
    expect(trace(events).slice(4, 7)).toEqual(['ElementActivated:qualifies', 'VariablesSet', 'ElementCompleted:qualifies']);
    expect(scenario.variablesOf('case-1')['qualifies']).toBe(qualifies);
  });
});
