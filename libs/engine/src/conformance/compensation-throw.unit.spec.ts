import { join } from 'node:path';
import { fold } from '../evolve';
import { CaseScenario, compileFixture, trace } from '../testing/case-scenario';

async function booked(variables: Record<string, unknown> = {}): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'compensation-throw.bpmn')));
  scenario.start(variables);
  return scenario;
}

function openTasks(scenario: CaseScenario): string[] {
  return scenario.state.tasks.map((t) => t.elementId).sort();
}

describe('Zeebe: a compensation intermediate throw event compensates the completed activities of its scope', () => {
  it('Zeebe: invokes every handler of a completed activity at once and waits until all of them completed', async () => {
    // given
    const scenario = await booked();
    scenario.completeTask('book-hotel');

    // when
    const events = scenario.completeTask('book-flight', { undo: true });

    // then both handlers run at once, as ordinary activities, and the throw event waits
    expect(openTasks(scenario)).toEqual(['cancel-flight', 'cancel-hotel']);
    expect(scenario.activeElements()).toEqual(['cancel-flight', 'cancel-hotel', 'compensate']);
    expect(trace(events)).toEqual(expect.arrayContaining(['ElementActivated:hotel-compensation', 'ElementCompleted:hotel-compensation', 'ElementActivated:flight-compensation']));
    expect(events.filter((e) => e.type === 'CompensationTriggered')).toHaveLength(2);

    // when one handler completed, the throw event still waits
    scenario.completeTask('cancel-flight');
    expect(scenario.activeElements()).toEqual(['cancel-hotel', 'compensate']);

    // when the last one completed, the throw event completes and the flow goes on
    const last = scenario.completeTask('cancel-hotel');
    expect(trace(last)).toEqual(expect.arrayContaining(['CompensationCompleted', 'ElementCompleted:compensate', 'ElementActivated:notify']));
    expect(scenario.activeElements()).toEqual(['notify']);
    expect(scenario.state.compensations).toEqual([]);
  });

  it('Zeebe: a handler is invoked as many times as its activity completed', async () => {
    // given book-flight completed twice
    const scenario = await booked();
    scenario.completeTask('book-hotel');
    scenario.completeTask('book-flight', { again: true });

    // when
    scenario.completeTask('book-flight', { again: false, undo: true });

    // then
    expect(openTasks(scenario)).toEqual(['cancel-flight', 'cancel-flight', 'cancel-hotel']);
  });

  it('Zeebe: with nothing to compensate the throw event completes at once', async () => {
    // when
    const scenario = await booked({ skip: true });

    // then
    expect(trace(scenario.history)).toEqual(expect.arrayContaining(['ElementActivated:compensate', 'ElementCompleted:compensate', 'ElementActivated:notify']));
    expect(scenario.history.some((e) => e.type === 'CompensationTriggered')).toBe(false);
    expect(scenario.activeElements()).toEqual(['notify']);
  });

  it('Zeebe: a compensated activity is not compensated again, and the case view shows the handlers as completed steps', async () => {
    // given
    const scenario = await booked();
    scenario.completeTask('book-hotel');
    scenario.completeTask('book-flight', { undo: true });
    scenario.completeTask('cancel-flight');
    scenario.completeTask('cancel-hotel');

    // then the handlers and the boundary events count as completed elements
    expect(scenario.state.completed).toEqual(expect.objectContaining({ 'cancel-flight': 1, 'cancel-hotel': 1, 'hotel-compensation': 1, 'flight-compensation': 1, compensate: 1 }));
    // and replaying the events gives the same state
    expect(fold(scenario.history)).toEqual(scenario.state);

    // when the case ends no handler is left
    scenario.completeTask('notify');
    expect(scenario.state.status).toBe('completed');
  });
});
