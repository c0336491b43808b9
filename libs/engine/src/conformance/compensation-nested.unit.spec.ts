import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../testing/case-scenario';

async function started(): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'compensation-nested.bpmn')));
  scenario.start();
  return scenario;
}

describe('Zeebe: compensation reaches into completed embedded sub-processes, never into active or terminated activities', () => {
  it('Zeebe: a completed sub-process is compensated through the handlers of what completed inside it; the handler of an active activity does not run', async () => {
    // given
    const scenario = await started();
    scenario.completeTask('reserve');

    // when the sub-process completes, the process forks to a still active inspection and the throw event
    const events = scenario.completeTask('confirm');

    // then the inner handler runs in the throw event's scope, the active inspection's does not
    expect(scenario.state.tasks.map((t) => t.elementId).sort()).toEqual(['inspect', 'release']);
    expect(trace(events)).not.toContain('ElementActivated:undo-inspect');
    expect(scenario.state.instances.find((i) => i.elementId === 'release')?.scopeId).toBe(scenario.caseId);

    // when the inner handler completed, the throw event completes
    const done = scenario.completeTask('release');
    expect(trace(done)).toEqual(expect.arrayContaining(['ElementCompleted:compensate', 'ElementActivated:report']));
    // and the sub-process's own subscription completed with it
    expect(scenario.state.compensations).toEqual([]);
  });

  it('Zeebe: what completed inside a terminated sub-process is not compensated', async () => {
    // given reserve completed inside the reservation, which is then interrupted
    const scenario = await started();
    scenario.completeTask('reserve');

    // when
    const events = scenario.when({ type: 'CorrelateMessage', name: 'withdraw', correlationKey: 'k' });

    // then the subscription is deleted and the throw event has nothing to compensate
    expect(trace(events)).toEqual(expect.arrayContaining(['CompensationDeleted', 'ElementTerminated:reservation', 'ElementCompleted:compensate', 'ElementActivated:report']));
    expect(scenario.state.tasks.map((t) => t.elementId)).toEqual(['report']);
  });
});
