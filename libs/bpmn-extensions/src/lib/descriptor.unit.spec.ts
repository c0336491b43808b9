import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { banjieModdleDescriptor, BANJIE_NS } from './descriptor';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:banjie="${BANJIE_NS}" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:userTask id="review">
      <bpmn:extensionElements>
        <banjie:legalLimit workingDays="5" yellowAt="0.7" escalateTo="leader" tier="2" />
        <banjie:clockControl pause="true" />
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:intermediateCatchEvent id="wait">
      <bpmn:timerEventDefinition>
        <bpmn:extensionElements><banjie:workingDayTimer workingDays="3" /></bpmn:extensionElements>
      </bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
  </bpmn:process>
</bpmn:definitions>`;

function extensionValues(element: ModdleElement): ModdleElement[] {
  return ((element['extensionElements'] as ModdleElement | undefined)?.['values'] as ModdleElement[] | undefined) ?? [];
}

describe('banjie moddle descriptor', () => {
  it('reads legal limits, clock control and working-day timers as typed extension elements', async () => {
    // given
    const moddle = BpmnModdle({ banjie: banjieModdleDescriptor });

    // when
    const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');

    // then
    expect(warnings).toEqual([]);
    const [process] = rootElement['rootElements'] as ModdleElement[];
    const [task, wait] = process['flowElements'] as ModdleElement[];
    expect(extensionValues(task).map((v) => ({ ...v }))).toEqual([
      { $type: 'banjie:LegalLimit', workingDays: '5', yellowAt: 0.7, escalateTo: 'leader', tier: '2' },
      { $type: 'banjie:ClockControl', pause: true },
    ]);
    const timer = (wait['eventDefinitions'] as ModdleElement[])[0];
    expect(extensionValues(timer).map((v) => ({ ...v }))).toEqual([{ $type: 'banjie:WorkingDayTimer', workingDays: '3' }]);
  });

  it('writes them back unchanged, as the designer saves them', async () => {
    // given
    const moddle = BpmnModdle({ banjie: banjieModdleDescriptor });
    const { rootElement } = await moddle.fromXML(xml, 'bpmn:Definitions');

    // when
    const { xml: written } = await moddle.toXML(rootElement);

    // then
    expect(written).toContain('<banjie:legalLimit workingDays="5" yellowAt="0.7" escalateTo="leader" tier="2" />');
    expect(written).toContain('<banjie:clockControl pause="true" />');
    expect(written).toContain('<banjie:workingDayTimer workingDays="3" />');
  });
});
