import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import {
  ZONES,
  type CalendarChangeView,
  type CalendarSource,
  type CalendarYearRequest,
  type NationalCalendarYearView,
  type ZoneCalendarYearView,
  type ZoneId,
} from '@banjie/contracts';
import { AuthSession, CalendarApi, toApiProblem, type ApiProblem } from '@banjie/web-data-access';
import { catchError, distinctUntilChanged, filter, of, switchMap } from 'rxjs';
import { CALENDAR_SAVE_IDLE, CalendarSaveOutcome, type CalendarSaveState } from './calendar-save-outcome';
import { CalendarYearDays } from './calendar-year-days';
import { CalendarYearForm } from './calendar-year-form';
import { zoneName } from './user-labels';

const SOURCE_LABELS: Record<CalendarSource, string> = {
  notice: '国务院通知 notice',
  package: '内置表 package',
  law: '仅按法定节假日推算 law',
};

/** Why a year's deadlines are provisional, for the badge's hover and the year's warning. */
export function provisionalYearReason(year: number): string {
  return `${year} 年国务院放假通知未载入，仅按法定节假日推算，时限为暂定 No State Council holiday notice for ${year} is loaded: deadlines are counted on the statutory days of the law only, and are provisional`;
}

/** What a calendar change did to the open deadlines, as the admin reads it. */
export function describeChange({ recomputed, change }: CalendarChangeView): string {
  const { cases, deadlines } = recomputed;
  return `已保存，已重算 ${cases} 个案件的 ${deadlines} 个时限 Saved; recomputed ${deadlines} deadline${deadlines === 1 ? '' : 's'} of ${cases} case${cases === 1 ? '' : 's'} · ${change.description}`;
}

/**
 * 节假日 Calendar: the national holiday arrangement of each year with where it comes from (a
 * State Council notice, the package's table, or the law alone, provisional), and each zone's own
 * days. The province admin loads a year's notice; a zone's admin sets that zone's days.
 */
@Component({
  selector: 'bj-calendar-admin-page',
  imports: [DatePipe, CalendarSaveOutcome, CalendarYearDays, CalendarYearForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './calendar-admin-page.html',
  styleUrl: './calendar-admin-page.css',
})
export class CalendarAdminPage {
  private readonly calendarApi = inject(CalendarApi);
  private readonly session = inject(AuthSession);

  protected readonly sourceLabels = SOURCE_LABELS;
  protected readonly years = signal<NationalCalendarYearView[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<ApiProblem | null>(null);
  protected readonly selectedYear = signal<number | null>(null);
  protected readonly selected = computed(() => this.years().find((view) => view.year === this.selectedYear()) ?? null);
  protected readonly nationalInitial = computed<CalendarYearRequest>(() => toRequest(this.selected()));
  protected readonly national = linkedSignal({ source: this.selectedYear, computation: (): CalendarSaveState => CALENDAR_SAVE_IDLE });

  protected readonly isAdmin = computed(() => this.session.user()?.roles.includes('admin') ?? false);
  protected readonly provinceAdmin = computed(() => this.isAdmin() && this.session.user()?.zoneId === 'province');
  protected readonly zoneChoices = computed<ZoneId[]>(() => {
    const own = this.session.user()?.zoneId;
    return !own || own === 'province' ? [...ZONES] : [own];
  });
  protected readonly zoneId = linkedSignal(() => this.zoneChoices()[0]);
  protected readonly zoneView = signal<ZoneCalendarYearView | null>(null);
  protected readonly zoneInitial = computed<CalendarYearRequest>(() => toRequest(this.zoneView()));
  private readonly zoneKey = computed(() => ({ zoneId: this.zoneId(), year: this.selectedYear() }));
  protected readonly zone = linkedSignal({ source: this.zoneKey, computation: (): CalendarSaveState => CALENDAR_SAVE_IDLE });

  constructor() {
    this.calendarApi
      .nationalYears()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (years) => {
          this.years.set(years);
          this.loading.set(false);
          this.selectedYear.set(defaultYear(years));
        },
        error: (failure: unknown) => {
          this.loading.set(false);
          this.loadProblem.set(toApiProblem(failure));
        },
      });

    toObservable(this.zoneKey)
      .pipe(
        filter((key): key is { zoneId: ZoneId; year: number } => key.year !== null),
        distinctUntilChanged((a, b) => a.zoneId === b.zoneId && a.year === b.year),
        switchMap(({ zoneId, year }) => {
          this.zoneView.set(null);
          return this.calendarApi.zoneYear(zoneId, year).pipe(
            catchError((failure: unknown) => {
              this.zone.set({ ...CALENDAR_SAVE_IDLE, problem: toApiProblem(failure) });
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((view) => this.zoneView.set(view));
  }

  protected zoneName(zoneId: ZoneId): string {
    return zoneName(zoneId);
  }

  protected reason(year: number): string {
    return provisionalYearReason(year);
  }

  protected select(year: number): void {
    this.selectedYear.set(year);
  }

  protected pickZone(event: Event): void {
    this.zoneId.set((event.target as HTMLSelectElement).value as ZoneId);
  }

  protected saveNational(request: CalendarYearRequest): void {
    const year = this.selectedYear();
    if (year === null) return;
    this.national.set({ ...CALENDAR_SAVE_IDLE, busy: true });
    this.calendarApi.setNationalYear(year, request).subscribe({
      next: (change) => {
        this.years.update((years) => years.map((view) => (view.year === change.calendar.year ? change.calendar : view)));
        this.national.set({ ...CALENDAR_SAVE_IDLE, result: describeChange(change) });
      },
      error: (failure: unknown) => this.national.set({ ...CALENDAR_SAVE_IDLE, problem: toApiProblem(failure) }),
    });
  }

  protected saveZone(request: CalendarYearRequest): void {
    const { zoneId, year } = this.zoneKey();
    if (year === null) return;
    this.zone.set({ ...CALENDAR_SAVE_IDLE, busy: true });
    this.calendarApi.setZoneYear(zoneId, year, request).subscribe({
      next: (change) => {
        this.zoneView.set(change.calendar);
        this.zone.set({ ...CALENDAR_SAVE_IDLE, result: describeChange(change) });
      },
      error: (failure: unknown) => this.zone.set({ ...CALENDAR_SAVE_IDLE, problem: toApiProblem(failure) }),
    });
  }
}

/** The year shown first: this year in Beijing when listed, else the first one. */
function defaultYear(years: readonly NationalCalendarYearView[]): number | null {
  const thisYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  return years.find((view) => view.year === thisYear)?.year ?? years[0]?.year ?? null;
}

function toRequest(view: Pick<NationalCalendarYearView, 'daysOff' | 'workingDays' | 'note'> | null): CalendarYearRequest {
  return view ? { daysOff: view.daysOff, workingDays: view.workingDays, ...(view.note ? { note: view.note } : {}) } : { daysOff: [], workingDays: [] };
}
