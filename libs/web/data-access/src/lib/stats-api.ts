import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { HeatView, StatsView } from '@banjie/contracts';
import { Observable } from 'rxjs';
import { API_ROOT } from './api-paths';

/** Zone statistics for the dashboard (看板). */
@Injectable({ providedIn: 'root' })
export class StatsApi {
  private readonly http = inject(HttpClient);

  /** The statistics of a zone (or `province`); the caller's own zone when none is given. A leader asking for another zone gets `403`. */
  of(zoneId?: string): Observable<StatsView> {
    return this.http.get<StatsView>(`${API_ROOT}/stats`, zoneId ? { params: { zoneId } } : {});
  }

  /** Where the active cases of a flow wait, element by element, in a zone (or `province`); the caller's own zone when none is given. */
  heat(definitionKey: string, zoneId?: string): Observable<HeatView> {
    return this.http.get<HeatView>(`${API_ROOT}/stats/heat`, { params: zoneId ? { definitionKey, zoneId } : { definitionKey } });
  }
}
