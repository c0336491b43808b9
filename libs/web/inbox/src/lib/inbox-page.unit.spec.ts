import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
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
});
