import type { CaseView, TaskView } from '@banjie/contracts';
import { caseMarkers } from './case-markers';

const now = new Date('2026-03-05T10:00:00+08:00');

function caseAt(parts: Partial<CaseView>): CaseView {
  return {
    id: 'c-1',
    businessKey: 'LF-2026-001',
    definitionKey: 'linfen-123-closure',
    version: 1,
    zoneId: 'lf',
    status: 'active',
    variables: {},
    active: [],
    completed: [],
    takenFlows: [],
    tasks: [],
    timers: [],
    incidents: [],
    startedAt: '2026-03-02T09:00:00+08:00',
    revision: 5,
    ...parts,
  };
}

const task = (elementId: string, parts: Partial<TaskView> = {}): TaskView => ({
  id: `t-${elementId}`,
  caseId: 'c-1',
  elementId,
  name: elementId,
  candidateGroups: [],
  createdAt: '2026-03-02T09:00:00+08:00',
  warning: 'none',
  ...parts,
});

const asObject = (markers: ReturnType<typeof caseMarkers>) => Object.fromEntries([...markers].map(([id, set]) => [id, [...set].sort()]));

describe('caseMarkers', () => {
  it('marks completed elements, taken flows and active elements', () => {
    // given
    const view = caseAt({
      completed: [{ elementId: 'StartEvent_1', count: 1 }, { elementId: 'Task_WindowCheck', count: 1 }],
      takenFlows: ['Flow_1', 'Flow_2'],
      active: [{ elementId: 'Task_Review', elementType: 'bpmn:UserTask', since: '2026-03-03T09:00:00+08:00' }],
    });

    // when
    const markers = caseMarkers(view, now);

    // then
    expect(asObject(markers)).toEqual({
      StartEvent_1: ['bj-completed'],
      Task_WindowCheck: ['bj-completed'],
      Flow_1: ['bj-taken'],
      Flow_2: ['bj-taken'],
      Task_Review: ['bj-active'],
    });
  });

  it('marks a task overdue when it has a red card or is past its due time', () => {
    // given
    const view = caseAt({
      tasks: [task('Task_Red', { warning: 'red' }), task('Task_Late', { dueAt: '2026-03-04T17:30:00+08:00' }), task('Task_Yellow', { warning: 'yellow', dueAt: '2026-03-06T17:30:00+08:00' })],
    });

    // when
    const markers = caseMarkers(view, now);

    // then
    expect(asObject(markers)).toEqual({ Task_Red: ['bj-overdue'], Task_Late: ['bj-overdue'], Task_Yellow: ['bj-due-soon'] });
  });

  it('keeps both marks on a loop element that is active again after completing', () => {
    // given
    const view = caseAt({
      completed: [{ elementId: 'Task_Supplement', count: 1 }],
      active: [{ elementId: 'Task_Supplement', elementType: 'bpmn:UserTask', since: '2026-03-04T09:00:00+08:00' }],
      incidents: [{ id: 'i-1', elementId: 'Task_Supplement', message: 'FEEL error' }],
    });

    // when
    const markers = caseMarkers(view, now);

    // then
    expect(asObject(markers)).toEqual({ Task_Supplement: ['bj-active', 'bj-completed', 'bj-incident'] });
  });
});
