import { evaluateCondition, ExpressionFailure } from '../../behaviors/expressions';
import { leave } from '../../behaviors/transitions';
import { visibleVariables } from '../../behaviors/variables';
import type { ElementProcessor } from '../element-processor';

/**
 * Inclusive gateways: a join waits only for tokens that can still arrive (see `tryJoin`);
 * the fork takes every flow whose condition holds, else the default flow.
 */
export const inclusiveGatewayProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => {
    const model = run.model(instance.model);
    const variables = visibleVariables(run, instance.id);
    const taken = element.outgoing.filter((flowId) => {
      const condition = model.flows[flowId].condition;
      return flowId !== element.defaultFlow && (condition === undefined || evaluateCondition(condition, variables));
    });
    if (taken.length === 0 && element.defaultFlow) taken.push(element.defaultFlow);
    if (taken.length === 0) throw new ExpressionFailure(`no condition of ${element.id} holds and it has no default flow`);
    leave(run, instance, { flows: taken });
  },
};
