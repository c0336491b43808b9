import { join } from 'node:path';
import { CaseScenario, compileFixture, trace, types } from '../testing/case-scenario';

async function scenario(): Promise<CaseScenario> {
  return new CaseScenario(await compileFixture(join(__dirname, 'business-key.bpmn')));
}

describe("the case's business key in FEEL", () => {
  it('a message catch correlating on =businessKey receives the supplement of a case started with only its business key', async () => {
    // given a case started with a business key and no variables
    const run = await scenario();
    const started = run.start({}, { businessKey: 'LF-2026-001' });
    expect(started.find((e) => e.type === 'MessageSubscriptionOpened')?.data).toMatchObject({ messageName: 'material-supplied', correlationKey: 'LF-2026-001' });

    // when the supplement arrives under that key
    const events = run.when({ type: 'CorrelateMessage', name: 'material-supplied', correlationKey: 'LF-2026-001' });

    // then the condition on businessKey takes the Linfen way, and the script saw the key through its input
    expect(trace(events)).toContain('SequenceFlowTaken:f-linfen');
    expect(run.state.status).toBe('completed');
    expect(run.variablesOf()).toEqual({ caseLabel: '办件 LF-2026-001' });
  });

  it('the key is stored once, in CaseStarted, and never written as a variable', async () => {
    // given
    const run = await scenario();

    // when
    run.start({}, { businessKey: 'LF-2026-001' });
    run.when({ type: 'CorrelateMessage', name: 'material-supplied', correlationKey: 'LF-2026-001' });

    // then
    expect(run.history[0]).toMatchObject({ type: 'CaseStarted', data: { businessKey: 'LF-2026-001', variables: {} } });
    const written = run.history.filter((e) => e.type === 'VariablesSet' && e.data.scopeId === undefined);
    expect(written.map((e) => e.data)).toEqual([{ variables: { caseLabel: '办件 LF-2026-001' } }]);
  });

  it('a variable named businessKey wins over the case key, as an inner scope wins over an outer one', async () => {
    // given a case whose start variables carry their own businessKey
    const run = await scenario();
    const started = run.start({ businessKey: 'LF-2026-001-S2' }, { businessKey: 'LF-2026-001' });
    expect(started.find((e) => e.type === 'MessageSubscriptionOpened')?.data).toMatchObject({ correlationKey: 'LF-2026-001-S2' });

    // when the message comes under the case key, then it finds no waiting case
    expect(run.refused({ type: 'CorrelateMessage', name: 'material-supplied', correlationKey: 'LF-2026-001' }).code).toBe('not_found');

    // when it comes under the variable's key, then the condition sees the variable too
    const events = run.when({ type: 'CorrelateMessage', name: 'material-supplied', correlationKey: 'LF-2026-001-S2' });
    expect(trace(events)).toContain('SequenceFlowTaken:f-other');
    expect(run.variablesOf()).toMatchObject({ caseLabel: '办件 LF-2026-001-S2' });
  });

  it('a case started without a business key raises an incident where an expression needs one', async () => {
    // given
    const run = await scenario();

    // when
    const started = run.start({}, { businessKey: undefined });

    // then
    expect(types(started)).toContain('IncidentRaised');
    expect(JSON.stringify(started.find((e) => e.type === 'IncidentRaised')?.data)).toContain('businessKey');
    expect(run.state.messageSubscriptions).toEqual([]);
  });
});
