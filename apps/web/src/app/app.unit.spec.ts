import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { UserView } from '@banjie/contracts';
import { App } from './app';

function signedInAs(user: UserView): void {
  sessionStorage.setItem('banjie.accessToken', 't');
  sessionStorage.setItem('banjie.user', JSON.stringify(user));
}

async function navLabels(): Promise<string[]> {
  const fixture = TestBed.createComponent(App);
  await fixture.whenStable();
  return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('nav a')).map((link) => link.textContent?.trim() ?? '');
}

describe('App shell', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient()] });
  });

  it('offers the designer and the case search to a process designer, never the inbox', async () => {
    // given
    signedInAs({ id: 'lf-designer', name: '设计', roles: ['designer'], zoneId: 'lf', groups: [] });

    // when
    const labels = await navLabels();

    // then
    expect(labels).toEqual(['案件 Cases', '流程设计 Designer']);
  });

  it('offers the holiday calendar to an admin', async () => {
    // given
    signedInAs({ id: 'lf-admin', name: '临汾管理员', roles: ['admin'], zoneId: 'lf', groups: [] });

    // when
    const labels = await navLabels();

    // then
    expect(labels).toEqual(['待办 Inbox', '案件 Cases', '看板 Dashboard', '运维 Operations', '流程设计 Designer', '节假日 Calendar', '用户 Users']);
  });

  it('offers 运维 Operations to a leader, who repairs the zone’s incidents', async () => {
    // given
    signedInAs({ id: 'lf-leader', name: '赵军', roles: ['leader'], zoneId: 'lf', groups: ['leaders'] });

    // when
    const labels = await navLabels();

    // then
    expect(labels).toEqual(['待办 Inbox', '案件 Cases', '看板 Dashboard', '运维 Operations']);
  });

  it('keeps the designer out of a clerk’s way', async () => {
    // given
    signedInAs({ id: 'lf-clerk', name: '窗口', roles: ['clerk'], zoneId: 'lf', groups: ['window'] });

    // when
    const labels = await navLabels();

    // then
    expect(labels).toEqual(['待办 Inbox', '案件 Cases']);
  });

  it('offers an applicant only 我的申请, never the inbox', async () => {
    // given
    signedInAs({ id: 'lf-applicant', name: '企业', roles: ['applicant'], zoneId: 'lf', groups: [] });

    // when
    const labels = await navLabels();

    // then
    expect(labels).toEqual(['我的申请 My applications']);
  });

  it('offers an auditor the case search and the dashboard', async () => {
    // given
    signedInAs({ id: 'auditor', name: '孙浩', roles: ['auditor'], zoneId: 'province', groups: [] });

    // when
    const labels = await navLabels();

    // then
    expect(labels).toEqual(['案件 Cases', '看板 Dashboard']);
  });

  it('offers an agent the inbox and the cases', async () => {
    // given
    signedInAs({ id: 'lf-agent', name: '代办员', roles: ['agent'], zoneId: 'lf', groups: ['agency'] });

    // when
    const labels = await navLabels();

    // then
    expect(labels).toEqual(['待办 Inbox', '案件 Cases']);
  });

  it('shows no sections before sign-in', async () => {
    // when
    const labels = await navLabels();

    // then
    expect(labels).toEqual([]);
  });
});
