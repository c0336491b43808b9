import { ChangeDetectionStrategy, Component, input, linkedSignal, output } from '@angular/core';

/**
 * XML 源码 Source: the open model's BPMN XML, editable; 应用 Apply hands the edited XML back to
 * the designer, which imports it (and reports XML it cannot read without losing the diagram).
 */
@Component({
  selector: 'bj-designer-xml-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="xml-label" for="designer-xml-source">BPMN XML 源码 Source</label>
    <textarea id="designer-xml-source" class="xml-source" spellcheck="false" [value]="draft()" (input)="edited($event)"></textarea>
    <div class="xml-actions">
      <button type="button" class="primary" (click)="apply.emit(draft())" [disabled]="draft() === xml()">应用到流程图 Apply to diagram</button>
      <button type="button" class="secondary" (click)="draft.set(xml())" [disabled]="draft() === xml()">撤销编辑 Discard edits</button>
    </div>
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 0.5rem; flex: 1; min-height: 0; }
    .xml-source { flex: 1; min-height: 24rem; font-family: ui-monospace, monospace; font-size: 0.8rem; white-space: pre; }
    .xml-actions { display: flex; gap: 0.5rem; }
  `,
})
export class DesignerXmlView {
  /** The model's XML as the modeler saves it now. */
  readonly xml = input.required<string>();
  /** The edited XML to import. */
  readonly apply = output<string>();
  /** What the text area holds: the model's XML until it is edited. */
  protected readonly draft = linkedSignal(() => this.xml());

  protected edited(event: Event): void {
    this.draft.set((event.target as HTMLTextAreaElement).value);
  }
}
