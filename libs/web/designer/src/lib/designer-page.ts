import { ChangeDetectionStrategy, Component, ElementRef, OnDestroy, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ZONES, type DefinitionSummary, type DefinitionVersionSummary, type DefinitionView, type Problem } from '@banjie/contracts';
import { AuthSession, DefinitionsApi, toApiProblem, type DeployOutcome } from '@banjie/web-data-access';
import { ProblemList, zoneName, type ProblemItem } from '@banjie/web-ui';
import type Modeler from 'bpmn-js/lib/Modeler';
import { blankDiagram } from './blank-diagram';
import type { DiagramElement, ElementFactory } from './banjie-properties';
import { DesignerDecisions } from './designer-decisions';
import { DesignerForms, type FormLinker } from './designer-forms';
import { DesignerXmlView } from './designer-xml-view';
import { DesignerPlay, type PlayDraft } from './play/designer-play';
import { createDesignerModeler } from './designer-modeler';
import { isLinkable, linkFormCommands, linkedFormId, type LinkableElement } from './form-links';

/**
 * The XML as the modeler can show it: a model without diagram interchange (no `bpmndi:BPMNDiagram`,
 * as the api accepts it) is laid out with bpmn-auto-layout first, loaded only when needed.
 */
export async function withDiagramLayout(xml: string): Promise<string> {
  if (/<([\w-]+:)?BPMNShape[\s>]/.test(xml)) return xml;
  const { layoutProcess } = await import('bpmn-auto-layout');
  return layoutProcess(xml);
}

/** bpmn-js types import warnings as strings; at run time they are errors with a message. */
function importWarnings(warnings: unknown[]): Problem[] {
  return warnings.map((warning) => ({ message: (warning as { message?: string }).message ?? String(warning) }));
}

/** The diagram now open in the designer: where it came from, and the forms and DMN files deployed with it. */
interface OpenDiagram {
  source: string;
  forms?: Record<string, unknown>;
  decisions?: Record<string, string>;
}

/**
 * 流程设计 Designer: draw a flow with the bpmn-js modeler (properties panel, Zeebe and banjie
 * extensions, bpmnlint), open it from a file or from what is deployed, download it, deploy it.
 */
@Component({
  selector: 'bj-designer-page',
  imports: [ProblemList, DesignerForms, DesignerDecisions, DesignerXmlView, DesignerPlay],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './designer-page.html',
  styleUrl: './designer-page.css',
})
export class DesignerPage implements OnDestroy {
  private readonly definitionsApi = inject(DefinitionsApi);
  private readonly canvas = viewChild.required<ElementRef<HTMLElement>>('canvas');
  private readonly propertiesPanel = viewChild.required<ElementRef<HTMLElement>>('properties');
  private modeler: Modeler | null = null;

  /** Province-wide users (the province admin) pick the zone the designer works in; zone users work in their own. */
  protected readonly provinceWide = inject(AuthSession).user()?.zoneId === 'province';
  protected readonly zones = ZONES;
  protected readonly zoneName = zoneName;
  /** The zone picked by a province-wide user; every read and deploy names it. */
  protected readonly zone = signal<(typeof ZONES)[number]>(ZONES[0]);
  /** Every deployed flow the api lists (for a province-wide user, of every zone). */
  private readonly allDefinitions = signal<DefinitionSummary[]>([]);
  /** The deployed flows of the zone worked in. */
  protected readonly definitions = computed(() => (this.provinceWide ? this.allDefinitions().filter((definition) => definition.zoneId === this.zone()) : this.allDefinitions()));
  protected readonly opened = signal<OpenDiagram>({ source: '新流程 New diagram' });
  protected readonly busy = signal(false);
  protected readonly outcome = signal<DeployOutcome | null>(null);
  protected readonly problem = signal<{ message: string; details: ProblemItem[] } | null>(null);
  protected readonly warnings = signal<Problem[]>([]);
  /** The flow's forms by id, deployed with it as one unit. */
  protected readonly forms = signal<Record<string, unknown>>({});
  protected readonly formCount = computed(() => Object.keys(this.forms()).length);
  /** The flow's DMN files by file name, deployed with it as one unit. */
  protected readonly decisions = signal<Record<string, string>>({});
  protected readonly decisionFileCount = computed(() => Object.keys(this.decisions()).length);
  /** What the workspace shows: the diagram, the form editor or the XML. */
  protected readonly mode = signal<'diagram' | 'forms' | 'decisions' | 'xml' | 'play'>('diagram');
  /** The model's XML as the XML view shows it, saved when the view is opened. */
  protected readonly xmlSource = signal('');
  /** The draft 试运行 Play runs: read out of the modeler when the Play view is opened. */
  protected readonly playDraft = signal<PlayDraft | null>(null);
  /** The diagram's side of the form editor: which elements take a form, and linking one. */
  protected readonly formLinker: FormLinker = {
    linkable: () => this.linkableElements(),
    link: (elementId, formId) => this.linkForm(elementId, formId),
  };
  /** The deployed flow open in the designer (opened from the server or just deployed), with the version shown. */
  protected readonly deployed = signal<{ key: string; version: number } | null>(null);
  /** The latest version of the open deployed flow, and whether it is withdrawn. */
  protected readonly deployedSummary = computed(() => {
    const open = this.deployed();
    return open ? this.definitions().find((definition) => definition.key === open.key) : undefined;
  });
  protected readonly versions = computed(() => {
    const latest = this.deployedSummary()?.version ?? this.deployed()?.version ?? 0;
    return Array.from({ length: latest }, (_, i) => latest - i);
  });
  /** Running cases of the open flow by version. */
  protected readonly running = signal<Record<number, number>>({});
  /** Whether the diagram changed since it was opened or deployed. */
  protected readonly dirty = signal(false);

  constructor() {
    afterNextRender(() => {
      this.modeler = createDesignerModeler({ canvas: this.canvas().nativeElement, propertiesPanel: this.propertiesPanel().nativeElement });
      this.modeler.on('commandStack.changed', () => this.dirty.set(true));
      void this.show(blankDiagram(), { source: '新流程 New diagram' });
    });
    this.definitionsApi
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (definitions) => this.allDefinitions.set(definitions), error: () => this.allDefinitions.set([]) });
  }

  ngOnDestroy(): void {
    this.modeler?.destroy();
  }

  protected newDiagram(): void {
    if (!this.mayDiscard()) return;
    this.deployed.set(null);
    void this.show(blankDiagram(), { source: '新流程 New diagram' });
  }

  /** Selects the element of a problem on the canvas and scrolls it into view. */
  protected selectElement(problem: ProblemItem): void {
    if (!this.modeler || !problem.elementId) return;
    const element = (this.modeler.get('elementRegistry') as { get(id: string): unknown }).get(problem.elementId);
    if (!element) return;
    (this.modeler.get('selection') as { select(element: unknown): void }).select(element);
    (this.modeler.get('canvas') as { scrollToElement(element: unknown): void }).scrollToElement(element);
  }

  protected async openFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    if (!this.mayDiscard()) {
      input.value = '';
      return;
    }
    this.deployed.set(null);
    await this.show(await file.text(), { source: file.name });
    input.value = '';
  }

  protected openDeployed(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const key = select.value;
    select.value = '';
    if (!key || !this.mayDiscard()) return;
    this.definitionsApi.get(key, undefined, this.pickedZone()).subscribe({
      next: (definition) => void this.showDeployed(definition),
      error: (failure: unknown) => this.fail(failure),
    });
  }

  protected async download(): Promise<void> {
    const xml = await this.currentXml();
    if (xml === null) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
    link.download = `${this.processId() ?? 'diagram'}.bpmn`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  /** Downloads the diagram as an SVG picture. */
  protected async downloadSvg(): Promise<void> {
    if (!this.modeler) return;
    const { svg } = await this.modeler.saveSVG();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    link.download = `${this.processId() ?? 'diagram'}.svg`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  protected async deploy(): Promise<void> {
    const xml = await this.currentXml();
    if (xml === null) return;
    this.busy.set(true);
    this.outcome.set(null);
    this.problem.set(null);
    const forms = this.forms();
    const unformed = this.linkableElements().filter((element) => element.formId !== undefined && !(element.formId in forms));
    if (unformed.length > 0) {
      this.busy.set(false);
      this.problem.set({
        message: '有任务关联了不存在的表单 A task links a form the flow does not have: create it under 表单 Forms, or link another',
        details: unformed.map((element) => ({ elementId: element.id, elementType: element.type, message: `表单 ${element.formId} 不存在 the form "${element.formId}" is not in this flow` })),
      });
      return;
    }
    const decisions = this.decisions();
    this.definitionsApi.deploy({ xml, ...(Object.keys(forms).length ? { forms } : {}), ...(Object.keys(decisions).length ? { decisions } : {}) }, this.pickedZone()).subscribe({
      next: (outcome) => {
        this.busy.set(false);
        this.outcome.set(outcome);
        this.dirty.set(false);
        this.followDeployed(outcome.deployment.key, outcome.deployment.version);
        this.warnings.set(outcome.deployment.warnings ?? []);
        this.refreshDefinitions();
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        this.fail(failure);
      },
    });
  }

  private async show(xml: string, opened: OpenDiagram): Promise<void> {
    if (!this.modeler) return;
    this.outcome.set(null);
    this.problem.set(null);
    this.warnings.set([]);
    try {
      const { warnings } = await this.modeler.importXML(await withDiagramLayout(xml));
      this.opened.set(opened);
      this.forms.set({ ...(opened.forms ?? {}) });
      this.decisions.set({ ...(opened.decisions ?? {}) });
      this.dirty.set(false);
      this.warnings.set(importWarnings(warnings));
      (this.modeler.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
    } catch (error) {
      this.problem.set({ message: `无法打开 Cannot open ${opened.source}: ${error instanceof Error ? error.message : String(error)}`, details: [] });
    }
  }

  /** Opens the XML view on the model as it is now. */
  protected async showXml(): Promise<void> {
    this.xmlSource.set((await this.currentXml()) ?? '');
    this.mode.set('xml');
  }

  /** Opens 试运行 Play on the draft as it is now: the modeler's XML, the flow's forms and DMN files, the start event's form. */
  protected async showPlay(): Promise<void> {
    const xml = await this.currentXml();
    const startFormId = this.linkableElements().find((element) => element.type === 'bpmn:StartEvent' && element.formId !== undefined)?.formId;
    this.playDraft.set(xml === null ? null : { xml, forms: this.forms(), decisions: this.decisions(), ...(startFormId !== undefined ? { startFormId } : {}) });
    this.mode.set('play');
  }

  /** Imports XML edited in the XML view; XML that cannot be read leaves the diagram as it was. */
  protected async applyXml(xml: string): Promise<void> {
    if (!this.modeler) return;
    this.problem.set(null);
    try {
      const { warnings } = await this.modeler.importXML(await withDiagramLayout(xml));
      this.warnings.set(importWarnings(warnings));
      this.dirty.set(true);
      this.mode.set('diagram');
    } catch (error) {
      this.problem.set({ message: `XML 无法读取，流程图未改变 The XML cannot be read, the diagram is unchanged: ${error instanceof Error ? error.message : String(error)}`, details: [] });
    }
  }

  private async currentXml(): Promise<string | null> {
    if (!this.modeler) return null;
    const { xml } = await this.modeler.saveXML({ format: true });
    return xml ?? null;
  }

  private processId(): string | undefined {
    const definitions = this.modeler?.getDefinitions() as { rootElements?: { $type: string; id: string }[] } | undefined;
    return definitions?.rootElements?.find((element) => element.$type === 'bpmn:Process')?.id;
  }

  protected runningOf(version: number): number {
    return this.running()[version] ?? 0;
  }

  /** Opens another version of the open deployed flow. */
  protected openVersion(event: Event): void {
    const version = Number((event.target as HTMLSelectElement).value);
    const open = this.deployed();
    if (!open || !version || version === open.version || !this.mayDiscard()) return;
    this.definitionsApi.get(open.key, version, this.pickedZone()).subscribe({
      next: (definition) => void this.showDeployed(definition),
      error: (failure: unknown) => this.fail(failure),
    });
  }

  /** Withdraws the open flow (no new cases, running ones go on) or restores it. */
  protected setWithdrawn(withdrawn: boolean): void {
    const open = this.deployed();
    if (!open) return;
    this.busy.set(true);
    this.definitionsApi.setWithdrawn(open.key, withdrawn).subscribe({
      next: () => {
        this.busy.set(false);
        this.refreshDefinitions();
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        this.fail(failure);
      },
    });
  }

  private async showDeployed(definition: DefinitionView): Promise<void> {
    await this.show(definition.xml, { source: `${definition.key} v${definition.version}`, forms: definition.forms, decisions: definition.decisions });
    this.followDeployed(definition.key, definition.version, definition.versions);
  }

  /**
   * Remembers the deployed flow open now, with its running cases by version as the server counts
   * them (`versions` of the definition; fetched when not at hand, as after a deploy).
   */
  private followDeployed(key: string, version: number, versions?: DefinitionVersionSummary[]): void {
    this.deployed.set({ key, version });
    const count = (summaries: DefinitionVersionSummary[] = []) => this.running.set(Object.fromEntries(summaries.map((summary) => [summary.version, summary.running])));
    if (versions) {
      count(versions);
      return;
    }
    this.definitionsApi.get(key, undefined, this.pickedZone()).subscribe({ next: (definition) => count(definition.versions), error: () => this.running.set({}) });
  }

  protected formsChanged(forms: Record<string, unknown>): void {
    this.forms.set(forms);
    this.dirty.set(true);
  }

  protected decisionsChanged(decisions: Record<string, string>): void {
    this.decisions.set(decisions);
    this.dirty.set(true);
  }

  private diagramElements(): DiagramElement[] {
    if (!this.modeler) return [];
    return (this.modeler.get('elementRegistry') as { getAll(): DiagramElement[] }).getAll().filter((element) => element.businessObject && !('waypoints' in element) && element.businessObject.$type !== 'label');
  }

  private linkableElements(): LinkableElement[] {
    return this.diagramElements()
      .filter((element) => isLinkable(element.businessObject))
      .map((element) => {
        const { businessObject } = element;
        return {
          id: element.id,
          name: typeof businessObject['name'] === 'string' ? businessObject['name'] : '',
          type: businessObject.$type as LinkableElement['type'],
          formId: linkedFormId(businessObject),
        };
      });
  }

  private linkForm(elementId: string, formId: string): void {
    const element = this.diagramElements().find((candidate) => candidate.id === elementId);
    if (!element || !this.modeler) return;
    const commands = linkFormCommands(element, formId, this.modeler.get('bpmnFactory') as ElementFactory);
    (this.modeler.get('commandStack') as { execute(command: string, context: unknown): void }).execute('properties-panel.multi-command-executor', commands);
  }

  /** Asks before unsaved changes are discarded; true when there are none or the user agrees. */
  private mayDiscard(): boolean {
    return !this.dirty() || window.confirm('当前流程有未部署的修改，确定放弃吗？ Discard the changes not deployed yet?');
  }

  private refreshDefinitions(): void {
    this.definitionsApi.list().subscribe({ next: (definitions) => this.allDefinitions.set(definitions) });
  }

  /** Works in another zone (province-wide users): the diagram stays as a draft, no longer tied to the other zone's flow. */
  protected pickZone(event: Event): void {
    const picked = ZONES.find((zone) => zone === (event.target as HTMLSelectElement).value);
    if (!picked || picked === this.zone()) return;
    this.zone.set(picked);
    this.deployed.set(null);
    this.running.set({});
    this.outcome.set(null);
  }

  /** The zone named on every call of a province-wide user; none for zone users, whose zone is their own. */
  private pickedZone(): string | undefined {
    return this.provinceWide ? this.zone() : undefined;
  }

  private fail(failure: unknown): void {
    const { status, message, details } = toApiProblem(failure);
    this.problem.set({ message: status ? `${status} ${message}` : message, details });
  }
}
