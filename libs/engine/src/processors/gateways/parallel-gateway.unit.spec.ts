import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../../testing/case-scenario';

const fixture = join(__dirname, 'parallel-gateway.bpmn');

describe('parallel gateway', () => {
  it('forks a token to every outgoing flow', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(fixture));

    // when
    const events = scenario.start();

    // then
    expect(trace(events).slice(4)).toEqual([
      'ElementActivated:fork',
      'ElementCompleted:fork',
      'SequenceFlowTaken:f-a',
      'SequenceFlowTaken:f-b',
      'ElementActivated:planning',
      'TaskCreated:planning',
      'ElementActivated:design',
      'TaskCreated:design',
    ]);
  });

  it('joins only when a token came by every incoming flow', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(fixture));
    scenario.start();

    // when
    const first = scenario.completeTask('planning');
    const second = scenario.completeTask('design');

    // then
    expect(trace(first)).toEqual(['TaskCompleted', 'ElementCompleted:planning', 'SequenceFlowTaken:f-a2']);
    expect(trace(second)).toEqual([
      'TaskCompleted',
      'ElementCompleted:design',
      'SequenceFlowTaken:f-b2',
      'ElementActivated:join',
      'ElementCompleted:join',
      'SequenceFlowTaken:f2',
      'ElementActivated:end',
      'ElementCompleted:end',
      'CaseCompleted',
    ]);
  });
});
