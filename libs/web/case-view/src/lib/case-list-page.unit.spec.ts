import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { CaseListPage } from './case-list-page';

describe('CaseListPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  it('starts a case of the chosen flow and opens it', async () => {
    // given
    signedInAs('clerk');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(CaseListPage);
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/cases').flush([{ id: 'c-0', businessKey: 'LF-2026-000', definitionKey: 'linfen-123-closure', version: 1, zoneId: 'lf', status: 'completed', startedAt: '2026-03-01T09:00:00+08:00' }]);
    backend.expectOne('/api/definitions').flush([{ key: 'linfen-123-closure', version: 1, name: '临汾123办结', deployedAt: '2026-03-01T08:00:00+08:00' }]);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const businessKey = host.querySelector('input') as HTMLInputElement;
    businessKey.value = 'LF-2026-002';
    businessKey.dispatchEvent(new Event('input'));

    // when
    (host.querySelector('button[type=submit]') as HTMLButtonElement).click();
    const request = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/cases');
    request.flush({ id: 'c-2' }, { status: 201, statusText: 'Created' });

    // then
    expect(host.querySelector('tr[data-case-id="c-0"] a')?.textContent).toBe('LF-2026-000');
    expect(request.request.body).toEqual({ definitionKey: 'linfen-123-closure', businessKey: 'LF-2026-002' });
    expect(navigate).toHaveBeenCalledWith(['/cases', 'c-2']);
  });

  it('searches by the filters in the URL and loads the next page with the cursor on 加载更多 Load more', async () => {
    // given the dashboard linked the red cases of a flow
    signedInAs('leader');
    await TestBed.inject(Router).navigateByUrl('/?definitionKey=linfen-123-closure&warning=red&sort=due&limit=1');
    const fixture = TestBed.createComponent(CaseListPage);
    const first = backend.expectOne((r) => r.url === '/api/cases');
    first.flush([summary('c-1', 'LF-1')], { headers: { 'X-Next-Cursor': 'cursor-1' } });
    backend.expectOne('/api/definitions').flush([{ key: 'linfen-123-closure', version: 1, name: '临汾123办结', deployedAt: '2026-03-01T08:00:00+08:00' }]);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;

    // when
    buttonNamed(host, '加载更多 Load more').click();
    const second = backend.expectOne((r) => r.url === '/api/cases' && r.params.get('cursor') === 'cursor-1');
    second.flush([summary('c-2', 'LF-2')]);
    await fixture.whenStable();

    // then
    expect(first.request.params.get('definitionKey')).toBe('linfen-123-closure');
    expect(first.request.params.get('warning')).toBe('red');
    expect(first.request.params.get('sort')).toBe('due');
    expect(second.request.params.get('limit')).toBe('1');
    expect([...host.querySelectorAll('tr[data-case-id]')].map((row) => row.getAttribute('data-case-id'))).toEqual(['c-1', 'c-2']);
    expect((host.querySelector('select[name=warning]') as HTMLSelectElement).value).toBe('red');
    expect(host.textContent).not.toContain('加载更多 Load more');
  });

  it('puts the edited search into the URL on 查询 Search', async () => {
    // given
    signedInAs('auditor', 'province');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(CaseListPage);
    backend.expectOne((r) => r.url === '/api/cases').flush([]);
    backend.expectOne('/api/definitions').flush([]);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const zone = host.querySelector('select[name=zoneId]') as HTMLSelectElement;
    zone.value = 'cz';
    zone.dispatchEvent(new Event('change'));
    const applicant = host.querySelector('input[name=applicant]') as HTMLInputElement;
    applicant.value = 'cz-applicant';
    applicant.dispatchEvent(new Event('input'));

    // when
    buttonNamed(host, '查询 Search').click();

    // then
    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({ queryParams: { zoneId: 'cz', applicant: 'cz-applicant' } }));
  });

  it.each(['auditor', 'designer', 'leader'])('offers a %s no start form, as POST /api/cases would answer 403', async (role) => {
    // given
    signedInAs(role);
    const fixture = TestBed.createComponent(CaseListPage);

    // when
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/cases').flush([]);
    backend.expectOne('/api/definitions').flush([{ key: 'linfen-123-closure', version: 1, name: '临汾123办结', deployedAt: '2026-03-01T08:00:00+08:00' }]);
    await fixture.whenStable();

    // then
    const host = fixture.nativeElement as HTMLElement;
    expect(host.querySelector('form.start')).toBeNull();
    expect(host.textContent).not.toContain('Start case');
  });
});

function signedInAs(role: string, zoneId = 'lf'): void {
  sessionStorage.setItem('banjie.accessToken', 't');
  sessionStorage.setItem('banjie.user', JSON.stringify({ id: `${zoneId}-${role}`, name: '用户', roles: [role], zoneId, groups: [] }));
}

function summary(id: string, businessKey: string) {
  return { id, businessKey, definitionKey: 'linfen-123-closure', version: 1, zoneId: 'lf', status: 'active', startedAt: '2026-03-01T09:00:00+08:00', warning: 'red' };
}

function buttonNamed(host: HTMLElement, name: string): HTMLButtonElement {
  const button = [...host.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name);
  if (!button) throw new Error(`no button ${name}`);
  return button;
}
