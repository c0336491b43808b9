import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ZONES, type CaseSummary, type DefinitionSummary } from '@banjie/contracts';
import { AuthSession, CasesApi, DefinitionsApi, toApiProblem, type CaseFilter, type ListPage } from '@banjie/web-data-access';
import { CaseStatusChip, ProblemList, WarningBadge, type ProblemItem } from '@banjie/web-ui';
import { EMPTY, Subject, catchError, concat, exhaustMap, map, switchMap, tap, type Observable } from 'rxjs';
import { caseFilterOf, caseQueryOf, pageSizeOf } from './case-search';

/**
 * The case list (`/cases`): the zone's cases, searched by the filters in the URL's query (so
 * other pages link a filtered list), a page at a time with 加载更多 Load more; and a form to
 * start a case of a deployed flow.
 */
@Component({
  selector: 'bj-case-list-page',
  imports: [DatePipe, RouterLink, CaseStatusChip, ProblemList, WarningBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-list-page.html',
  styleUrl: './case-list-page.css',
})
export class CaseListPage {
  private readonly casesApi = inject(CasesApi);
  private readonly definitionsApi = inject(DefinitionsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly session = inject(AuthSession);

  /** Whether the user may start a case (`POST /api/cases`: applicant, clerk, agent, admin): no start form for the others, whom it would answer 403. */
  protected readonly mayStart = (['applicant', 'clerk', 'agent', 'admin'] as const).some((role) => this.session.hasRole(role));
  /** Province-wide users (auditors, the province admin) search one zone or all; the others only see their own. */
  protected readonly provinceWide = this.session.user()?.zoneId === 'province';
  protected readonly zones = ZONES;

  protected readonly cases = signal<CaseSummary[] | null>(null);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loadingMore = signal(false);
  protected readonly definitions = signal<DefinitionSummary[]>([]);
  protected readonly definitionKey = signal('');
  protected readonly businessKey = signal('');
  protected readonly starting = signal(false);
  protected readonly problem = signal<{ message: string; details: ProblemItem[] } | null>(null);
  /** The search as edited in the form; applied (to the URL) on 查询 Search. */
  protected readonly search = signal<CaseFilter>({});

  private readonly more = new Subject<void>();

  constructor() {
    this.route.queryParamMap
      .pipe(
        map((query) => ({ filter: caseFilterOf(query), limit: pageSizeOf(query) })),
        tap(({ filter }) => {
          this.search.set(filter);
          this.cases.set(null);
          this.nextCursor.set(null);
        }),
        switchMap(({ filter, limit }) =>
          concat(
            this.load(filter, null, limit),
            this.more.pipe(exhaustMap(() => this.load(filter, this.nextCursor(), limit))),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        this.cases.update((shown) => [...(shown ?? []), ...page.rows]);
        this.nextCursor.set(page.nextCursor);
        this.loadingMore.set(false);
      });
    this.definitionsApi
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (definitions) => {
          this.definitions.set(definitions);
          if (!this.definitionKey() && definitions.length) this.definitionKey.set(definitions[0].key);
        },
        error: (failure: unknown) => this.fail(failure),
      });
  }

  protected hasDefinition(key: string | undefined): boolean {
    return this.definitions().some((definition) => definition.key === key);
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  /** Changes one field of the search being edited. */
  protected edit(field: keyof CaseFilter, event: Event): void {
    const value = this.valueOf(event);
    this.search.update((search) => ({ ...search, [field]: value || undefined }));
  }

  /** Applies the search: it goes into the URL, which loads the first page. */
  protected applySearch(event: Event): void {
    event.preventDefault();
    void this.router.navigate([], { relativeTo: this.route, queryParams: caseQueryOf(this.search()) });
  }

  protected clearSearch(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected loadMore(): void {
    this.loadingMore.set(true);
    this.more.next();
  }

  protected start(event: Event): void {
    event.preventDefault();
    this.starting.set(true);
    this.problem.set(null);
    const businessKey = this.businessKey().trim() || undefined;
    this.casesApi.start({ definitionKey: this.definitionKey(), businessKey }).subscribe({
      next: (view) => void this.router.navigate(['/cases', view.id]),
      error: (failure: unknown) => {
        this.starting.set(false);
        this.fail(failure);
      },
    });
  }

  private load(filter: CaseFilter, cursor: string | null, limit: number): Observable<ListPage<CaseSummary>> {
    return this.casesApi.page(filter, cursor, limit).pipe(
      catchError((failure: unknown) => {
        this.loadingMore.set(false);
        if (this.cases() === null) this.cases.set([]);
        this.fail(failure);
        return EMPTY;
      }),
    );
  }

  private fail(failure: unknown): void {
    const { message, details } = toApiProblem(failure);
    this.problem.set({ message, details });
  }
}
