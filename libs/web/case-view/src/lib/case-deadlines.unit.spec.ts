import { TestBed } from '@angular/core/testing';
import type { DeadlineView, TaskView } from '@banjie/contracts';
import { CaseDeadlines } from './case-deadlines';

const constructionStage: DeadlineView = {
  elementInstanceId: 'ei-7',
  elementId: 'SubProcess_Construction',
  limitWorkingDays: 45,
  startedAt: '2026-12-04T10:00:00+08:00',
  yellowAt: '2027-01-29T00:00:00+08:00',
  dueAt: '2027-02-18T00:00:00+08:00',
  warning: 'none',
  provisional: true,
  provisionalReason: '2027 年放假通知未载入 The 2027 notice is not loaded',
};

const windowCheck: DeadlineView = {
  elementInstanceId: 'ei-1',
  elementId: 'Task_WindowCheck',
  taskId: 't-1',
  limitWorkingDays: 1,
  startedAt: '2026-12-04T09:00:00+08:00',
  yellowAt: '2026-12-07T16:48:00+08:00',
  dueAt: '2026-12-08T00:00:00+08:00',
  warning: 'yellow',
};

const task = { id: 't-1', name: '窗口受理', elementId: 'Task_WindowCheck' } as TaskView;
const xml = '<definitions><process id="p"><subProcess id="SubProcess_Construction" name="并联审批 Parallel approval" /></process></definitions>';

async function render(deadlines: DeadlineView[]): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(CaseDeadlines);
  fixture.componentRef.setInput('deadlines', deadlines);
  fixture.componentRef.setInput('tasks', [task]);
  fixture.componentRef.setInput('xml', xml);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('CaseDeadlines', () => {
  it('names each deadline by its task or its element, with its limit, start, yellow time and due time', async () => {
    // when
    const host = await render([windowCheck, constructionStage]);

    // then
    const rows = Array.from(host.querySelectorAll('.deadline'));
    expect(rows.map((row) => row.querySelector('strong')?.textContent)).toEqual(['窗口受理', '并联审批 Parallel approval']);
    const first = rows[0] as HTMLElement;
    expect(first.textContent).toContain('1 工作日');
    expect(first.textContent).toContain('2026-12-04 09:00');
    expect(first.textContent).toContain('2026-12-07 16:48');
    expect(first.querySelector('bj-due-date')?.textContent).toContain('截止 2026-12-07 24:00');
    expect(first.querySelector('.badge-yellow')).not.toBeNull();
  });

  it('marks a deadline counted without its year’s notice as provisional', async () => {
    // when
    const host = await render([constructionStage]);

    // then
    const mark = host.querySelector('.deadline .provisional') as HTMLElement;
    expect(mark.getAttribute('title')).toBe('2027 年放假通知未载入 The 2027 notice is not loaded');
    expect(host.querySelector('.deadline')?.textContent).toContain('2027-01-28 24:00');
  });

  it('says so when the case has no open deadline', async () => {
    // when
    const host = await render([]);

    // then
    expect(host.textContent?.trim()).toBe('无 None');
  });
});
