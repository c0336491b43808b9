import { join } from 'node:path';
import { toCaseView } from '../../case-view';
import { CaseScenario, compileFixture, trace, types } from '../../testing/case-scenario';

const fixture = join(__dirname, 'exclusive-gateway.bpmn');

describe('exclusive gateway', () => {
  it.each([
    [3, 'f-tier1', 'tier1'],
    [7, 'f-tier2', 'tier2'],
    [12, 'f-tier3', 'tier3'],
  ])('with %p materials takes only the first flow whose condition holds (%s), else the default', async (materials, flow, end) => {
    // given
    const scenario = new CaseScenario(await compileFixture(fixture));

    // when
    const events = scenario.start({ materials });

    // then
    expect(trace(events)).toEqual([
      'CaseStarted',
      'ElementActivated:start',
      'ElementCompleted:start',
      'SequenceFlowTaken:f1',
      'ElementActivated:tier',
      'ElementCompleted:tier',
      `SequenceFlowTaken:${flow}`,
      `ElementActivated:${end}`,
      `ElementCompleted:${end}`,
      'CaseCompleted',
    ]);
  });

  it('a condition on a missing variable raises an incident; after SetVariables, ResolveIncident goes on', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(fixture));
    expect(types(scenario.start({})).slice(-1)).toEqual(['IncidentRaised']);
    const [incident] = toCaseView(scenario.state).incidents;
    expect(incident.elementId).toBe('tier');

    // when
    scenario.when({ type: 'SetVariables', variables: { materials: 4 } });
    const events = scenario.when({ type: 'ResolveIncident', incidentId: incident.id });

    // then
    expect(trace(events)).toEqual(['IncidentResolved', 'ElementCompleted:tier', 'SequenceFlowTaken:f-tier1', 'ElementActivated:tier1', 'ElementCompleted:tier1', 'CaseCompleted']);
  });
});
