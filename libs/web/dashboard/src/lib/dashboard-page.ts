import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { ZONES, type StatsView } from '@banjie/contracts';
import { AuthSession, StatsApi, toApiProblem } from '@banjie/web-data-access';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { filterOfBar, flowChart, stepChart, stepLabel, weekChart } from './dashboard-charts';

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
  imports: [DecimalPipe, PercentPipe, RouterLink, NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('./echarts-core').then((m) => m.echarts) })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.css',
})
export class DashboardPage {
  private readonly statsApi = inject(StatsApi);
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
    if (filter) void this.router.navigate(['/cases'], { queryParams: filter });
  }
}
