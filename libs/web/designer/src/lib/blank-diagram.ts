/**
 * The diagram a new model starts from: one process with a start event, in the Zeebe namespace
 * so the properties panel offers Banjie's supported extensions (assignment, forms, mappings).
 */
export function blankDiagram(processId = `Process_${Date.now().toString(36)}`): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:banjie="http://banjie.gov.cn/schema/bpmn/1.0"
  id="Definitions_${processId}" targetNamespace="http://banjie.gov.cn/bpmn">
  <bpmn:process id="${processId}" name="新流程 New process" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" name="受理 Received" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
