import { startTestApi, type TestApi } from '../testing/test-api';

/**
 * Compensation over HTTP (issue #14): a flow with compensation deploys, and when the booking is
 * undone the handlers are ordinary tasks in the clerk's case view; a broken compensation model is
 * refused with 422 naming the element.
 */
const KEY = 'compensation-http';

const task = (id: string, name: string, extra = '') =>
  `<bpmn:userTask id="${id}" name="${name}"${extra}><bpmn:extensionElements><zeebe:userTask/><banjie:legalLimit workingDays="3"/><zeebe:assignmentDefinition candidateGroups="window"/></bpmn:extensionElements></bpmn:userTask>`;

const bpmn = (association = '<bpmn:association id="A1" sourceRef="FeeCompensation" targetRef="Refund"/>') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:banjie="http://banjie.gov.cn/schema/bpmn/1.0" id="d" targetNamespace="https://banjie.example/compensation">
  <bpmn:process id="${KEY}" name="缴费与退费 Fee and refund" isExecutable="true">
    <bpmn:startEvent id="Start"/><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Fee"/>
    ${task('Fee', '收费 Collect fee')}
    <bpmn:boundaryEvent id="FeeCompensation" attachedToRef="Fee"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>
    ${task('Refund', '退费 Refund fee', ' isForCompensation="true"')}
    ${association}
    <bpmn:sequenceFlow id="F2" sourceRef="Fee" targetRef="Review"/>
    ${task('Review', '审查 Review')}
    <bpmn:sequenceFlow id="F3" sourceRef="Review" targetRef="Approved"/>
    <bpmn:exclusiveGateway id="Approved" default="F5"/>
    <bpmn:sequenceFlow id="F4" sourceRef="Approved" targetRef="Undo"><bpmn:conditionExpression>=approved = false</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F5" sourceRef="Approved" targetRef="Done"/><bpmn:endEvent id="Done"/>
    <bpmn:endEvent id="Undo" name="撤销收费 Undo the fee"><bpmn:compensateEventDefinition/></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

interface CaseBody {
  id: string;
  status: string;
  tasks: { id: string; elementId: string }[];
  active: { elementId: string; elementType: string }[];
  completed: { elementId: string; count: number }[];
}

describe('compensation over HTTP', () => {
  let api: TestApi;
  let designer: string;
  let clerk: string;

  beforeAll(async () => {
    api = await startTestApi();
    designer = await api.login('lf-designer');
    clerk = await api.login('lf-clerk');
  });

  afterAll(async () => {
    await api?.stop({ removeData: true });
  });

  const complete = async (view: CaseBody, elementId: string, variables: Record<string, unknown> = {}): Promise<CaseBody> => {
    const taskId = view.tasks.find((t) => t.elementId === elementId)?.id;
    const answer = await api.call<CaseBody>('POST', `/api/tasks/${taskId}/complete`, { token: clerk, body: { variables } });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('a refused review undoes the fee: the refund is an ordinary task of the case, and the case completes after it', async () => {
    // given
    expect((await api.call('POST', '/api/definitions', { token: designer, body: { xml: bpmn() } })).status).toBe(201);
    const started = await api.call<CaseBody>('POST', '/api/cases', { token: clerk, body: { definitionKey: KEY, variables: {} } });
    expect(started.status).toBe(201);
    const paid = await complete(started.body, 'Fee');

    // when
    const refused = await complete(paid, 'Review', { approved: false });

    // then
    expect(refused.tasks.map((t) => t.elementId)).toEqual(['Refund']);
    expect(refused.active.map((a) => `${a.elementId}:${a.elementType}`).sort()).toEqual(['Refund:userTask', 'Undo:endEvent']);
    expect(refused.status).toBe('active');

    // when
    const refunded = await complete(refused, 'Refund');

    // then
    expect(refunded.status).toBe('completed');
    expect(refunded.completed).toEqual(expect.arrayContaining([{ elementId: 'Refund', count: 1 }, { elementId: 'Undo', count: 1 }]));
  });

  it('refuses a compensation boundary event without its association with 422 naming the element', async () => {
    // when
    const answer = await api.call<{ error: string; details: { elementId?: string; message: string }[] }>('POST', '/api/definitions', { token: designer, body: { xml: bpmn('') } });

    // then
    expect(answer.status).toBe(422);
    expect(answer.body.error).toBe('invalid_bpmn');
    expect(answer.body.details).toEqual([
      { elementId: 'FeeCompensation', elementType: 'bpmn:BoundaryEvent', message: 'a compensation boundary event needs an association to its compensation handler and no outgoing sequence flow' },
    ]);
  });
});
