import { isOpenToApplicants, readFlow } from './flow-reading';

const LINFEN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d">
  <bpmn:process id="linfen-123-closure" name="临汾 123办结制">
    <bpmn:startEvent id="Event_ApplicationSubmitted" name="申请提交">
      <bpmn:extensionElements><zeebe:formDefinition formId="lf-application" /></bpmn:extensionElements>
    </bpmn:startEvent>
    <bpmn:userTask id="Task_WindowCheck" name="窗口完整性审查">
      <bpmn:extensionElements><zeebe:formDefinition formId="lf-window-check" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:eventBasedGateway id="Gateway_AwaitSupplement" name="等待补正" />
    <bpmn:subProcess id="Stage" name="阶段">
      <bpmn:startEvent id="Event_StageStarted" name="阶段开始" />
    </bpmn:subProcess>
  </bpmn:process>
</bpmn:definitions>`;

describe('readFlow', () => {
  it('names every element of the flow by its id', () => {
    // when
    const reading = readFlow(LINFEN);

    // then
    expect(reading.names['Task_WindowCheck']).toBe('窗口完整性审查');
    expect(reading.names['Gateway_AwaitSupplement']).toBe('等待补正');
  });

  it('finds the application form on the process’s start event, and tells it from task forms', () => {
    // when
    const reading = readFlow(LINFEN);

    // then
    expect(reading.startFormId).toBe('lf-application');
    expect(reading.formIds).toEqual({ Task_WindowCheck: 'lf-window-check' });
    expect(isOpenToApplicants(reading)).toBe(true);
  });

  it('keeps a flow without a start form, or started by a message, closed to applicants', () => {
    // given
    const byMessage = LINFEN.replace('<bpmn:extensionElements><zeebe:formDefinition formId="lf-application" /></bpmn:extensionElements>', '<bpmn:extensionElements><zeebe:formDefinition formId="lf-application" /></bpmn:extensionElements><bpmn:messageEventDefinition messageRef="m" />');
    const withoutForm = LINFEN.replace('<zeebe:formDefinition formId="lf-application" />', '');

    // then
    expect(isOpenToApplicants(readFlow(byMessage))).toBe(false);
    expect(isOpenToApplicants(readFlow(withoutForm))).toBe(false);
    expect(isOpenToApplicants(readFlow(''))).toBe(false);
    expect(isOpenToApplicants(readFlow('<not xml'))).toBe(false);
  });
});
