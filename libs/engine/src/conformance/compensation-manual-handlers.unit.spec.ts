import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../testing/case-scenario';

describe('Zeebe: compensation handlers that complete at once', () => {
  it('Zeebe: the throw event completes once, after the last handler completed, in the same step', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'compensation-manual-handlers.bpmn')));

    // when
    scenario.start();

    // then
    const steps = trace(scenario.history);
    const compensated = steps.indexOf('ElementCompleted:compensate');
    expect(steps.filter((s) => s === 'CompensationTriggered')).toHaveLength(2);
    expect(steps.indexOf('ElementCompleted:void-stamp')).toBeLessThan(compensated);
    expect(steps.indexOf('ElementCompleted:unfile')).toBeLessThan(compensated);
    expect(steps.filter((s) => s === 'ElementCompleted:compensate')).toHaveLength(1);
    expect(scenario.activeElements()).toEqual(['after']);
    expect(scenario.state.compensations).toEqual([]);
  });
});
