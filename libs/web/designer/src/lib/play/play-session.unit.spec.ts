import { PlaySession } from './play-session';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:banjie="http://banjie.gov.cn/schema/bpmn/1.0" id="defs" targetNamespace="t">
  <bpmn:message id="msg-paid" name="fee-paid">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=applicationId" /></bpmn:extensionElements>
  </bpmn:message>
  <bpmn:process id="play-flow" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="review" name="窗口审查 Window check">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:assignmentDefinition candidateGroups="lf-window" />
        <zeebe:formDefinition formId="check-form" />
        <banjie:legalLimit workingDays="5" />
      </bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:intermediateCatchEvent id="paid"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing><bpmn:messageEventDefinition messageRef="msg-paid" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="paid" />
    <bpmn:sequenceFlow id="f3" sourceRef="paid" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const FORMS = { 'check-form': { id: 'check-form', type: 'default', components: [{ type: 'textfield', key: 'opinion', label: '意见 Opinion' }] } };

async function opened(now?: string): Promise<PlaySession> {
  const result = await PlaySession.open(XML, FORMS, now ? { now } : {});
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.session;
}

describe('PlaySession (试运行 Play)', () => {
  it('starts the draft in memory: the user task is open with its 5-working-day limit', async () => {
    // given
    const play = await opened();

    // when
    const step = play.start({ applicationId: 'A-1' });

    // then
    expect(step.ok).toBe(true);
    expect(play.view().active.map((a) => a.elementId)).toEqual(['review']);
    expect(play.view().tasks).toEqual([expect.objectContaining({ elementId: 'review', formId: 'check-form', limitWorkingDays: 5, warning: 'none', dueAt: '2026-03-10T00:00:00+08:00' })]);
    expect(play.events.map((e) => e.event.type)).toContain('TaskCreated');
  });

  it('moving the test clock turns the deadline yellow, then red', async () => {
    // given
    const play = await opened();
    play.start({ applicationId: 'A-1' });

    // when: 4 working days on, then 2 more
    const yellow = play.advanceWorkingDays(4);
    const yellowWarning = play.view().tasks[0].warning;
    const red = play.advanceWorkingDays(2);

    // then
    expect(yellow.ok && red.ok).toBe(true);
    expect(yellowWarning).toBe('yellow');
    expect(play.view().tasks[0].warning).toBe('red');
  });

  it('counts working days across the 2026 National Day holiday', async () => {
    // given: received on Wednesday 2026-09-30, the day before the Golden Week
    const play = await opened('2026-09-30T09:00:00+08:00');

    // when
    play.start({ applicationId: 'A-1' });

    // then: 5 working days end after the holiday, not on 2026-10-06
    const due = play.view().tasks[0].dueAt ?? '';
    expect(Date.parse(due)).toBeGreaterThan(Date.parse('2026-10-09T00:00:00+08:00'));
    expect(play.advanceDays(5).ok).toBe(true);
    expect(play.view().tasks[0].warning).toBe('none');
  });

  it('completes the task through its form and correlates the message by name and key', async () => {
    // given
    const play = await opened();
    play.start({ applicationId: 'A-1' });
    const taskId = play.view().tasks[0].id;

    // when
    const completed = play.completeTask(taskId, { opinion: '同意' });
    const wrongKey = play.correlate('fee-paid', 'A-2');
    const stillWaiting = play.view().status;
    const paid = play.correlate('fee-paid', 'A-1');

    // then
    expect(completed.ok).toBe(true);
    expect(play.view().variables).toMatchObject({ opinion: '同意' });
    expect(wrongKey.ok).toBe(false);
    expect(stillWaiting).toBe('active');
    expect(paid.ok).toBe(true);
    expect(play.view().status).toBe('completed');
  });

  it('refuses a clock moved back, a bad date and a second start with a clear message', async () => {
    // given
    const play = await opened();
    play.start();

    // when / then
    expect(play.advanceTo('2026-03-01T00:00:00+08:00')).toEqual({ ok: false, message: 'the test clock does not move back' });
    expect(play.advanceTo('tomorrow')).toEqual({ ok: false, message: '"tomorrow" is not a date' });
    expect(play.start()).toEqual({ ok: false, message: 'the play case has already started' });
  });

  it('runs a business rule task with the DMN files of the draft', async () => {
    // given a draft whose business rule task calls a decision of its own DMN file
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="t">
  <bpmn:process id="fee-flow" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:businessRuleTask id="fee"><bpmn:extensionElements><zeebe:calledDecision decisionId="fee-rate" resultVariable="rate" /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:businessRuleTask>
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fee" />
    <bpmn:sequenceFlow id="f2" sourceRef="fee" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
    const dmn = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="fees" name="Fees" namespace="t">
  <decision id="fee-rate" name="Fee rate">
    <decisionTable id="table" hitPolicy="FIRST">
      <input id="area" label="Area"><inputExpression id="area_ie" typeRef="number"><text>area</text></inputExpression></input>
      <output id="rate_out" name="rate" typeRef="number" />
      <rule id="large"><inputEntry id="large_in"><text>&gt;= 1000</text></inputEntry><outputEntry id="large_out"><text>2</text></outputEntry></rule>
      <rule id="small"><inputEntry id="small_in"><text>-</text></inputEntry><outputEntry id="small_out"><text>1</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>`;
    const result = await PlaySession.open(xml, {}, { decisions: { 'fees.dmn': dmn } });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));

    // when
    result.session.start({ area: 3000 });

    // then
    expect(result.session.view().status).toBe('completed');
    expect(result.session.view().variables).toMatchObject({ rate: 2 });
  });

  it('reports the problems of a draft that does not compile', async () => {
    // when
    const result = await PlaySession.open('<nope/>', {});

    // then
    expect(result.ok).toBe(false);
  });
});
