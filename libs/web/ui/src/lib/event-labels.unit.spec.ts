import type { CaseEventView } from '@banjie/contracts';
import { EVENT_LABELS, TECHNICAL_EVENTS, actorOf, elementNamesOf, eventLabel, timelineSteps } from './event-labels';

const event = (revision: number, type: string, data: unknown, metadata: Record<string, unknown> = {}): CaseEventView => ({
  revision,
  type,
  data,
  metadata,
  recordedAt: '2026-03-02T09:00:00+08:00',
  hash: `abcdef0123456789-${revision}`,
  prevHash: '',
});

const names = new Map([
  ['Task_WindowCheck', '窗口完整性审查'],
  ['Gateway_Complete', '材料齐全？'],
]);

describe('event labels', () => {
  it('names every engine event type in Chinese with English beside it', () => {
    // given / when
    const labels = Object.values(EVENT_LABELS);

    // then
    expect(labels.length).toBeGreaterThanOrEqual(38);
    for (const label of labels) {
      expect(label.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(label.en).toMatch(/^[A-Z][A-Za-z ]+$/);
    }
    expect(eventLabel('TaskCompleted')).toBe('办结任务 Task completed');
    expect(eventLabel('SomethingNew')).toBe('SomethingNew');
    expect([...TECHNICAL_EVENTS].every((type) => type in EVENT_LABELS)).toBe(true);
  });

  it('reads the actor from metadata.actor.id, and the engine as 系统', () => {
    expect(actorOf(event(0, 'TaskCompleted', {}, { actor: { id: 'lf-clerk', roles: [] } }))).toBe('lf-clerk');
    expect(actorOf(event(0, 'TimerFired', {}, { actor: { id: 'system' } }))).toBe('系统 system');
    expect(actorOf(event(0, 'TimerFired', {}, {}))).toBeUndefined();
  });

  it('reads element names from the definition XML', () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="P"><userTask id="Task_A" name="审查" /><task id="Task_B" /></process></definitions>`;
    expect([...elementNamesOf(xml)]).toEqual([['Task_A', '审查']]);
  });
});

describe('timelineSteps', () => {
  it('groups the events of one command into a step, names elements by BPMN name and folds technical events', () => {
    // given a task completion that takes a flow and opens no new task
    const complete = { commandId: 'c2', actor: { id: 'lf-clerk' } };
    const events = [
      event(0, 'CaseStarted', { caseId: 'case-1', definitionKey: 'linfen-123-closure', businessKey: 'LF-1' }, { commandId: 'c1', actor: { id: 'lf-applicant' } }),
      event(1, 'TaskCreated', { taskId: 't1', elementId: 'Task_WindowCheck', name: '窗口完整性审查' }, { commandId: 'c1', actor: { id: 'lf-applicant' } }),
      event(2, 'DeadlineSet', { elementId: 'Task_WindowCheck', elementInstanceId: 'i1', dueAt: '2026-02-12T16:00:00.000Z' }, { commandId: 'c1' }),
      event(3, 'TaskCompleted', { taskId: 't1', userId: 'lf-clerk', variables: {} }, complete),
      event(4, 'ElementCompleted', { elementId: 'Task_WindowCheck', elementInstanceId: 'i1' }, complete),
      event(5, 'SequenceFlowTaken', { flowId: 'Flow_1', targetId: 'Gateway_Complete' }, complete),
      event(6, 'TimerFired', { timerId: 'x' }, {}),
    ];

    // when
    const steps = timelineSteps(events, names);

    // then
    expect(steps.map((step) => [step.first, step.last, step.actor])).toEqual([
      [0, 2, 'lf-applicant'],
      [3, 5, 'lf-clerk'],
      [6, 6, undefined],
    ]);
    expect(steps[0].main.map((row) => [row.label, row.subject])).toEqual([
      ['受理 Case started', 'LF-1'],
      ['生成待办 Task opened', '窗口完整性审查'],
    ]);
    expect(steps[0].technical.map((row) => row.label)).toEqual(['计算时限 Deadline set']);
    expect(steps[1].main.map((row) => [row.label, row.subject, row.shortHash])).toEqual([['办结任务 Task completed', '窗口完整性审查', 'abcdef01']]);
    expect(steps[1].technical.map((row) => row.subject)).toEqual(['窗口完整性审查', '→ 材料齐全？']);
  });
});
