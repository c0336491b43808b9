import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CaseView, IncidentView } from '@banjie/contracts';
import { toApiProblem } from './api-error';
import { OperationsApi } from './operations-api';

const INCIDENT: IncidentView = { id: 'inc-1', caseId: 'c-1', businessKey: 'LF-1', definitionKey: 'fee', elementId: 'Task_Fee', message: 'no variable area', since: '2026-02-10T09:00:00+08:00' };

describe('OperationsApi', () => {
  let api: OperationsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(OperationsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists the incidents of the caller’s zone, or of the zone asked for', () => {
    // given
    let own: IncidentView[] | undefined;
    let cz: IncidentView[] | undefined;

    // when
    api.incidents().subscribe((list) => (own = list));
    api.incidents('cz').subscribe((list) => (cz = list));
    backend.expectOne('/api/incidents').flush([INCIDENT]);
    backend.expectOne('/api/incidents?zoneId=cz').flush([]);

    // then
    expect(own).toEqual([INCIDENT]);
    expect(cz).toEqual([]);
  });

  it('sets variables on the case, then retries the incident, and cancels a case with its reason', () => {
    // given
    const answers: string[] = [];
    const view = { id: 'c-1', status: 'active' } as CaseView;

    // when
    api.setVariables('c-1', { variables: { area: 1200 } }).subscribe(() => answers.push('set'));
    const set = backend.expectOne('/api/cases/c-1/variables');
    set.flush(view);
    api.retry('inc-1').subscribe(() => answers.push('retried'));
    const retry = backend.expectOne('/api/incidents/inc-1/resolve');
    retry.flush(view);
    api.cancelCase('c-1', '材料错误').subscribe(() => answers.push('cancelled'));
    const cancel = backend.expectOne('/api/cases/c-1/cancel');
    cancel.flush({ ...view, status: 'cancelled' });

    // then
    expect([set.request.method, retry.request.method, cancel.request.method]).toEqual(['POST', 'POST', 'POST']);
    expect(set.request.body).toEqual({ variables: { area: 1200 } });
    expect(cancel.request.body).toEqual({ reason: '材料错误' });
    expect(answers).toEqual(['set', 'retried', 'cancelled']);
  });

  it('hands an incident already resolved to the caller as a 404', () => {
    // given
    let status: number | undefined;

    // when
    api.retry('gone').subscribe({ error: (failure) => (status = toApiProblem(failure).status) });
    backend.expectOne('/api/incidents/gone/resolve').flush({ error: 'not_found', message: 'Incident gone' }, { status: 404, statusText: 'Not Found' });

    // then
    expect(status).toBe(404);
  });
});
