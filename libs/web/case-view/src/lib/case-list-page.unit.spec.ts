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
    backend.expectOne('/api/cases').flush([{ id: 'c-0', businessKey: 'LF-2026-000', definitionKey: 'linfen-123-closure', version: 1, zoneId: 'lf', status: 'completed', startedAt: '2026-03-01T09:00:00+08:00' }]);
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

  it.each(['auditor', 'designer', 'leader'])('offers a %s no start form, as POST /api/cases would answer 403', async (role) => {
    // given
    signedInAs(role);
    const fixture = TestBed.createComponent(CaseListPage);

    // when
    backend.expectOne('/api/cases').flush([]);
    backend.expectOne('/api/definitions').flush([{ key: 'linfen-123-closure', version: 1, name: '临汾123办结', deployedAt: '2026-03-01T08:00:00+08:00' }]);
    await fixture.whenStable();

    // then
    const host = fixture.nativeElement as HTMLElement;
    expect(host.querySelector('form.start')).toBeNull();
    expect(host.textContent).not.toContain('Start case');
  });
});

function signedInAs(role: string): void {
  sessionStorage.setItem('banjie.accessToken', 't');
  sessionStorage.setItem('banjie.user', JSON.stringify({ id: `lf-${role}`, name: '用户', roles: [role], zoneId: 'lf', groups: [] }));
}
