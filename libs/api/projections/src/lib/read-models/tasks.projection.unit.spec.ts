import type { RecordedEvent } from '@banjie/event-store';
import { TaskInbox } from '../queries/task-inbox';
import { casesProjection } from './cases.projection';
import { openReadModelDatabase } from './read-model-database';
import { tasksProjection } from './tasks.projection';

let position = 0;
function recorded(caseId: string, type: string, data: Record<string, unknown>): RecordedEvent {
  position++;
  return { id: `e${position}`, stream: `case-${caseId}`, revision: BigInt(position), position: String(position), type, data, metadata: { zoneId: 'lf' }, recordedAt: '2026-02-09T01:00:00.000Z', prevHash: '', hash: `h${position}` };
}

describe('the task inbox', () => {
  const calendars = { forZone: () => ({ workingDaysBetween: () => 0 }) } as never;

  it('offers an unclaimed task to its candidate groups, then only to its assignee', () => {
    // given
    const db = openReadModelDatabase(undefined);
    const projections = [casesProjection(calendars), tasksProjection];
    for (const p of projections) db.exec(p.schema);
    const inbox = new TaskInbox(db);
    const apply = (event: RecordedEvent) => projections.forEach((p) => p.apply(db, event));
    apply(recorded('c1', 'CaseStarted', { caseId: 'c1', definitionKey: 'k', version: 1, zoneId: 'lf', businessKey: 'LF-1', startedAt: '2026-02-09T01:00:00.000Z' }));
    apply(recorded('c1', 'TaskCreated', { taskId: 't1', elementId: 'Task_WindowCheck', elementInstanceId: 'i1', name: '窗口受理', candidateGroups: ['window'], candidateUsers: [], createdAt: '2026-02-09T01:00:00.000Z' }));
    const clerk = { userId: 'lf-clerk', groups: ['window'] };
    const planner = { userId: 'lf-planning', groups: ['planning'] };

    // when
    const offeredBefore = inbox.list({ status: 'open', candidate: clerk }).map((t) => t.id);
    const offeredToPlanner = inbox.list({ status: 'open', candidate: planner }).map((t) => t.id);
    apply(recorded('c1', 'TaskClaimed', { taskId: 't1', userId: 'lf-clerk', at: '2026-02-09T02:00:00.000Z' }));
    const offeredAfter = inbox.list({ status: 'open', candidate: clerk }).map((t) => t.id);
    const mine = inbox.list({ status: 'open', assignee: 'lf-clerk' });

    // then
    expect(offeredBefore).toEqual(['t1']);
    expect(offeredToPlanner).toEqual([]);
    expect(offeredAfter).toEqual([]);
    expect(mine).toEqual([expect.objectContaining({ id: 't1', caseId: 'c1', assignee: 'lf-clerk', businessKey: 'LF-1', definitionKey: 'k', warning: 'none' })]);
  });

  it('marks a task red when its deadline is warned, and closes it when completed', () => {
    // given
    const db = openReadModelDatabase(undefined);
    const projections = [casesProjection(calendars), tasksProjection];
    for (const p of projections) db.exec(p.schema);
    const inbox = new TaskInbox(db);
    const apply = (event: RecordedEvent) => projections.forEach((p) => p.apply(db, event));
    apply(recorded('c2', 'CaseStarted', { caseId: 'c2', definitionKey: 'k', version: 1, zoneId: 'lf', businessKey: 'LF-2', startedAt: '2026-02-09T01:00:00.000Z' }));
    apply(recorded('c2', 'TaskCreated', { taskId: 't2', elementId: 'Task_A', elementInstanceId: 'i2', name: 'A', candidateGroups: [], candidateUsers: ['lf-clerk'], createdAt: '2026-02-09T01:00:00.000Z' }));

    // when
    apply(recorded('c2', 'DeadlineWarned', { elementInstanceId: 'i2', elementId: 'Task_A', taskId: 't2', level: 'red', at: '2026-02-20T01:00:00.000Z' }));
    const warned = inbox.find('t2');
    apply(recorded('c2', 'TaskCompleted', { taskId: 't2', userId: 'lf-clerk', variables: {}, at: '2026-02-21T01:00:00.000Z' }));

    // then
    expect(warned?.warning).toBe('red');
    expect(inbox.find('t2')).toMatchObject({ status: 'completed', completedBy: 'lf-clerk' });
    expect(inbox.list({ status: 'open' })).toEqual([]);
  });
});
