import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../compile/compile';
import { parseDmn } from '../dmn/parse-dmn';
import type { ProcessModel } from '../model/process-model';
import { CaseScenario } from '../testing/case-scenario';

/**
 * Zeebe: `zeebe:calledDecision decisionId="=…"` is a FEEL expression evaluated when the business
 * rule task is activated; its result names the decision to evaluate. A result that is not a
 * string, or names no deployed decision, raises an incident on the task (CALLED_DECISION_ERROR /
 * EXTRACT_VALUE_ERROR) naming the id, and the token waits there; a FEEL decision id is not
 * checked against the deployed decisions at deploy.
 */
const read = (name: string): string => readFileSync(join(__dirname, name), 'utf8');

async function model(): Promise<ProcessModel> {
  const decisions = Object.fromEntries((await parseDmn(read('dmn-drg.dmn'), 'dmn-drg.dmn')).map((d) => [d.id, d]));
  const result = await compile(read('dmn-decision-id-expression.bpmn'), { decisions });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.model;
}

const incidentMessages = (scenario: CaseScenario): string[] => scenario.state.incidents.map((i) => i.message);

describe('Zeebe: a business rule task whose decision id is a FEEL expression', () => {
  it('Zeebe: evaluates the decision the expression names when the task is activated', async () => {
    // given
    const scenario = new CaseScenario(await model());
    // when: ruleSet names the table "risk" in one case and the literal decision "fee" in another
    scenario.start({ ruleSet: 'risk', area: 6000 });
    const other = new CaseScenario(await model());
    other.start({ ruleSet: 'fee', area: 2000 });
    // then
    expect(scenario.variablesOf()['outcome']).toBe('high');
    expect(other.variablesOf()['outcome']).toBe(200);
    expect(scenario.activeElements()).toEqual(['review']);
  });

  it('Zeebe: a decision id the expression gives that is not deployed raises an incident on the task naming the id', async () => {
    // given
    const scenario = new CaseScenario(await model());
    // when
    scenario.start({ ruleSet: 'tariff', area: 10 });
    // then
    expect(incidentMessages(scenario)).toEqual(["no decision with the id 'tariff' (from decisionId \"=ruleSet\") is deployed with the process"]);
    expect(scenario.activeElements()).toEqual(['decide']);
    expect(scenario.variablesOf()['outcome']).toBeUndefined();
  });

  it('Zeebe: an expression that gives no string raises an incident naming the expression', async () => {
    // given
    const scenario = new CaseScenario(await model());
    // when
    scenario.start({ ruleSet: 42 });
    // then
    expect(incidentMessages(scenario)).toEqual(['the decision id "=ruleSet" gave 42, not a decision id']);
    expect(scenario.activeElements()).toEqual(['decide']);
  });
});
