import { join } from 'node:path';
import { createWorkingCalendar, NationalCalendar } from '@banjie/calendar';
import { toCaseView } from '../case-view';
import { CaseScenario, compileFixture, trace, types } from '../testing/case-scenario';

async function caseStartedAt(now: string): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'legal-clock.bpmn')));
  scenario.now = now;
  scenario.start({ applicationId: 'LF-2026-001' });
  return scenario;
}

describe('legal clock', () => {
  it('a task with a 5-working-day limit from Monday 2026-02-09 is due across the Spring Festival, yellow at 80 %', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'legal-clock.bpmn')));
    scenario.now = '2026-02-09T10:00:00+08:00';

    // when
    const events = scenario.start({ applicationId: 'LF-2026-001' });

    // then
    expect(trace(events).slice(-5)).toEqual(['ElementActivated:review', 'DeadlineSet:review', 'TimerScheduled:review', 'TimerScheduled:review', 'TaskCreated:review']);
    const deadline = scenario.state.deadlines[0];
    // Tue 10, Wed 11, Thu 12, Fri 13 and the adjusted Saturday 14; 15–23 are the holiday
    expect(deadline).toMatchObject({ limitWorkingDays: 5, yellowAt: '2026-02-14T00:00:00+08:00', dueAt: '2026-02-15T00:00:00+08:00' });
    expect(toCaseView(scenario.state).tasks[0]).toMatchObject({ limitWorkingDays: 5, dueAt: '2026-02-15T00:00:00+08:00', warning: 'none' });
  });

  it('the yellow and then the red warning fire as events and show on the task', async () => {
    // given
    const scenario = await caseStartedAt('2026-02-09T10:00:00+08:00');

    // when
    scenario.now = '2026-02-14T00:00:00+08:00';
    const yellow = scenario.when({ type: 'FireTimer', timerId: scenario.timerOf('review', 'deadline-yellow') });
    const warningAfterYellow = toCaseView(scenario.state).tasks[0].warning;
    scenario.now = '2026-02-15T00:00:00+08:00';
    const red = scenario.when({ type: 'FireTimer', timerId: scenario.timerOf('review', 'deadline-red') });

    // then
    expect(types(yellow)).toEqual(['TimerFired', 'DeadlineWarned']);
    expect(yellow[1].data).toMatchObject({ level: 'yellow', elementId: 'review' });
    expect(warningAfterYellow).toBe('yellow');
    expect(types(red)).toEqual(['TimerFired', 'DeadlineWarned']);
    expect(toCaseView(scenario.state).tasks[0].warning).toBe('red');
  });

  it('a pause spanning National Day extends the deadline by the paused working days', async () => {
    // given: a 5-working-day task received on Monday 2026-09-28, due at the end of the adjusted Saturday 10-10
    const scenario = await caseStartedAt('2026-09-28T10:00:00+08:00');
    expect(scenario.state.deadlines[0].dueAt).toBe('2026-10-11T00:00:00+08:00');
    scenario.now = '2026-09-30T16:00:00+08:00';
    expect(types(scenario.when({ type: 'PauseClock', reason: '补正材料' }))).toEqual(['ClockPaused']);

    // when: resumed on Friday 10-09 (Oct 1–7 off; Thu 8 and Fri 9 were paused working days)
    scenario.now = '2026-10-09T15:00:00+08:00';
    const events = scenario.when({ type: 'ResumeClock' });

    // then
    expect(types(events)).toEqual(['ClockResumed', 'DeadlineSet', 'TimerCancelled', 'TimerScheduled', 'TimerCancelled', 'TimerScheduled']);
    expect(events[0].data).toMatchObject({ pausedWorkingDays: 2 });
    const deadline = scenario.state.deadlines[0];
    expect(deadline.dueAt).toBe('2026-10-14T00:00:00+08:00');
    expect(scenario.timer(scenario.timerOf('review', 'deadline-red')).dueAt).toBe(deadline.dueAt);
  });

  it('a warning that falls due while the clock is paused is not raised', async () => {
    // given
    const scenario = await caseStartedAt('2026-03-02T10:00:00+08:00');
    scenario.when({ type: 'PauseClock', reason: '补正材料' });

    // when
    const events = scenario.when({ type: 'FireTimer', timerId: scenario.timerOf('review', 'deadline-yellow') });

    // then
    expect(types(events)).toEqual(['TimerFired']);
    expect(scenario.refused({ type: 'PauseClock', reason: 'again' }).code).toBe('invalid_state');
  });

  it('an element with clockControl pause stops the clock while it waits and restarts it when it completes', async () => {
    // given
    const scenario = await caseStartedAt('2026-03-02T10:00:00+08:00');

    // when
    const waiting = scenario.completeTask('review');
    scenario.now = '2026-03-04T10:00:00+08:00';
    const supplied = scenario.when({ type: 'CorrelateMessage', name: 'material-supplied', correlationKey: 'LF-2026-001' });

    // then
    expect(trace(waiting)).toEqual(expect.arrayContaining(['ElementActivated:supplement', 'ClockPaused', 'MessageSubscriptionOpened:supplement']));
    expect(types(supplied)).toContain('ClockResumed');
    expect(scenario.state.clock).toEqual({ pausedWorkingDays: 2 });
    expect(scenario.state.status).toBe('completed');
  });

  describe('when the calendar changes', () => {
    const notice2027 = new NationalCalendar().withNotice({
      year: 2027,
      daysOff: Object.fromEntries(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'].map((day) => [day, '春节'])),
      workingDays: { '2027-02-20': '春节调休' },
    });
    const change = { id: 'calendar-event-1', description: '2027 年国务院放假安排 loaded' };

    it('re-sets an open deadline counted on the law with the notice, naming the change, and moves its warnings', async () => {
      // given a 5-working-day task received on 2027-02-03, counted before the 2027 notice: 02-05 to 02-10 off by law
      const scenario = await caseStartedAt('2027-02-03T10:00:00+08:00');
      expect(scenario.state.deadlines[0]).toMatchObject({ yellowAt: '2027-02-16T00:00:00+08:00', dueAt: '2027-02-17T00:00:00+08:00' });

      // when the notice (02-05 to 02-11 off) is loaded and the case counts again
      scenario.calendar = createWorkingCalendar({ national: notice2027 });
      scenario.now = '2027-02-04T09:00:00+08:00';
      const events = scenario.when({ type: 'RecomputeDeadlines', calendarChange: change });

      // then
      expect(types(events)).toEqual(['DeadlineSet', 'TimerCancelled', 'TimerScheduled', 'TimerCancelled', 'TimerScheduled']);
      expect(events[0].data).toMatchObject({ yellowAt: '2027-02-17T00:00:00+08:00', dueAt: '2027-02-18T00:00:00+08:00', startedAt: '2027-02-03T10:00:00+08:00', calendarChange: change });
      expect(scenario.state.timers.map((t) => t.dueAt).sort()).toEqual(['2027-02-17T00:00:00+08:00', '2027-02-18T00:00:00+08:00']);
      expect(toCaseView(scenario.state).tasks[0].dueAt).toBe('2027-02-18T00:00:00+08:00');
      expect(toCaseView(scenario.state).deadlines?.[0]).toMatchObject({ dueAt: '2027-02-18T00:00:00+08:00', limitWorkingDays: 5 });
      expect(scenario.when({ type: 'RecomputeDeadlines', calendarChange: change })).toEqual([]);
    });

    it('keeps a raised yellow warning and moves only the red one', async () => {
      // given the yellow warning was raised under the law
      const scenario = await caseStartedAt('2027-02-03T10:00:00+08:00');
      scenario.now = '2027-02-16T00:00:00+08:00';
      scenario.when({ type: 'FireTimer', timerId: scenario.timerOf('review', 'deadline-yellow') });

      // when
      scenario.calendar = createWorkingCalendar({ national: notice2027 });
      const events = scenario.when({ type: 'RecomputeDeadlines', calendarChange: change });

      // then
      expect(types(events)).toEqual(['DeadlineSet', 'TimerCancelled', 'TimerScheduled']);
      expect(scenario.state.deadlines[0]).toMatchObject({ warning: 'yellow', dueAt: '2027-02-18T00:00:00+08:00' });
    });

    it('does not rewrite a deadline that has already passed', async () => {
      // given
      const scenario = await caseStartedAt('2027-02-03T10:00:00+08:00');
      scenario.now = '2027-02-17T08:00:00+08:00';

      // when
      scenario.calendar = createWorkingCalendar({ national: notice2027 });
      const events = scenario.when({ type: 'RecomputeDeadlines', calendarChange: change });

      // then
      expect(events).toEqual([]);
      expect(scenario.state.deadlines[0].dueAt).toBe('2027-02-17T00:00:00+08:00');
    });
  });
});
