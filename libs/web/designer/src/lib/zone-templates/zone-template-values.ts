import { banjieFieldCommands, banjieFields, type BanjieField, type BusinessObject, type DiagramElement, type ElementFactory, type UpdateCommand } from '../banjie-properties';

/**
 * How a zone step template carries Banjie's own settings. Element templates can only write
 * `zeebe:` and `bpmn:` properties, so a template names a Banjie field by its id in a hidden
 * `zeebe:property` (`banjie-legalLimit-workingDays` = `5`); once the template is applied, the
 * designer turns each into the `banjie:` extension the engine reads (`<banjie:legalLimit
 * workingDays="5"/>`) and drops the stand-in, so the deployed XML has no trace of it.
 */

/** A Banjie field's value as a template set it. */
export interface TemplateBanjieValue {
  field: BanjieField;
  value: string | boolean;
}

function zeebeProperties(businessObject: BusinessObject): BusinessObject | undefined {
  return (businessObject.extensionElements?.values ?? []).find((value) => value.$type === 'zeebe:Properties');
}

function entriesOf(properties: BusinessObject | undefined): BusinessObject[] {
  const entries = properties?.['properties'];
  return Array.isArray(entries) ? (entries as BusinessObject[]) : [];
}

/** The Banjie values a template left on an element as `zeebe:property` stand-ins. */
export function templateBanjieValues(businessObject: BusinessObject): TemplateBanjieValue[] {
  const fields = banjieFields(businessObject);
  return entriesOf(zeebeProperties(businessObject)).flatMap((entry) => {
    const field = fields.find((candidate) => candidate.id === entry['name']);
    const value = entry['value'];
    if (!field || typeof value !== 'string') return [];
    return [{ field, value: field.kind === 'checkbox' ? value === 'true' : value }];
  });
}

/** Removes the stand-ins of the Banjie values (and `zeebe:properties`, when nothing else is left in it). */
export function dropStandInCommands(element: DiagramElement): UpdateCommand[] {
  const businessObject = element.businessObject;
  const properties = zeebeProperties(businessObject);
  const extensionElements = businessObject.extensionElements;
  if (!properties || !extensionElements) return [];
  const standIns = new Set(templateBanjieValues(businessObject).map(({ field }) => field.id));
  const kept = entriesOf(properties).filter((entry) => !(typeof entry['name'] === 'string' && standIns.has(entry['name'])));
  const update = (moddleElement: BusinessObject, changed: Record<string, unknown>): UpdateCommand => ({ cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties: changed } });
  if (kept.length > 0) return [update(properties, { properties: kept })];
  return [update(extensionElements, { values: (extensionElements.values ?? []).filter((value) => value !== properties) })];
}

/** Runs commands as one step; Banjie's field commands read the model, so each field is planned after the one before it ran. */
export interface CommandRunner {
  run(commands: UpdateCommand[]): void;
}

/**
 * Turns the template's stand-ins on an element into `banjie:` extensions, one field after the
 * other, and drops the stand-ins. Returns whether the element had any.
 */
export function applyTemplateBanjieValues(element: DiagramElement, factory: ElementFactory, runner: CommandRunner): boolean {
  const values = templateBanjieValues(element.businessObject);
  if (values.length === 0) return false;
  runner.run(dropStandInCommands(element));
  for (const { field, value } of values) runner.run(banjieFieldCommands(element, field, value, factory));
  return true;
}
