import { ExpressionFailure, evaluateValue } from '../../behaviors/expressions';
import { leave } from '../../behaviors/transitions';
import { propagateVariables, visibleVariables } from '../../behaviors/variables';
import { isExpression } from '../../compile/feel-syntax';
import { evaluateDecision, type Decisions } from '../../dmn/decisions';
import type { Variables } from '../../lib/api';
import type { ElementProcessor } from '../element-processor';
import { scriptTaskProcessor } from './script-task.processor';

/**
 * Business rule tasks: a DMN decision deployed with the flow (`zeebe:calledDecision`, evaluated
 * once here in decide; its result is recorded in the variables event, so replay never evaluates
 * it again), a FEEL `zeebe:script`, or a job for an external rule engine when the task has a job
 * type. A decision id given as FEEL (`decisionId="=…"`) names the decision when the task is
 * activated, as in Zeebe. A failing decision (UNIQUE with two matches, a FEEL error, an id that
 * names no deployed decision…) raises an incident on the task.
 */
export const businessRuleTaskProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => {
    const called = element.calledDecision;
    if (!called) return scriptTaskProcessor.onActivate(run, instance, element);
    const variables = visibleVariables(run, instance.id);
    const decisions = run.model(instance.model).decisions ?? {};
    const decisionId = calledDecisionId(called.decisionId, decisions, variables);
    const outcome = evaluateDecision(decisions, decisionId, variables);
    if (!outcome.ok) throw new ExpressionFailure(`failed to evaluate the decision '${decisionId}': ${outcome.message}`);
    propagateVariables(run, instance.scopeId, { [called.resultVariable]: outcome.result });
    leave(run, instance);
  },
};

/** The id of the decision to evaluate: the literal, or what its FEEL gives now (compile checked the literals). */
function calledDecisionId(decisionId: string, decisions: Decisions, variables: Variables): string {
  if (!isExpression(decisionId)) return decisionId;
  const id = evaluateValue(decisionId, variables);
  if (typeof id !== 'string' || id === '') throw new ExpressionFailure(`the decision id "${decisionId}" gave ${JSON.stringify(id)}, not a decision id`);
  if (!Object.hasOwn(decisions, id)) throw new ExpressionFailure(`no decision with the id '${id}' (from decisionId "${decisionId}") is deployed with the process`);
  return id;
}
