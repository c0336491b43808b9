import { createJob } from '../../behaviors/jobs';
import type { ElementProcessor } from '../element-processor';

/** Service tasks: a job of the task's type, completed by a worker with `CompleteJob`. */
export const serviceTaskProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => createJob(run, instance, element),
};
