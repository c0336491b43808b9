import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { CaseEventView, CaseView } from '@banjie/contracts';
import { CaseLiveFeed, CasesApi, DefinitionsApi, toApiProblem } from '@banjie/web-data-access';
import { CaseStatusChip, DueDate, EventTimeline, WarningBadge } from '@banjie/web-ui';
import { auditTime, distinctUntilChanged, filter, forkJoin, map, merge, of, switchMap } from 'rxjs';
import { CaseDeadlines } from './case-deadlines';
import { CaseDiagram } from './case-diagram';
import { caseMarkers } from './case-markers';

/** A case and its events, as loaded together. */
interface CaseSnapshot {
  view: CaseView;
  events: CaseEventView[];
}

/**
 * The case page (`/cases/:id`): the diagram with the case's progress marked, its open tasks, its
 * legal deadlines, and the timeline of its events, kept current by the case's live stream.
 */
@Component({
  selector: 'bj-case-page',
  imports: [DatePipe, CaseDeadlines, CaseDiagram, CaseStatusChip, DueDate, EventTimeline, WarningBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-page.html',
  styleUrl: './case-page.css',
})
export class CasePage {
  /** The case id, bound from the route. */
  readonly id = input.required<string>();

  private readonly casesApi = inject(CasesApi);
  private readonly definitionsApi = inject(DefinitionsApi);
  private readonly liveFeed = inject(CaseLiveFeed);

  protected readonly snapshot = signal<CaseSnapshot | null>(null);
  protected readonly xml = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly live = signal(false);
  protected readonly markers = computed(() => {
    const snapshot = this.snapshot();
    return snapshot ? caseMarkers(snapshot.view, new Date()) : new Map();
  });

  constructor() {
    toObservable(this.id)
      .pipe(
        switchMap((id) => merge(of(null), this.liveFeed.watch(id).pipe(auditTime(200))).pipe(map((message) => ({ id, live: message !== null })))),
        switchMap(({ id, live }) => {
          if (live) this.live.set(true);
          return forkJoin({ view: this.casesApi.get(id), events: this.casesApi.events(id) });
        }),
        takeUntilDestroyed(),
      )
      .subscribe({ next: (snapshot) => this.snapshot.set(snapshot), error: (failure: unknown) => this.error.set(toApiProblem(failure).message) });

    toObservable(this.snapshot)
      .pipe(
        filter((snapshot): snapshot is CaseSnapshot => snapshot !== null),
        map(({ view }) => ({ key: view.definitionKey, version: view.version })),
        distinctUntilChanged((a, b) => a.key === b.key && a.version === b.version),
        switchMap(({ key, version }) => this.definitionsApi.get(key, version)),
        takeUntilDestroyed(),
      )
      .subscribe({ next: (definition) => this.xml.set(definition.xml), error: (failure: unknown) => this.error.set(toApiProblem(failure).message) });
  }
}
