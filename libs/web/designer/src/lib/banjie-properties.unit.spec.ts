import { banjieFieldCommands, banjieFields, readBanjieField, yellowAtProblem, type BusinessObject, type DiagramElement } from './banjie-properties';

const factory = { create: (type: string, attributes: Record<string, unknown> = {}): BusinessObject => ({ $type: type, ...attributes }) };

function element(businessObject: BusinessObject): DiagramElement {
  return { id: 'Review', businessObject };
}

const field = (bo: BusinessObject, id: string) => {
  const found = banjieFields(bo).find((f) => f.id === id);
  if (!found) throw new Error(`no field ${id}`);
  return found;
};

describe('the Banjie fields of the properties panel', () => {
  it('gives a user task its legal limit, task name and clock, a gateway nothing, a timer its working days', () => {
    // when
    const task = banjieFields({ $type: 'bpmn:UserTask' }).map((f) => f.id);
    const gateway = banjieFields({ $type: 'bpmn:ExclusiveGateway' });
    const timer = banjieFields({ $type: 'bpmn:BoundaryEvent', eventDefinitions: [{ $type: 'bpmn:TimerEventDefinition' }] }).map((f) => f.id);
    const message = banjieFields({ $type: 'bpmn:BoundaryEvent', eventDefinitions: [{ $type: 'bpmn:MessageEventDefinition' }] });

    // then
    expect(task).toEqual([
      'banjie-legalLimit-workingDays',
      'banjie-legalLimit-yellowAt',
      'banjie-legalLimit-escalateTo',
      'banjie-legalLimit-tier',
      'banjie-taskName-value',
      'banjie-clockControl-pause',
    ]);
    expect(gateway).toEqual([]);
    expect(timer).toEqual(['banjie-workingDayTimer-workingDays']);
    expect(message).toEqual([]);
  });

  it('labels every field in Chinese with English beside it', () => {
    // when
    const labels = banjieFields({ $type: 'bpmn:UserTask' }).map((f) => f.label);

    // then
    for (const label of labels) expect(label).toMatch(/^[\u4e00-\u9fff“].*[\u4e00-\u9fff）”] ?[A-Z][a-z]/);
  });

  it('creates the extension elements and the legal limit when a task has none, in one step', () => {
    // given
    const task: BusinessObject = { $type: 'bpmn:UserTask' };

    // when
    const commands = banjieFieldCommands(element(task), field(task, 'banjie-legalLimit-workingDays'), ' 5 ', factory);

    // then
    expect(commands).toHaveLength(2);
    const created = commands[0].context.properties['extensionElements'] as BusinessObject;
    expect(commands[0].context.moddleElement).toBe(task);
    expect(created.$type).toBe('bpmn:ExtensionElements');
    expect(commands[1].context.moddleElement).toBe(created);
    expect(commands[1].context.properties['values']).toEqual([expect.objectContaining({ $type: 'banjie:LegalLimit', workingDays: '5' })]);
  });

  it('sets an attribute of an existing limit, reads it back, and stores the yellow fraction as a number', () => {
    // given
    const limit: BusinessObject = { $type: 'banjie:LegalLimit', workingDays: '=if urgent then 3 else 5', yellowAt: 0.75 };
    const task: BusinessObject = { $type: 'bpmn:UserTask', extensionElements: { $type: 'bpmn:ExtensionElements', values: [limit] } };

    // when
    const escalate = banjieFieldCommands(element(task), field(task, 'banjie-legalLimit-escalateTo'), 'leader', factory);
    const yellow = banjieFieldCommands(element(task), field(task, 'banjie-legalLimit-yellowAt'), '0.9', factory);

    // then
    expect(escalate).toEqual([{ cmd: 'element.updateModdleProperties', context: { element: element(task), moddleElement: limit, properties: { escalateTo: 'leader' } } }]);
    expect(yellow[0].context.properties).toEqual({ yellowAt: 0.9 });
    expect(readBanjieField(task, field(task, 'banjie-legalLimit-workingDays'))).toBe('=if urgent then 3 else 5');
    expect(readBanjieField(task, field(task, 'banjie-legalLimit-yellowAt'))).toBe('0.75');
    expect(readBanjieField(task, field(task, 'banjie-clockControl-pause'))).toBe(false);
  });

  it('clears one attribute, and removes the element with its last attribute', () => {
    // given
    const clock: BusinessObject = { $type: 'banjie:ClockControl', pause: true };
    const limit: BusinessObject = { $type: 'banjie:LegalLimit', workingDays: '3', escalateTo: 'leader' };
    const extensionElements = { $type: 'bpmn:ExtensionElements', values: [limit, clock] };
    const task: BusinessObject = { $type: 'bpmn:UserTask', extensionElements };

    // when
    const clearEscalation = banjieFieldCommands(element(task), field(task, 'banjie-legalLimit-escalateTo'), '', factory);
    const unpause = banjieFieldCommands(element(task), field(task, 'banjie-clockControl-pause'), false, factory);

    // then
    expect(clearEscalation[0].context).toMatchObject({ moddleElement: limit, properties: { escalateTo: undefined } });
    expect(unpause[0].context).toMatchObject({ moddleElement: extensionElements, properties: { values: [limit] } });
    expect(readBanjieField(task, field(task, 'banjie-clockControl-pause'))).toBe(true);
  });

  it('refuses a yellow fraction outside 0 to 1, with a message in Chinese and English', () => {
    // then
    expect(yellowAtProblem('0.8')).toBeUndefined();
    expect(yellowAtProblem('')).toBeUndefined();
    expect(yellowAtProblem(undefined)).toBeUndefined();
    expect(yellowAtProblem('1.5')).toContain('fraction between 0 and 1');
    expect(yellowAtProblem('abc')).toContain('请填');
  });
});
