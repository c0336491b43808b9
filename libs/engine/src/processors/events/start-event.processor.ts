import { leave } from '../../behaviors/transitions';
import type { ElementProcessor } from '../element-processor';

/** Start events (none, message, timer, signal, error, escalation): the trigger already happened. */
export const startEventProcessor: ElementProcessor = {
  onActivate: (run, instance) => leave(run, instance),
};
