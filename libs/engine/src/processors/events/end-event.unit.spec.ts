import { join } from 'node:path';
import { toCaseView } from '../../case-view';
import { CaseScenario, compileFixture, trace } from '../../testing/case-scenario';

async function run(variables: Record<string, unknown>) {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'end-event.bpmn')));
  const events = scenario.start(variables);
  return { scenario, events };
}

describe('end event', () => {
  it('terminate: ends every other token of the scope and completes the case, as in Zeebe', async () => {
    // given / when
    const { scenario, events } = await run({ ending: 'terminate' });

    // then
    expect(trace(events).slice(-9)).toEqual([
      'SequenceFlowTaken:f-waiting',
      'SequenceFlowTaken:f-stop',
      'ElementActivated:waiting',
      'TaskCreated:waiting',
      'ElementActivated:terminate-end',
      'TaskCancelled',
      'ElementTerminated:waiting',
      'ElementCompleted:terminate-end',
      'CaseCompleted',
    ]);
    expect(scenario.state.status).toBe('completed');
  });

  it('error: an error nothing catches raises an incident at the end event', async () => {
    // given / when
    const { scenario, events } = await run({ ending: 'error' });

    // then
    expect(trace(events).slice(-2)).toEqual(['ElementActivated:error-end', 'IncidentRaised:error-end']);
    expect(toCaseView(scenario.state).incidents[0].message).toContain('UNHANDLED');
    expect(scenario.state.status).toBe('active');
  });

  it('escalation: an escalation nothing catches ends normally', async () => {
    // given / when
    const { scenario, events } = await run({ ending: 'escalation' });

    // then
    expect(trace(events).slice(-3)).toEqual(['ElementActivated:escalation-end', 'ElementCompleted:escalation-end', 'CaseCompleted']);
    expect(scenario.state.status).toBe('completed');
  });

  it('message: sends its message with the input mappings as payload, then ends', async () => {
    // given / when
    const { events } = await run({ ending: 'message', applicationId: 'LF-2026-001', permitNo: 'P-1' });

    // then
    expect(trace(events).slice(-5)).toEqual(['ElementActivated:message-end', 'VariablesSet', 'MessageSent:message-end', 'ElementCompleted:message-end', 'CaseCompleted']);
    expect(events[events.length - 3].data).toMatchObject({ messageName: 'permit-issued', correlationKey: 'LF-2026-001', variables: { permitNo: 'P-1' } });
  });

  it('signal: records the signal for the api to broadcast in the zone, then ends', async () => {
    // given / when
    const { events } = await run({ ending: 'signal' });

    // then
    expect(trace(events).slice(-4)).toEqual(['ElementActivated:signal-end', 'SignalThrown:signal-end', 'ElementCompleted:signal-end', 'CaseCompleted']);
    expect(events[events.length - 3].data).toMatchObject({ signalName: 'case-closed' });
  });
});
