import { banjieModdleDescriptor } from '@banjie/bpmn-extensions';
import lintModule from 'bpmn-js-bpmnlint';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import Modeler from 'bpmn-js/lib/Modeler';
import zeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import zeebeModdleDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { banjieLintRules } from './banjie-lint-rules';
import { BanjiePropertiesProviderModule } from './banjie-properties-provider';
import { ZONE_TEMPLATES } from './zone-templates/zone-templates';
import { ZoneTemplatesModule } from './zone-templates/zone-templates-module';

/** Where the designer draws: the canvas and the properties panel's parent element. */
export interface DesignerSurfaces {
  canvas: HTMLElement;
  propertiesPanel: HTMLElement;
}

/**
 * The bpmn-js Modeler of the designer: the properties panel with the Zeebe extensions Banjie
 * executes and a 办结 Banjie group for its own, the `zeebe` and `banjie` moddle extensions
 * (legal limits, clock control, working-day timers), bpmnlint with Banjie's rules checking the model as it is drawn,
 * and the zone step templates in the palette and the panel.
 */
export function createDesignerModeler({ canvas, propertiesPanel }: DesignerSurfaces): Modeler {
  return new Modeler({
    container: canvas,
    propertiesPanel: { parent: propertiesPanel },
    linting: { bpmnlint: banjieLintRules(), active: true },
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule, BanjiePropertiesProviderModule, zeebeBehaviorsModule, lintModule, CloudElementTemplatesPropertiesProviderModule, ZoneTemplatesModule],
    elementTemplates: [...ZONE_TEMPLATES],
    moddleExtensions: { zeebe: zeebeModdleDescriptor, banjie: banjieModdleDescriptor },
  });
}
