import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { ZONES, type HeatView, type StatsView } from '@banjie/contracts';
import { AuthSession, DefinitionsApi, StatsApi, toApiProblem } from '@banjie/web-data-access';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { catchError, combineLatest, map, of, startWith, switchMap } from 'rxjs';
import { filterOfBar, filterOfWeek, flowChart, stepChart, stepLabel, weekChart, type CaseFilter } from './dashboard-charts';
import { hottestFirst } from './flow-heat';
import { FlowHeatDiagram } from './flow-heat-diagram';

/** Drawn before the statistics arrive: empty charts. */
const NO_STATS: StatsView = { zoneId: 'province', cases: { active: 0, completed: 0 }, onTimeRate: null, yellow: 0, red: 0, meanWorkingDays: null, satisfaction: null };

/** What the page shows: the statistics, or a problem reading them. */
type Loaded = { stats: StatsView; problem: null } | { stats: null; problem: string | null };

/**
 * The zone dashboard (看板 Dashboard): a leader's own zone, any zone or the province for auditors
 * and province admins. Read-only: every figure and bar leads to the case list.
 */
@Component({
  selector: 'bj-dashboard-page',
  imports: [DecimalPipe, PercentPipe, RouterLink, NgxEchartsDirective, FlowHeatDiagram],
  providers: [provideEchartsCore({ echarts: () => import('./echarts-core').then((m) => m.echarts) })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.css',
})
export class DashboardPage {
  private readonly statsApi = inject(StatsApi);
  private readonly definitionsApi = inject(DefinitionsApi);
  private readonly router = inject(Router);
  private readonly session = inject(AuthSession);

  /** Province-wide users (auditors, the province admin) choose the zone; everyone else sees their own. */
  protected readonly provinceWide = this.session.user()?.zoneId === 'province';
  protected readonly zones = ['province', ...ZONES] as const;
  protected readonly zone = signal<string>(this.session.user()?.zoneId ?? 'province');

  private readonly loaded = toSignal(
    toObservable(this.zone).pipe(
      switchMap((zone) =>
        this.statsApi.of(zone).pipe(
          map((stats): Loaded => ({ stats, problem: null })),
          catchError((failure: unknown) => of<Loaded>({ stats: null, problem: toApiProblem(failure).message })),
          startWith<Loaded>({ stats: null, problem: null }),
        ),
      ),
    ),
    { initialValue: { stats: null, problem: null } as Loaded },
  );
  protected readonly stats = computed(() => this.loaded().stats);
  protected readonly problem = computed(() => this.loaded().problem);
  protected readonly flowOptions = computed(() => flowChart(this.stats() ?? NO_STATS));
  protected readonly stepOptions = computed(() => stepChart(this.stats() ?? NO_STATS));
  protected readonly weekOptions = computed(() => weekChart(this.stats() ?? NO_STATS));
  protected readonly stepLabel = stepLabel;

  /** The flows with cases in the zone; the heat view shows the one chosen (the first by default). */
  protected readonly flowKeys = computed(() => (this.stats()?.flows ?? []).map((flow) => flow.definitionKey));
  private readonly heatFlow = signal('');
  protected readonly chosenFlow = computed(() => (this.flowKeys().includes(this.heatFlow()) ? this.heatFlow() : (this.flowKeys()[0] ?? '')));
  protected readonly heat = toSignal(
    combineLatest([toObservable(this.chosenFlow), toObservable(this.zone)]).pipe(
      switchMap(([key, zone]) => (key ? this.statsApi.heat(key, zone).pipe(catchError(() => of(null))) : of(null))),
    ),
    { initialValue: null as HeatView | null },
  );
  protected readonly heatXml = toSignal(
    combineLatest([toObservable(this.chosenFlow), toObservable(this.zone)]).pipe(
      // Keys are per zone: a zone's flow is read in that zone; the province view reads a key one zone alone deployed.
      switchMap(([key, zone]) =>
        key
          ? this.definitionsApi.get(key, undefined, zone === 'province' ? undefined : zone).pipe(
              map((definition) => definition.xml),
              catchError(() => of(null)),
            )
          : of(null),
      ),
    ),
    { initialValue: null },
  );
  protected readonly hotElements = computed(() => hottestFirst(this.heat()));
  protected readonly elementNames = signal(new Map<string, string>());

  /** The case list's query for a figure: its filter, and the zone chosen by a province-wide user. */
  protected caseQuery(filter: CaseFilter): CaseFilter {
    const zone = this.zone();
    return this.provinceWide && zone !== 'province' ? { zoneId: zone, ...filter } : filter;
  }

  protected chooseFlow(event: Event): void {
    this.heatFlow.set((event.target as HTMLSelectElement).value);
  }

  /** A click on a week opens the cases started that week. */
  protected openWeek(event: { dataIndex?: number }): void {
    const stats = this.stats();
    const filter = stats && event.dataIndex !== undefined ? filterOfWeek(stats, event.dataIndex) : null;
    if (filter) void this.router.navigate(['/cases'], { queryParams: this.caseQuery(filter) });
  }

  protected zoneLabel(zone: string): string {
    return zone === 'province' ? '全省 Province' : zone;
  }

  protected chooseZone(event: Event): void {
    this.zone.set((event.target as HTMLSelectElement).value);
  }

  /** A click on a bar opens the case list of that flow (and, for a step, its active cases). */
  protected openBar(chart: 'flows' | 'steps', event: { dataIndex?: number }): void {
    const stats = this.stats();
    const filter = stats && event.dataIndex !== undefined ? filterOfBar(stats, chart, event.dataIndex) : null;
    if (filter) void this.router.navigate(['/cases'], { queryParams: this.caseQuery(filter) });
  }
}
