import { activate, leave } from '../../behaviors/transitions';
import { visibleVariables } from '../../behaviors/variables';
import { openWait } from '../../behaviors/waits';
import type { CaseRun } from '../../runtime/case-run';
import type { ElementProcessor } from '../element-processor';

/**
 * Embedded sub-processes: a scope of their own, started at its none start event, with its
 * event sub-processes listening while it runs; it completes when nothing runs inside it.
 * Event sub-processes are started by their trigger instead (see `triggerEventSubProcess`).
 */
export const subProcessProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => {
    if (element.triggeredByEvent) return;
    if (run.childrenOf(instance.id).length > 0) return;
    openEventSubProcessWaits(run, instance.id);
    const start = run.model(instance.model).scopes[element.id].noneStartEvents[0];
    activate(run, { elementId: start, scopeId: instance.id, model: instance.model });
  },
  onScopeSettled: (run, instance) => leave(run, instance),
};

/** Opens the timer, message and signal waits of a scope's event sub-processes. */
export function openEventSubProcessWaits(run: CaseRun, scopeId: string): void {
  const scope = run.scopeDefinition(scopeId);
  if (!scope || scope.eventSubProcessStarts.length === 0) return;
  const model = run.model(run.modelRefOfScope(scopeId));
  const variables = visibleVariables(run, scopeId);
  for (const startId of scope.eventSubProcessStarts) openWait(run, model.elements[startId], scopeId, variables);
}

