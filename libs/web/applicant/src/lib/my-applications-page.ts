import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { CaseView, DefinitionSummary, DefinitionView, EvaluationRequest } from '@banjie/contracts';
import { AuthSession, CasesApi, DefinitionsApi, MessagesApi, toApiProblem } from '@banjie/web-data-access';
import { ProblemList, type ProblemItem } from '@banjie/web-ui';
import { type Observable, forkJoin, map, of, switchMap } from 'rxjs';
import { ApplicationCard, type SupplementRequest } from './application-card';
import { newApplicationNo, toApplicationView, type ApplicationView } from './application-view';
import { isOpenToApplicants, readFlow, type FlowReading } from './flow-reading';
import { NewApplication, type ApplicationRequest, type OpenFlow } from './new-application';

/** A deployed version of a flow as the page uses it: its forms and what its XML says. */
interface FlowVersion {
  view: DefinitionView;
  reading: FlowReading;
}

/** What the page shows: the applicant's applications and the flows they may start. */
interface Desk {
  applications: { application: ApplicationView; forms: Record<string, unknown> }[];
  openFlows: OpenFlow[];
}

/**
 * 我的申请 My applications: the applicant's landing page. Lists the cases they started with their
 * status, current steps, deadlines and results; starts a new application through its flow's start
 * form; sends a supplement (补正) when a case waits for one; rates an ended case (好差评).
 */
@Component({
  selector: 'bj-my-applications-page',
  imports: [ApplicationCard, NewApplication, ProblemList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-applications-page.html',
  styleUrl: './my-applications-page.css',
})
export class MyApplicationsPage {
  private readonly casesApi = inject(CasesApi);
  private readonly definitionsApi = inject(DefinitionsApi);
  private readonly messagesApi = inject(MessagesApi);
  private readonly session = inject(AuthSession);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly desk = signal<Desk>({ applications: [], openFlows: [] });
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly problem = signal<{ message: string; details: ProblemItem[] } | null>(null);
  protected readonly applications = computed(() => this.desk().applications);

  constructor() {
    this.reload();
  }

  /** Reads the applicant's cases and the zone's flows again. */
  reload(): void {
    this.loading.set(true);
    this.loadDesk()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (desk) => {
          this.desk.set(desk);
          this.loading.set(false);
        },
        error: (failure: unknown) => {
          this.loading.set(false);
          this.fail(failure);
        },
      });
  }

  protected apply(request: ApplicationRequest): void {
    const businessKey = newApplicationNo(this.session.user()?.zoneId ?? 'bj', new Date());
    this.send(this.casesApi.start({ definitionKey: request.definitionKey, version: request.version, businessKey, variables: request.variables }), `已提交申请 Application submitted: ${businessKey}`);
  }

  protected supply(application: ApplicationView, { wait, variables }: SupplementRequest): void {
    this.send(
      this.messagesApi.correlate({ name: wait.messageName, correlationKey: wait.correlationKey, variables }),
      `已提交补正 Supplement sent: ${application.businessKey}`,
    );
  }

  protected rate(application: ApplicationView, request: EvaluationRequest): void {
    this.send(this.casesApi.evaluate(application.caseId, request), `感谢评价 Thank you for rating: ${application.businessKey}`);
  }

  private send(request: Observable<unknown>, done: string): void {
    this.busy.set(true);
    this.notice.set(null);
    this.problem.set(null);
    request.subscribe({
      next: () => {
        this.busy.set(false);
        this.notice.set(done);
        this.reload();
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        this.fail(failure);
      },
    });
  }

  private fail(failure: unknown): void {
    const { message, details } = toApiProblem(failure);
    this.problem.set({ message, details });
  }

  private loadDesk(): Observable<Desk> {
    return forkJoin({ summaries: this.casesApi.list(), definitions: this.definitionsApi.list() }).pipe(
      switchMap(({ summaries, definitions }) => {
        const cases = summaries.length > 0 ? forkJoin(summaries.map((summary) => this.casesApi.get(summary.id))) : of([] as CaseView[]);
        const wanted = [...definitions, ...summaries.map(({ definitionKey, version }) => ({ key: definitionKey, version }))];
        return forkJoin({ cases, flows: this.loadFlows(wanted), definitions: of(definitions) });
      }),
      map(({ cases, flows, definitions }) => toDesk(cases, flows, definitions)),
    );
  }

  private loadFlows(wanted: { key: string; version: number }[]): Observable<Map<string, FlowVersion>> {
    const keys = [...new Set(wanted.map(({ key, version }) => versionKey(key, version)))];
    if (keys.length === 0) return of(new Map());
    return forkJoin(
      keys.map((id) => {
        const [key, version] = id.split('@');
        return this.definitionsApi.get(key, Number(version)).pipe(map((view): [string, FlowVersion] => [id, { view, reading: readFlow(view.xml) }]));
      }),
    ).pipe(map((entries) => new Map(entries)));
  }
}

function toDesk(cases: CaseView[], flows: Map<string, FlowVersion>, definitions: DefinitionSummary[]): Desk {
  const applications = [...cases]
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .map((caseView) => {
      const flow = flows.get(versionKey(caseView.definitionKey, caseView.version));
      const reading = flow?.reading ?? { names: {}, formIds: {} };
      return { application: toApplicationView(caseView, flow?.view.name ?? caseView.definitionKey, reading), forms: flow?.view.forms ?? {} };
    });
  const openFlows = definitions.flatMap((definition): OpenFlow[] => {
    const flow = flows.get(versionKey(definition.key, definition.version));
    const startForm = flow && isOpenToApplicants(flow.reading) ? flow.view.forms[flow.reading.startFormId as string] : undefined;
    return startForm ? [{ key: definition.key, version: definition.version, name: definition.name, startForm }] : [];
  });
  return { applications, openFlows };
}

function versionKey(key: string, version: number): string {
  return `${key}@${version}`;
}
