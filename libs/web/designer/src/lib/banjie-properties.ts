/**
 * What the 办结 Banjie group of the properties panel edits, without the panel's widgets: which
 * `banjie:` extension fields an element has, how they are read, and the commands that write them
 * (one undoable `properties-panel.multi-command-executor` step).
 */

/** The part of a bpmn-js business object (a moddle element) the Banjie group reads and writes. */
export interface BusinessObject {
  $type: string;
  $parent?: BusinessObject;
  extensionElements?: BusinessObject & { values?: BusinessObject[] };
  eventDefinitions?: BusinessObject[];
  [property: string]: unknown;
}

/** The diagram element bpmn-js hands to a properties provider. */
export interface DiagramElement {
  id: string;
  businessObject: BusinessObject;
}

/** Creates moddle elements: bpmn-js's `bpmnFactory`. */
export interface ElementFactory {
  create(type: string, attributes?: Record<string, unknown>): BusinessObject;
}

/** One command of a `properties-panel.multi-command-executor` step. */
export interface UpdateCommand {
  cmd: 'element.updateModdleProperties';
  context: { element: DiagramElement; moddleElement: BusinessObject; properties: Record<string, unknown> };
}

export type BanjieExtensionType = 'banjie:LegalLimit' | 'banjie:TaskName' | 'banjie:ClockControl' | 'banjie:WorkingDayTimer';

/** A field of the Banjie group: one attribute of one `banjie:` extension element. */
export interface BanjieField {
  /** The entry id (the input's DOM id is `bio-properties-panel-<id>`). */
  id: string;
  extension: BanjieExtensionType;
  property: string;
  /** `feel`: a literal or a FEEL expression `=…`; `number`: a decimal; `checkbox`: true or absent. */
  kind: 'feel' | 'text' | 'number' | 'checkbox';
  label: string;
  description: string;
}

const LEGAL_LIMIT_HOSTS = ['bpmn:UserTask', 'bpmn:SubProcess', 'bpmn:CallActivity', 'bpmn:Task', 'bpmn:ServiceTask', 'bpmn:ManualTask', 'bpmn:ReceiveTask', 'bpmn:Process'];
const CLOCK_HOSTS = ['bpmn:UserTask', 'bpmn:ReceiveTask', 'bpmn:IntermediateCatchEvent', 'bpmn:SubProcess', 'bpmn:Task', 'bpmn:ManualTask'];
const TIMER_HOSTS = ['bpmn:BoundaryEvent', 'bpmn:IntermediateCatchEvent', 'bpmn:StartEvent'];

const LEGAL_LIMIT_FIELDS: BanjieField[] = [
  {
    id: 'banjie-legalLimit-workingDays',
    extension: 'banjie:LegalLimit',
    property: 'workingDays',
    kind: 'feel',
    label: '法定时限（工作日）Legal limit (working days)',
    description: '工作日数，或 FEEL 表达式 A number of working days, or a FEEL expression (=…)',
  },
  {
    id: 'banjie-legalLimit-yellowAt',
    extension: 'banjie:LegalLimit',
    property: 'yellowAt',
    kind: 'number',
    label: '黄牌比例 Yellow at (used fraction)',
    description: '用去多少时限时黄牌预警，默认 0.8 Fraction of the limit used when the yellow warning is raised (default 0.8)',
  },
  {
    id: 'banjie-legalLimit-escalateTo',
    extension: 'banjie:LegalLimit',
    property: 'escalateTo',
    kind: 'text',
    label: '红牌上报 Escalate to',
    description: '超时红牌上报给谁（角色或用户）Who a red warning goes to (role or user), e.g. leader',
  },
  {
    id: 'banjie-legalLimit-tier',
    extension: 'banjie:LegalLimit',
    property: 'tier',
    kind: 'text',
    label: '“123 办结”档 Tier',
    description: '时限来自哪一档 The "123 closure" tier the limit comes from (1, 2 or 3)',
  },
];

const TASK_NAME_FIELD: BanjieField = {
  id: 'banjie-taskName-value',
  extension: 'banjie:TaskName',
  property: 'value',
  kind: 'feel',
  label: '任务名称 Task name',
  description: '每个任务的名称，可用 FEEL The name each task gets, a literal or FEEL (=…)',
};

const CLOCK_FIELD: BanjieField = {
  id: 'banjie-clockControl-pause',
  extension: 'banjie:ClockControl',
  property: 'pause',
  kind: 'checkbox',
  label: '暂停法定时钟 Pause the legal clock',
  description: '等待期间不计入时限（补正），离开时恢复 The legal clock stops while this waits (supplements) and resumes when it is left',
};

const WORKING_DAY_TIMER_FIELD: BanjieField = {
  id: 'banjie-workingDayTimer-workingDays',
  extension: 'banjie:WorkingDayTimer',
  property: 'workingDays',
  kind: 'feel',
  label: '工作日定时 Working-day timer',
  description: '第 N 个工作日结束时到期，代替日历时长 Due at the end of the Nth working day instead of a calendar duration',
};

function hasTimer(businessObject: BusinessObject): boolean {
  return (businessObject.eventDefinitions ?? []).some((definition) => definition.$type === 'bpmn:TimerEventDefinition');
}

/** The Banjie fields of an element, in the order the group shows them; empty when it has none. */
export function banjieFields(businessObject: BusinessObject): BanjieField[] {
  const type = businessObject.$type;
  const fields: BanjieField[] = [];
  if (LEGAL_LIMIT_HOSTS.includes(type)) fields.push(...LEGAL_LIMIT_FIELDS);
  if (type === 'bpmn:UserTask') fields.push(TASK_NAME_FIELD);
  if (CLOCK_HOSTS.includes(type)) fields.push(CLOCK_FIELD);
  if (TIMER_HOSTS.includes(type) && hasTimer(businessObject)) fields.push(WORKING_DAY_TIMER_FIELD);
  return fields;
}

/** The element's extension of a type, or undefined. */
export function banjieExtension(businessObject: BusinessObject, type: BanjieExtensionType): BusinessObject | undefined {
  return (businessObject.extensionElements?.values ?? []).find((value) => value.$type === type);
}

/** The field's value as the panel shows it: a string, or a boolean for a checkbox. */
export function readBanjieField(businessObject: BusinessObject, field: BanjieField): string | boolean {
  const value = banjieExtension(businessObject, field.extension)?.[field.property];
  if (field.kind === 'checkbox') return value === true;
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : '';
}

/** The value an input stands for in the model: undefined clears the attribute. */
function modelValue(field: BanjieField, value: string | boolean): string | number | boolean | undefined {
  if (field.kind === 'checkbox') return value === true ? true : undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return undefined;
  if (field.kind === 'number') return Number(text);
  return text;
}

/** Why a yellow fraction is refused, or undefined when it is a number between 0 and 1. */
export function yellowAtProblem(value: string | undefined): string | undefined {
  // the panel validates an untouched field with `undefined`
  if (value === undefined || value.trim() === '') return undefined;
  const fraction = Number(value);
  return Number.isFinite(fraction) && fraction > 0 && fraction < 1 ? undefined : '请填 0 到 1 之间的小数 Enter a fraction between 0 and 1, e.g. 0.8';
}

/**
 * The commands that set a field: they create `bpmn:extensionElements` and the `banjie:` element
 * when missing, and remove the `banjie:` element when its last attribute is cleared.
 */
export function banjieFieldCommands(element: DiagramElement, field: BanjieField, value: string | boolean, factory: ElementFactory): UpdateCommand[] {
  const businessObject = element.businessObject;
  const next = modelValue(field, value);
  const update = (moddleElement: BusinessObject, properties: Record<string, unknown>): UpdateCommand => ({
    cmd: 'element.updateModdleProperties',
    context: { element, moddleElement, properties },
  });
  const current = banjieExtension(businessObject, field.extension);
  if (next === undefined) {
    if (!current || !businessObject.extensionElements) return [];
    const others = Object.keys(current).filter((key) => !key.startsWith('$') && key !== field.property && current[key] !== undefined);
    if (others.length > 0) return [update(current, { [field.property]: undefined })];
    return [update(businessObject.extensionElements, { values: (businessObject.extensionElements.values ?? []).filter((v) => v !== current) })];
  }
  if (current) return [update(current, { [field.property]: next })];
  const commands: UpdateCommand[] = [];
  let extensionElements = businessObject.extensionElements;
  if (!extensionElements) {
    extensionElements = factory.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = businessObject;
    commands.push(update(businessObject, { extensionElements }));
  }
  const created = factory.create(field.extension, { [field.property]: next });
  created.$parent = extensionElements;
  commands.push(update(extensionElements, { values: [...(extensionElements.values ?? []), created] }));
  return commands;
}
