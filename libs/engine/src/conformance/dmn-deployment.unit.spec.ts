import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWithDecisions, readDecisionResources } from '../dmn/decision-resources';
import { CaseScenario } from '../testing/case-scenario';

/**
 * Zeebe: `.dmn` resources deploy beside the process in one deployment; each decision id is
 * unique in the deployment (a duplicate refuses it: "Duplicated decision id"), a resource that
 * is not valid DMN refuses the whole deployment, and a business rule task calls the decisions
 * by id.
 */
const read = (name: string): string => readFileSync(join(__dirname, name), 'utf8');
const BPMN = read('dmn-business-rule-task.bpmn');
const DRG = read('dmn-drg.dmn');

describe('Zeebe: DMN resources deployed with a flow', () => {
  it('Zeebe: the flow runs the decisions of the resources deployed with it', async () => {
    // given
    const compiled = await compileWithDecisions(BPMN, { decisionResources: { 'route.dmn': DRG } });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const scenario = new CaseScenario(compiled.model);
    // when
    scenario.start({ area: 200 });
    // then
    expect(scenario.variablesOf()['routing']).toEqual({ lane: 'fast', fee: 100 });
  });

  it('Zeebe: a decision id in two resources refuses the deployment, naming the id and both resources', async () => {
    // when
    const result = await readDecisionResources({ 'route.dmn': DRG, 'copy.dmn': DRG.replace('id="drg"', 'id="drg2"') });
    // then
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => [p.elementId, p.message])).toContainEqual(['route', "copy.dmn: the decision id 'route' is also in route.dmn; decision ids must be unique in a deployment"]);
  });

  it('Zeebe: a rule with bad FEEL refuses the deployment with a problem naming the resource, the decision and the rule', async () => {
    // when
    const result = await compileWithDecisions(BPMN, { decisionResources: { 'route.dmn': DRG.replace('<text>&gt;= 5000</text>', '<text>&gt;= (5000</text>') } });
    // then
    expect(result.ok ? [] : result.problems).toEqual([
      { elementId: 'risk', elementType: 'dmn:Decision', message: 'route.dmn: decision \'risk\': rule \'ri_high\', input entry 1: bad FEEL unary test ">= (5000"' },
    ]);
  });

  it('Banjie: a DMN resource declaring a DOCTYPE is refused before it is parsed', async () => {
    // when
    const result = await readDecisionResources({ 'x.dmn': `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]>${DRG.replace(/^<\?xml[^>]*>/, '')}` });
    // then
    expect(result.ok ? [] : result.problems).toEqual([{ elementType: 'dmn:Definitions', message: 'x.dmn: XML with a DOCTYPE is refused' }]);
  });

  it('Zeebe: a resource that is not DMN, or holds no decision, refuses the deployment naming the resource', async () => {
    // when
    const notDmn = await readDecisionResources({ 'a.dmn': '<hello' });
    const empty = await readDecisionResources({ 'b.dmn': '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n" />' });
    // then
    expect(notDmn.ok ? [] : notDmn.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^a\.dmn: not a DMN 1\.3 document/)]);
    expect(empty.ok ? [] : empty.problems.map((p) => p.message)).toEqual(['b.dmn: the resource holds no decision']);
  });
});
