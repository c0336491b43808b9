import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { TaskView, UserView } from '@banjie/contracts';
import { TaskReassign } from './task-reassign';

const task: TaskView = { id: 't-1', caseId: 'c-1', elementId: 'Task_Planning', name: '规划许可', assignee: 'lf-clerk', candidateGroups: ['planning'], createdAt: '2026-03-02T09:00:00+08:00', warning: 'none' };
const colleagues: UserView[] = [
  { id: 'lf-clerk', name: '王丽', roles: ['clerk'], zoneId: 'lf', groups: ['window'] },
  { id: 'lf-planning', name: '李娜', roles: ['clerk'], zoneId: 'lf', groups: ['planning'] },
  { id: 'lf-designer', name: '临汾流程设计', roles: ['designer'], zoneId: 'lf', groups: [] },
];

describe('TaskReassign', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  async function shown() {
    const fixture = TestBed.createComponent(TaskReassign);
    fixture.componentRef.setInput('task', task);
    fixture.componentRef.setInput('colleagues', colleagues);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const select = host.querySelector('select') as HTMLSelectElement;
    return { fixture, host, select };
  }

  it('offers the colleagues who work tasks, not the one who has it, and says who has it now', async () => {
    // when
    const { host, select } = await shown();

    // then
    expect(host.querySelector('label[for=reassign-to]')?.textContent).toContain('转办给 Reassign to');
    expect([...select.options].map((o) => o.value)).toEqual(['', 'lf-planning']);
    expect(host.textContent).toContain('当前 Now: 王丽 lf-clerk');
    expect((host.querySelector('button.primary') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the server’s reason when the task can no longer be handed on', async () => {
    // given
    const { fixture, host, select } = await shown();
    let assigned = false;
    fixture.componentInstance.assigned.subscribe(() => (assigned = true));
    select.value = 'lf-planning';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();

    // when
    (host.querySelector('button.primary') as HTMLButtonElement).click();
    backend.expectOne('/api/tasks/t-1/assign').flush({ error: 'conflict', message: 'Task t-1 is completed' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    // then
    expect(host.querySelector('[role=alert]')?.textContent).toContain('Task t-1 is completed');
    expect(assigned).toBe(false);
  });
});
