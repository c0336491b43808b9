import { evaluateStringList, evaluateValue, ExpressionFailure } from '../../behaviors/expressions';
import { startDeadline } from '../../behaviors/legal-clock';
import { visibleVariables } from '../../behaviors/variables';
import type { Variables } from '../../lib/api';
import type { ElementDefinition } from '../../model/process-model';
import type { ElementProcessor } from '../element-processor';

/**
 * User tasks: assignment (`zeebe:assignmentDefinition`, FEEL or literals), form, due date and
 * legal limit are worked out, then `TaskCreated`; the task waits for `CompleteTask`.
 */
export const userTaskProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => {
    if (run.state.tasks.some((task) => task.elementInstanceId === instance.id)) return;
    const variables = visibleVariables(run, instance.id);
    const assignment = readAssignment(element, variables);
    const taskId = run.newId();
    const deadline = element.legalLimit ? startDeadline(run, { instanceId: instance.id, elementId: element.id, taskId }, element.legalLimit, variables) : undefined;
    const dueAt = assignment.dueAt ?? deadline?.dueAt;
    run.emit('TaskCreated', {
      taskId,
      elementId: element.id,
      elementInstanceId: instance.id,
      name: taskName(element, variables),
      ...(assignment.assignee ? { assignee: assignment.assignee } : {}),
      candidateGroups: assignment.candidateGroups,
      candidateUsers: assignment.candidateUsers,
      ...(element.userTask?.formId ? { formId: element.userTask.formId } : {}),
      createdAt: run.now,
      ...(dueAt ? { dueAt } : {}),
      ...(deadline ? { limitWorkingDays: deadline.limitWorkingDays } : {}),
    });
  },
};

/** The task's name: `banjie:taskName` (FEEL over the task's variables, e.g. a multi-instance item) or the element's name. */
function taskName(element: ElementDefinition, variables: Variables): string {
  const fallback = element.name ?? element.id;
  const expression = element.userTask?.name;
  if (!expression) return fallback;
  const name = evaluateValue(expression, variables);
  if (name === null || name === undefined || name === '') return fallback;
  if (typeof name !== 'string' && typeof name !== 'number') throw new ExpressionFailure(`the task name "${expression}" gave ${JSON.stringify(name)}, not a text`);
  return String(name).slice(0, 200);
}

function readAssignment(element: ElementDefinition, variables: Variables) {
  const definition = element.userTask ?? {};
  const assignee = definition.assignee ? evaluateValue(definition.assignee, variables) : undefined;
  if (assignee !== undefined && assignee !== null && typeof assignee !== 'string') throw new ExpressionFailure(`the assignee "${definition.assignee}" gave ${JSON.stringify(assignee)}, not a user id`);
  const due = definition.dueDate ? evaluateValue(definition.dueDate, variables) : undefined;
  if (due !== undefined && Number.isNaN(Date.parse(String(due)))) throw new ExpressionFailure(`the due date "${definition.dueDate}" gave ${JSON.stringify(due)}, not a date and time`);
  return {
    assignee: typeof assignee === 'string' && assignee !== '' ? assignee : undefined,
    candidateGroups: evaluateStringList(definition.candidateGroups, variables),
    candidateUsers: evaluateStringList(definition.candidateUsers, variables),
    dueAt: due === undefined ? undefined : new Date(Date.parse(String(due))).toISOString(),
  };
}
