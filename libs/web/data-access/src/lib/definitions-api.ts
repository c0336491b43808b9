import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DefinitionStatusView, DefinitionSummary, DefinitionView, DeployRequest, DeploymentView } from '@banjie/contracts';
import { Observable, map } from 'rxjs';
import { API_ROOT } from './api-paths';
import { getAllPages } from './list-page';

/** What a deploy did: a new version (`201`) or the existing one for unchanged XML (`200`). */
export interface DeployOutcome {
  newVersion: boolean;
  deployment: DeploymentView;
}

/** Process definitions: list, read with XML and forms, deploy. */
@Injectable({ providedIn: 'root' })
export class DefinitionsApi {
  private readonly http = inject(HttpClient);

  /** The latest version of each definition of the caller's zone. */
  list(): Observable<DefinitionSummary[]> {
    return getAllPages<DefinitionSummary>(this.http, `${API_ROOT}/definitions`);
  }

  /**
   * A definition with its XML and forms: the latest version, or the version given. `zoneId` names
   * the zone of the key (keys are per zone): province-wide users need it when several zones deployed the key.
   */
  get(key: string, version?: number, zoneId?: string): Observable<DefinitionView> {
    const path = `${API_ROOT}/definitions/${encodeURIComponent(key)}`;
    return this.http.get<DefinitionView>(version === undefined ? path : `${path}/versions/${version}`, zoneId === undefined ? {} : { params: { zoneId } });
  }

  /** Withdraws a flow (`true`: no new cases, running ones go on) or restores it; designer of its zone only. */
  setWithdrawn(key: string, withdrawn: boolean): Observable<DefinitionStatusView> {
    return this.http.post<DefinitionStatusView>(`${API_ROOT}/definitions/${encodeURIComponent(key)}/${withdrawn ? 'withdraw' : 'restore'}`, {});
  }

  /**
   * Deploys BPMN XML (and its forms). A `422` carries the problems found, element by element.
   * `zoneId` names the zone to deploy to: province-wide users must give it, zone users leave it out.
   */
  deploy(request: DeployRequest, zoneId?: string): Observable<DeployOutcome> {
    return this.http
      .post<DeploymentView>(`${API_ROOT}/definitions`, request, { observe: 'response', ...(zoneId === undefined ? {} : { params: { zoneId } }) })
      .pipe(map((response) => ({ newVersion: response.status === 201, deployment: response.body as DeploymentView })));
  }
}
