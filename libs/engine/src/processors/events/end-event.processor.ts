import { throwCompensation } from '../../behaviors/compensation';
import { ModelFailure } from '../../behaviors/incidents';
import { createJob } from '../../behaviors/jobs';
import { emitSignal, sendMessage } from '../../behaviors/messages';
import { throwError, throwEscalation, broadcastSignalInCase } from '../../behaviors/throw-events';
import { completeCase, completeScopeLater, leave, terminate } from '../../behaviors/transitions';
import type { ElementProcessor } from '../element-processor';

/** End events: none, terminate, error, escalation, message, signal, compensation. */
export const endEventProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => {
    switch (element.trigger?.kind) {
      case 'terminate': {
        // as in Zeebe: every other element instance of the flow scope is terminated, then the
        // scope completes (the case completes: `CaseCompleted`, not `CaseTerminated`)
        for (const sibling of run.childrenOf(instance.scopeId)) if (sibling.id !== instance.id) terminate(run, sibling);
        run.dropTokensInFlight(instance.scopeId);
        leave(run, instance);
        if (instance.scopeId === run.state.caseId) {
          if (run.state.status === 'active') completeCase(run);
        } else completeScopeLater(run, instance.scopeId);
        return;
      }
      case 'error':
        if (!throwError(run, instance, element.trigger.errorCode)) {
          throw new ModelFailure(`the error "${element.trigger.errorCode ?? ''}" is not caught by any boundary or event sub-process`);
        }
        return;
      case 'escalation':
        if (throwEscalation(run, instance, element.trigger.escalationCode)) leave(run, instance);
        return;
      case 'message':
        if (element.jobType) return createJob(run, instance, element);
        sendMessage(run, instance, element);
        return leave(run, instance);
      case 'signal':
        emitSignal(run, instance, element);
        leave(run, instance);
        broadcastSignalInCase(run, element.trigger.signalName ?? '', {});
        return;
      case 'compensation':
        // waits for the handlers it started; with nothing to compensate it goes on at once
        if (!throwCompensation(run, instance, element)) leave(run, instance);
        return;
      default:
        leave(run, instance);
    }
  },
};
