import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../testing/case-scenario';

async function started(variables: Record<string, unknown>): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'terminate-end-event.bpmn')));
  scenario.start(variables);
  return scenario;
}

describe('Zeebe: a terminate end event terminates the other element instances of its flow scope, then the scope completes', () => {
  it('Zeebe: at the process level it terminates every other element instance and the process instance completes (not "terminated")', async () => {
    // when
    const scenario = await started({ where: 'process' });

    // then
    expect(trace(scenario.history).slice(-5)).toEqual(['ElementActivated:stop', 'TaskCancelled', 'ElementTerminated:waiting', 'ElementCompleted:stop', 'CaseCompleted']);
    expect(scenario.state.status).toBe('completed');
    expect(scenario.state.instances).toEqual([]);
    expect(scenario.state.tasks).toEqual([]);
  });

  it('Zeebe: inside a sub-process it terminates only that scope (a token waiting at its join included), the sub-process completes and the process goes on', async () => {
    // given
    const scenario = await started({ where: 'sub' });
    scenario.completeTask('t1');
    expect(scenario.state.arrivals.map((a) => a.gatewayId)).toEqual(['inner-join']);

    // when
    const events = scenario.completeTask('t3');

    // then
    expect(trace(events)).toEqual(expect.arrayContaining(['ElementTerminated:t2', 'ElementCompleted:inner-stop', 'ElementCompleted:inner', 'ElementActivated:after']));
    expect(trace(events)).not.toContain('ElementTerminated:inner');
    expect(scenario.activeElements()).toEqual(['after', 'outer-task']);
    expect(scenario.state.arrivals).toEqual([]);
    expect(scenario.state.status).toBe('active');

    // and the process completes normally afterwards
    scenario.completeTask('after');
    scenario.completeTask('outer-task');
    expect(scenario.state.status).toBe('completed');
  });
});
