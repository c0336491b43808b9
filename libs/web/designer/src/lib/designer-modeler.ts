import { banjieModdleDescriptor } from '@banjie/bpmn-extensions';
import lintModule from 'bpmn-js-bpmnlint';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import Modeler from 'bpmn-js/lib/Modeler';
import zeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import zeebeModdleDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { banjieLintRules } from './banjie-lint-rules';
import { loadLazyStylesheet } from './lazy-stylesheet';
import { BanjiePropertiesProviderModule } from './banjie-properties-provider';
import { ZONE_TEMPLATES } from './zone-templates/zone-templates';
import { ZoneTemplatesModule } from './zone-templates/zone-templates-module';

/** The lazy style bundle of the properties panel, bpmnlint's overlays and the element templates. */
const MODELER_STYLESHEET = 'bpmn-js-modeler.css';

/** Where the designer draws: the canvas and the properties panel's parent element. */
export interface DesignerSurfaces {
  canvas: HTMLElement;
  propertiesPanel: HTMLElement;
}

/**
 * The bpmn-js Modeler of the designer: the properties panel with the Zeebe extensions Banjie
 * executes and a 办结 Banjie group for its own, the `zeebe` and `banjie` moddle extensions
 * (legal limits, clock control, working-day timers), bpmnlint with Banjie's rules checking the model as it is drawn,
 * and the zone step templates in the palette and the panel. The styles of the panel, the lint
 * overlays and the templates come with the first modeler (a lazy style bundle, `apps/web/project.json`),
 * so pages without a modeler do not load them.
 */
export function createDesignerModeler({ canvas, propertiesPanel }: DesignerSurfaces): Modeler {
  loadLazyStylesheet(MODELER_STYLESHEET);
  return new Modeler({
    container: canvas,
    propertiesPanel: { parent: propertiesPanel },
    linting: { bpmnlint: banjieLintRules(), active: true },
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule, BanjiePropertiesProviderModule, zeebeBehaviorsModule, lintModule, CloudElementTemplatesPropertiesProviderModule, ZoneTemplatesModule],
    elementTemplates: [...ZONE_TEMPLATES],
    moddleExtensions: { zeebe: zeebeModdleDescriptor, banjie: banjieModdleDescriptor },
  });
}
