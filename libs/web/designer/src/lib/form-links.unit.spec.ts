import type { BusinessObject } from './banjie-properties';
import { blankFormSchema, isLinkable, linkFormCommands, linkedFormId, newFormIdProblem } from './form-links';

const factory = { create: (type: string, attributes: Record<string, unknown> = {}): BusinessObject => ({ $type: type, ...attributes }) };
const process: BusinessObject = { $type: 'bpmn:Process' };

describe('linking forms', () => {
  it('links a user task and a plain start event of the process, never a message start or a gateway', () => {
    // then
    expect(isLinkable({ $type: 'bpmn:UserTask' })).toBe(true);
    expect(isLinkable({ $type: 'bpmn:StartEvent', $parent: process })).toBe(true);
    expect(isLinkable({ $type: 'bpmn:StartEvent', $parent: process, eventDefinitions: [{ $type: 'bpmn:MessageEventDefinition' }] })).toBe(false);
    expect(isLinkable({ $type: 'bpmn:StartEvent', $parent: { $type: 'bpmn:SubProcess' } })).toBe(false);
    expect(isLinkable({ $type: 'bpmn:ExclusiveGateway' })).toBe(false);
  });

  it('creates zeebe:formDefinition formId on a task without extension elements', () => {
    // given
    const task: BusinessObject = { $type: 'bpmn:UserTask' };

    // when
    const commands = linkFormCommands({ id: 'Task_Check', businessObject: task }, 'lf-window-check', factory);

    // then
    expect(commands).toHaveLength(2);
    expect(commands[1].context.properties['values']).toEqual([expect.objectContaining({ $type: 'zeebe:FormDefinition', formId: 'lf-window-check' })]);
  });

  it('relinks an existing form definition, dropping its form key, and reads the link back', () => {
    // given
    const definition: BusinessObject = { $type: 'zeebe:FormDefinition', formKey: 'camunda-forms:bpmn:old' };
    const task: BusinessObject = { $type: 'bpmn:UserTask', extensionElements: { $type: 'bpmn:ExtensionElements', values: [definition] } };

    // when
    const commands = linkFormCommands({ id: 'Task_Check', businessObject: task }, 'lf-window-check', factory);

    // then
    expect(commands).toEqual([expect.objectContaining({ context: expect.objectContaining({ moddleElement: definition, properties: { formId: 'lf-window-check', formKey: undefined, externalReference: undefined } }) })]);
    expect(linkedFormId(task)).toBeUndefined();
    definition['formId'] = 'lf-window-check';
    expect(linkedFormId(task)).toBe('lf-window-check');
  });

  it('refuses a form id that is taken or not an identifier, and starts a new form empty', () => {
    // then
    expect(newFormIdProblem('lf-window-check', [])).toBeUndefined();
    expect(newFormIdProblem('lf-window-check', ['lf-window-check'])).toContain('exists already');
    expect(newFormIdProblem('窗口 check', [])).toContain('starts with a letter');
    expect(blankFormSchema('lf-window-check')).toEqual({ type: 'default', id: 'lf-window-check', components: [] });
  });
});
