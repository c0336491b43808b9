import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../testing/case-scenario';

async function charged(): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'compensation-activity-ref.bpmn')));
  scenario.start();
  scenario.when({ type: 'CompleteJob', jobId: scenario.jobAt('register') });
  scenario.completeTask('charge');
  return scenario;
}

describe('Zeebe: a compensation throw event with activityRef, and a compensation end event', () => {
  it('Zeebe: with activityRef only that activity\'s handler is invoked (a job worker handler here)', async () => {
    // when
    const scenario = await charged();

    // then
    expect(scenario.state.jobs.map((j) => j.jobType)).toEqual(['unregister']);
    expect(scenario.state.tasks).toEqual([]);
    expect(scenario.activeElements()).toEqual(['undo-register', 'unregister']);
  });

  it('Zeebe: a compensation end event invokes the handlers not yet invoked and the process completes when they completed', async () => {
    // given
    const scenario = await charged();

    // when the first handler completed, the end event compensates the rest
    scenario.when({ type: 'CompleteJob', jobId: scenario.jobAt('unregister') });

    // then only the refund runs: register was compensated already
    expect(scenario.state.tasks.map((t) => t.elementId)).toEqual(['refund']);
    expect(scenario.activeElements()).toEqual(['refund', 'undo-all']);
    expect(scenario.state.status).toBe('active');

    // when
    const events = scenario.completeTask('refund');

    // then
    expect(trace(events).slice(-4)).toEqual(['ElementCompleted:refund', 'CompensationCompleted', 'ElementCompleted:undo-all', 'CaseCompleted']);
    expect(scenario.state.status).toBe('completed');
  });
});
