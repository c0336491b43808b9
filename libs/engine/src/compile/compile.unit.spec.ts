import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from './compile';

const miwg = '/work/shared/conformance/bpmn-miwg';

const header = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">`;

function bpmn(body: string): string {
  return `${header}<bpmn:process id="p" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;
}

describe('compile', () => {
  it('reads a valid process into a frozen model with its key, name and user tasks', async () => {
    // given
    const xml = bpmn(`<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
      <bpmn:userTask id="t" name="审查"><bpmn:extensionElements><zeebe:formDefinition formId="review"/></bpmn:extensionElements></bpmn:userTask>
      <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/><bpmn:endEvent id="e"/>`);

    // when
    const result = await compile(xml);

    // then
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.model.key).toBe('p');
    expect(result.model.elements['t']).toMatchObject({ kind: 'userTask', name: '审查', userTask: { formId: 'review' } });
    expect(result.model.elements['s']?.userTask).toBeUndefined();
    expect(Object.isFrozen(result.model.elements['t'])).toBe(true);
  });

  it('returns every problem at once, each naming its element', async () => {
    // given: no start event, an unsupported complex gateway, a dangling flow, a gateway with no way out, bad FEEL
    const xml = bpmn(`<bpmn:complexGateway id="cg"/>
      <bpmn:task id="a"/><bpmn:sequenceFlow id="dangling" sourceRef="a" targetRef="nowhere"/>
      <bpmn:sequenceFlow id="f1" sourceRef="a" targetRef="x"/><bpmn:exclusiveGateway id="x"/>
      <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="b"><bpmn:conditionExpression>=amount &gt;</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:task id="b"/>`);

    // when
    const result = await compile(xml);

    // then
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byElement = result.problems.map((p) => `${p.elementId}|${p.elementType}`);
    expect(byElement).toEqual(expect.arrayContaining(['cg|bpmn:ComplexGateway', 'p|bpmn:Process', 'dangling|bpmn:SequenceFlow', 'x|bpmn:ExclusiveGateway', 'f2|bpmn:SequenceFlow']));
    expect(result.problems.find((p) => p.elementId === 'cg')?.message).toContain('not supported');
    expect(result.problems.find((p) => p.elementId === 'f2')?.message).toContain('bad FEEL');
  });

  it('an embedded sub-process without exactly one plain start event is a problem', async () => {
    // given
    const xml = bpmn(`<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sub"/>
      <bpmn:subProcess id="sub"><bpmn:task id="inside"/></bpmn:subProcess>`);

    // when
    const result = await compile(xml);

    // then
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ elementId: 'sub', elementType: 'bpmn:SubProcess', message: expect.stringContaining('exactly one start event') })] });
  });

  it('an event with a trigger its kind cannot run, and a flow across a sub-process border, are problems', async () => {
    // given
    const xml = `${header}<bpmn:error id="e" errorCode="E"/><bpmn:process id="p" isExecutable="true">
      <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="catch-error"/>
      <bpmn:intermediateCatchEvent id="catch-error"><bpmn:errorEventDefinition errorRef="e"/></bpmn:intermediateCatchEvent>
      <bpmn:sequenceFlow id="f2" sourceRef="catch-error" targetRef="inner"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="sub-start"/><bpmn:sequenceFlow id="f3" sourceRef="sub-start" targetRef="inner"/><bpmn:task id="inner"/></bpmn:subProcess>
    </bpmn:process></bpmn:definitions>`;

    // when
    const result = await compile(xml);

    // then
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ elementId: 'catch-error', message: 'a error intermediateCatchEvent is not supported here' }),
        expect.objectContaining({ elementId: 'f2', message: 'the sequence flow crosses the border of a sub-process' }),
      ]),
    );
  });

  it('refuses XML with a DOCTYPE before parsing it', async () => {
    // given
    const xml = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${bpmn('<bpmn:startEvent id="s"/>').replace('<?xml version="1.0" encoding="UTF-8"?>', '')}`;

    // when
    const result = await compile(xml);

    // then
    expect(result).toEqual({ ok: false, problems: [{ message: 'XML with a DOCTYPE is refused' }] });
  });

  it.each(['', 'not xml at all', '<a><b></a>', '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"/>'])(
    'returns problems instead of throwing for %p',
    async (xml) => {
      // when
      const result = await compile(xml);

      // then
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
    },
  );

  it('never crashes on the 21 BPMN MIWG reference models: each compiles or lists its problems', async () => {
    // given
    const files = readdirSync(miwg).filter((f) => f.endsWith('.bpmn')).sort();
    expect(files).toHaveLength(21);
    const deployable: string[] = [];

    for (const file of files) {
      // when
      const result = await compile(readFileSync(join(miwg, file), 'utf8'));

      // then
      if (result.ok) {
        expect(Object.keys(result.model.elements).length).toBeGreaterThan(0);
        deployable.push(file);
      } else {
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) expect(problem.message).toEqual(expect.any(String));
      }
    }
    // the stricter compile (unparsable content, duplicate ids, timer literals, legacy expressions) deploys the same ones as before
    expect(deployable).toEqual(['A.1.0.bpmn', 'A.4.0.bpmn', 'A.4.1.bpmn', 'B.1.0.bpmn', 'C.8.0.bpmn', 'C.8.1.bpmn', 'C.9.1.bpmn', 'C.9.2.bpmn']);
  });

  it('deploys every zone flow of bpmn/ without a warning', async () => {
    // given
    const zoneFlows = join(__dirname, '../../../../bpmn');
    const files = readdirSync(zoneFlows).filter((f) => f.endsWith('.bpmn'));
    expect(files.length).toBeGreaterThanOrEqual(6);

    for (const file of files) {
      // when
      const result = await compile(readFileSync(join(zoneFlows, file), 'utf8'));

      // then
      expect([file, result.ok ? result.warnings : result.problems]).toEqual([file, []]);
    }
  });
});
