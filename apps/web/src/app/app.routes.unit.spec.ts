import { provideHttpClient } from '@angular/common/http';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { appRoutes } from './app.routes';

jest.mock('@banjie/web-inbox', () => {
  @Component({ selector: 'bj-inbox-page', template: 'inbox' })
  class InboxPage {}
  return { InboxPage };
});

jest.mock('@banjie/web-applicant', () => {
  @Component({ selector: 'bj-my-applications-page', template: 'my applications' })
  class MyApplicationsPage {}
  return { MyApplicationsPage };
});

jest.mock('@banjie/web-operations', () => {
  @Component({ selector: 'bj-operations-page', template: 'operations' })
  class OperationsPage {}
  return { OperationsPage };
});

jest.mock('@banjie/web-admin', () => {
  @Component({ selector: 'bj-calendar-admin-page', template: 'calendar' })
  class CalendarAdminPage {}
  @Component({ selector: 'bj-users-admin-page', template: 'users' })
  class UsersAdminPage {}
  @Component({ selector: 'bj-change-password-page', template: 'password' })
  class ChangePasswordPage {}
  return { CalendarAdminPage, UsersAdminPage, ChangePasswordPage };
});

jest.mock('@banjie/web-case-view', () => {
  @Component({ selector: 'bj-case-list-page', template: 'cases' })
  class CaseListPage {}
  @Component({ selector: 'bj-case-page', template: 'case' })
  class CasePage {}
  return { CaseListPage, CasePage };
});

jest.mock('@banjie/web-designer', () => {
  @Component({ selector: 'bj-designer-page', template: 'designer' })
  class DesignerPage {}
  return { DesignerPage };
});

describe('appRoutes', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter(appRoutes), provideHttpClient()] });
  });

  it('sends a visitor who is not signed in to the login page, then back', async () => {
    // given
    const harness = await RouterTestingHarness.create();

    // when
    await harness.navigateByUrl('/inbox');

    // then
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Finbox');
    expect(harness.routeNativeElement?.querySelector('bj-login-form')).not.toBeNull();
  });

  it('opens the inbox for a signed-in clerk', async () => {
    // given
    signedInAs(['clerk']);
    const harness = await RouterTestingHarness.create();

    // when
    await harness.navigateByUrl('/');

    // then
    expect(TestBed.inject(Router).url).toBe('/inbox');
    expect(harness.routeNativeElement?.textContent).toBe('inbox');
  });

  it('lands an applicant on 我的申请 My applications', async () => {
    // given
    signedInAs(['applicant']);
    const harness = await RouterTestingHarness.create();

    // when
    await harness.navigateByUrl('/');

    // then
    expect(TestBed.inject(Router).url).toBe('/my-applications');
    expect(harness.routeNativeElement?.textContent).toBe('my applications');
    expect(document.title).toBe('我的申请 My applications · 办结');
  });

  it('sends an applicant who opens the inbox to 我的申请, so no task call answers 403', async () => {
    // given
    signedInAs(['applicant']);
    const harness = await RouterTestingHarness.create();

    // when
    await harness.navigateByUrl('/inbox');

    // then
    expect(TestBed.inject(Router).url).toBe('/my-applications');
  });

  it('keeps the inbox as the landing page of a clerk who is also an applicant', async () => {
    // given
    signedInAs(['clerk', 'applicant']);
    const harness = await RouterTestingHarness.create();

    // when
    await harness.navigateByUrl('/');

    // then
    expect(TestBed.inject(Router).url).toBe('/inbox');
  });

  it('lands an admin who works no tasks on 运维 Operations', async () => {
    // given
    signedInAs(['admin']);
    const harness = await RouterTestingHarness.create();

    // when
    await harness.navigateByUrl('/');

    // then
    expect(TestBed.inject(Router).url).toBe('/operations');
    expect(harness.routeNativeElement?.textContent).toBe('operations');
    expect(document.title).toBe('运维 Operations · 办结');
  });

  it('keeps a clerk off 运维 Operations, whose calls would answer 403', async () => {
    // given
    signedInAs(['clerk']);
    const harness = await RouterTestingHarness.create();

    // when
    await harness.navigateByUrl('/operations');

    // then
    expect(TestBed.inject(Router).url).toBe('/inbox');
  });

  it('opens the holiday calendar under admin/calendar', async () => {
    // given
    signedInAs(['admin']);
    const harness = await RouterTestingHarness.create();

    // when
    await harness.navigateByUrl('/admin/calendar');

    // then
    expect(harness.routeNativeElement?.textContent).toBe('calendar');
    expect(document.title).toBe('节假日 Calendar · 办结');
  });

  it('opens 用户 Users under admin/users for an admin', async () => {
    // given
    signedInAs(['admin']);
    const harness = await RouterTestingHarness.create();

    // when
    await harness.navigateByUrl('/admin/users');

    // then
    expect(harness.routeNativeElement?.textContent).toBe('users');
    expect(document.title).toBe('用户 Users · 办结');
  });

  it('opens 修改密码 to a clerk, and sends the clerk from 用户 Users to the inbox', async () => {
    // given
    signedInAs(['clerk']);
    const harness = await RouterTestingHarness.create();

    // when
    await harness.navigateByUrl('/account/password');
    const password = harness.routeNativeElement?.textContent;
    await harness.navigateByUrl('/admin/users');

    // then
    expect(password).toBe('password');
    expect(TestBed.inject(Router).url).toBe('/inbox');
  });
});

describe('appRoutes guard the pages by role', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter(appRoutes), provideHttpClient()] });
  });

  it.each([
    [['designer'], '/', '/designer'],
    [['auditor'], '/', '/cases'],
    [['leader'], '/', '/inbox'],
    [['agent'], '/', '/inbox'],
    [['designer'], '/inbox', '/designer'],
    [['auditor'], '/inbox', '/cases'],
    [['auditor'], '/operations', '/cases'],
    [['clerk'], '/designer', '/inbox'],
    [['leader'], '/admin/calendar', '/inbox'],
    [['applicant'], '/cases', '/my-applications'],
    [['clerk'], '/my-applications', '/inbox'],
    [['admin'], '/my-applications', '/operations'],
  ])('sends a user with the roles %j who opens %s to %s, without an error', async (roles, url, landed) => {
    // given
    signedInAs(roles);
    const harness = await RouterTestingHarness.create();

    // when
    await harness.navigateByUrl(url);

    // then
    expect(TestBed.inject(Router).url).toBe(landed);
  });

  it('lets an applicant open one of their cases', async () => {
    // given
    signedInAs(['applicant']);
    const harness = await RouterTestingHarness.create();

    // when
    await harness.navigateByUrl('/cases/c-1');

    // then
    expect(TestBed.inject(Router).url).toBe('/cases/c-1');
  });
});

function signedInAs(roles: string[]): void {
  sessionStorage.setItem('banjie.accessToken', 't');
  sessionStorage.setItem('banjie.user', JSON.stringify({ id: 'lf-applicant', name: '企业', roles, zoneId: 'lf', groups: [] }));
}
