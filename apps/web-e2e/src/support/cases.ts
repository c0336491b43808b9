import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filledForm, type CaseView, type FillableFormField } from '@banjie/contracts';
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

/**
 * The zone flow `bpmn/<key>.bpmn` renamed `processName`, with the forms of `bpmn/forms` it links:
 * what another zone deploys as its own flow under the same key.
 */
export function zoneFlowRenamed(key: string, processName: string): { xml: string; forms: Record<string, unknown> } {
  const xml = readFileSync(join(WORKSPACE_ROOT, 'bpmn', `${key}.bpmn`), 'utf8').replace(new RegExp(`(<bpmn:process id="${key}" name=")[^"]*"`), `$1${processName}"`);
  const formIds = [...new Set([...xml.matchAll(/formId="([^"]+)"/g)].map((match) => match[1]))];
  const forms = Object.fromEntries(formIds.map((id) => [id, JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'bpmn/forms', `${id}.form`), 'utf8')) as unknown]));
  return { xml, forms };
}

/**
 * A zone form of `bpmn/forms` filled the way the browser suite fills forms: defaults kept, boxes
 * checked, first options, numbers 1, text filled in.
 */
export function filledZoneForm(formId: string | undefined): Record<string, unknown> {
  if (!formId) return {};
  return filledForm(JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'bpmn/forms', `${formId}.form`), 'utf8')) as { components?: FillableFormField[] }, '同意 Agreed');
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
