import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { CaseEventView } from '@banjie/contracts';
import { type TimelineEvent, type TimelineStep, timelineSteps } from './event-labels';

/**
 * The event history of a case, newest step first: each step (the events of one command) names
 * what happened in Chinese and English, with the element's BPMN name, who did it and when; its
 * technical events (flows, timers, deadlines) fold under it. Every event shows its revision and a
 * short hash, and a click selects its revision (the case page replays the case to it).
 */
@Component({
  selector: 'bj-event-timeline',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="timeline">
      @for (step of newestFirst(); track step.first) {
        <li class="step" [class.selected]="holds(step, selected())" [class.broken]="holds(step, broken())" [attr.data-revision]="step.last">
          <div class="head">
            <span class="actor">{{ step.actor ?? '—' }}</span>
            <time [attr.datetime]="step.at">{{ step.at | date: 'yyyy-MM-dd HH:mm:ss' : '+0800' }}</time>
          </div>
          @for (row of rowsOf(step); track row.event.revision) {
            <button
              type="button"
              class="event"
              [class.technical]="row.technical"
              [class.selected]="row.event.revision === selected()"
              [class.broken]="row.event.revision === broken()"
              [attr.data-revision]="row.event.revision"
              [attr.data-type]="row.event.type"
              [attr.aria-pressed]="row.event.revision === selected()"
              (click)="selectRevision.emit(row.event.revision)"
            >
              <span class="rev">#{{ row.event.revision }}</span>
              <span class="what">
                <span class="type">{{ row.label }}</span>
                @if (row.subject) {
                  <span class="subject">{{ row.subject }}</span>
                }
              </span>
              <code class="hash" [attr.title]="row.event.hash">{{ row.shortHash }}</code>
            </button>
          }
          @if (step.technical.length > 0) {
            <button type="button" class="toggle" [attr.aria-expanded]="isOpen(step)" (click)="toggle(step)">
              {{ isOpen(step) ? '收起 Hide' : '展开 Show' }} {{ step.technical.length }} 个技术事件 technical events
            </button>
          }
        </li>
      } @empty {
        <li class="empty">暂无事件 No events yet</li>
      }
    </ol>
  `,
  styles: `
    .timeline { list-style: none; margin: 0; padding: 0; font-size: 0.8rem; }
    .step { padding: 0.3rem 0.25rem; border-bottom: 1px solid var(--bj-border); border-left: 3px solid transparent; }
    .step.selected { border-left-color: var(--bj-accent); background: var(--bj-accent-bg); }
    .step.broken { border-left-color: var(--bj-red-fg); }
    .head { display: flex; justify-content: space-between; gap: 0.4rem; color: var(--bj-muted); }
    time { font-variant-numeric: tabular-nums; white-space: nowrap; }
    .event { display: grid; grid-template-columns: 2.6rem minmax(0, 1fr) auto; gap: 0.4rem; align-items: baseline; width: 100%; padding: 0.1rem 0; border: 0; background: none; font: inherit; color: inherit; text-align: left; cursor: pointer; }
    .event:hover { text-decoration: underline; }
    .event.technical { color: var(--bj-muted); padding-left: 0.6rem; }
    .event.selected { font-weight: 600; outline: 2px solid var(--bj-accent); outline-offset: -1px; }
    .event.broken { color: var(--bj-red-fg); background: var(--bj-red-bg); }
    .rev { color: var(--bj-muted); font-variant-numeric: tabular-nums; }
    .what { display: flex; flex-wrap: wrap; column-gap: 0.4rem; min-width: 0; }
    .type { font-weight: 600; }
    .technical .type { font-weight: 400; }
    .subject { color: var(--bj-accent); overflow-wrap: anywhere; }
    .hash { color: var(--bj-muted); font-size: 0.72rem; }
    .toggle { border: 0; background: none; padding: 0.1rem 0; font: inherit; font-size: 0.75rem; color: var(--bj-accent); cursor: pointer; }
    .empty { color: var(--bj-muted); }
  `,
})
export class EventTimeline {
  /** The case's events as the API returns them, oldest first. */
  readonly events = input<readonly CaseEventView[]>([]);
  /** BPMN element names by id, to name each event's element. */
  readonly names = input<ReadonlyMap<string, string>>(new Map());
  /** The revision the page shows (highlighted), or null at the live head. */
  readonly selected = input<number | null>(null);
  /** The first revision whose hash does not verify, highlighted in red. */
  readonly broken = input<number | null>(null);
  /** A click on an event: its revision. */
  readonly selectRevision = output<number>();

  private readonly opened = signal<ReadonlySet<number>>(new Set());
  protected readonly newestFirst = computed(() => timelineSteps(this.events(), this.names()).reverse());
  /**
   * Each step's rows, built and sorted once per event list (not per scrub step): its business rows
   * alone, and with its technical rows, plus the revisions of its technical rows.
   */
  private readonly stepRows = computed(() => {
    const byStep = new Map<TimelineStep, { main: TimelineEvent[]; all: TimelineEvent[]; technical: ReadonlySet<number> }>();
    const byRevision = (a: TimelineEvent, b: TimelineEvent) => a.event.revision - b.event.revision;
    for (const step of this.newestFirst()) {
      byStep.set(step, {
        main: [...step.main].sort(byRevision),
        all: [...step.main, ...step.technical].sort(byRevision),
        technical: new Set(step.technical.map((row) => row.event.revision)),
      });
    }
    return byStep;
  });

  protected holds(step: TimelineStep, revision: number | null): boolean {
    return revision !== null && revision >= step.first && revision <= step.last;
  }

  /** A step's events in view: its business events, and its technical ones when open (or when one is selected or broken). */
  protected isOpen(step: TimelineStep): boolean {
    const technical = this.stepRows().get(step)?.technical;
    const inside = (revision: number | null) => revision !== null && technical !== undefined && technical.has(revision);
    return this.opened().has(step.first) || inside(this.selected()) || inside(this.broken());
  }

  protected rowsOf(step: TimelineStep): TimelineEvent[] {
    const rows = this.stepRows().get(step);
    if (rows === undefined) return [];
    return this.isOpen(step) ? rows.all : rows.main;
  }

  protected toggle(step: TimelineStep): void {
    const opened = new Set(this.opened());
    if (!opened.delete(step.first)) opened.add(step.first);
    this.opened.set(opened);
  }
}
