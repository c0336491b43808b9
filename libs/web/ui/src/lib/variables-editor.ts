import { ChangeDetectionStrategy, Component, OnInit, model, signal } from '@angular/core';

/** One variable as edited: its name and the text typed for its value. */
interface VariableRow {
  name: string;
  text: string;
}

/**
 * A plain name/value editor for task variables, for tasks without a form. A value that reads as
 * JSON (`true`, `12`, `{"a":1}`) is taken as such, anything else as text.
 */
@Component({
  selector: 'bj-variables-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="vars">
      <thead>
        <tr><th>变量 Name</th><th>值 Value</th><th></th></tr>
      </thead>
      <tbody>
        @for (row of rows(); track $index; let i = $index) {
          <tr>
            <td><input [value]="row.name" (input)="edit(i, 'name', $event)" placeholder="approved" aria-label="变量名 Variable name" /></td>
            <td><input [value]="row.text" (input)="edit(i, 'text', $event)" placeholder="true" aria-label="值 Value" /></td>
            <td><button type="button" class="link" (click)="remove(i)" aria-label="删除 Remove">✕</button></td>
          </tr>
        }
      </tbody>
    </table>
    <button type="button" class="secondary" (click)="add()">+ 添加变量 Add variable</button>
  `,
  styles: `
    .vars { width: 100%; border-collapse: collapse; margin-bottom: 0.5rem; }
    th { text-align: left; font-weight: 500; font-size: 0.8rem; color: var(--bj-muted); padding: 0.2rem 0.25rem; }
    td { padding: 0.15rem 0.25rem; }
    td:last-child { width: 2rem; }
    input { width: 100%; }
  `,
})
export class VariablesEditor implements OnInit {
  /** The variables as a record, kept in step with the rows. */
  readonly variables = model<Record<string, unknown>>({});
  protected readonly rows = signal<VariableRow[]>([]);

  ngOnInit(): void {
    const initial = Object.entries(this.variables()).map(([name, value]) => ({ name, text: JSON.stringify(value) }));
    this.rows.set(initial.length ? initial : [{ name: '', text: '' }]);
  }

  protected add(): void {
    this.update([...this.rows(), { name: '', text: '' }]);
  }

  protected remove(index: number): void {
    this.update(this.rows().filter((_, i) => i !== index));
  }

  protected edit(index: number, field: keyof VariableRow, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.update(this.rows().map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  }

  private update(rows: VariableRow[]): void {
    this.rows.set(rows);
    this.variables.set(toVariables(rows));
  }
}

function toVariables(rows: VariableRow[]): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const { name, text } of rows) {
    if (name.trim()) variables[name.trim()] = parseValue(text);
  }
  return variables;
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
