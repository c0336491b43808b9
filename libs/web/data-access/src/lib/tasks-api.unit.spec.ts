import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { TaskView } from '@banjie/contracts';
import { TasksApi } from './tasks-api';

const windowCheck: TaskView = {
  id: 't-1',
  caseId: 'c-1',
  elementId: 'Task_WindowCheck',
  name: '窗口受理',
  candidateGroups: ['window'],
  formId: 'lf-window-check',
  createdAt: '2026-03-02T09:00:00+08:00',
  warning: 'none',
};

describe('TasksApi', () => {
  let api: TasksApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(TasksApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists the open tasks of my groups', () => {
    // given
    let listed: TaskView[] = [];

    // when
    api.list('candidate').subscribe((tasks) => (listed = tasks));
    const request = backend.expectOne((r) => r.url === '/api/tasks');
    request.flush([windowCheck]);

    // then
    expect(request.request.params.get('scope')).toBe('candidate');
    expect(request.request.params.get('status')).toBe('open');
    expect(listed.map((task) => task.name)).toEqual(['窗口受理']);
  });

  it('follows X-Next-Cursor so the inbox holds every page of tasks', () => {
    // given
    let listed: TaskView[] = [];

    // when
    api.list('all').subscribe((tasks) => (listed = tasks));
    backend.expectOne((r) => r.url === '/api/tasks' && !r.params.has('cursor')).flush([windowCheck], { headers: { 'X-Next-Cursor': 'next-1' } });
    const second = backend.expectOne((r) => r.url === '/api/tasks' && r.params.get('cursor') === 'next-1');
    second.flush([{ ...windowCheck, id: 't-2' }]);

    // then
    expect(second.request.params.get('scope')).toBe('all');
    expect(listed.map((task) => task.id)).toEqual(['t-1', 't-2']);
  });

  it('claims a task', () => {
    // when
    api.claim('t-1').subscribe();
    const request = backend.expectOne('/api/tasks/t-1/claim');
    request.flush({});

    // then
    expect(request.request.method).toBe('POST');
  });

  it('completes a task with the variables entered', () => {
    // given
    let caseStatus: string | undefined;

    // when
    api.complete('t-1', { materialsComplete: true }).subscribe((view) => (caseStatus = view.status));
    const request = backend.expectOne('/api/tasks/t-1/complete');
    request.flush({ id: 'c-1', status: 'active' });

    // then
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ variables: { materialsComplete: true } });
    expect(caseStatus).toBe('active');
  });

  it('hands a task to a colleague', () => {
    // given
    let answered = false;

    // when
    api.assign('t 1', 'lf-planning').subscribe(() => (answered = true));
    const request = backend.expectOne('/api/tasks/t%201/assign');
    request.flush({ id: 'c-1' });

    // then
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ userId: 'lf-planning' });
    expect(answered).toBe(true);
  });
});
