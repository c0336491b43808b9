import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ZoneLiveFeed } from '@banjie/web-data-access';
import { Subject } from 'rxjs';
import { provideRouter } from '@angular/router';
import type { TaskView } from '@banjie/contracts';
import { InboxPage } from './inbox-page';

jest.mock('@bpmn-io/form-js', () => ({ Form: jest.fn() }));

const windowCheck: TaskView = {
  id: 't-1',
  caseId: 'c-1',
  elementId: 'Task_WindowCheck',
  name: '窗口受理',
  candidateGroups: ['window'],
  formId: 'lf-window-check',
  createdAt: '2026-03-02T09:00:00+08:00',
  dueAt: '2026-03-03T17:30:00+08:00',
  limitWorkingDays: 1,
  warning: 'red',
  businessKey: 'LF-2026-001',
};

describe('InboxPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  function answerQueues(mine: TaskView[], candidate: TaskView[]): void {
    backend.expectOne((r) => r.url === '/api/tasks' && r.params.get('scope') === 'mine').flush(mine);
    backend.expectOne((r) => r.url === '/api/tasks' && r.params.get('scope') === 'candidate').flush(candidate);
  }

  it('shows the tasks to claim with their red card and due date', async () => {
    // given
    const fixture = TestBed.createComponent(InboxPage);
    answerQueues([], [windowCheck]);
    const host = fixture.nativeElement as HTMLElement;

    // when
    (host.querySelectorAll('[role=tab]')[1] as HTMLButtonElement).click();
    await fixture.whenStable();

    // then
    const row = host.querySelector('tr[data-task-id="t-1"]') as HTMLElement;
    expect(row.querySelector('.name')?.textContent).toBe('窗口受理');
    expect(row.querySelector('.badge-red')?.textContent).toContain('红牌');
    expect(row.querySelector('time')?.textContent).toBe('2026-03-03 17:30');
    expect(row.querySelector('.limit')?.textContent).toContain('1 工作日');
    expect(host.querySelector('[role=tab]:nth-child(2) .count')?.textContent).toBe('1');
  });

  it('marks a deadline counted without its year’s holiday notice as provisional', async () => {
    // given
    const fixture = TestBed.createComponent(InboxPage);
    const reason = '2027 年放假通知未载入 The 2027 notice is not loaded';

    // when
    answerQueues([{ ...windowCheck, assignee: 'lf-clerk', dueAt: '2027-01-05T00:00:00+08:00', provisional: true, provisionalReason: reason }], []);
    await fixture.whenStable();

    // then
    const due = (fixture.nativeElement as HTMLElement).querySelector('tr[data-task-id="t-1"] bj-due-date') as HTMLElement;
    expect(due.textContent).toContain('截止 2027-01-04 24:00');
    expect(due.querySelector('.provisional')?.getAttribute('title')).toBe(reason);
  });

  it('claims a task and moves it to my queue', async () => {
    // given
    const fixture = TestBed.createComponent(InboxPage);
    answerQueues([], [windowCheck]);
    const host = fixture.nativeElement as HTMLElement;
    (host.querySelectorAll('[role=tab]')[1] as HTMLButtonElement).click();
    await fixture.whenStable();

    // when
    (host.querySelector('tr[data-task-id="t-1"] button') as HTMLButtonElement).click();
    backend.expectOne('/api/tasks/t-1/claim').flush({});
    answerQueues([{ ...windowCheck, assignee: 'lf-clerk' }], []);
    await fixture.whenStable();

    // then
    expect(host.querySelector('[role=status]')?.textContent).toContain('已认领');
    expect(host.querySelector('[role=tab][aria-selected=true]')?.textContent).toContain('我的 Mine');
    expect(host.querySelector('tr[data-task-id="t-1"]')).not.toBeNull();
    expect(host.querySelector('bj-task-workbench')).not.toBeNull();
  });

  it('says so when the server cannot be reached', async () => {
    // given
    const fixture = TestBed.createComponent(InboxPage);

    // when
    backend.expectOne((r) => r.params.get('scope') === 'mine').error(new ProgressEvent('error'), { status: 0 });
    await fixture.whenStable();

    // then
    expect((fixture.nativeElement as HTMLElement).querySelector('[role=alert]')?.textContent).toContain('无法连接服务器');
  });

  it('lists the most urgent first: red, then yellow, then by due time, no due date last', async () => {
    // given
    const fixture = TestBed.createComponent(InboxPage);
    const mine = [
      { ...windowCheck, id: 'none-due', warning: 'none' as const, dueAt: undefined, assignee: 'lf-clerk' },
      { ...windowCheck, id: 'soon', warning: 'none' as const, dueAt: '2026-03-04T00:00:00+08:00', assignee: 'lf-clerk' },
      { ...windowCheck, id: 'yellow', warning: 'yellow' as const, assignee: 'lf-clerk' },
      { ...windowCheck, id: 'red', assignee: 'lf-clerk' },
    ];

    // when
    answerQueues(mine, []);
    await fixture.whenStable();

    // then
    const rows = [...(fixture.nativeElement as HTMLElement).querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-task-id'));
    expect(rows).toEqual(['red', 'yellow', 'soon', 'none-due']);
  });

  it('filters the list by flow, named as deployed', async () => {
    // given
    const fixture = TestBed.createComponent(InboxPage);
    backend.expectOne('/api/definitions').flush([
      { key: 'linfen-123-closure', version: 1, name: '临汾123办结', deployedAt: '2026-03-01T00:00:00+08:00' },
      { key: 'changzi-rongque', version: 1, name: '长子容缺', deployedAt: '2026-03-01T00:00:00+08:00' },
    ]);
    answerQueues([{ ...windowCheck, assignee: 'lf-clerk', definitionKey: 'linfen-123-closure' }, { ...windowCheck, id: 't-2', assignee: 'lf-clerk', definitionKey: 'changzi-rongque' }], []);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const select = host.querySelector('select#flow-filter') as HTMLSelectElement;

    // when
    select.value = 'changzi-rongque';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();

    // then
    expect(host.querySelector('label[for=flow-filter]')?.textContent).toContain('流程 Flow');
    expect([...select.options].map((o) => o.textContent?.trim())).toEqual(['全部流程 All flows', '临汾123办结', '长子容缺']);
    expect([...host.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-task-id'))).toEqual(['t-2']);
    expect(host.querySelector('tbody tr .sub')?.textContent).toContain('长子容缺');
  });
});

describe('InboxPage live', () => {
  let backend: HttpTestingController;
  let changes: Subject<void>;
  let watchedZone: string | undefined;

  function signIn(user: { id: string; roles: string[]; zoneId: string }): void {
    sessionStorage.setItem('banjie.accessToken', 'tok');
    sessionStorage.setItem('banjie.user', JSON.stringify({ name: '用户', groups: [], ...user }));
    changes = new Subject<void>();
    watchedZone = undefined;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ZoneLiveFeed, useValue: { taskListChanges: (zoneId: string) => ((watchedZone = zoneId), changes.asObservable()) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  }

  afterEach(() => {
    sessionStorage.clear();
    jest.useRealTimers();
  });

  function answer(scope: string, tasks: TaskView[]): void {
    backend.expectOne((r) => r.url === '/api/tasks' && r.params.get('scope') === scope).flush(tasks);
  }

  it('shows a new task of the zone without a reload, reading the lists once per change of the zone', async () => {
    // given a clerk's open inbox
    signIn({ id: 'lf-clerk', roles: ['clerk'], zoneId: 'lf' });
    const fixture = TestBed.createComponent(InboxPage);
    answer('mine', []);
    answer('candidate', []);
    await fixture.whenStable();

    // when the zone's stream says the task lists changed
    changes.next();
    answer('mine', []);
    answer('candidate', [windowCheck]);
    await fixture.whenStable();

    // then
    const host = fixture.nativeElement as HTMLElement;
    expect(watchedZone).toBe('lf');
    expect(host.querySelector('[role=tab]:nth-child(2) .count')?.textContent).toBe('1');
    expect(host.querySelector('.live')?.textContent).toContain('实时 Live');
    backend.expectNone((r) => r.url === '/api/tasks');
  });

  it('reads a province-wide user’s lists every minute instead, without a zone stream', async () => {
    // given
    jest.useFakeTimers();
    signIn({ id: 'admin', roles: ['admin'], zoneId: 'province' });
    const fixture = TestBed.createComponent(InboxPage);
    answer('mine', []);
    answer('candidate', []);

    // when
    jest.advanceTimersByTime(60_000);

    // then
    answer('mine', []);
    answer('candidate', []);
    expect(watchedZone).toBeUndefined();
    expect((fixture.nativeElement as HTMLElement).querySelector('.live')).toBeNull();
  });

  it('a leader sees every open task of the zone and hands one to a colleague', async () => {
    // given
    signIn({ id: 'lf-leader', roles: ['leader'], zoneId: 'lf' });
    const fixture = TestBed.createComponent(InboxPage);
    backend.expectOne('/api/users').flush([
      { id: 'lf-clerk', name: '王丽', roles: ['clerk'], zoneId: 'lf', groups: ['window'] },
      { id: 'lf-planning', name: '李娜', roles: ['clerk'], zoneId: 'lf', groups: ['planning'] },
      { id: 'lf-applicant', name: '企业', roles: ['applicant'], zoneId: 'lf', groups: [] },
    ]);
    answer('mine', []);
    answer('candidate', []);
    answer('all', [{ ...windowCheck, assignee: 'lf-clerk' }]);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    (host.querySelectorAll('[role=tab]')[2] as HTMLButtonElement).click();
    await fixture.whenStable();

    // when
    (host.querySelector('tr[data-task-id="t-1"] button.reassign') as HTMLButtonElement).click();
    await fixture.whenStable();
    const select = host.querySelector('bj-task-reassign select') as HTMLSelectElement;
    const offered = [...select.options].map((o) => o.value);
    select.value = 'lf-planning';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    (host.querySelector('bj-task-reassign button.primary') as HTMLButtonElement).click();
    const request = backend.expectOne('/api/tasks/t-1/assign');
    request.flush({ id: 'c-1' });
    answer('mine', []);
    answer('candidate', []);
    answer('all', [{ ...windowCheck, assignee: 'lf-planning' }]);
    await fixture.whenStable();

    // then
    expect(offered).toEqual(['', 'lf-planning']);
    expect(request.request.body).toEqual({ userId: 'lf-planning' });
    expect(host.querySelector('[role=status]')?.textContent).toContain('已转办 Reassigned: 窗口受理 → 李娜 lf-planning');
    expect(host.querySelector('tr[data-task-id="t-1"] .sub')?.textContent).toContain('办理人 lf-planning');
    expect(host.querySelector('bj-task-reassign')).toBeNull();
  });
});
