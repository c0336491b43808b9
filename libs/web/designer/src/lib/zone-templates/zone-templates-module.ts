import type { ModuleDeclaration } from 'didi';
import CommandInterceptor from 'diagram-js/lib/command/CommandInterceptor';
import type { DiagramElement, ElementFactory, UpdateCommand } from '../banjie-properties';
import { applyTemplateBanjieValues } from './zone-template-values';
import { PALETTE_TEMPLATES, SUPPLEMENT_TIMEOUT_TEMPLATE_ID, ZONE_TEMPLATES, templateIconClass, type ZoneTemplate } from './zone-templates';

interface CommandStack {
  execute(command: string, context: unknown): void;
}

interface Shape extends DiagramElement {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface ElementTemplates {
  createElement(template: ZoneTemplate): Shape;
  applyTemplate(element: DiagramElement, template: ZoneTemplate): DiagramElement;
  getLatest(id: string): ZoneTemplate[];
  getAll(element: DiagramElement): ZoneTemplate[];
}

interface EventBus {
  on(event: string, listener: (event: { element: DiagramElement }) => void): void;
}

interface CommandEvent {
  context: { shape?: Shape; element?: DiagramElement; elements?: Shape[]; hints?: Record<string, unknown> };
}

/** The hint the palette gives a created supplement wait, so the deadline gets attached in the same step. */
const ATTACH_TIMEOUT_HINT = 'banjieAttachSupplementTimeout';

/**
 * Turns a zone template's Banjie stand-ins into `banjie:` extensions right after the template is
 * applied (properties panel) or its element is created (palette), in the same undoable step, and
 * attaches the working-day deadline to a supplement wait the palette creates.
 */
export class ZoneTemplateBehavior extends CommandInterceptor {
  static override $inject = ['eventBus', 'bpmnFactory', 'commandStack', 'modeling', 'elementTemplates'];

  constructor(
    eventBus: unknown,
    bpmnFactory: ElementFactory,
    commandStack: CommandStack,
    modeling: { createShape(shape: Shape, position: { x: number; y: number }, target: Shape, hints: { attach: boolean }): Shape },
    elementTemplates: ElementTemplates,
  ) {
    super(eventBus as ConstructorParameters<typeof CommandInterceptor>[0]);
    const runner = { run: (commands: UpdateCommand[]) => commands.length > 0 && commandStack.execute('element-templates.multi-command-executor', commands) };
    const settle = (element: DiagramElement | undefined) => element && applyTemplateBanjieValues(element, bpmnFactory, runner);
    this.postExecute('shape.create', (event: CommandEvent) => settle(event.context.shape));
    this.postExecute('propertiesPanel.zeebe.changeTemplate', (event: CommandEvent) => settle(event.context.element));
    this.postExecute('elements.create', (event: CommandEvent) => {
      const wait = event.context.hints?.[ATTACH_TIMEOUT_HINT] === true ? event.context.elements?.[0] : undefined;
      const [timeout] = elementTemplates.getLatest(SUPPLEMENT_TIMEOUT_TEMPLATE_ID);
      if (!wait || !timeout) return;
      modeling.createShape(elementTemplates.createElement(timeout), { x: wait.x + wait.width - 20, y: wait.y + wait.height }, wait, { attach: true });
    });
  }
}

/** The 办结 zone steps in the palette, one entry per template. */
export class ZoneTemplatePalette {
  static $inject = ['palette', 'create', 'elementTemplates'];

  constructor(
    palette: { registerProvider(priority: number, provider: unknown): void },
    private readonly create: { start(event: unknown, shape: Shape, context?: { hints: Record<string, unknown> }): void },
    private readonly elementTemplates: ElementTemplates,
  ) {
    palette.registerProvider(500, this);
  }

  getPaletteEntries(): Record<string, unknown> {
    const entries: Record<string, unknown> = { 'banjie-templates-separator': { group: 'banjie-templates', separator: true } };
    for (const template of PALETTE_TEMPLATES) {
      const start = (event: unknown) => {
        const shape = this.elementTemplates.createElement(template);
        const attachTimeout = template.elementType.value === 'bpmn:ReceiveTask';
        this.create.start(event, shape, attachTimeout ? { hints: { [ATTACH_TIMEOUT_HINT]: true } } : undefined);
      };
      entries[`banjie-template-${template.id}`] = {
        group: 'banjie-templates',
        // the step's first character beside the icon tells the three user task templates apart
        html: `<div class="entry" draggable="true"><span class="banjie-template-mark" aria-hidden="true">${template.name.charAt(0)}</span></div>`,
        className: `${templateIconClass(template)} banjie-template-entry`,
        title: `模板 Template: ${template.name}`,
        action: { click: start, dragstart: start },
      };
    }
    return entries;
  }
}

/**
 * The template chooser of the properties panel: its 选择 Select (`elementTemplates.select`) opens
 * a menu of the zone templates that apply to the element.
 */
export class ZoneTemplateChooser {
  static $inject = ['eventBus', 'popupMenu', 'elementTemplates', 'canvas'];

  constructor(
    eventBus: EventBus,
    private readonly popupMenu: { registerProvider(id: string, provider: unknown): void; open(element: unknown, id: string, position: { x: number; y: number }, options?: { title: string }): void },
    private readonly elementTemplates: ElementTemplates,
    private readonly canvas: { getContainer(): HTMLElement; viewbox(): { x: number; y: number; scale: number } },
  ) {
    popupMenu.registerProvider('banjie-zone-templates', this);
    eventBus.on('elementTemplates.select', ({ element }) => this.open(element));
  }

  open(element: DiagramElement): void {
    const shape = element as Partial<Shape>;
    const box = this.canvas.getContainer().getBoundingClientRect();
    const { x, y, scale } = this.canvas.viewbox();
    const position = { x: box.left + ((shape.x ?? x) - x) * scale, y: box.top + ((shape.y ?? y) + (shape.height ?? 0) - y) * scale + 8 };
    this.popupMenu.open(element, 'banjie-zone-templates', position, { title: '选择模板 Choose a template' });
  }

  getPopupMenuEntries(element: DiagramElement): Record<string, unknown> {
    const entries: Record<string, unknown> = {};
    for (const template of this.elementTemplates.getAll(element).filter((candidate) => ZONE_TEMPLATES.some((zone) => zone.id === candidate.id))) {
      entries[`banjie-template-${template.id}`] = {
        label: template.name,
        description: template.description,
        className: templateIconClass(template),
        action: () => this.elementTemplates.applyTemplate(element, template),
      };
    }
    return entries;
  }
}

/** The zone step templates: palette entries, the panel's chooser and the Banjie settings they bring. */
export const ZoneTemplatesModule: ModuleDeclaration = {
  __init__: ['zoneTemplateBehavior', 'zoneTemplatePalette', 'zoneTemplateChooser'],
  zoneTemplateBehavior: ['type', ZoneTemplateBehavior],
  zoneTemplatePalette: ['type', ZoneTemplatePalette],
  zoneTemplateChooser: ['type', ZoneTemplateChooser],
};
