import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { CaseSummary, DefinitionSummary } from '@banjie/contracts';
import { AuthSession, CasesApi, DefinitionsApi, toApiProblem } from '@banjie/web-data-access';
import { CaseStatusChip, ProblemList, WarningBadge, type ProblemItem } from '@banjie/web-ui';

/** The case list (`/cases`): the zone's cases, and a form to start a case of a deployed flow. */
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
  private readonly session = inject(AuthSession);

  /** Whether the user may start a case (`POST /api/cases`: applicant, clerk, agent, admin): no start form for the others, whom it would answer 403. */
  protected readonly mayStart = (['applicant', 'clerk', 'agent', 'admin'] as const).some((role) => this.session.hasRole(role));

  protected readonly cases = signal<CaseSummary[] | null>(null);
  protected readonly definitions = signal<DefinitionSummary[]>([]);
  protected readonly definitionKey = signal('');
  protected readonly businessKey = signal('');
  protected readonly starting = signal(false);
  protected readonly problem = signal<{ message: string; details: ProblemItem[] } | null>(null);

  constructor() {
    this.casesApi
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (cases) => this.cases.set(cases), error: (failure: unknown) => this.fail(failure) });
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

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
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

  private fail(failure: unknown): void {
    const { message, details } = toApiProblem(failure);
    this.problem.set({ message, details });
  }
}
