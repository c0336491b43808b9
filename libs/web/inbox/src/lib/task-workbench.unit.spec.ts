import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Form } from '@bpmn-io/form-js';
import type { CaseView, TaskView } from '@banjie/contracts';
import { TaskWorkbench } from './task-workbench';

jest.mock('@bpmn-io/form-js', () => ({ Form: jest.fn() }));

const FormMock = Form as unknown as jest.Mock;

const task: TaskView = {
  id: 't-1',
  caseId: 'c-1',
  elementId: 'Task_WindowCheck',
  name: '窗口受理',
  assignee: 'lf-clerk',
  candidateGroups: ['window'],
  formId: 'lf-window-check',
  createdAt: '2026-03-02T09:00:00+08:00',
  warning: 'none',
};

const caseView = { id: 'c-1', businessKey: 'LF-2026-001', definitionKey: 'linfen-123-closure', version: 2, variables: { applicant: '晋能公司' } } as unknown as CaseView;
const windowCheckForm = { id: 'lf-window-check', type: 'default', components: [{ type: 'checkbox', key: 'materialsComplete', label: '材料齐全' }] };

describe('TaskWorkbench', () => {
  let backend: HttpTestingController;
  let formInstance: { importSchema: jest.Mock; submit: jest.Mock; destroy: jest.Mock };

  beforeEach(() => {
    sessionStorage.setItem('banjie.accessToken', 'tok');
    sessionStorage.setItem('banjie.user', JSON.stringify({ id: 'lf-clerk', name: '窗口', roles: ['clerk'], zoneId: 'lf', groups: ['window'] }));
    formInstance = { importSchema: jest.fn().mockResolvedValue({ warnings: [] }), submit: jest.fn(), destroy: jest.fn() };
    FormMock.mockReset().mockImplementation(() => formInstance);
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  async function open(shown: TaskView, forms: Record<string, unknown>) {
    const fixture = TestBed.createComponent(TaskWorkbench);
    fixture.componentRef.setInput('task', shown);
    await fixture.whenStable();
    backend.expectOne('/api/cases/c-1').flush(caseView);
    backend.expectOne('/api/definitions/linfen-123-closure/versions/2').flush({ key: 'linfen-123-closure', version: 2, xml: '', forms });
    await fixture.whenStable();
    return fixture;
  }

  it('renders the deployed form of the task, prefilled with the case variables', async () => {
    // when
    await open(task, { 'lf-window-check': windowCheckForm });

    // then
    expect(formInstance.importSchema).toHaveBeenCalledWith(windowCheckForm, { applicant: '晋能公司' });
  });

  it('keeps the form being filled when the live inbox hands in a new object for the same task', async () => {
    // given the form is open
    const fixture = await open(task, { 'lf-window-check': windowCheckForm });

    // when the inbox re-reads its list and passes the same task again, now claimed and yellow
    fixture.componentRef.setInput('task', { ...task, warning: 'yellow' });
    await fixture.whenStable();

    // then nothing is loaded again and the form is not rebuilt
    backend.expectNone('/api/cases/c-1');
    expect(formInstance.importSchema).toHaveBeenCalledTimes(1);
  });

  it('loads the next task when another one is chosen, and drops the answers of the first', async () => {
    // given the first task's case is still loading
    const fixture = TestBed.createComponent(TaskWorkbench);
    fixture.componentRef.setInput('task', task);
    await fixture.whenStable();
    const slow = backend.expectOne('/api/cases/c-1');

    // when another task is chosen before the answer comes
    fixture.componentRef.setInput('task', { ...task, id: 't-2', caseId: 'c-2' });
    await fixture.whenStable();

    // then the first request is cancelled and the second case is loaded
    expect(slow.cancelled).toBe(true);
    backend.expectOne('/api/cases/c-2');
  });

  it('completes the task with the values of the form', async () => {
    // given
    const fixture = await open(task, { 'lf-window-check': windowCheckForm });
    formInstance.submit.mockReturnValue({ data: { materialsComplete: true }, errors: {} });
    const completed: CaseView[] = [];
    fixture.componentInstance.completed.subscribe((view) => completed.push(view));

    // when
    (fixture.nativeElement.querySelector('button.primary') as HTMLButtonElement).click();
    const request = backend.expectOne('/api/tasks/t-1/complete');
    request.flush({ ...caseView, revision: 7 });

    // then
    expect(request.request.body).toEqual({ variables: { materialsComplete: true } });
    expect(completed.map((view) => view.revision)).toEqual([7]);
  });

  it('does not send a form that fails validation', async () => {
    // given
    const fixture = await open(task, { 'lf-window-check': windowCheckForm });
    formInstance.submit.mockReturnValue({ data: {}, errors: { materialsComplete: ['required'] } });

    // when
    (fixture.nativeElement.querySelector('button.primary') as HTMLButtonElement).click();
    await fixture.whenStable();

    // then
    backend.expectNone('/api/tasks/t-1/complete');
    expect(fixture.nativeElement.querySelector('[role=alert]')?.textContent).toContain('请检查表单');
  });

  it('shows the deadline with its provisional mark', async () => {
    // when
    const fixture = await open({ ...task, dueAt: '2027-01-05T00:00:00+08:00', limitWorkingDays: 1, provisional: true, provisionalReason: '2027 notice not loaded' }, {});

    // then
    const deadline = fixture.nativeElement.querySelector('.deadline') as HTMLElement;
    expect(deadline.textContent).toContain('截止 2027-01-04 24:00');
    expect(deadline.querySelector('.provisional')?.getAttribute('title')).toBe('2027 notice not loaded');
  });

  it('offers a variables editor when the task has no form', async () => {
    // when
    const fixture = await open({ ...task, formId: undefined }, {});

    // then
    expect(fixture.nativeElement.querySelector('bj-variables-editor')).not.toBeNull();
    expect(FormMock).not.toHaveBeenCalled();
  });

  it('asks to claim a task assigned to nobody before completing it', async () => {
    // when
    const fixture = await open({ ...task, assignee: undefined }, { 'lf-window-check': windowCheckForm });

    // then
    expect(fixture.nativeElement.querySelector('.actions .hint')?.textContent).toContain('请先认领');
    expect((fixture.nativeElement.querySelector('button.primary') as HTMLButtonElement).disabled).toBe(true);
  });

  it('gives a claimed task back to its groups', async () => {
    // given
    const fixture = await open(task, {});
    let released = 0;
    fixture.componentInstance.released.subscribe(() => released++);

    // when
    (fixture.nativeElement.querySelector('.actions button.secondary') as HTMLButtonElement).click();
    const request = backend.expectOne('/api/tasks/t-1/unclaim');
    request.flush({});

    // then
    expect(request.request.method).toBe('POST');
    expect(released).toBe(1);
  });

  it('shows the reason the server refused the completion', async () => {
    // given
    const fixture = await open(task, { 'lf-window-check': windowCheckForm });
    formInstance.submit.mockReturnValue({ data: {}, errors: {} });

    // when
    (fixture.nativeElement.querySelector('button.primary') as HTMLButtonElement).click();
    backend
      .expectOne('/api/tasks/t-1/complete')
      .flush({ error: 'conflict', message: '任务已被他人认领 claimed by another user' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    // then
    expect(fixture.nativeElement.querySelector('[role=alert]')?.textContent).toContain('claimed by another user');
  });

  it('shows the case’s data and earlier steps beside the form, labelled by the flow’s forms', async () => {
    // given
    const fixture = await open(task, { 'lf-window-check': windowCheckForm });

    // when
    backend.expectOne('/api/cases/c-1/events').flush([
      { revision: 1, type: 'TaskCreated', data: { taskId: 't-0', name: '预审 Pre-review' }, metadata: {}, recordedAt: '2026-03-02T01:00:00.000Z', hash: '', prevHash: '' },
      { revision: 2, type: 'TaskCompleted', data: { taskId: 't-0', userId: 'lf-agent', variables: { materialsComplete: false }, at: '2026-03-02T09:10:00+08:00' }, metadata: {}, recordedAt: '2026-03-02T01:10:00.000Z', hash: '', prevHash: '' },
    ]);
    await fixture.whenStable();

    // then
    const record = (fixture.nativeElement as HTMLElement).querySelector('bj-case-record') as HTMLElement;
    expect(record.querySelector('.variables')?.textContent).toContain('晋能公司');
    expect(record.querySelector('.step .who')?.textContent).toContain('预审 Pre-review');
    expect(record.querySelector('.step dt')?.textContent).toBe('材料齐全');
    expect(record.querySelector('.step dd')?.textContent).toBe('否 No');
  });
});
