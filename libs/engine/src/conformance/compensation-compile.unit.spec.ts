import { compile } from '../compile/compile';
import type { ModelProblem } from '../lib/api';

/** A process: start → book (with a compensation boundary event and its handler) → `rest`. */
function model(rest: string, handler = '<bpmn:userTask id="cancel" isForCompensation="true" />', boundaryBody = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="book" />
    <bpmn:userTask id="book" />
    <bpmn:boundaryEvent id="book-compensation" attachedToRef="book"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
    ${boundaryBody}
    ${handler}
    <bpmn:association id="a1" sourceRef="book-compensation" targetRef="cancel" />
    <bpmn:sequenceFlow id="f2" sourceRef="book" targetRef="next" />
    ${rest}
  </bpmn:process>
</bpmn:definitions>`;
}

const THROW_AND_END = '<bpmn:intermediateThrowEvent id="next"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent><bpmn:sequenceFlow id="f3" sourceRef="next" targetRef="end" /><bpmn:endEvent id="end"><bpmn:compensateEventDefinition /></bpmn:endEvent>';

async function problems(xml: string): Promise<ModelProblem[]> {
  const result = await compile(xml);
  return result.ok ? [] : result.problems;
}

describe('Zeebe: compensation elements at deployment', () => {
  it('Zeebe: deploys a compensation boundary event with its handler, a compensation throw event and a compensation end event', async () => {
    // when
    const result = await compile(model(THROW_AND_END));

    // then
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.model.elements['book'].compensation).toEqual({ boundaryEventId: 'book-compensation', handlerId: 'cancel' });
  });

  it('Zeebe: refuses a compensation boundary event with an outgoing sequence flow, naming it', async () => {
    // when
    const found = await problems(model(`${THROW_AND_END}<bpmn:sequenceFlow id="f9" sourceRef="book-compensation" targetRef="end" />`));

    // then
    expect(found).toContainEqual(expect.objectContaining({ elementId: 'book-compensation', message: expect.stringContaining('no outgoing sequence flow') }));
  });

  it('Zeebe: refuses a compensation handler with sequence flows, naming it', async () => {
    // when
    const found = await problems(model(`${THROW_AND_END}<bpmn:sequenceFlow id="f9" sourceRef="cancel" targetRef="end" />`));

    // then
    expect(found).toContainEqual(expect.objectContaining({ elementId: 'cancel', message: 'a compensation handler cannot have outgoing sequence flows' }));
  });

  it('Zeebe: refuses a receive task as compensation handler', async () => {
    // when
    const found = await problems(model(THROW_AND_END, '<bpmn:receiveTask id="cancel" isForCompensation="true" messageRef="m" /><bpmn:message id="m" name="m" />'));

    // then
    expect(found).toContainEqual(expect.objectContaining({ elementId: 'cancel', message: expect.stringContaining('a receiveTask cannot be a compensation handler') }));
  });

  it('Zeebe: refuses an activityRef to an activity of another scope, or to one that cannot be compensated', async () => {
    // given a throw event inside a sub-process naming the outer activity, and one naming the start event
    const rest = `<bpmn:subProcess id="next"><bpmn:startEvent id="s" /><bpmn:sequenceFlow id="s1" sourceRef="s" targetRef="inner-throw" />
      <bpmn:intermediateThrowEvent id="inner-throw"><bpmn:compensateEventDefinition activityRef="book" /></bpmn:intermediateThrowEvent>
      <bpmn:sequenceFlow id="s2" sourceRef="inner-throw" targetRef="s-end" /><bpmn:endEvent id="s-end" /></bpmn:subProcess>
      <bpmn:sequenceFlow id="f3" sourceRef="next" targetRef="end" />
      <bpmn:endEvent id="end"><bpmn:compensateEventDefinition activityRef="start" /></bpmn:endEvent>`;

    // when
    const found = await problems(model(rest));

    // then
    expect(found).toContainEqual(expect.objectContaining({ elementId: 'inner-throw', message: 'the compensation activity "book" is not in the scope of the compensation event' }));
    expect(found).toContainEqual(expect.objectContaining({ elementId: 'end', message: 'the compensation activity "start" has no compensation boundary event and is not a sub-process' }));
  });

  it('Zeebe: refuses an activityRef naming no element, naming the event', async () => {
    // when
    const found = await problems(model('<bpmn:endEvent id="next"><bpmn:compensateEventDefinition activityRef="bok" /></bpmn:endEvent>'));

    // then
    expect(found).toContainEqual(expect.objectContaining({ elementId: 'next', message: 'the compensation activity "bok" does not exist' }));
  });

  it('Zeebe: refuses a compensation event sub-process (Zeebe does not run compensation start events)', async () => {
    // given
    const rest = `${THROW_AND_END}<bpmn:subProcess id="on-compensation" triggeredByEvent="true">
      <bpmn:startEvent id="compensation-start"><bpmn:compensateEventDefinition /></bpmn:startEvent>
      <bpmn:sequenceFlow id="e1" sourceRef="compensation-start" targetRef="e-end" /><bpmn:endEvent id="e-end" /></bpmn:subProcess>`;

    // when
    const found = await problems(model(rest));

    // then
    expect(found).toEqual([expect.objectContaining({ elementId: 'compensation-start', message: expect.stringContaining('a compensation start event (a compensation event sub-process) is not supported') })]);
  });

  it('Zeebe: refuses a compensation intermediate catch event', async () => {
    // when
    const found = await problems(model('<bpmn:intermediateCatchEvent id="next"><bpmn:compensateEventDefinition /></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id="f3" sourceRef="next" targetRef="end" /><bpmn:endEvent id="end" />'));

    // then
    expect(found).toContainEqual({ elementId: 'next', elementType: 'bpmn:IntermediateCatchEvent', message: 'a compensation intermediateCatchEvent is not supported here' });
  });
});
