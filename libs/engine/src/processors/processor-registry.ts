import type { ElementKind } from '../model/process-model';
import type { ElementInstance } from '../state/case-state';
import { callActivityProcessor } from './containers/call-activity.processor';
import { multiInstanceBodyProcessor } from './containers/multi-instance-body.processor';
import { subProcessProcessor } from './containers/sub-process.processor';
import type { ElementProcessor } from './element-processor';
import { boundaryEventProcessor } from './events/boundary-event.processor';
import { endEventProcessor } from './events/end-event.processor';
import { intermediateCatchEventProcessor } from './events/intermediate-catch-event.processor';
import { intermediateThrowEventProcessor } from './events/intermediate-throw-event.processor';
import { startEventProcessor } from './events/start-event.processor';
import { eventBasedGatewayProcessor } from './gateways/event-based-gateway.processor';
import { exclusiveGatewayProcessor } from './gateways/exclusive-gateway.processor';
import { inclusiveGatewayProcessor } from './gateways/inclusive-gateway.processor';
import { parallelGatewayProcessor } from './gateways/parallel-gateway.processor';
import { businessRuleTaskProcessor } from './tasks/business-rule-task.processor';
import { manualTaskProcessor } from './tasks/manual-task.processor';
import { receiveTaskProcessor } from './tasks/receive-task.processor';
import { scriptTaskProcessor } from './tasks/script-task.processor';
import { sendTaskProcessor } from './tasks/send-task.processor';
import { serviceTaskProcessor } from './tasks/service-task.processor';
import { userTaskProcessor } from './tasks/user-task.processor';

/** The instance kinds with a processor: every executable element, plus multi-instance bodies. */
export type InstanceKind = ElementKind | 'multiInstanceBody';

/** One processor per element kind; the compiler checks none is missing. */
export const processors = {
  startEvent: startEventProcessor,
  endEvent: endEventProcessor,
  intermediateCatchEvent: intermediateCatchEventProcessor,
  intermediateThrowEvent: intermediateThrowEventProcessor,
  boundaryEvent: boundaryEventProcessor,
  task: manualTaskProcessor,
  manualTask: manualTaskProcessor,
  userTask: userTaskProcessor,
  serviceTask: serviceTaskProcessor,
  sendTask: sendTaskProcessor,
  receiveTask: receiveTaskProcessor,
  scriptTask: scriptTaskProcessor,
  businessRuleTask: businessRuleTaskProcessor,
  exclusiveGateway: exclusiveGatewayProcessor,
  parallelGateway: parallelGatewayProcessor,
  inclusiveGateway: inclusiveGatewayProcessor,
  eventBasedGateway: eventBasedGatewayProcessor,
  subProcess: subProcessProcessor,
  callActivity: callActivityProcessor,
  multiInstanceBody: multiInstanceBodyProcessor,
} satisfies Record<InstanceKind, ElementProcessor>;

/** The processor of an instance; an unknown kind is a programming error. */
export function processorOf(instance: ElementInstance): ElementProcessor {
  const processor = (processors as Record<string, ElementProcessor | undefined>)[instance.elementType];
  if (!processor) throw new Error(`no processor for ${instance.elementType}`);
  return processor;
}
