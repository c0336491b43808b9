import { ChangeDetectionStrategy, Component, input, model, signal } from '@angular/core';
import type { CalendarDay } from '@banjie/contracts';
import { ProblemList, type ProblemItem } from '@banjie/web-ui';
import { parseCalendarLines } from './calendar-lines';

/**
 * One list of a holiday arrangement (days off, or working days) as rows of date and name, with a
 * box to paste lines from a notice (`2027-02-05..2027-02-11 春节`) that replace or join the rows.
 */
@Component({
  selector: 'bj-calendar-days-editor',
  imports: [ProblemList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset>
      <legend>
        {{ legend() }} <span class="count">{{ days().length }} 天 days</span>
      </legend>
      @if (hint()) {
        <p class="hint">{{ hint() }}</p>
      }
      <table>
        <thead>
          <tr>
            <th scope="col">日期 Date</th>
            <th scope="col">名称 Name</th>
            <th scope="col"><span class="sr-only">操作 Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (day of days(); track $index; let i = $index) {
            <tr [class.invalid]="invalidRows().has(i)">
              <td>
                <input
                  type="date"
                  [value]="day.date"
                  (input)="edit(i, 'date', $event)"
                  [attr.aria-label]="legend() + ' 日期 Date ' + (i + 1)"
                  [attr.aria-invalid]="invalidRows().has(i) || null"
                />
              </td>
              <td>
                <input
                  [value]="day.name"
                  (input)="edit(i, 'name', $event)"
                  maxlength="40"
                  [attr.aria-label]="legend() + ' 名称 Name ' + (i + 1)"
                  [attr.aria-invalid]="invalidRows().has(i) || null"
                />
              </td>
              <td class="act">
                <button type="button" class="link" (click)="remove(i)" [attr.aria-label]="'删除 Remove ' + (day.date || i + 1) + ' ' + day.name">删除 Remove</button>
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="3" class="empty">无 None</td>
            </tr>
          }
        </tbody>
      </table>
      <button type="button" class="secondary small" (click)="add()">+ 添加一行 Add row</button>

      <label class="paste">
        <span>粘贴行 Paste lines（每行一项 one per line: <code>2027-02-05 春节</code> 或 or <code>2027-02-05..2027-02-11 春节</code>）</span>
        <textarea rows="4" [value]="text()" (input)="text.set(valueOf($event))"></textarea>
      </label>
      <div class="paste-actions">
        <button type="button" class="secondary small" (click)="apply('replace')" [disabled]="!text().trim()">替换列表 Replace list</button>
        <button type="button" class="secondary small" (click)="apply('add')" [disabled]="!text().trim()">加入列表 Add to list</button>
      </div>
      <bj-problem-list [problems]="lineProblems()" heading="无法读取的行 Lines not read" />
    </fieldset>
  `,
  styles: `
    fieldset { border: 1px solid var(--bj-border); border-radius: var(--bj-radius); padding: 0.5rem 0.75rem 0.75rem; margin: 0 0 0.75rem; }
    legend { font-weight: 600; padding: 0 0.25rem; }
    .count { font-weight: 400; color: var(--bj-muted); font-size: 0.8rem; margin-left: 0.3rem; }
    .hint { margin: 0 0 0.4rem; color: var(--bj-muted); font-size: 0.8rem; }
    table { width: 100%; border-collapse: collapse; margin-bottom: 0.4rem; }
    th { text-align: left; font-weight: 500; font-size: 0.78rem; color: var(--bj-muted); padding: 0.15rem 0.25rem; }
    td { padding: 0.1rem 0.25rem; }
    .act { width: 1%; text-align: right; white-space: nowrap; }
    tr.invalid input { border-color: var(--bj-red-fg); background: var(--bj-red-bg); }
    input { width: 100%; }
    .empty { color: var(--bj-muted); font-size: 0.85rem; }
    .paste { display: grid; gap: 0.25rem; margin-top: 0.6rem; font-size: 0.82rem; }
    textarea { width: 100%; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.82rem; }
    .paste-actions { display: flex; gap: 0.4rem; margin: 0.35rem 0; }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `,
})
export class CalendarDaysEditor {
  /** The days of the list, in the order of the rows. */
  readonly days = model<CalendarDay[]>([]);
  /** What the list is, e.g. `放假 Days off`; it also labels every input. */
  readonly legend = input.required<string>();
  /** What belongs in the list. */
  readonly hint = input('');
  /** Rows the server named in its problems, marked for correction. */
  readonly invalidRows = input<ReadonlySet<number>>(new Set());

  protected readonly text = signal('');
  protected readonly lineProblems = signal<ProblemItem[]>([]);

  protected add(): void {
    this.days.set([...this.days(), { date: '', name: '' }]);
  }

  protected remove(index: number): void {
    this.days.set(this.days().filter((_, i) => i !== index));
  }

  protected edit(index: number, field: keyof CalendarDay, event: Event): void {
    const value = this.valueOf(event);
    this.days.set(this.days().map((day, i) => (i === index ? { ...day, [field]: value } : day)));
  }

  /** Reads the pasted lines into the rows: all of them or, when a line cannot be read, none. */
  protected apply(mode: 'replace' | 'add'): void {
    const { days, problems } = parseCalendarLines(this.text());
    this.lineProblems.set(problems);
    if (problems.length > 0) return;
    const pasted = new Set(days.map((day) => day.date));
    const kept = mode === 'add' ? this.days().filter((day) => !pasted.has(day.date)) : [];
    this.days.set([...kept, ...days].sort(byDateBlankLast));
    this.text.set('');
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }
}

function byDateBlankLast(a: CalendarDay, b: CalendarDay): number {
  if (!a.date || !b.date) return a.date ? -1 : b.date ? 1 : 0;
  return a.date.localeCompare(b.date);
}
