import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output, signal } from '@angular/core';
import type { CalendarDay, CalendarYearRequest } from '@banjie/contracts';
import { ProblemList, type ProblemItem } from '@banjie/web-ui';
import { CalendarDaysEditor } from './calendar-days-editor';
import { isCalendarDate } from './calendar-lines';

/** The two lists of a year's arrangement, as the request names them. */
type DayList = 'daysOff' | 'workingDays';

const WORDING = {
  national: {
    daysOff: ['放假 Days off', '通知中的每一个放假日，含假期中的周末 Every day off of the notice, weekend days inside a holiday too'],
    workingDays: ['调休上班 Adjusted working days', '通知中周末上班的日子 Saturdays and Sundays the notice makes working days'],
    save: '保存全国安排 Save national arrangement',
    note: '国办发明电〔2026〕X号',
  },
  zone: {
    daysOff: ['本区放假 Local days off', '本区的地方节假日 Local holidays of the zone'],
    workingDays: ['本区上班 Local working days', '本区周末照常办公的日子 Weekend days the zone serves'],
    save: '保存本区调整 Save zone overrides',
    note: '区管委会通知 Zone notice',
  },
} as const;

/**
 * The editor of one year's arrangement, national (a State Council notice) or a zone's own: days
 * off, working days and the note saying where they come from. Checks that every row is a named
 * day of the year before it emits the request; rows the server rejects are marked.
 */
@Component({
  selector: 'bj-calendar-year-form',
  imports: [CalendarDaysEditor, ProblemList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bj-calendar-days-editor [legend]="wording().daysOff[0]" [hint]="wording().daysOff[1]" [(days)]="daysOff" [invalidRows]="invalidRows().daysOff" />
    <bj-calendar-days-editor [legend]="wording().workingDays[0]" [hint]="wording().workingDays[1]" [(days)]="workingDays" [invalidRows]="invalidRows().workingDays" />
    <label class="note">
      <span>依据 Note</span>
      <input [value]="note()" (input)="note.set(valueOf($event))" maxlength="200" [attr.placeholder]="wording().note" />
    </label>
    <bj-problem-list [problems]="checks()" heading="请检查 Please check" />
    <div class="actions">
      <button type="button" class="primary" (click)="submit()" [disabled]="busy()">{{ wording().save }} · {{ year() }}</button>
    </div>
  `,
  styles: `
    .note { display: grid; gap: 0.25rem; margin-bottom: 0.75rem; font-size: 0.85rem; }
    .actions { margin-top: 0.5rem; }
  `,
})
export class CalendarYearForm {
  /** The year edited. */
  readonly year = input.required<number>();
  /** Whether this is the national notice or a zone's overrides. */
  readonly kind = input.required<'national' | 'zone'>();
  /** The arrangement as it stands; the editor starts over from it whenever it changes. */
  readonly initial = input.required<CalendarYearRequest>();
  /** A save is under way. */
  readonly busy = input(false);
  /** The problems the server answered to the last save (`daysOff[3].date` …). */
  readonly serverProblems = input<readonly ProblemItem[]>([]);
  /** The arrangement to save, checked. */
  readonly save = output<CalendarYearRequest>();

  protected readonly daysOff = linkedSignal(() => this.initial().daysOff.map((day) => ({ ...day })));
  protected readonly workingDays = linkedSignal(() => this.initial().workingDays.map((day) => ({ ...day })));
  protected readonly note = linkedSignal(() => this.initial().note ?? '');
  protected readonly checks = signal<ProblemItem[]>([]);
  protected readonly wording = computed(() => WORDING[this.kind()]);
  protected readonly invalidRows = computed(() => {
    const problems = [...this.checks(), ...this.serverProblems()];
    return { daysOff: rowsNamed(problems, 'daysOff'), workingDays: rowsNamed(problems, 'workingDays') };
  });

  protected submit(): void {
    // Rows left blank are dropped first, so the row numbers of the server's problems match the rows shown.
    this.daysOff.set(this.daysOff().filter(isFilled));
    this.workingDays.set(this.workingDays().filter(isFilled));
    const checks = [...this.check('daysOff', this.daysOff()), ...this.check('workingDays', this.workingDays())];
    this.checks.set(checks);
    if (checks.length > 0) return;
    const note = this.note().trim();
    this.save.emit({ daysOff: this.daysOff(), workingDays: this.workingDays(), ...(note ? { note } : {}) });
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  private check(list: DayList, days: readonly CalendarDay[]): ProblemItem[] {
    const label = this.wording()[list][0];
    const year = this.year();
    return days.flatMap((day, i) => {
      if (!isCalendarDate(day.date) || !day.date.startsWith(`${year}-`)) {
        return [{ field: `${list}[${i}].date`, message: `${label} 第 ${i + 1} 行：${day.date || '（空）'} 不是 ${year} 年的日期 row ${i + 1} is not a day of ${year}` }];
      }
      if (!day.name.trim()) return [{ field: `${list}[${i}].name`, message: `${label} ${day.date}：请填写名称 Name the day` }];
      return [];
    });
  }
}

function isFilled(day: CalendarDay): boolean {
  return day.date !== '' || day.name.trim() !== '';
}

/** The row numbers a list's problems name (`daysOff[3].date` → 3). */
function rowsNamed(problems: readonly ProblemItem[], list: DayList): ReadonlySet<number> {
  const pattern = new RegExp(`^${list}\\[(\\d+)\\]`);
  const rows = new Set<number>();
  for (const { field } of problems) {
    const match = field ? pattern.exec(field) : null;
    if (match) rows.add(Number(match[1]));
  }
  return rows;
}
