import type { ModdleElement } from 'bpmn-moddle';
import type { ModelProblem } from '../lib/api';
import type { EventTrigger, TimerDefinition } from '../model/process-model';
import { child, children, extension, formalBody, text } from './moddle-access';

const SUPPORTED_DEFINITIONS: Record<string, EventTrigger['kind']> = {
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:LinkEventDefinition': 'link',
  'bpmn:CompensateEventDefinition': 'compensation',
};

/**
 * Reads the event definition of an event element into a trigger, reporting what it cannot run.
 * A message throw or end event with a job type (`hasJob`) is run by a worker, so, as in Zeebe,
 * it needs no message.
 */
export function readEventTrigger(event: ModdleElement, problems: ModelProblem[], hasJob = false): EventTrigger {
  const definitions = children(event, 'eventDefinitions');
  const where = { elementId: event.id, elementType: event.$type };
  if (definitions.length === 0) return { kind: 'none' };
  if (definitions.length > 1) {
    problems.push({ ...where, message: 'multiple event definitions on one event are not supported' });
    return { kind: 'none' };
  }
  const definition = definitions[0];
  const kind = SUPPORTED_DEFINITIONS[definition.$type];
  if (!kind) {
    problems.push({ ...where, message: `${definition.$type} is not supported` });
    return { kind: 'none' };
  }
  switch (kind) {
    case 'message': {
      const message = child(definition, 'messageRef');
      const messageName = text(message, 'name');
      const thrownByJob = hasJob && (event.$type === 'bpmn:IntermediateThrowEvent' || event.$type === 'bpmn:EndEvent');
      if (!messageName && !thrownByJob) problems.push({ ...where, message: 'the message event has no message name' });
      const correlationKey = text(extension(message, 'zeebe:Subscription'), 'correlationKey');
      return { kind, messageName, correlationKey };
    }
    case 'timer':
      return { kind, timer: readTimer(event, definition, problems) };
    case 'error':
      return { kind, errorCode: text(child(definition, 'errorRef'), 'errorCode') };
    case 'escalation':
      return { kind, escalationCode: text(child(definition, 'escalationRef'), 'escalationCode') };
    case 'signal': {
      const signalName = text(child(definition, 'signalRef'), 'name');
      if (!signalName) problems.push({ ...where, message: 'the signal event has no signal name' });
      return { kind, signalName };
    }
    case 'link': {
      const linkName = text(definition, 'name');
      if (!linkName) problems.push({ ...where, message: 'the link event has no link name' });
      return { kind, linkName };
    }
    case 'compensation': {
      // Zeebe always waits for the handlers, so `waitForCompletion` is not read
      const activityRef = child(definition, 'activityRef')?.id;
      return activityRef ? { kind, activityRef } : { kind };
    }
    default:
      return { kind };
  }
}

function readTimer(event: ModdleElement, definition: ModdleElement, problems: ModelProblem[]): TimerDefinition | undefined {
  const workingDays = text(extension(definition, 'banjie:WorkingDayTimer') ?? extension(event, 'banjie:WorkingDayTimer'), 'workingDays');
  if (workingDays) return { kind: 'workingDays', expression: workingDays };
  const date = formalBody(definition, 'timeDate');
  if (date) return { kind: 'date', expression: date };
  const duration = formalBody(definition, 'timeDuration');
  if (duration) return { kind: 'duration', expression: duration };
  const cycle = formalBody(definition, 'timeCycle');
  if (cycle) return { kind: 'cycle', expression: cycle };
  problems.push({ elementId: event.id, elementType: event.$type, message: 'the timer has no date, duration, cycle or working days' });
  return undefined;
}
