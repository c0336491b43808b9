import type { CaseEventView } from '@banjie/contracts';

/* Test data of the case-view specs (kept out of `*.spec.ts` so several specs share it). */

/** A time on the test's day, by minute. */
export const at = (minute: number) => `2026-03-02T09:${String(minute).padStart(2, '0')}:00+08:00`;

/** Events of a case: start → window check → parallel planning and design reviews → planning done. */
export function caseHistory(): CaseEventView[] {
  const raw: [string, unknown, string, string][] = [
    ['CaseStarted', { caseId: 'c', definitionKey: 'linfen-123-closure', version: 1, zoneId: 'lf', businessKey: 'LF-1', variables: { applicantName: '晋南' }, startedAt: at(0) }, 'c1', 'lf-clerk'],
    ['ElementActivated', { elementInstanceId: 'e1', elementId: 'Task_WindowCheck', elementType: 'userTask', at: at(0) }, 'c1', 'lf-clerk'],
    ['TaskCreated', { taskId: 't1', elementId: 'Task_WindowCheck', elementInstanceId: 'e1', name: '窗口完整性审查', candidateGroups: ['window'], candidateUsers: [], createdAt: at(0) }, 'c1', 'lf-clerk'],
    ['TaskCompleted', { taskId: 't1', userId: 'lf-clerk', variables: { materialsComplete: true }, at: at(5) }, 'c2', 'lf-clerk'],
    ['VariablesSet', { variables: { materialsComplete: true } }, 'c2', 'lf-clerk'],
    ['ElementCompleted', { elementInstanceId: 'e1', elementId: 'Task_WindowCheck', at: at(5) }, 'c2', 'lf-clerk'],
    ['SequenceFlowTaken', { flowId: 'Flow_1', at: at(5) }, 'c2', 'lf-clerk'],
    ['ElementActivated', { elementInstanceId: 'e2', elementId: 'Task_PlanningPermit', elementType: 'userTask', at: at(5) }, 'c2', 'lf-clerk'],
    ['TaskCreated', { taskId: 't2', elementId: 'Task_PlanningPermit', elementInstanceId: 'e2', name: '建设工程规划许可', candidateGroups: ['planning'], candidateUsers: [], createdAt: at(5) }, 'c2', 'lf-clerk'],
    ['ElementActivated', { elementInstanceId: 'e3', elementId: 'Task_DesignReview', elementType: 'userTask', at: at(5) }, 'c2', 'lf-clerk'],
    ['TaskCreated', { taskId: 't3', elementId: 'Task_DesignReview', elementInstanceId: 'e3', name: '施工图设计审查', candidateGroups: ['housing'], candidateUsers: [], createdAt: at(5) }, 'c2', 'lf-clerk'],
    ['TaskCompleted', { taskId: 't2', userId: 'lf-planning', variables: {}, at: at(9) }, 'c3', 'lf-planning'],
    ['ElementCompleted', { elementInstanceId: 'e2', elementId: 'Task_PlanningPermit', at: at(9) }, 'c3', 'lf-planning'],
  ];
  return raw.map(([type, data, commandId, actor], revision) => ({
    revision,
    type,
    data,
    metadata: { commandId, actor: { id: actor }, v: 1 },
    recordedAt: at(revision),
    hash: `h${revision}`,
    prevHash: revision === 0 ? '' : `h${revision - 1}`,
  }));
}
