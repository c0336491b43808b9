import departmentReview from './department-review.json';
import eCertificate from './e-certificate.json';
import leaderSignOff from './leader-sign-off.json';
import supplementTimeout from './supplement-timeout.json';
import supplementWait from './supplement-wait.json';
import windowCompletenessCheck from './window-completeness-check.json';

/** A Zeebe element template (the `@camunda/zeebe-element-templates-json-schema` format), as far as the designer reads it. */
export interface ZoneTemplate {
  id: string;
  name: string;
  version: number;
  description: string;
  appliesTo: string[];
  elementType: { value: string; eventDefinition?: string };
  properties: { type: string; value?: string; binding: { type: string; name?: string; property?: string } }[];
}

/**
 * The steps every zone's flows are made of, as element templates: the palette creates them and
 * the properties panel applies them to a drawn task. Each sets the Zeebe properties the engine
 * runs (candidate group, form, job type, message) and Banjie's legal limit, clock pause or
 * working-day timer (see `zone-template-values.ts`).
 */
export const ZONE_TEMPLATES: readonly ZoneTemplate[] = [windowCompletenessCheck, departmentReview, leaderSignOff, eCertificate, supplementWait, supplementTimeout];

/** The template of the supplement wait's deadline: the palette attaches it to every supplement wait it creates. */
export const SUPPLEMENT_TIMEOUT_TEMPLATE_ID = supplementTimeout.id;

/** The templates a designer draws from the palette (the timeout comes with its wait). */
export const PALETTE_TEMPLATES: readonly ZoneTemplate[] = ZONE_TEMPLATES.filter((template) => template.id !== SUPPLEMENT_TIMEOUT_TEMPLATE_ID);

/** The palette icon of a template's element type. */
export function templateIconClass(template: ZoneTemplate): string {
  const icons: Record<string, string> = {
    'bpmn:UserTask': 'bpmn-icon-user-task',
    'bpmn:ServiceTask': 'bpmn-icon-service-task',
    'bpmn:ReceiveTask': 'bpmn-icon-receive-task',
    'bpmn:BoundaryEvent': 'bpmn-icon-intermediate-event-catch-timer',
  };
  return icons[template.elementType.value] ?? 'bpmn-icon-task';
}
