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

jest.mock('@banjie/web-admin', () => {
  @Component({ selector: 'bj-calendar-admin-page', template: 'calendar' })
  class CalendarAdminPage {}
  return { CalendarAdminPage };
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

  it('opens the inbox for a signed-in user', async () => {
    // given
    sessionStorage.setItem('banjie.accessToken', 't');
    const harness = await RouterTestingHarness.create();

    // when
    await harness.navigateByUrl('/');

    // then
    expect(TestBed.inject(Router).url).toBe('/inbox');
    expect(harness.routeNativeElement?.textContent).toBe('inbox');
  });

  it('opens the holiday calendar under admin/calendar', async () => {
    // given
    sessionStorage.setItem('banjie.accessToken', 't');
    const harness = await RouterTestingHarness.create();

    // when
    await harness.navigateByUrl('/admin/calendar');

    // then
    expect(harness.routeNativeElement?.textContent).toBe('calendar');
    expect(document.title).toBe('节假日 Calendar · 办结');
  });
});
