import { ChangeDetectionStrategy, Component, ElementRef, OnDestroy, computed, effect, model, signal, untracked, viewChild } from '@angular/core';
import type DmnModeler from 'dmn-js/lib/Modeler';
import { blankDecisionTable, decisionEntries, newDecisionIdProblem, type DecisionEntry } from './dmn-resources';
import { loadLazyStylesheet } from './lazy-stylesheet';

/** The lazy style bundle of the editor (apps/web/project.json). */
const EDITOR_STYLESHEET = 'dmn-js.css';

/** The decision open in the editor. */
interface OpenDecision {
  readonly file: string;
  readonly id: string;
}

/**
 * 决策 Decisions of the flow open in the designer: the DMN files deployed with it (file name →
 * DMN XML), each decision listed, opened in the dmn-js decision table (or literal expression)
 * editor, and new decision tables made from a minimal template. Business rule tasks call them by
 * id (`zeebe:calledDecision decisionId`); they deploy with the flow, as one unit.
 */
@Component({
  selector: 'bj-designer-decisions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="decisions-toolbar">
      <label>
        新决策编号 New decision id
        <input name="newDecisionId" [value]="newId()" (input)="newId.set(inputValue($event))" placeholder="review-lane" />
      </label>
      <button type="button" class="secondary" (click)="create()">新建决策表 New decision table</button>
      @if (current(); as open) {
        <button type="button" class="secondary" (click)="remove(open.file)">移除文件 Remove {{ open.file }}</button>
      }
    </div>
    @if (problem(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    }
    <div class="decisions-body">
      <ul class="decision-list" aria-label="决策列表 Decisions of the flow">
        @for (entry of entries(); track entry.file + '#' + entry.id) {
          <li>
            <button type="button" class="decision" [class.active]="isOpen(entry)" [attr.aria-pressed]="isOpen(entry)" (click)="open(entry)">
              <strong>{{ entry.name || entry.id }}</strong>
              <span class="meta"><code>{{ entry.id }}</code> · {{ entry.file }} · {{ kindLabel(entry) }}</span>
            </button>
          </li>
        } @empty {
          <li class="empty">还没有决策 No decisions yet: 新建一张决策表 create a decision table</li>
        }
      </ul>
      <div #editor class="editor" role="region" aria-label="决策表编辑器 Decision table editor" [hidden]="!current()"></div>
    </div>
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 0.5rem; min-height: 0; height: 100%; }
    .decisions-toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
    .decisions-toolbar label { display: grid; gap: 0.15rem; font-size: 0.8rem; }
    .error { margin: 0; color: var(--bj-red-fg); }
    .decisions-body { flex: 1; display: grid; grid-template-columns: 16rem minmax(0, 1fr); gap: 0.5rem; min-height: 0; }
    .decision-list { list-style: none; margin: 0; padding: 0; display: grid; align-content: start; gap: 0.3rem; overflow: auto; }
    .decision { width: 100%; display: grid; gap: 0.15rem; text-align: left; background: #fff; color: inherit; border: 1px solid var(--bj-border); }
    .decision.active { border-color: var(--bj-accent, #1d4ed8); box-shadow: inset 3px 0 0 var(--bj-accent, #1d4ed8); }
    .meta { font-size: 0.75rem; color: var(--bj-muted); }
    .empty { font-size: 0.85rem; color: var(--bj-muted); }
    .editor { min-height: 24rem; overflow: auto; border: 1px solid var(--bj-border); border-radius: var(--bj-radius); background: #fff; }
    .editor[hidden] { display: none; }
  `,
})
export class DesignerDecisions implements OnDestroy {
  /** The flow's DMN files by file name; edited in place, deployed with the flow. */
  readonly decisions = model.required<Record<string, string>>();

  protected readonly entries = computed(() => decisionEntries(this.decisions()));
  protected readonly current = signal<OpenDecision | undefined>(undefined);
  protected readonly newId = signal('');
  protected readonly problem = signal<string | null>(null);

  private readonly editorHost = viewChild.required<ElementRef<HTMLElement>>('editor');
  private modeler: DmnModeler | null = null;
  /** The file the editor holds now, and whether it is being imported (changes then are not edits). */
  private shownFile: string | undefined;
  /** The XML of the file shown, as imported or last saved from the editor. */
  private written: string | undefined;
  private importing = false;

  constructor() {
    effect(() => {
      const open = this.current();
      if (open) void untracked(() => this.show(open));
    });
    // The files replaced from outside (another flow opened): show the decision again, or none.
    effect(() => {
      const decisions = this.decisions();
      untracked(() => {
        if (this.shownFile === undefined || decisions[this.shownFile] === this.written) return;
        this.shownFile = undefined;
        const open = this.current();
        if (open && Object.hasOwn(decisions, open.file)) void this.show(open);
        else this.current.set(undefined);
      });
    });
  }

  ngOnDestroy(): void {
    this.modeler?.destroy();
  }

  protected open(entry: DecisionEntry): void {
    this.problem.set(null);
    this.current.set({ file: entry.file, id: entry.id });
  }

  protected isOpen(entry: DecisionEntry): boolean {
    const open = this.current();
    return open?.file === entry.file && open.id === entry.id;
  }

  protected kindLabel(entry: DecisionEntry): string {
    return entry.kind === 'table' ? '决策表 table' : entry.kind === 'literal' ? '表达式 literal expression' : '其他 other';
  }

  /** Adds `<id>.dmn` with a minimal decision table and opens it. */
  protected create(): void {
    const id = this.newId().trim();
    const problem = newDecisionIdProblem(id, this.entries(), Object.keys(this.decisions()));
    this.problem.set(problem);
    if (problem) return;
    const file = `${id}.dmn`;
    this.decisions.set({ ...this.decisions(), [file]: blankDecisionTable(id) });
    this.newId.set('');
    this.current.set({ file, id });
  }

  /** Drops a DMN file from the flow. */
  protected remove(file: string): void {
    if (!window.confirm(`移除 ${file}？调用其中决策的任务将无法部署。 Remove ${file}? Tasks calling its decisions will not deploy.`)) return;
    this.decisions.set(Object.fromEntries(Object.entries(this.decisions()).filter(([name]) => name !== file)));
    this.current.set(undefined);
    this.shownFile = undefined;
  }

  protected inputValue(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  /** Shows a decision: imports its file when another one is shown, then opens the decision's view. */
  private async show(open: OpenDecision): Promise<void> {
    try {
      const modeler = await this.editor();
      if (open.file !== this.shownFile) {
        const xml = untracked(() => this.decisions())[open.file] ?? '';
        this.importing = true;
        try {
          await modeler.importXML(xml);
        } finally {
          this.importing = false;
        }
        this.shownFile = open.file;
        this.written = xml;
      }
      const view = modeler.getViews().find((candidate) => candidate.id === open.id && candidate.type !== 'drd');
      if (view && modeler.getActiveView()?.id !== view.id) await modeler.open(view);
    } catch (error) {
      this.shownFile = undefined;
      this.problem.set(`无法打开 Cannot open ${open.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The dmn-js modeler, made (and its code and styles loaded) on first use. */
  private async editor(): Promise<DmnModeler> {
    if (this.modeler) return this.modeler;
    loadLazyStylesheet(EDITOR_STYLESHEET);
    const { default: Modeler } = await import('dmn-js/lib/Modeler');
    const modeler = new Modeler({ container: this.editorHost().nativeElement });
    modeler.on('viewer.created', ({ viewer }) => viewer.on('elements.changed', () => void this.keepEdit()));
    this.modeler = modeler;
    return modeler;
  }

  /** Writes the file shown back into the flow's decisions after an edit in the editor. */
  private async keepEdit(): Promise<void> {
    const file = this.shownFile;
    if (!this.modeler || this.importing || !file) return;
    const { xml } = await this.modeler.saveXML({ format: true });
    if (file !== this.shownFile) return;
    this.written = xml;
    this.decisions.set({ ...this.decisions(), [file]: xml });
  }
}
