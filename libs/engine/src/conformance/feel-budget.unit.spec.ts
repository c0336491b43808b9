import { join } from 'node:path';
import { CaseScenario, compileFixture } from '../testing/case-scenario';

describe('FEEL budget: a looping expression cannot freeze the engine (issue 16)', () => {
  it('a script task `=for i in 1..10000000 return i` raises an incident on its element, with bounded memory (its time is measured by `npm run test:crash -- --health-doors`, not here)', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'feel-budget.bpmn')));
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;

    // when
    scenario.start({ limit: 10000000 });

    // then
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    expect(scenario.state.incidents).toEqual([expect.objectContaining({ elementId: 'numbers' })]);
    expect(scenario.state.incidents[0]).toEqual(expect.objectContaining({ message: expect.stringContaining('over its budget') }));
    expect(heapGrowth).toBeLessThan(100 * 1024 * 1024);
  });

  it('small loops (`for i in 1..10 return i*2`, `some x in [..] satisfies x > 2`) still run', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'feel-budget.bpmn')));

    // when
    scenario.start({ limit: 10 });

    // then
    expect(scenario.state.incidents).toEqual([]);
    expect(scenario.state.status).toBe('completed');
    expect(scenario.state.variables[0].values).toEqual(expect.objectContaining({ numbers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], anyBig: true }));
  });
});
