import { ChangeDetectionStrategy, Component, ElementRef, OnDestroy, afterNextRender, computed, effect, input, model, signal, untracked, viewChild } from '@angular/core';
import { Form } from '@bpmn-io/form-js';
import { FormEditor } from '@bpmn-io/form-js-editor';
import { blankFormSchema, newFormIdProblem, type LinkableElement } from './form-links';
import { loadLazyStylesheet } from './lazy-stylesheet';

/** What the forms editor needs of the diagram: the elements a form can be linked to, and the linking. */
export interface FormLinker {
  linkable(): LinkableElement[];
  link(elementId: string, formId: string): void;
}

/** The lazy style bundle of the editor (apps/web/project.json). */
const EDITOR_STYLESHEET = 'form-js-editor.css';

/**
 * 表单 Forms of the flow open in the designer: create a form, edit it with the form-js editor,
 * preview it with the viewer, and link a user task or the start event to it
 * (`zeebe:formDefinition formId`). The forms deploy with the flow, as one unit.
 */
@Component({
  selector: 'bj-designer-forms',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="forms-toolbar">
      <label>
        表单 Form
        <select [value]="current() ?? ''" (change)="choose($event)">
          @if (!current()) {
            <option value="">（还没有表单 no form yet）</option>
          }
          @for (id of formIds(); track id) {
            <option [value]="id">{{ id }}</option>
          }
        </select>
      </label>
      <label>
        新表单编号 New form id
        <input name="newFormId" [value]="newId()" (input)="newId.set(inputValue($event))" placeholder="lf-window-check" />
      </label>
      <button type="button" class="secondary" (click)="create()">新建表单 New form</button>
      @if (current()) {
        <button type="button" class="secondary" (click)="preview.set(!preview())">{{ preview() ? '编辑 Edit' : '预览 Preview' }}</button>
        <label>
          关联到 Link to
          <select (change)="link($event)">
            <option value="">选择任务或开始事件 Choose a task or start event…</option>
            @for (element of linkables(); track element.id) {
              <option [value]="element.id">{{ element.name || element.id }} ({{ element.id }}){{ element.formId ? ' → ' + element.formId : '' }}</option>
            }
          </select>
        </label>
      }
    </div>
    @if (problem(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    }
    @if (current(); as id) {
      <p class="linked">
        已关联 Linked to {{ id }}:
        @for (element of linkedToCurrent(); track element.id) {
          <code>{{ element.id }}</code>
        } @empty {
          （无 none）
        }
      </p>
    }
    <div #editor class="editor" [hidden]="preview() || !current()"></div>
    @if (preview()) {
      <div #viewer class="viewer" aria-label="表单预览 Form preview"></div>
    }
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 0.5rem; min-height: 0; height: 100%; }
    .forms-toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
    .forms-toolbar label { display: grid; gap: 0.15rem; font-size: 0.8rem; }
    .error { margin: 0; color: var(--bj-red-fg); }
    .linked { margin: 0; font-size: 0.85rem; color: var(--bj-muted); }
    .linked code { margin-right: 0.35rem; }
    .editor, .viewer { flex: 1; min-height: 24rem; overflow: auto; border: 1px solid var(--bj-border); border-radius: var(--bj-radius); background: #fff; }
    .viewer { padding: 1rem; }
  `,
})
export class DesignerForms implements OnDestroy {
  /** The flow's forms by id; edited in place, deployed with the flow. */
  readonly forms = model.required<Record<string, unknown>>();
  /** The diagram the forms are linked into. */
  readonly linker = input<FormLinker | null>(null);

  protected readonly current = signal<string | undefined>(undefined);
  protected readonly newId = signal('');
  protected readonly preview = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly linkables = signal<LinkableElement[]>([]);
  protected readonly formIds = computed(() => Object.keys(this.forms()).sort());
  protected readonly linkedToCurrent = computed(() => this.linkables().filter((element) => element.formId !== undefined && element.formId === this.current()));

  private readonly editorHost = viewChild.required<ElementRef<HTMLElement>>('editor');
  private readonly viewerHost = viewChild<ElementRef<HTMLElement>>('viewer');
  private editor: FormEditor | null = null;
  private viewer: Form | null = null;
  private shown: string | undefined;

  constructor() {
    afterNextRender(() => {
      loadLazyStylesheet(EDITOR_STYLESHEET);
      this.refreshLinkables();
      this.current.set(this.formIds()[0]);
    });
    effect(() => {
      const id = this.current();
      if (!id || id === this.shown) return;
      const schema = untracked(() => this.forms()[id]);
      this.shown = id;
      void this.edit(id, schema);
    });
    effect(() => {
      const host = this.viewerHost();
      const id = this.current();
      this.viewer?.destroy();
      this.viewer = null;
      if (!host || !id) return;
      const schema = untracked(() => this.forms()[id]);
      this.viewer = new Form({ container: host.nativeElement });
      this.viewer.importSchema(schema as never).catch((error: Error) => this.problem.set(`预览失败 Preview failed: ${error.message}`));
    });
  }

  ngOnDestroy(): void {
    this.editor?.destroy();
    this.viewer?.destroy();
  }

  protected inputValue(event: Event): string {
    return (event.target as HTMLInputElement).value.trim();
  }

  protected choose(event: Event): void {
    this.preview.set(false);
    this.current.set((event.target as HTMLSelectElement).value || undefined);
  }

  protected create(): void {
    const id = this.newId();
    const refused = newFormIdProblem(id, this.formIds());
    this.problem.set(refused ?? null);
    if (refused) return;
    this.forms.update((forms) => ({ ...forms, [id]: blankFormSchema(id) }));
    this.newId.set('');
    this.preview.set(false);
    this.current.set(id);
  }

  protected link(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const elementId = select.value;
    select.value = '';
    const formId = this.current();
    const linker = this.linker();
    if (!elementId || !formId || !linker) return;
    linker.link(elementId, formId);
    this.refreshLinkables();
  }

  private refreshLinkables(): void {
    this.linkables.set(this.linker()?.linkable() ?? []);
  }

  private async edit(id: string, schema: unknown): Promise<void> {
    this.problem.set(null);
    if (!this.editor) {
      this.editor = new FormEditor({ container: this.editorHost().nativeElement });
      this.editor.on('changed', () => {
        const edited = this.shown;
        if (edited && this.editor) {
          const saved = this.editor.saveSchema();
          this.forms.update((forms) => ({ ...forms, [edited]: saved }));
        }
      });
    }
    try {
      await this.editor.importSchema(schema as never);
    } catch (error) {
      this.problem.set(`表单无法打开 Cannot open the form ${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
