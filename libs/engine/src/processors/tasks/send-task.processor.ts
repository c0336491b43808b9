import { createJob } from '../../behaviors/jobs';
import { sendMessage } from '../../behaviors/messages';
import { leave } from '../../behaviors/transitions';
import type { ElementProcessor } from '../element-processor';

/** Send tasks: `MessageSent` with the input mappings as payload, or a job when typed. */
export const sendTaskProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => {
    if (element.jobType) return createJob(run, instance, element);
    sendMessage(run, instance, element);
    leave(run, instance);
  },
};
