import { join } from 'node:path';
import { toCaseView } from '../case-view';
import { CaseScenario, compileFixture, trace } from '../testing/case-scenario';

async function withIncident(): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'incident-of-terminated-element.bpmn')));
  scenario.start({});
  return scenario;
}

describe('Zeebe: incidents do not outlive their element', () => {
  it('Zeebe: a timer boundary that terminates a sub-process resolves the incident its gateway holds, and the process completes without an open incident', async () => {
    // given: the gateway's condition fails on the missing `score`
    const scenario = await withIncident();
    const [incident] = scenario.state.incidents;
    expect(incident).toEqual(expect.objectContaining({ elementId: 'decide' }));

    // when
    const events = scenario.when({ type: 'FireTimer', timerId: scenario.timerOf('too-long') });

    // then
    expect(trace(events).slice(0, 4)).toEqual(['TimerFired', 'IncidentResolved', 'ElementTerminated:decide', 'ElementTerminated:check']);
    expect(events[1].data).toEqual({ incidentId: incident.incidentId });
    expect(scenario.state.incidents).toEqual([]);
    expect(toCaseView(scenario.state).incidents).toEqual([]);
    expect(scenario.state.status).toBe('completed');
  });

  it('Zeebe: cancelling the process instance resolves its incidents too', async () => {
    // given
    const scenario = await withIncident();

    // when
    const events = scenario.when({ type: 'CancelCase', reason: 'withdrawn' });

    // then
    expect(trace(events)).toContain('IncidentResolved');
    expect(scenario.state.incidents).toEqual([]);
  });
});
