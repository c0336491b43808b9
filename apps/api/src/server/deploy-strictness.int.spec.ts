import { startTestApi, type TestApi } from '../testing/test-api';

/**
 * Issue #14's compile reproductions, as a designer meets them: each was deployed (with at most a
 * warning) and failed later. Zeebe refuses such a deployment; Banjie answers 422 naming the element.
 */
const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">`;

/** start → review → end in process `key`, with `extra` inside the process. */
function flow(key: string, extra: string): string {
  return `${HEADER}<bpmn:process id="${key}" name="严格编译 Strict compile" isExecutable="true">
    <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" /><bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" /><bpmn:endEvent id="end" />${extra}
  </bpmn:process></bpmn:definitions>`;
}

const CASES: { reproduction: string; xml: string; elementId: string; says: string }[] = [
  {
    reproduction: 'a legacy condition phone == false',
    xml: `${HEADER}<bpmn:process id="strict-legacy" isExecutable="true">
      <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="x" />
      <bpmn:exclusiveGateway id="x" default="other" />
      <bpmn:sequenceFlow id="byPhone" sourceRef="x" targetRef="end"><bpmn:conditionExpression>phone == false</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="other" sourceRef="x" targetRef="end" /><bpmn:endEvent id="end" />
    </bpmn:process></bpmn:definitions>`,
    elementId: 'byPhone',
    says: 'FEEL compares with =',
  },
  {
    reproduction: 'a timer literal "15 minutes"',
    xml: flow('strict-timer', `<bpmn:boundaryEvent id="late" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration>15 minutes</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="end" />`),
    elementId: 'late',
    says: 'not an ISO-8601 duration',
  },
  {
    reproduction: 'unparsable BPMN content',
    xml: flow('strict-unparsable', '<bpmn:complexThing id="odd" />'),
    elementId: 'odd',
    says: 'unparsable',
  },
  {
    reproduction: 'an element id used twice',
    xml: flow('strict-duplicate', '<bpmn:userTask id="review" name="again" />'),
    elementId: 'review',
    says: 'used twice',
  },
];

describe('deploying what cannot run is refused over HTTP (issue #14 compile reproductions)', () => {
  let api: TestApi;
  let designer: string;

  beforeAll(async () => {
    api = await startTestApi();
    designer = await api.login('lf-designer');
  });

  afterAll(() => api.stop({ removeData: true }));

  it.each(CASES)('$reproduction: 422 invalid_bpmn naming the element, and nothing is deployed', async ({ xml, elementId, says }) => {
    // when
    const deployed = await api.call<{ error: string; details?: { elementId?: string; message: string }[] }>('POST', '/api/definitions', { token: designer, body: { xml } });
    const key = /<bpmn:process id="([^"]+)"/.exec(xml)?.[1] ?? '';
    const stored = await api.call('GET', `/api/definitions/${key}`, { token: designer });

    // then
    expect([deployed.status, deployed.body.error]).toEqual([422, 'invalid_bpmn']);
    expect(deployed.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ elementId, message: expect.stringContaining(says) })]));
    expect(stored.status).toBe(404);
  });
});
