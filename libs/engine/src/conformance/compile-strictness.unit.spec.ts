import { compile } from '../compile/compile';
import type { ModelProblem } from '../lib/api';

const header = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">`;

/** A process start → review (user task) → end, with `extra` inside the process. */
function flow(extra: string, review = '<bpmn:userTask id="review" />'): string {
  return `${header}<bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    ${review}<bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" /><bpmn:endEvent id="end" />${extra}
  </bpmn:process></bpmn:definitions>`;
}

async function problemsOf(xml: string): Promise<ModelProblem[]> {
  const result = await compile(xml);
  return result.ok ? [] : result.problems;
}

describe('Zeebe: a deployment is refused when part of the model cannot run, each problem naming its element', () => {
  it('Zeebe: unparsable BPMN content is refused (not deployed with a warning), naming the element', async () => {
    // when
    const problems = await problemsOf(flow('<bpmn:complexThing id="odd" />'));

    // then
    expect(problems).toEqual([expect.objectContaining({ elementId: 'odd', elementType: 'bpmn:complexThing', message: expect.stringContaining('unparsable') })]);
  });

  it('Zeebe: an element id used twice is refused, naming the id (the duplicate is not dropped)', async () => {
    // when
    const problems = await problemsOf(flow('<bpmn:userTask id="review" name="again" />'));

    // then
    expect(problems).toEqual([expect.objectContaining({ elementId: 'review', message: expect.stringContaining('used twice') })]);
  });

  it('Zeebe: a timer whose literal is not ISO-8601 ("15 minutes") is refused on its event', async () => {
    // given
    const timer = `<bpmn:boundaryEvent id="late" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration>15 minutes</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="end" />`;

    // when
    const problems = await problemsOf(flow(timer));

    // then
    expect(problems).toEqual([expect.objectContaining({ elementId: 'late', message: expect.stringContaining('"15 minutes" is not an ISO-8601 duration') })]);
  });

  it('timer dates and cycles are checked too; ISO-8601 literals and FEEL timers compile', async () => {
    // given
    const timers = (date: string, cycle: string) => `<bpmn:boundaryEvent id="at" attachedToRef="review" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDate>${date}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:sequenceFlow id="f3" sourceRef="at" targetRef="end" />
      <bpmn:boundaryEvent id="every" attachedToRef="review" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>${cycle}</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:sequenceFlow id="f4" sourceRef="every" targetRef="end" />`;

    // when
    const bad = await problemsOf(flow(timers('next Monday', 'every day')));
    const good = await problemsOf(flow(timers('2026-03-09T09:00:00+08:00', 'R3/PT1H')));
    const feel = await problemsOf(flow(timers('=deadline', '=cycle(duration("PT2H"))')));

    // then
    expect(bad.map((p) => p.elementId).sort()).toEqual(['at', 'every']);
    expect(good).toEqual([]);
    expect(feel).toEqual([]);
  });

  it('Zeebe: a legacy (JUEL) condition such as ${phone == false} or phone == false is refused: it cannot run as FEEL', async () => {
    // given
    const gateway = (condition: string) => `${header}<bpmn:process id="p" isExecutable="true">
      <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="x" />
      <bpmn:exclusiveGateway id="x" default="other" />
      <bpmn:sequenceFlow id="byPhone" sourceRef="x" targetRef="end"><bpmn:conditionExpression>${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="other" sourceRef="x" targetRef="end" /><bpmn:endEvent id="end" />
    </bpmn:process></bpmn:definitions>`;

    // when
    const juel = await problemsOf(gateway('${phone == false}'));
    const doubleEquals = await problemsOf(gateway('=phone == false'));
    const feel = await problemsOf(gateway('=phone = false and note != "a == b"'));

    // then
    expect(juel).toEqual([expect.objectContaining({ elementId: 'byPhone', message: expect.stringContaining('legacy') })]);
    expect(doubleEquals).toEqual([expect.objectContaining({ elementId: 'byPhone', message: expect.stringContaining('FEEL compares with =') })]);
    expect(feel).toEqual([]);
  });

  it('FEEL in job types, timers and message correlation keys is checked at compile', async () => {
    // given
    const review = '<bpmn:serviceTask id="review"><bpmn:extensionElements><zeebe:taskDefinition type="=&quot;a&quot; +" /></bpmn:extensionElements></bpmn:serviceTask>';
    const extra = `<bpmn:boundaryEvent id="late" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration>=duration(</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="end" />`;

    // when
    const problems = await problemsOf(flow(extra, review));

    // then
    expect(problems.map((p) => p.elementId).sort()).toEqual(['late', 'review']);
    for (const problem of problems) expect(problem.message).toContain('bad FEEL');
  });
});
