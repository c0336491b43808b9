/**
 * What the applicant's pages read from a deployed flow's BPMN XML: the names of its elements and
 * the forms its start event and its message waits carry. The XML is read with the browser's
 * `DOMParser`, so the applicant's pages need no modeler.
 */
export interface FlowReading {
  /** Element names by id (`Task_WindowCheck` → `窗口完整性审查 Window completeness check`). */
  names: Record<string, string>;
  /** The form of the process's none start event: the application form. */
  startFormId?: string;
  /** Forms of other elements by id (message catch events, receive tasks). */
  formIds: Record<string, string>;
}

const EVENT_DEFINITIONS = ['messageEventDefinition', 'timerEventDefinition', 'signalEventDefinition', 'conditionalEventDefinition'];

/** Reads names and forms out of BPMN XML; an empty or broken document reads as a flow with none. */
export function readFlow(xml: string): FlowReading {
  const reading: FlowReading = { names: {}, formIds: {} };
  if (!xml.trim()) return reading;
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return reading;
  for (const element of Array.from(doc.getElementsByTagNameNS('*', '*'))) {
    const id = element.getAttribute('id');
    if (!id) continue;
    const name = element.getAttribute('name');
    if (name) reading.names[id] = name;
    const formId = formIdOf(element);
    if (!formId) continue;
    if (isApplicationStart(element)) reading.startFormId = formId;
    else reading.formIds[id] = formId;
  }
  return reading;
}

/** A flow is open to applicants when its start event carries an application form. */
export function isOpenToApplicants(reading: FlowReading): boolean {
  return reading.startFormId !== undefined;
}

function formIdOf(element: Element): string | undefined {
  const extensions = Array.from(element.children).find((child) => child.localName === 'extensionElements');
  const form = extensions && Array.from(extensions.children).find((child) => child.localName === 'formDefinition');
  if (!form) return undefined;
  return form.getAttribute('formId') ?? form.getAttribute('formKey')?.replace(/^camunda-forms:bpmn:/, '') ?? undefined;
}

function isApplicationStart(element: Element): boolean {
  return (
    element.localName === 'startEvent' &&
    element.parentElement?.localName === 'process' &&
    !Array.from(element.children).some((child) => EVENT_DEFINITIONS.includes(child.localName))
  );
}
