import { visibleVariables } from '../../behaviors/variables';
import { openWait } from '../../behaviors/waits';
import type { ElementProcessor } from '../element-processor';

/** Receive tasks: a message subscription; the task completes when the message is correlated. */
export const receiveTaskProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => openWait(run, element, instance.id, visibleVariables(run, instance.id)),
};
