import { BANJIE_LINT_RULES } from './banjie-lint-rules';
import { lintBpmn } from './lint-model';

const header = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:banjie="http://banjie.gov.cn/schema/bpmn/1.0" id="d" targetNamespace="t">`;

function bpmn(body: string): string {
  return `${header}<bpmn:process id="p" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;
}

const reviewed = (extensions: string) => bpmn(`<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review"/>
  <bpmn:userTask id="review" name="审查"><bpmn:extensionElements>${extensions}</bpmn:extensionElements></bpmn:userTask>
  <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="e"/><bpmn:endEvent id="e"/>`);

describe('Banjie lint rules', () => {
  it('warns about a user task without a legal limit and without anyone to do it', async () => {
    // when
    const findings = await lintBpmn(reviewed(''));

    // then
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'banjie/legal-limit', category: 'warn', elementId: 'review', elementType: 'bpmn:UserTask', message: expect.stringContaining('legal limit') }),
      expect.objectContaining({ rule: 'banjie/task-assignee', category: 'warn', elementId: 'review', message: expect.stringContaining('candidate group') }),
    ]);
  });

  it('finds nothing in a user task with a legal limit and a candidate group', async () => {
    // when
    const findings = await lintBpmn(reviewed('<banjie:legalLimit workingDays="3"/><zeebe:assignmentDefinition candidateGroups="lf-housing"/>'));

    // then
    expect(findings).toEqual([]);
  });

  it('refuses an exclusive gateway that forks with neither a default nor a condition on every flow', async () => {
    // given
    const fork = (gatewayAttributes: string) =>
      bpmn(`<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="x"/>
      <bpmn:exclusiveGateway id="x" ${gatewayAttributes}/>
      <bpmn:sequenceFlow id="yes" sourceRef="x" targetRef="e1"><bpmn:conditionExpression>=approved</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="no" sourceRef="x" targetRef="e2"/><bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>`);

    // when
    const bare = await lintBpmn(fork(''));
    const withDefault = await lintBpmn(fork('default="no"'));

    // then
    expect(bare).toEqual([expect.objectContaining({ rule: 'banjie/gateway-conditions', category: 'error', elementId: 'x', message: expect.stringContaining('no has no condition') })]);
    expect(withDefault).toEqual([]);
  });

  it('refuses an element the engine cannot run and FEEL that does not parse, naming the element', async () => {
    // given
    const xml = bpmn(`<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="cg"/><bpmn:complexGateway id="cg"/>
      <bpmn:sequenceFlow id="f2" sourceRef="cg" targetRef="t"/>
      <bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="x"/><zeebe:ioMapping><zeebe:input source="=amount +" target="a"/></zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask>
      <bpmn:sequenceFlow id="f3" sourceRef="t" targetRef="e"><bpmn:conditionExpression>=a &gt;</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:endEvent id="e"/>`);

    // when
    const findings = await lintBpmn(xml);

    // then
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'banjie/executable-elements', category: 'error', elementId: 'cg', message: expect.stringContaining('bpmn:ComplexGateway is not supported') }),
      expect.objectContaining({ rule: 'banjie/feel-syntax', category: 'error', elementId: 't', message: expect.stringContaining('bad FEEL "=amount +"') }),
      expect.objectContaining({ rule: 'banjie/feel-syntax', category: 'error', elementId: 'f3', message: expect.stringContaining('bad FEEL "=a >"') }),
    ]);
  });

  it('checks a FEEL legal limit, and lets a literal through', async () => {
    // when
    const feel = await lintBpmn(reviewed('<banjie:legalLimit workingDays="=if urgent then"/><zeebe:assignmentDefinition assignee="lf-clerk"/>'));
    const literal = await lintBpmn(reviewed('<banjie:legalLimit workingDays="5"/><zeebe:assignmentDefinition assignee="lf-clerk"/>'));

    // then
    expect(feel.map((f) => f.rule)).toEqual(['banjie/feel-syntax']);
    expect(literal).toEqual([]);
  });

  it('is a set of bpmnlint rule factories with a category each', () => {
    // then
    for (const { rule, category } of Object.values(BANJIE_LINT_RULES)) {
      expect(typeof rule().check).toBe('function');
      expect(['error', 'warn']).toContain(category);
    }
    expect(Object.keys(BANJIE_LINT_RULES)).toEqual(['legal-limit', 'task-assignee', 'gateway-conditions', 'executable-elements', 'feel-syntax']);
  });
});
