import { leave } from '../../behaviors/transitions';
import type { ElementProcessor } from '../element-processor';

/**
 * Boundary events are activated only when they fire (their waits belong to the activity they
 * sit on, see `enter`): they leave at once by their outgoing flows.
 */
export const boundaryEventProcessor: ElementProcessor = {
  onActivate: (run, instance) => leave(run, instance),
};
