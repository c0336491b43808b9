import { throwCompensation } from '../../behaviors/compensation';
import { createJob } from '../../behaviors/jobs';
import { emitSignal, sendMessage } from '../../behaviors/messages';
import { broadcastSignalInCase, throwEscalation } from '../../behaviors/throw-events';
import { activate, leave } from '../../behaviors/transitions';
import type { ElementProcessor } from '../element-processor';

/** Intermediate throw events: none, message, escalation, signal, link and compensation. */
export const intermediateThrowEventProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => {
    switch (element.trigger?.kind) {
      case 'message':
        if (element.jobType) return createJob(run, instance, element);
        sendMessage(run, instance, element);
        return leave(run, instance);
      case 'escalation':
        if (throwEscalation(run, instance, element.trigger.escalationCode)) leave(run, instance);
        return;
      case 'signal':
        emitSignal(run, instance, element);
        leave(run, instance);
        broadcastSignalInCase(run, element.trigger.signalName ?? '', {});
        return;
      case 'link': {
        const target = run.scopeDefinition(instance.scopeId)?.linkTargets[element.trigger.linkName ?? ''];
        leave(run, instance);
        if (target) run.later(() => void activate(run, { elementId: target, scopeId: instance.scopeId, model: instance.model }), instance.scopeId);
        return;
      }
      case 'compensation':
        // waits for the handlers it started; with nothing to compensate it goes on at once
        if (!throwCompensation(run, instance, element)) leave(run, instance);
        return;
      default:
        leave(run, instance);
    }
  },
};
