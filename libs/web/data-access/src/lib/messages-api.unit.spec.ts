import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { toApiProblem } from './api-error';
import { MessagesApi, type CorrelationOutcome } from './messages-api';

describe('MessagesApi', () => {
  let api: MessagesApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(MessagesApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('sends a supplement to the case waiting under its business key', () => {
    // given
    let outcome: CorrelationOutcome | undefined;

    // when
    api.correlate({ name: 'lf-supplement', correlationKey: 'LF-2026-009', variables: { suppliedMaterials: '环评批复' } }).subscribe((answer) => (outcome = answer));
    const request = backend.expectOne('/api/messages');
    request.flush({ caseIds: ['c-9'] });

    // then
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ name: 'lf-supplement', correlationKey: 'LF-2026-009', variables: { suppliedMaterials: '环评批复' } });
    expect(outcome).toEqual({ caseIds: ['c-9'] });
  });

  it('hands a message nobody waits for to the caller as a 404', () => {
    // given
    let status: number | undefined;

    // when
    api.correlate({ name: 'lf-supplement', correlationKey: 'LF-0' }).subscribe({ error: (failure) => (status = toApiProblem(failure).status) });
    backend.expectOne('/api/messages').flush({ error: 'not_found', message: 'No case waits' }, { status: 404, statusText: 'Not Found' });

    // then
    expect(status).toBe(404);
  });
});
