import { evaluateCondition, ExpressionFailure } from '../../behaviors/expressions';
import { leave } from '../../behaviors/transitions';
import { visibleVariables } from '../../behaviors/variables';
import type { ElementProcessor } from '../element-processor';

/**
 * Exclusive gateways: the first outgoing flow (in model order) whose FEEL condition holds,
 * else the default flow; no way out is an incident.
 */
export const exclusiveGatewayProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => {
    const model = run.model(instance.model);
    if (element.outgoing.length === 1 && model.flows[element.outgoing[0]].condition === undefined) return leave(run, instance, { flows: element.outgoing });
    const variables = visibleVariables(run, instance.id);
    const chosen = element.outgoing.find((flowId) => {
      const condition = model.flows[flowId].condition;
      return flowId !== element.defaultFlow && condition !== undefined && evaluateCondition(condition, variables);
    }) ?? element.defaultFlow;
    if (!chosen) throw new ExpressionFailure(`no condition of ${element.id} holds and it has no default flow`);
    leave(run, instance, { flows: [chosen] });
  },
};
