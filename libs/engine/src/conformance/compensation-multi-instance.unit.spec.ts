import { join } from 'node:path';
import { CaseScenario, compileFixture } from '../testing/case-scenario';

describe('Zeebe: compensating a multi-instance activity', () => {
  it('Zeebe: the handler of a multi-instance activity is invoked once, not once per item', async () => {
    // given three reviews completed
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'compensation-multi-instance.bpmn')));
    scenario.start({ departments: ['housing', 'planning', 'fire'] });
    scenario.completeTask('review');
    scenario.completeTask('review');

    // when
    const events = scenario.completeTask('review');

    // then
    expect(scenario.state.tasks.map((t) => t.elementId)).toEqual(['withdraw-reviews']);
    expect(events.filter((e) => e.type === 'CompensationTriggered')).toHaveLength(1);

    // and the process completes after it
    scenario.completeTask('withdraw-reviews');
    expect(scenario.state.status).toBe('completed');
  });
});
