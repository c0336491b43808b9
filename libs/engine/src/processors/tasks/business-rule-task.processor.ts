import { ExpressionFailure } from '../../behaviors/expressions';
import { leave } from '../../behaviors/transitions';
import { propagateVariables, visibleVariables } from '../../behaviors/variables';
import { evaluateDecision } from '../../dmn/decisions';
import type { ElementProcessor } from '../element-processor';
import { scriptTaskProcessor } from './script-task.processor';

/**
 * Business rule tasks: a DMN decision deployed with the flow (`zeebe:calledDecision`, evaluated
 * once here in decide; its result is recorded in the variables event, so replay never evaluates
 * it again), a FEEL `zeebe:script`, or a job for an external rule engine when the task has a job
 * type. A failing decision (UNIQUE with two matches, a FEEL error…) raises an incident on the task.
 */
export const businessRuleTaskProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => {
    const called = element.calledDecision;
    if (!called) return scriptTaskProcessor.onActivate(run, instance, element);
    const outcome = evaluateDecision(run.model(instance.model).decisions ?? {}, called.decisionId, visibleVariables(run, instance.id));
    if (!outcome.ok) throw new ExpressionFailure(`failed to evaluate the decision '${called.decisionId}': ${outcome.message}`);
    propagateVariables(run, instance.scopeId, { [called.resultVariable]: outcome.result });
    leave(run, instance);
  },
};
