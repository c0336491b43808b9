import { leave } from '../../behaviors/transitions';
import type { ElementProcessor } from '../element-processor';

/**
 * Parallel gateways: a join is activated only once a token came by every incoming flow
 * (see `tryJoin`); the gateway then forks a token to every outgoing flow.
 */
export const parallelGatewayProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => leave(run, instance, { flows: element.outgoing }),
};
