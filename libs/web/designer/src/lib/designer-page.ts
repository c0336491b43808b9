import { ChangeDetectionStrategy, Component, ElementRef, OnDestroy, afterNextRender, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { DefinitionSummary, Problem } from '@banjie/contracts';
import { DefinitionsApi, toApiProblem, type DeployOutcome } from '@banjie/web-data-access';
import { ProblemList, type ProblemItem } from '@banjie/web-ui';
import type Modeler from 'bpmn-js/lib/Modeler';
import { blankDiagram } from './blank-diagram';
import { createDesignerModeler } from './designer-modeler';

/** The diagram now open in the designer: where it came from, and the forms deployed with it. */
interface OpenDiagram {
  source: string;
  forms?: Record<string, unknown>;
}

/**
 * 流程设计 Designer: draw a flow with the bpmn-js modeler (properties panel, Zeebe and banjie
 * extensions, bpmnlint), open it from a file or from what is deployed, download it, deploy it.
 */
@Component({
  selector: 'bj-designer-page',
  imports: [ProblemList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './designer-page.html',
  styleUrl: './designer-page.css',
})
export class DesignerPage implements OnDestroy {
  private readonly definitionsApi = inject(DefinitionsApi);
  private readonly canvas = viewChild.required<ElementRef<HTMLElement>>('canvas');
  private readonly propertiesPanel = viewChild.required<ElementRef<HTMLElement>>('properties');
  private modeler: Modeler | null = null;

  protected readonly definitions = signal<DefinitionSummary[]>([]);
  protected readonly opened = signal<OpenDiagram>({ source: '新流程 New diagram' });
  protected readonly busy = signal(false);
  protected readonly outcome = signal<DeployOutcome | null>(null);
  protected readonly problem = signal<{ message: string; details: ProblemItem[] } | null>(null);
  protected readonly warnings = signal<Problem[]>([]);

  constructor() {
    afterNextRender(() => {
      this.modeler = createDesignerModeler({ canvas: this.canvas().nativeElement, propertiesPanel: this.propertiesPanel().nativeElement });
      void this.show(blankDiagram(), { source: '新流程 New diagram' });
    });
    this.definitionsApi
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (definitions) => this.definitions.set(definitions), error: () => this.definitions.set([]) });
  }

  ngOnDestroy(): void {
    this.modeler?.destroy();
  }

  protected newDiagram(): void {
    void this.show(blankDiagram(), { source: '新流程 New diagram' });
  }

  protected async openFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await this.show(await file.text(), { source: file.name });
    input.value = '';
  }

  protected openDeployed(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const key = select.value;
    select.value = '';
    if (!key) return;
    this.definitionsApi.get(key).subscribe({
      next: (definition) => void this.show(definition.xml, { source: `${definition.key} v${definition.version}`, forms: definition.forms }),
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

  protected async deploy(): Promise<void> {
    const xml = await this.currentXml();
    if (xml === null) return;
    this.busy.set(true);
    this.outcome.set(null);
    this.problem.set(null);
    const forms = this.opened().forms;
    this.definitionsApi.deploy(forms && Object.keys(forms).length ? { xml, forms } : { xml }).subscribe({
      next: (outcome) => {
        this.busy.set(false);
        this.outcome.set(outcome);
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
      const { warnings } = await this.modeler.importXML(xml);
      this.opened.set(opened);
      // bpmn-js types import warnings as strings; at run time they are errors with a message.
      this.warnings.set((warnings as unknown[]).map((warning) => ({ message: (warning as { message?: string }).message ?? String(warning) })));
      (this.modeler.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
    } catch (error) {
      this.problem.set({ message: `无法打开 Cannot open ${opened.source}: ${error instanceof Error ? error.message : String(error)}`, details: [] });
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

  private refreshDefinitions(): void {
    this.definitionsApi.list().subscribe({ next: (definitions) => this.definitions.set(definitions) });
  }

  private fail(failure: unknown): void {
    const { status, message, details } = toApiProblem(failure);
    this.problem.set({ message: status ? `${status} ${message}` : message, details });
  }
}
