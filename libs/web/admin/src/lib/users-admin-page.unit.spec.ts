import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { ManagedUserView, UserView } from '@banjie/contracts';
import { UsersAdminPage } from './users-admin-page';

const wangLi: ManagedUserView = { id: 'lf-clerk', name: '王丽', roles: ['clerk'], zoneId: 'lf', groups: ['window', 'approval'], active: true };

function signedInAs(user: UserView): void {
  sessionStorage.setItem('banjie.accessToken', 't');
  sessionStorage.setItem('banjie.user', JSON.stringify(user));
}

function type(host: HTMLElement, selector: string, value: string): void {
  const input = host.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
}

describe('UsersAdminPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function openPage(): Promise<{ fixture: ComponentFixture<UsersAdminPage>; host: HTMLElement }> {
    const fixture = TestBed.createComponent(UsersAdminPage);
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('lists the users of a zone admin’s own zone, and offers only that zone', async () => {
    // given
    signedInAs({ id: 'lf-admin', name: '临汾管理员', roles: ['admin'], zoneId: 'lf', groups: [] });

    // when
    const { fixture, host } = await openPage();
    const list = backend.expectOne((r) => r.url === '/api/users');
    list.flush([wangLi, { ...wangLi, id: 'lf-fire', name: '孙磊', active: false }]);
    await fixture.whenStable();

    // then
    expect(list.request.params.get('zoneId')).toBe('lf');
    expect(list.request.params.get('includeInactive')).toBe('true');
    expect(host.querySelector('tr[data-user-id="lf-clerk"] .status')?.textContent).toBe('启用 Active');
    expect(host.querySelector('tr[data-user-id="lf-fire"] .status')?.textContent).toBe('已停用 Deactivated');
    expect(host.querySelector('tr[data-user-id="lf-fire"] button[aria-label="启用 Reactivate lf-fire"]')).not.toBeNull();
    const zones = Array.from(host.querySelectorAll<HTMLOptionElement>('section.create select[name=zoneId] option')).map((o) => o.value);
    expect(zones).toEqual(['lf']);
  });

  it('creates a user from the form, with roles ticked and groups typed as text', async () => {
    // given
    signedInAs({ id: 'admin', name: '管理员', roles: ['admin'], zoneId: 'province', groups: [] });
    const { fixture, host } = await openPage();
    const list = backend.expectOne((r) => r.url === '/api/users');
    expect(list.request.params.has('zoneId')).toBe(false);
    list.flush([wangLi]);
    await fixture.whenStable();

    // when
    type(host, 'section.create input[name=id]', 'lf-new');
    type(host, 'section.create input[name=name]', '周婷');
    type(host, 'section.create input[name=password]', 'window-2026');
    type(host, 'section.create select[name=zoneId]', 'lf');
    type(host, 'section.create input[name=groups]', 'window, approval');
    host.querySelector<HTMLInputElement>('section.create input[name=role-leader]')?.click();
    host.querySelector<HTMLButtonElement>('section.create button[type=submit]')?.click();
    const create = backend.expectOne({ method: 'POST', url: '/api/users' });
    create.flush({ id: 'lf-new', name: '周婷', zoneId: 'lf', roles: ['clerk', 'leader'], groups: ['window', 'approval'], active: true });
    await fixture.whenStable();

    // then
    expect(create.request.body).toEqual({ id: 'lf-new', name: '周婷', password: 'window-2026', zoneId: 'lf', roles: ['clerk', 'leader'], groups: ['window', 'approval'] });
    expect(host.querySelector('section.create [role=status]')?.textContent).toContain('已创建用户 lf-new');
    expect(host.querySelector('tr[data-user-id="lf-new"]')).not.toBeNull();
  });

  it('shows the server’s refusal of a new user field by field', async () => {
    // given
    signedInAs({ id: 'admin', name: '管理员', roles: ['admin'], zoneId: 'province', groups: [] });
    const { fixture, host } = await openPage();
    backend.expectOne((r) => r.url === '/api/users').flush([]);
    await fixture.whenStable();

    // when
    host.querySelector<HTMLButtonElement>('section.create button[type=submit]')?.click();
    backend
      .expectOne({ method: 'POST', url: '/api/users' })
      .flush({ error: 'bad_request', message: 'password must be at least 8 characters', details: [{ field: 'password', message: 'password must be at least 8 characters' }] }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();

    // then
    expect(host.querySelector('section.create [role=alert]')?.textContent).toContain('password must be at least 8 characters');
    expect(host.querySelector('section.create bj-problem-list code')?.textContent).toBe('password');
  });

  it('deactivates a user and marks the row', async () => {
    // given
    signedInAs({ id: 'admin', name: '管理员', roles: ['admin'], zoneId: 'province', groups: [] });
    const { fixture, host } = await openPage();
    backend.expectOne((r) => r.url === '/api/users').flush([wangLi]);
    await fixture.whenStable();

    // when
    host.querySelector<HTMLButtonElement>('button[aria-label="停用 Deactivate lf-clerk"]')?.click();
    const update = backend.expectOne({ method: 'PATCH', url: '/api/users/lf-clerk' });
    update.flush({ ...wangLi, active: false });
    await fixture.whenStable();

    // then
    expect(update.request.body).toEqual({ active: false });
    expect(host.querySelector('tr[data-user-id="lf-clerk"] .status')?.textContent).toBe('已停用 Deactivated');
    expect(host.querySelector('[role=status]')?.textContent).toContain('已停用 lf-clerk');
  });

  it('edits a user’s roles and zone', async () => {
    // given
    signedInAs({ id: 'admin', name: '管理员', roles: ['admin'], zoneId: 'province', groups: [] });
    const { fixture, host } = await openPage();
    backend.expectOne((r) => r.url === '/api/users').flush([wangLi]);
    await fixture.whenStable();

    // when
    host.querySelector<HTMLButtonElement>('button[aria-label="编辑 Edit lf-clerk"]')?.click();
    await fixture.whenStable();
    host.querySelector<HTMLInputElement>('section.edit input[name=role-agent]')?.click();
    type(host, 'section.edit select[name=zoneId]', 'cz');
    host.querySelector<HTMLButtonElement>('section.edit button[type=submit]')?.click();
    const update = backend.expectOne({ method: 'PATCH', url: '/api/users/lf-clerk' });
    update.flush({ ...wangLi, zoneId: 'cz', roles: ['clerk', 'agent'] });
    await fixture.whenStable();

    // then
    expect(update.request.body).toEqual({ name: '王丽', zoneId: 'cz', roles: ['clerk', 'agent'], groups: ['window', 'approval'] });
    expect(host.querySelector('section.edit')).toBeNull();
    expect(host.querySelector('tr[data-user-id="lf-clerk"]')?.textContent).toContain('长子 Changzi');
  });
});
