import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CaseEventView, CaseSummary } from '@banjie/contracts';
import { CasesApi } from './cases-api';

describe('CasesApi', () => {
  let api: CasesApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(CasesApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('filters the case list only by the fields given', () => {
    // given
    let listed: CaseSummary[] = [];

    // when
    api.list({ status: 'active', businessKey: '' }).subscribe((cases) => (listed = cases));
    const request = backend.expectOne((r) => r.url === '/api/cases');
    request.flush([{ id: 'c-1', businessKey: 'LF-2026-001', status: 'active' }]);

    // then
    expect(request.request.params.keys()).toEqual(['status']);
    expect(listed[0].businessKey).toBe('LF-2026-001');
  });

  it('starts a case of a deployed definition', () => {
    // given
    let startedId: string | undefined;

    // when
    api.start({ definitionKey: 'linfen-123-closure', businessKey: 'LF-2026-002' }).subscribe((view) => (startedId = view.id));
    const request = backend.expectOne('/api/cases');
    request.flush({ id: 'c-2' }, { status: 201, statusText: 'Created' });

    // then
    expect(request.request.method).toBe('POST');
    expect(request.request.body.definitionKey).toBe('linfen-123-closure');
    expect(startedId).toBe('c-2');
  });

  it('reads the events of a case', () => {
    // given
    let types: string[] = [];

    // when
    api.events('c-1').subscribe((events: CaseEventView[]) => (types = events.map((event) => event.type)));
    backend.expectOne('/api/cases/c-1/events').flush([{ revision: 0, type: 'CaseStarted' }, { revision: 1, type: 'TaskCreated' }]);

    // then
    expect(types).toEqual(['CaseStarted', 'TaskCreated']);
  });
  it('asks the server to verify a case’s hash chain', () => {
    // given
    let answer: unknown;

    // when
    api.verify('c-1').subscribe((result) => (answer = result));
    backend.expectOne('/api/cases/c-1/verify').flush({ valid: false, brokenAt: 3, events: 3 });

    // then
    expect(answer).toEqual({ valid: false, brokenAt: 3, events: 3 });
  });
  it('sends the applicant’s rating of a case', () => {
    // given
    let answered = false;

    // when
    api.evaluate('c-1', { rating: 5, comment: '非常满意' }).subscribe(() => (answered = true));
    const request = backend.expectOne('/api/cases/c-1/evaluation');
    request.flush({ caseId: 'c-1', rating: 5, revision: 9 }, { status: 201, statusText: 'Created' });

    // then
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ rating: 5, comment: '非常满意' });
    expect(answered).toBe(true);
  });
  it('reads a page of cases with the cursor of the next one from X-Next-Cursor, and asks for the next page with it', () => {
    // given
    const pages: { ids: string[]; next: string | null }[] = [];

    // when
    api.page({ warning: 'red', sort: 'due' }).subscribe((page) => pages.push({ ids: page.rows.map((c) => c.id), next: page.nextCursor }));
    const first = backend.expectOne((r) => r.url === '/api/cases' && !r.params.has('cursor'));
    first.flush([{ id: 'c-1' }], { headers: { 'X-Next-Cursor': 'abc' } });
    api.page({ warning: 'red', sort: 'due' }, 'abc').subscribe((page) => pages.push({ ids: page.rows.map((c) => c.id), next: page.nextCursor }));
    const second = backend.expectOne((r) => r.url === '/api/cases' && r.params.get('cursor') === 'abc');
    second.flush([{ id: 'c-2' }]);

    // then
    expect(first.request.params.get('warning')).toBe('red');
    expect(second.request.params.get('sort')).toBe('due');
    expect(pages).toEqual([
      { ids: ['c-1'], next: 'abc' },
      { ids: ['c-2'], next: null },
    ]);
  });
});
