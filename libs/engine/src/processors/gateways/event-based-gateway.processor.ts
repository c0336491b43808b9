import { visibleVariables } from '../../behaviors/variables';
import { openWait } from '../../behaviors/waits';
import type { ElementProcessor } from '../element-processor';

/**
 * Event-based gateways: the gateway waits for the events after it; the first that happens
 * wins, the others' waits close (see `triggerWait`).
 */
export const eventBasedGatewayProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => {
    const model = run.model(instance.model);
    const variables = visibleVariables(run, instance.id);
    for (const flowId of element.outgoing) openWait(run, model.elements[model.flows[flowId].targetRef], instance.id, variables);
  },
};
