import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../compile/compile';
import { fold } from '../evolve';
import { parseDmn } from '../dmn/parse-dmn';
import type { ProcessModel } from '../model/process-model';
import { CaseScenario, types } from '../testing/case-scenario';

/**
 * Zeebe: a business rule task with `zeebe:calledDecision decisionId resultVariable` evaluates the
 * decision (its required decisions first) and sets the result variable on completing; a
 * decision evaluation failure raises an incident on the task (DECISION_EVALUATION_ERROR); a
 * decision id not deployed is refused at deploy.
 */
const read = (name: string): string => readFileSync(join(__dirname, name), 'utf8');

async function model(): Promise<ProcessModel> {
  const decisions = Object.fromEntries((await parseDmn(read('dmn-drg.dmn'), 'dmn-drg.dmn')).map((d) => [d.id, d]));
  const result = await compile(read('dmn-business-rule-task.bpmn'), { decisions });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.model;
}

describe('Zeebe: business rule task calling a DMN decision', () => {
  it('Zeebe: the decision result goes to resultVariable and the token moves on', async () => {
    // given
    const scenario = new CaseScenario(await model());
    // when
    scenario.start({ area: 3000 });
    // then
    expect(scenario.variablesOf()['routing']).toEqual({ lane: 'full', fee: 300 });
    expect(scenario.activeElements()).toEqual(['review']);
  });

  it('Banjie: the result is recorded in the events, so replaying them (no model, no DMN) rebuilds it', async () => {
    // given
    const scenario = new CaseScenario(await model());
    // when
    const events = scenario.start({ area: 200 });
    // then: folding the events alone, which never evaluates, gives the same variables
    expect(fold(events).variables).toEqual(scenario.state.variables);
    expect(scenario.variablesOf()['routing']).toEqual({ lane: 'fast', fee: 100 });
  });

  it('Zeebe: a failing evaluation raises an incident on the task with the message', async () => {
    // given
    const scenario = new CaseScenario(await model());
    // when: `area` is missing, so the input expression fails
    const events = scenario.start({});
    // then
    const incident = events.find((e) => e.type === 'IncidentRaised');
    expect(types(events)).toContain('IncidentRaised');
    expect(JSON.stringify(incident)).toContain("failed to evaluate the decision 'route'");
    expect(scenario.activeElements()).toEqual(['decide']);
  });

  it('Zeebe: a decision id that is not deployed with the process is refused at deploy, naming the element', async () => {
    // when
    const result = await compile(read('dmn-business-rule-task.bpmn'), { decisions: {} });
    // then
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([{ elementId: 'decide', elementType: 'bpmn:BusinessRuleTask', message: 'the decision "route" is not deployed with the process' }]);
  });
});
