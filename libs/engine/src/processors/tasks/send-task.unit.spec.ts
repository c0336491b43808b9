import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../../testing/case-scenario';

describe('send task', () => {
  it('sends its message with the input mappings as payload and passes on', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'send-receive-task.bpmn')));

    // when
    const events = scenario.start({ applicationId: 'XY-2026-D017', project: '襄垣煤机 power capacity' });

    // then
    expect(trace(events).slice(4, 8)).toEqual(['ElementActivated:request', 'VariablesSet', 'MessageSent:request', 'ElementCompleted:request']);
    expect(events[6].data).toMatchObject({ messageName: 'opinion-requested', correlationKey: 'XY-2026-D017', variables: { project: '襄垣煤机 power capacity' } });
  });
});
