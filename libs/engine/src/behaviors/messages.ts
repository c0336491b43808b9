import type { ElementDefinition } from '../model/process-model';
import type { CaseRun } from '../runtime/case-run';
import type { ElementInstance } from '../state/case-state';
import { evaluateValue } from './expressions';
import { visibleVariables } from './variables';
import { localVariables } from '../state/case-state-queries';

/**
 * Sends the message of a send task, message throw or message end event: the engine records it as
 * `MessageSent`; delivering it to the cases that wait for it is the work of whoever reads the events.
 * Its payload is the element's input mappings (its local variables).
 */
export function sendMessage(run: CaseRun, instance: ElementInstance, element: ElementDefinition): void {
  const trigger = element.trigger;
  const key = trigger?.correlationKey ? evaluateValue(trigger.correlationKey, visibleVariables(run, instance.id)) : '';
  run.emit('MessageSent', {
    messageName: trigger?.messageName ?? '',
    correlationKey: key === null || key === undefined ? '' : String(key),
    elementId: element.id,
    variables: { ...(localVariables(run.state, instance.id) ?? {}) },
    at: run.now,
  });
}

/** Throws a signal from an element: recorded for the api, and delivered inside the case. */
export function emitSignal(run: CaseRun, instance: ElementInstance, element: ElementDefinition): void {
  run.emit('SignalThrown', {
    signalName: element.trigger?.signalName ?? '',
    elementId: element.id,
    variables: { ...(localVariables(run.state, instance.id) ?? {}) },
    at: run.now,
  });
}
