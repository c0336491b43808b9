import { join } from 'node:path';
import { toCaseView } from '../case-view';
import { CaseScenario, compileFixture, trace } from '../testing/case-scenario';

describe('Zeebe: compensation thrown inside an event sub-process', () => {
  it('Zeebe: compensates the completed activities of the scope around the event sub-process, then the event sub-process goes on', async () => {
    // given the fee was paid, and the review runs
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'compensation-event-sub-process.bpmn')));
    scenario.start();
    scenario.completeTask('pay');

    // when the applicant withdraws
    const events = scenario.when({ type: 'CorrelateMessage', name: 'withdraw', correlationKey: 'k' });

    // then the refund runs while the throw event waits, and the case view shows it as an ordinary step
    expect(trace(events)).toEqual(expect.arrayContaining(['ElementTerminated:review', 'ElementActivated:undo', 'CompensationTriggered', 'ElementActivated:refund']));
    expect(scenario.state.tasks.map((t) => t.elementId)).toEqual(['refund']);
    expect(toCaseView(scenario.state).active.map((a) => `${a.elementId}:${a.elementType}`)).toEqual(expect.arrayContaining(['undo:intermediateThrowEvent', 'refund:userTask']));

    // when
    scenario.completeTask('refund');

    // then
    expect(scenario.state.status).toBe('completed');
    expect(toCaseView(scenario.state).completed).toEqual(expect.arrayContaining([{ elementId: 'refund', count: 1 }, { elementId: 'pay-compensation', count: 1 }]));
  });
});
