import { join } from 'node:path';
import { CaseScenario, compileFixture, trace, types } from '../../testing/case-scenario';

async function startedCase(variables: Record<string, unknown> = {}): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'boundary-event.bpmn')));
  scenario.start({ applicationId: 'LF-2026-001', ...variables });
  return scenario;
}

describe('boundary event', () => {
  it('opens the waits of every timer and message boundary event when the activity starts', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'boundary-event.bpmn')));

    // when
    const events = scenario.start({ applicationId: 'LF-2026-001' });

    // then
    expect(trace(events).slice(-6)).toEqual([
      'ElementActivated:review',
      'TimerScheduled:overdue',
      'TimerScheduled:reminder',
      'MessageSubscriptionOpened:withdrawn',
      'MessageSubscriptionOpened:note',
      'TaskCreated:review',
    ]);
  });

  it('an interrupting timer terminates the task and leaves by the boundary flow', async () => {
    // given
    const scenario = await startedCase();

    // when
    const events = scenario.when({ type: 'FireTimer', timerId: scenario.timerOf('overdue') });

    // then
    expect(trace(events)).toEqual([
      'TimerFired',
      'TimerCancelled',
      'MessageSubscriptionClosed',
      'MessageSubscriptionClosed',
      'TaskCancelled',
      'ElementTerminated:review',
      'ElementActivated:overdue',
      'ElementCompleted:overdue',
      'SequenceFlowTaken:f-overdue',
      'ElementActivated:escalated',
      'ElementCompleted:escalated',
      'CaseCompleted',
    ]);
  });

  it('a non-interrupting cycle timer leaves a token by its flow, keeps the task and repeats', async () => {
    // given
    const scenario = await startedCase();

    // when
    const events = scenario.when({ type: 'FireTimer', timerId: scenario.timerOf('reminder') });

    // then
    expect(trace(events)).toEqual([
      'TimerFired',
      'ElementActivated:reminder',
      'ElementCompleted:reminder',
      'SequenceFlowTaken:f-reminder',
      'TimerScheduled:reminder',
      'ElementActivated:reminded',
      'ElementCompleted:reminded',
    ]);
    expect(scenario.state.tasks).toHaveLength(1);
    const second = scenario.when({ type: 'FireTimer', timerId: scenario.timerOf('reminder') });
    expect(types(second)).not.toContain('TimerScheduled');
  });

  it('an interrupting message withdraws the application; a non-interrupting one keeps the task', async () => {
    // given
    const scenario = await startedCase();

    // when
    const noted = scenario.when({ type: 'CorrelateMessage', name: 'note-added', correlationKey: 'LF-2026-001' });
    const withdrawn = scenario.when({ type: 'CorrelateMessage', name: 'application-withdrawn', correlationKey: 'LF-2026-001' });

    // then
    expect(types(noted)).not.toContain('ElementTerminated');
    expect(trace(withdrawn)).toContain('ElementTerminated:review');
    expect(trace(withdrawn)).toContain('ElementActivated:withdrawn-end');
    expect(scenario.state.status).toBe('completed');
  });

  it('an error end event in a sub-process is caught by the error boundary, which ends the sub-process', async () => {
    // given
    const scenario = await startedCase({ materialsComplete: false });

    // when
    const events = scenario.completeTask('review');

    // then
    expect(trace(events)).toEqual(
      expect.arrayContaining(['ElementActivated:missing', 'ElementTerminated:missing', 'ElementTerminated:check', 'ElementActivated:returned', 'ElementActivated:returned-end']),
    );
    expect(trace(events)).not.toContain('ElementActivated:end');
    expect(scenario.state.status).toBe('completed');
  });

  it('an escalation is caught by a non-interrupting boundary while the sub-process goes on', async () => {
    // given
    const scenario = await startedCase({ materialsComplete: true });

    // when
    const events = scenario.completeTask('review');

    // then
    const order = trace(events);
    expect(order).toEqual(expect.arrayContaining(['ElementActivated:leader-informed', 'ElementActivated:informed-end', 'ElementCompleted:check', 'ElementActivated:end']));
    expect(order).not.toContain('ElementTerminated:check');
    expect(scenario.state.status).toBe('completed');
  });
});
