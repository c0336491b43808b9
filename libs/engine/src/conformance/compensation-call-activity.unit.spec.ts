import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../testing/case-scenario';

describe('Zeebe: compensating a call activity', () => {
  it('Zeebe: the call activity\'s own handler runs; the handlers of the child process are not invoked', async () => {
    // given the child printed the licence and completed
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'compensation-call-activity.bpmn')));
    const child = await compileFixture(join(__dirname, 'compensation-call-activity-child.bpmn'));
    scenario.calledModels = { [child.key]: { model: child, version: 1 }, [`${child.key}@1`]: { model: child, version: 1 } };
    scenario.start();

    // when
    const events = scenario.completeTask('print');

    // then the end event runs only the revocation
    expect(trace(events)).toEqual(expect.arrayContaining(['CompensationDeleted', 'ElementCompleted:issue', 'ElementActivated:compensate', 'ElementActivated:revoke']));
    expect(scenario.state.tasks.map((t) => t.elementId)).toEqual(['revoke']);

    // when
    scenario.completeTask('revoke');

    // then
    expect(scenario.state.status).toBe('completed');
    expect(trace(scenario.history)).not.toContain('ElementActivated:shred');
  });
});
