import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseView } from '@banjie/contracts';
import { get, loginAs, post } from './api';
import { WORKSPACE_ROOT } from './suite-state';

/** Who works a Linfen task of each candidate group in the demo data. */
export const LINFEN_USERS_BY_GROUP: Readonly<Record<string, string>> = { window: 'lf-clerk', planning: 'lf-planning', housing: 'lf-housing', fire: 'lf-fire', leaders: 'lf-leader' };

/** Reads until `done` holds (or the time is up), and answers the last value read. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface FormField {
  key?: string;
  type: string;
  defaultValue?: unknown;
  values?: { value: unknown }[];
  components?: FormField[];
}

/**
 * A zone form of `bpmn/forms` filled the way the browser suite fills forms: defaults kept, boxes
 * checked, first options, numbers 1, text filled in. (The e2e project may depend on util libraries
 * only, so it cannot share the engine's testing helper that does the same for the api's specs.)
 */
export function filledZoneForm(formId: string | undefined): Record<string, unknown> {
  if (!formId) return {};
  const form = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'bpmn/forms', `${formId}.form`), 'utf8')) as { components?: FormField[] };
  const variables: Record<string, unknown> = {};
  const fill = (fields: FormField[]) => {
    for (const field of fields) {
      if (field.components) fill(field.components);
      if (!field.key) continue;
      if (field.defaultValue !== undefined) variables[field.key] = field.defaultValue;
      else if (field.type === 'checkbox') variables[field.key] = true;
      else if ((field.type === 'radio' || field.type === 'select') && field.values?.length) variables[field.key] = field.values[0].value;
      else if (field.type === 'number') variables[field.key] = 1;
      else if (field.type === 'textfield' || field.type === 'textarea') variables[field.key] = '同意 Agreed';
    }
  };
  fill(form.components ?? []);
  return variables;
}

/**
 * Works every open task of a Linfen case over HTTP, its form filled as the suite fills forms (plus
 * `variablesByElement`), until the case ends; `onView` sees the case before each step.
 */
export async function workToEnd(
  caseId: string,
  options: { variablesByElement?: Readonly<Record<string, Record<string, unknown>>>; onView?: (view: CaseView) => void } = {},
): Promise<CaseView> {
  const tokens = new Map<string, string>();
  const tokenOf = async (user: string): Promise<string> => {
    let token = tokens.get(user);
    if (!token) tokens.set(user, (token = (await loginAs(user)).accessToken));
    return token;
  };
  const reader = await tokenOf('lf-clerk');
  for (let step = 0; step < 40; step++) {
    const view = await eventually(() => get<CaseView>(reader, `/api/cases/${caseId}`), (v) => v.status !== 'active' || v.tasks.length > 0);
    options.onView?.(view);
    if (view.status !== 'active') return view;
    if (view.incidents.length > 0) throw new Error(`case ${caseId} has incidents: ${JSON.stringify(view.incidents)}`);
    const task = view.tasks[0];
    const user = task.assignee ?? LINFEN_USERS_BY_GROUP[task.candidateGroups.find((group) => LINFEN_USERS_BY_GROUP[group]) ?? ''];
    if (!user) throw new Error(`no demo user for ${task.elementId} (${task.candidateGroups.join(', ')})`);
    const token = await tokenOf(user);
    if (!task.assignee) await post(token, `/api/tasks/${task.id}/claim`, {});
    await post(token, `/api/tasks/${task.id}/complete`, { variables: { ...filledZoneForm(task.formId), ...options.variablesByElement?.[task.elementId] } });
  }
  throw new Error(`case ${caseId} did not end`);
}
