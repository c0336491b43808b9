import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../../testing/case-scenario';

const fixture = join(__dirname, 'start-event-triggers.bpmn');

describe('message and timer start events', () => {
  it('are listed on the model for the api (message names; timer date, duration and cycle)', async () => {
    // given / when
    const model = await compileFixture(fixture);

    // then
    expect(model.messageStartEvents).toEqual([{ elementId: 'on-delisting', messageName: 'parcel-delisted' }]);
    expect(model.timerStartEvents).toEqual([
      { elementId: 'monthly-visit', timer: { kind: 'cycle', expression: 'R/2026-01-01T09:00:00+08:00/P1M' } },
      { elementId: 'on-date', timer: { kind: 'date', expression: '2026-12-01T09:00:00+08:00' } },
      { elementId: 'after-deploy', timer: { kind: 'duration', expression: 'PT10M' } },
    ]);
  });

  it('a message start begins the case at the start event of that message', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(fixture));

    // when
    const events = scenario.start({ parcel: 'YP-30mu' }, { messageName: 'parcel-delisted' });

    // then
    expect(trace(events)).toEqual(['CaseStarted', 'ElementActivated:on-delisting', 'ElementCompleted:on-delisting', 'SequenceFlowTaken:f-msg', 'ElementActivated:assign-agent', 'TaskCreated:assign-agent']);
  });

  it('a timer start (fired by the api scheduler) begins the case at the named start event', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(fixture));

    // when
    const events = scenario.start({}, { startEventId: 'monthly-visit' });

    // then
    expect(trace(events)).toEqual(['CaseStarted', 'ElementActivated:monthly-visit', 'ElementCompleted:monthly-visit', 'SequenceFlowTaken:f-timer', 'ElementActivated:visit', 'TaskCreated:visit']);
  });

  it('a start without a none start event or a named trigger is refused', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(fixture));

    // when
    const rejection = scenario.refused({ type: 'StartCase', caseId: 'c', definitionKey: 'start-triggers', version: 1, zoneId: 'yp' });

    // then
    expect(rejection.code).toBe('invalid_input');
  });
});
