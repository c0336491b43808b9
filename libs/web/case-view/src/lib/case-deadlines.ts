import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DeadlineView, TaskView } from '@banjie/contracts';
import { DueDate, WarningBadge, formatBeijingDeadline } from '@banjie/web-ui';

/** A deadline as the case page lists it: with the name of its element and its yellow time as read. */
interface DeadlineRow {
  deadline: DeadlineView;
  name: string;
  yellowAt: string;
}

/**
 * 法定时限 Deadlines: the open legal deadlines of a case, each with its limit, when it started,
 * when the yellow card is due and when it falls due (marked 暂定 when counted without the
 * year's holiday notice).
 */
@Component({
  selector: 'bj-case-deadlines',
  imports: [DatePipe, DueDate, WarningBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (row of rows(); track row.deadline.elementInstanceId) {
      <div class="deadline" [attr.data-element-id]="row.deadline.elementId">
        <div>
          <strong>{{ row.name }}</strong>
          <bj-warning-badge [warning]="row.deadline.warning" />
        </div>
        <dl>
          <dt>时限 Limit</dt>
          <dd>
            {{ row.deadline.limitWorkingDays }} 工作日 working days
            @if (row.deadline.extendedWorkingDays) {
              <span class="muted">+{{ row.deadline.extendedWorkingDays }} 补正 paused</span>
            }
          </dd>
          <dt>开始 Started</dt>
          <dd><time [attr.datetime]="row.deadline.startedAt">{{ row.deadline.startedAt | date: 'yyyy-MM-dd HH:mm' : '+0800' }}</time></dd>
          <dt>黄牌 Yellow at</dt>
          <dd><time [attr.datetime]="row.deadline.yellowAt">{{ row.yellowAt }}</time></dd>
          <dt>期限 Due</dt>
          <dd>
            <bj-due-date [dueAt]="row.deadline.dueAt" [provisional]="row.deadline.provisional" [provisionalReason]="row.deadline.provisionalReason" />
          </dd>
        </dl>
      </div>
    } @empty {
      <p class="muted">无 None</p>
    }
  `,
  styles: `
    .deadline { padding: 0.35rem 0; border-bottom: 1px solid var(--bj-border); font-size: 0.88rem; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 0.1rem 0.6rem; margin: 0.25rem 0 0; font-size: 0.8rem; }
    dt { color: var(--bj-muted); }
    dd { margin: 0; font-variant-numeric: tabular-nums; }
    .muted { color: var(--bj-muted); font-size: 0.85rem; }
  `,
})
export class CaseDeadlines {
  /** The open deadlines of the case. */
  readonly deadlines = input<readonly DeadlineView[]>([]);
  /** The case's open tasks, whose names name their deadlines. */
  readonly tasks = input<readonly TaskView[]>([]);
  /** The BPMN XML of the case's version, whose element names name the other deadlines. */
  readonly xml = input<string | null>(null);

  protected readonly rows = computed<DeadlineRow[]>(() => {
    const taskNames = new Map(this.tasks().map((task) => [task.id, task.name]));
    const elementNames = namesOfElements(this.xml());
    return this.deadlines().map((deadline) => ({
      deadline,
      name: (deadline.taskId && taskNames.get(deadline.taskId)) || elementNames.get(deadline.elementId) || deadline.elementId,
      yellowAt: formatBeijingDeadline(deadline.yellowAt),
    }));
  });
}

/** The `name` of every BPMN element that has one, by id. */
function namesOfElements(xml: string | null): Map<string, string> {
  const names = new Map<string, string>();
  if (!xml) return names;
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  for (const element of Array.from(document.querySelectorAll('[id][name]'))) {
    names.set(element.getAttribute('id') ?? '', element.getAttribute('name') ?? '');
  }
  return names;
}
