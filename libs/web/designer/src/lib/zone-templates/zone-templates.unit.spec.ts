import { banjieModdleDescriptor } from '@banjie/bpmn-extensions';
import { compile, lintBpmn } from '@banjie/engine';
import { validateZeebe } from '@bpmn-io/element-templates-validator';
import { CloudElementTemplatesCoreModule } from 'bpmn-js-element-templates/dist/core.esm.js';
import Modeler from 'bpmn-js/lib/Modeler';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import zeebeModdleDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { ZONE_TEMPLATES, SUPPLEMENT_TIMEOUT_TEMPLATE_ID, type ZoneTemplate } from './zone-templates';
import { ZoneTemplatesModule } from './zone-templates-module';
import { installSvgLayoutStubs } from '../jsdom-layout-stubs';

/**
 * The zone step templates applied by the real bpmn-js modeler and the element templates library
 * (in jsdom, with the SVG measurements it lacks stubbed), then read as the server reads a deploy.
 */

const ELEMENT_TAGS: Record<string, string> = { 'bpmn:UserTask': 'bpmn:userTask', 'bpmn:ServiceTask': 'bpmn:serviceTask', 'bpmn:ReceiveTask': 'bpmn:receiveTask' };

const fixture = readFileSync(join(__dirname, 'zone-templates.fixture.bpmn'), 'utf8');

interface Shape {
  id: string;
  type?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  businessObject: { $type: string };
}

async function openModeler() {
  installSvgLayoutStubs();
  const container = document.createElement('div');
  document.body.appendChild(container);
  const modeler = new Modeler({
    container,
    additionalModules: [CloudElementTemplatesCoreModule, ZoneTemplatesModule],
    elementTemplates: [...ZONE_TEMPLATES],
    moddleExtensions: { zeebe: zeebeModdleDescriptor, banjie: banjieModdleDescriptor },
  });
  await modeler.importXML(fixture);
  const get = <T>(name: string) => modeler.get(name) as T;
  const templates = get<{ applyTemplate(element: unknown, template: ZoneTemplate): Shape; createElement(template: ZoneTemplate): Shape }>('elementTemplates');
  const registry = get<{ get(id: string): Shape; filter(fn: (element: Shape) => boolean): Shape[] }>('elementRegistry');
  const save = async () => (await modeler.saveXML({ format: true })).xml ?? '';
  return { modeler, get, templates, registry, save };
}

/** The forms the templates link, as the designer deploys them with the flow. */
function formsOf(xml: string): Record<string, unknown> {
  const ids = [...xml.matchAll(/formId="([^"]+)"/g)].map((match) => match[1]);
  return Object.fromEntries(ids.map((id) => [id, { type: 'default', components: [] }]));
}

async function expectDeployable(xml: string) {
  const compiled = await compile(xml, { forms: formsOf(xml) });
  expect(compiled.ok ? [] : compiled.problems).toEqual([]);
  expect(await lintBpmn(xml)).toEqual([]);
}

describe('zone step templates', () => {
  it.each(ZONE_TEMPLATES.map((template) => [template.id, template] as const))('%s is a valid Zeebe element template', (_id, template) => {
    // when
    const { valid, errors } = validateZeebe(template);

    // then
    expect(errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(ZONE_TEMPLATES.filter((template) => template.id !== SUPPLEMENT_TIMEOUT_TEMPLATE_ID).map((template) => [template.name, template] as const))('%s applied to a task compiles with the engine and passes the shared lint rules', async (_name, template) => {
    // given
    const { templates, registry, save } = await openModeler();

    // when
    templates.applyTemplate(registry.get('Task_Step'), template);
    const xml = await save();

    // then
    expect(xml).not.toContain('<zeebe:property ');
    expect(xml).toContain(`<${ELEMENT_TAGS[template.elementType.value]} id="Task_Step"`);
    await expectDeployable(xml);
  });

  it('sets the legal limit, escalation and assignee the engine reads on a department review', async () => {
    // given
    const { templates, registry, save } = await openModeler();
    const review = ZONE_TEMPLATES.find((template) => template.id === 'banjie.department-review') as ZoneTemplate;

    // when
    templates.applyTemplate(registry.get('Task_Step'), review);
    const xml = await save();

    // then
    expect(xml).toContain('<bpmn:userTask id="Task_Step" name="一步 Step" zeebe:modelerTemplate="banjie.department-review" zeebe:modelerTemplateVersion="1">');
    expect(xml).toContain('<zeebe:assignmentDefinition candidateGroups="approval" />');
    expect(xml).toContain('<zeebe:formDefinition formId="department-review" />');
    expect(xml).toContain('<banjie:legalLimit workingDays="5" escalateTo="leaders" />');
    const compiled = await compile(xml, { forms: formsOf(xml) });
    expect(compiled.ok && compiled.model.elements['Task_Step']).toMatchObject({ legalLimit: { workingDays: '5', escalateTo: 'leaders' } });
  });

  it('creates a supplement wait from the palette with its working-day deadline attached', async () => {
    // given
    const { templates, registry, get, save } = await openModeler();
    const wait = ZONE_TEMPLATES.find((template) => template.id === 'banjie.supplement-wait') as ZoneTemplate;
    const modeling = get<{ createElements(elements: Shape[], position: { x: number; y: number }, parent: unknown, hints: Record<string, unknown>): Shape[]; connect(a: Shape, b: Shape): unknown; removeElements(elements: Shape[]): void }>('modeling');
    const root = get<{ getRootElement(): unknown }>('canvas').getRootElement();
    modeling.removeElements([registry.get('Flow_ToEnd') as Shape]);

    // when
    const [created] = modeling.createElements([templates.createElement(wait)], { x: 500, y: 118 }, root, { banjieAttachSupplementTimeout: true });
    modeling.connect(registry.get('Task_Step'), created);
    const deadline = registry.filter((element) => element.type !== 'label' && element.businessObject.$type === 'bpmn:BoundaryEvent')[0];
    modeling.connect(created, registry.get('Event_End'));
    const endLapsed = modeling.createElements([get<{ createShape(attrs: { type: string }): Shape }>('elementFactory').createShape({ type: 'bpmn:EndEvent' })], { x: 560, y: 260 }, root, {})[0];
    modeling.connect(deadline, endLapsed);
    const xml = await save();

    // then
    expect(deadline).toBeDefined();
    expect(xml).toMatch(new RegExp(`<bpmn:receiveTask id="${created.id}" name="补正等待 Await supplement" [^>]*messageRef="[^"]+">`));
    expect(xml).toContain('<banjie:clockControl pause="true" />');
    expect(xml).toMatch(/<bpmn:message id="[^"]+" name="supplement"/);
    expect(xml).toContain('<zeebe:subscription correlationKey="=businessKey" />');
    expect(xml).toMatch(new RegExp(`<bpmn:boundaryEvent id="${deadline.id}" name="补正期限届满 Supplement lapsed" [^>]*attachedToRef="${created.id}">`));
    expect(xml).toContain('<banjie:workingDayTimer workingDays="5" />');
    await expectDeployable(xml);
  });

  it('takes a palette supplement wait and its deadline back in one undo', async () => {
    // given
    const { templates, get, registry } = await openModeler();
    const wait = ZONE_TEMPLATES.find((template) => template.id === 'banjie.supplement-wait') as ZoneTemplate;
    const root = get<{ getRootElement(): unknown }>('canvas').getRootElement();
    get<{ createElements(elements: Shape[], position: { x: number; y: number }, parent: unknown, hints: Record<string, unknown>): Shape[] }>('modeling').createElements([templates.createElement(wait)], { x: 500, y: 300 }, root, { banjieAttachSupplementTimeout: true });
    const waiting = () => registry.filter((element) => element.type !== 'label' && ['bpmn:ReceiveTask', 'bpmn:BoundaryEvent'].includes(element.businessObject.$type));
    expect(waiting()).toHaveLength(2);

    // when
    get<{ undo(): void }>('commandStack').undo();

    // then
    expect(waiting()).toEqual([]);
  });
});
