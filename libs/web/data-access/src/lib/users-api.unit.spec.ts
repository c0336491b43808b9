import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { UserView } from '@banjie/contracts';
import { UsersApi } from './users-api';

describe('UsersApi', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists the colleagues of a zone', () => {
    // given
    const planning: UserView = { id: 'lf-planning', name: '李娜', roles: ['clerk'], zoneId: 'lf', groups: ['planning'] };
    let listed: UserView[] = [];

    // when
    TestBed.inject(UsersApi)
      .list('lf')
      .subscribe((users) => (listed = users));
    const request = backend.expectOne((r) => r.url === '/api/users');
    request.flush([planning]);

    // then
    expect(request.request.params.get('zoneId')).toBe('lf');
    expect(listed).toEqual([planning]);
  });

  it('lists every user of a zone for an admin, creates, changes and deactivates users', () => {
    // given
    const api = TestBed.inject(UsersApi);
    const created = { id: 'lf-new', name: '刘芳', password: 'window-2026', zoneId: 'lf' as const, roles: ['clerk' as const], groups: ['window'] };

    // when
    api.listManaged('lf').subscribe();
    api.create(created).subscribe();
    api.update('lf-new', { active: false }).subscribe();
    const list = backend.expectOne((r) => r.url === '/api/users' && r.method === 'GET');
    const create = backend.expectOne({ method: 'POST', url: '/api/users' });
    const update = backend.expectOne({ method: 'PATCH', url: '/api/users/lf-new' });

    // then
    expect(list.request.params.get('includeInactive')).toBe('true');
    expect(list.request.params.get('zoneId')).toBe('lf');
    expect(create.request.body).toEqual(created);
    expect(update.request.body).toEqual({ active: false });
    list.flush([]);
    create.flush({});
    update.flush({});
  });

  it('changes the own password', () => {
    // when
    TestBed.inject(UsersApi).changePassword({ currentPassword: 'banjie', newPassword: 'a-new-password' }).subscribe();
    const request = backend.expectOne({ method: 'POST', url: '/api/auth/password' });

    // then
    expect(request.request.body).toEqual({ currentPassword: 'banjie', newPassword: 'a-new-password' });
    request.flush({});
  });
});
