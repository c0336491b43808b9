import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CaseEventView } from '@banjie/contracts';

/** The event history of a case, newest first, as a compact list. */
@Component({
  selector: 'bj-event-timeline',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="timeline" reversed>
      @for (event of newestFirst(events()); track event.revision) {
        <li [attr.data-revision]="event.revision">
          <span class="rev">#{{ event.revision }}</span>
          <span class="what">
            <span class="type">{{ event.type }}</span>
            @if (subjectOf(event); as subject) {
              <code class="subject">{{ subject }}</code>
            }
            @if (actorOf(event); as actor) {
              <span class="actor">{{ actor }}</span>
            }
          </span>
          <time [attr.datetime]="event.recordedAt">{{ event.recordedAt | date: 'MM-dd HH:mm:ss' }}</time>
        </li>
      } @empty {
        <li class="empty">暂无事件 No events yet</li>
      }
    </ol>
  `,
  styles: `
    .timeline { list-style: none; margin: 0; padding: 0; font-size: 0.8rem; }
    li { display: grid; grid-template-columns: 2.2rem minmax(0, 1fr) auto; gap: 0.4rem; align-items: baseline; padding: 0.25rem 0; border-bottom: 1px solid var(--bj-border); }
    .rev { color: var(--bj-muted); font-variant-numeric: tabular-nums; }
    .what { display: flex; flex-wrap: wrap; column-gap: 0.4rem; min-width: 0; }
    .type { font-weight: 600; }
    .subject { color: var(--bj-accent); overflow-wrap: anywhere; }
    .actor { color: var(--bj-muted); }
    time { color: var(--bj-muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
    .empty { color: var(--bj-muted); }
  `,
})
export class EventTimeline {
  /** The case's events as the API returns them, oldest first. */
  readonly events = input<readonly CaseEventView[]>([]);

  protected newestFirst(events: readonly CaseEventView[]): CaseEventView[] {
    return [...events].sort((a, b) => b.revision - a.revision);
  }

  protected subjectOf(event: CaseEventView): string | undefined {
    const data = (event.data ?? {}) as Record<string, unknown>;
    const subject = data['elementId'] ?? data['flowId'] ?? data['messageName'];
    return typeof subject === 'string' ? subject : undefined;
  }

  protected actorOf(event: CaseEventView): string | undefined {
    const actor = event.metadata?.['actor'] as { userId?: string; id?: string } | string | undefined;
    if (typeof actor === 'string') return actor;
    return actor?.userId ?? actor?.id;
  }
}
