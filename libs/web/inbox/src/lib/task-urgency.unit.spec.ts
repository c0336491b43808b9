import type { TaskView } from '@banjie/contracts';
import { byUrgency } from './task-urgency';

function task(id: string, fields: Partial<TaskView>): TaskView {
  return { id, caseId: 'c', elementId: 'e', name: id, candidateGroups: [], createdAt: '2026-03-02T09:00:00+08:00', warning: 'none', ...fields };
}

describe('byUrgency', () => {
  it('puts red cards first, then yellow, then the soonest due, and tasks without a due date last', () => {
    // given
    const tasks = [
      task('no-due', {}),
      task('due-late', { dueAt: '2026-03-20T00:00:00+08:00' }),
      task('yellow', { warning: 'yellow', dueAt: '2026-03-09T00:00:00+08:00' }),
      task('due-soon', { dueAt: '2026-03-05T00:00:00+08:00' }),
      task('red-late', { warning: 'red', dueAt: '2026-03-04T00:00:00+08:00' }),
      task('red-early', { warning: 'red', dueAt: '2026-03-03T00:00:00+08:00' }),
    ];

    // when
    const ordered = [...tasks].sort(byUrgency).map((t) => t.id);

    // then
    expect(ordered).toEqual(['red-early', 'red-late', 'yellow', 'due-soon', 'due-late', 'no-due']);
  });

  it('orders tasks of the same urgency and due time by age', () => {
    // given
    const newer = task('newer', { createdAt: '2026-03-02T10:00:00+08:00' });
    const older = task('older', { createdAt: '2026-03-02T08:00:00+08:00' });

    // when
    const ordered = [newer, older].sort(byUrgency).map((t) => t.id);

    // then
    expect(ordered).toEqual(['older', 'newer']);
  });
});
