import { leave } from '../../behaviors/transitions';
import type { ElementProcessor } from '../element-processor';

/** Manual tasks and plain tasks: done outside the system, they pass straight on. */
export const manualTaskProcessor: ElementProcessor = {
  onActivate: (run, instance) => leave(run, instance),
};
