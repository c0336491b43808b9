import { leave } from '../../behaviors/transitions';
import { visibleVariables } from '../../behaviors/variables';
import { openWait } from '../../behaviors/waits';
import type { ElementProcessor } from '../element-processor';

/** Intermediate catch events: timer and message wait; a link catch passes straight on. */
export const intermediateCatchEventProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => {
    if (element.trigger?.kind === 'link' || element.trigger?.kind === 'none') return leave(run, instance);
    openWait(run, element, instance.id, visibleVariables(run, instance.id));
  },
};
