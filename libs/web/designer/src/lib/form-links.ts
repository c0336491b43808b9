import type { BusinessObject, DiagramElement, ElementFactory, UpdateCommand } from './banjie-properties';

/** An element a form can be linked to: a user task, or a start event of the process (its start form). */
export interface LinkableElement {
  id: string;
  name: string;
  type: 'bpmn:UserTask' | 'bpmn:StartEvent';
  formId?: string;
}

/** The form an element links with `zeebe:formDefinition formId`, or undefined. */
export function linkedFormId(businessObject: BusinessObject): string | undefined {
  const definition = (businessObject.extensionElements?.values ?? []).find((value) => value.$type === 'zeebe:FormDefinition');
  const formId = definition?.['formId'];
  return typeof formId === 'string' && formId !== '' ? formId : undefined;
}

/** Whether a form can be linked to the element: a user task, or a plain start event of the process. */
export function isLinkable(businessObject: BusinessObject): boolean {
  if (businessObject.$type === 'bpmn:UserTask') return true;
  return businessObject.$type === 'bpmn:StartEvent' && (businessObject.eventDefinitions ?? []).length === 0 && businessObject.$parent?.$type === 'bpmn:Process';
}

/**
 * The commands that link an element to a deployed-with-the-flow form: `zeebe:formDefinition formId`
 * (a form key or an external reference it had is dropped), creating the extension elements when missing.
 */
export function linkFormCommands(element: DiagramElement, formId: string, factory: ElementFactory): UpdateCommand[] {
  const businessObject = element.businessObject;
  const update = (moddleElement: BusinessObject, properties: Record<string, unknown>): UpdateCommand => ({
    cmd: 'element.updateModdleProperties',
    context: { element, moddleElement, properties },
  });
  const current = (businessObject.extensionElements?.values ?? []).find((value) => value.$type === 'zeebe:FormDefinition');
  if (current) return [update(current, { formId, formKey: undefined, externalReference: undefined })];
  const commands: UpdateCommand[] = [];
  let extensionElements = businessObject.extensionElements;
  if (!extensionElements) {
    extensionElements = factory.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = businessObject;
    commands.push(update(businessObject, { extensionElements }));
  }
  const definition = factory.create('zeebe:FormDefinition', { formId });
  definition.$parent = extensionElements;
  commands.push(update(extensionElements, { values: [...(extensionElements.values ?? []), definition] }));
  return commands;
}

/** A new form-js schema with the given id and no field yet. */
export function blankFormSchema(formId: string): Record<string, unknown> {
  return { type: 'default', id: formId, components: [] };
}

/** Why a new form id is refused, or undefined when it is fine. */
export function newFormIdProblem(formId: string, existing: readonly string[]): string | undefined {
  if (!/^[A-Za-z][\w-]*$/.test(formId)) return '表单编号须以字母开头，只含字母、数字、- 和 _ A form id starts with a letter and holds letters, digits, - and _';
  if (existing.includes(formId)) return `表单 ${formId} 已存在 The form ${formId} exists already`;
  return undefined;
}
