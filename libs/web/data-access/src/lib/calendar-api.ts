import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CalendarYearRequest,
  NationalCalendarChangeView,
  NationalCalendarYearView,
  ZoneCalendarChangeView,
  ZoneCalendarYearView,
  ZoneId,
} from '@banjie/contracts';
import { Observable } from 'rxjs';
import { API_ROOT } from './api-paths';

/**
 * The working-day calendar: the national holiday arrangement of each year (a State Council
 * notice, the package's table, or the law alone) and each zone's own overrides, read and loaded.
 */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly http = inject(HttpClient);

  /** The national arrangement of last year to two years ahead and of every year with a notice, ascending. */
  nationalYears(): Observable<NationalCalendarYearView[]> {
    return this.http.get<NationalCalendarYearView[]>(`${API_ROOT}/calendar/national`);
  }

  /** The national arrangement of one year. */
  nationalYear(year: number): Observable<NationalCalendarYearView> {
    return this.http.get<NationalCalendarYearView>(`${API_ROOT}/calendar/national/${year}`);
  }

  /** Loads the State Council notice of a year (province admin only); open deadlines are counted again. */
  setNationalYear(year: number, request: CalendarYearRequest): Observable<NationalCalendarChangeView> {
    return this.http.put<NationalCalendarChangeView>(`${API_ROOT}/calendar/national/${year}`, request);
  }

  /** A zone's overrides of one year (empty lists when it has none). */
  zoneYear(zoneId: ZoneId, year: number): Observable<ZoneCalendarYearView> {
    return this.http.get<ZoneCalendarYearView>(`${API_ROOT}/calendar/zones/${encodeURIComponent(zoneId)}/${year}`);
  }

  /** Sets a zone's overrides of a year (that zone's admin or the province admin); its open deadlines are counted again. */
  setZoneYear(zoneId: ZoneId, year: number, request: CalendarYearRequest): Observable<ZoneCalendarChangeView> {
    return this.http.put<ZoneCalendarChangeView>(`${API_ROOT}/calendar/zones/${encodeURIComponent(zoneId)}/${year}`, request);
  }
}
