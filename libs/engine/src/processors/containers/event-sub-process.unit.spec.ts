import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../../testing/case-scenario';

async function startedCase(): Promise<{ scenario: CaseScenario; started: string[] }> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'event-sub-process.bpmn')));
  const started = trace(scenario.start());
  return { scenario, started };
}

describe('event sub-process (error, escalation, signal starts)', () => {
  it('a non-interrupting escalation start runs beside the flow that threw the escalation', async () => {
    // given / when
    const { started } = await startedCase();

    // then
    expect(started.slice(0, 12)).toEqual([
      'CaseStarted',
      'SignalSubscriptionOpened:policy-start',
      'ElementActivated:start',
      'ElementCompleted:start',
      'SequenceFlowTaken:f1',
      'ElementActivated:late',
      'ElementActivated:on-late',
      'ElementActivated:late-start',
      'ElementCompleted:late-start',
      'SequenceFlowTaken:l1',
      'ElementCompleted:late',
      'SequenceFlowTaken:f2',
    ]);
    expect(started).toContain('ElementCompleted:on-late');
    expect(started.slice(-2)).toEqual(['ElementActivated:check', 'TaskCreated:check']);
  });

  it('an error start inside the sub-process catches its error end and replaces the sub-process flow', async () => {
    // given
    const { scenario } = await startedCase();

    // when
    const events = scenario.completeTask('check');

    // then
    expect(trace(events)).toEqual([
      'TaskCompleted',
      'ElementCompleted:check',
      'SequenceFlowTaken:s2',
      'ElementActivated:returned',
      'ElementTerminated:returned',
      'ElementActivated:on-return',
      'ElementActivated:return-start',
      'ElementCompleted:return-start',
      'SequenceFlowTaken:r1',
      'ElementActivated:notify-return',
      'TaskCreated:notify-return',
    ]);
    scenario.completeTask('notify-return');
    expect(scenario.state.status).toBe('completed');
  });

  it('a non-interrupting signal start opens a task beside the running flow', async () => {
    // given
    const { scenario } = await startedCase();

    // when
    const events = scenario.when({ type: 'BroadcastSignal', name: 'policy-changed' });

    // then
    expect(trace(events)).toEqual(['ElementActivated:on-policy', 'ElementActivated:policy-start', 'ElementCompleted:policy-start', 'SequenceFlowTaken:p1', 'ElementActivated:recheck', 'TaskCreated:recheck']);
    expect(scenario.activeElements()).toEqual(['check', 'on-policy', 'recheck', 'stage']);
  });
});
