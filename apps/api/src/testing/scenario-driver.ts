import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { filledLikeTheE2e, type FilledFormField } from '@banjie/engine/testing';
import type { CaseView, DeadlineView, TaskView } from '@banjie/contracts';
import { eventually, startTestApi, type TestApi } from './test-api';

/** The zones' reference flows of the repository (`bpmn/`), deployed at start like a real installation. */
export const ZONE_FLOW_DIR = resolve(__dirname, '../../../../bpmn');

/** One stored event of a case as `GET /api/cases/:id/events` answers it. */
export interface CaseEventBody {
  revision: number;
  type: string;
  data: Record<string, unknown>;
}

/**
 * Drives the zones' flows over real HTTP with the manual clock (`BANJIE_CLOCK=manual`,
 * `POST /api/admin/clock`), as the demo users of a zone would: one api per scenario file.
 */
export class ScenarioDriver {
  private constructor(readonly api: TestApi) {}

  /** An api on a fresh data dir with the zones' flows deployed and the clock at `now`. */
  static async start(now: string): Promise<ScenarioDriver> {
    const driver = new ScenarioDriver(await startTestApi({ BANJIE_BPMN_DIR: ZONE_FLOW_DIR, BANJIE_CLOCK: 'manual' }));
    await driver.setClock(now);
    return driver;
  }

  async stop(): Promise<void> {
    await this.api.stop({ removeData: true });
  }

  /** Sets the manual clock (due timers, warnings included, fire at once). */
  async setClock(now: string): Promise<void> {
    const answer = await this.api.call('POST', '/api/admin/clock', { token: await this.api.login('admin'), body: { now } });
    if (answer.status !== 200) throw new Error(`clock ${now}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }

  /** Starts a case of `definitionKey` as `user`; answers the case as the command left it. */
  async startCase(user: string, definitionKey: string, businessKey: string, variables: Record<string, unknown> = {}): Promise<CaseView> {
    const answer = await this.api.call<CaseView>('POST', '/api/cases', { token: await this.api.login(user), body: { definitionKey, businessKey, variables } });
    if (answer.status !== 201) throw new Error(`start ${definitionKey}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** The case as `user` sees it now. */
  async view(caseId: string, user = 'admin'): Promise<CaseView> {
    return (await this.api.call<CaseView>('GET', `/api/cases/${caseId}`, { token: await this.api.login(user) })).body;
  }

  /** The case once `ok` holds (in-process workers and timers follow a command shortly). */
  async until(caseId: string, ok: (view: CaseView) => boolean, user = 'admin'): Promise<CaseView> {
    const token = await this.api.login(user);
    return (await eventually(() => this.api.call<CaseView>('GET', `/api/cases/${caseId}`, { token }), (a) => a.status === 200 && ok(a.body))).body;
  }

  /** The open task at `elementId` (waiting for it a moment), or an error naming what is open instead. */
  async task(caseId: string, elementId: string): Promise<TaskView> {
    const view = await this.until(caseId, (v) => v.tasks.some((t) => t.elementId === elementId) || v.status !== 'active' || v.incidents.length > 0);
    const task = view.tasks.find((t) => t.elementId === elementId);
    if (!task) throw new Error(`no open task at ${elementId}: status ${view.status}, tasks ${view.tasks.map((t) => t.elementId).join(', ')}, incidents ${JSON.stringify(view.incidents)}`);
    return task;
  }

  /**
   * Claims (unless assigned to `user`) and completes the open task at `elementId` as `user`, with
   * its form filled as the browser e2e fills it and `overrides` on top; answers the case after it.
   */
  async complete(caseId: string, elementId: string, user: string, overrides: Record<string, unknown> = {}): Promise<CaseView> {
    const task = await this.task(caseId, elementId);
    const token = await this.api.login(user);
    if (task.assignee !== user) {
      const claimed = await this.api.call('POST', `/api/tasks/${task.id}/claim`, { token });
      if (claimed.status !== 200) throw new Error(`claim ${elementId} as ${user}: ${claimed.status} ${JSON.stringify(claimed.body)}`);
    }
    const done = await this.api.call<CaseView>('POST', `/api/tasks/${task.id}/complete`, { token, body: { variables: { ...filledForm(task.formId), ...overrides } } });
    if (done.status !== 200) throw new Error(`complete ${elementId} as ${user}: ${done.status} ${JSON.stringify(done.body)}`);
    return done.body;
  }

  /** Sends a message as `user` (a 补正 supplement); answers the ids of the cases it moved. */
  async message(user: string, name: string, correlationKey: string, variables: Record<string, unknown> = {}): Promise<string[]> {
    const answer = await this.api.call<{ caseIds: string[] }>('POST', '/api/messages', { token: await this.api.login(user), body: { name, correlationKey, variables } });
    if (answer.status !== 200) throw new Error(`message ${name}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.caseIds;
  }

  /** The stored events of the case, oldest first. */
  async events(caseId: string): Promise<CaseEventBody[]> {
    return (await this.api.call<CaseEventBody[]>('GET', `/api/cases/${caseId}/events`, { token: await this.api.login('admin') })).body;
  }

  /** The case's open deadline at `elementId`. */
  async deadline(caseId: string, elementId: string): Promise<DeadlineView> {
    const deadline = (await this.view(caseId)).deadlines?.find((d) => d.elementId === elementId);
    if (!deadline) throw new Error(`no open deadline at ${elementId}`);
    return deadline;
  }
}

/** Which of the flow's end events `ends` the case has reached. */
export function endsReached(view: CaseView, ends: readonly string[]): string[] {
  return ends.filter((end) => view.completed.some((c) => c.elementId === end));
}

/** The `formId` form of `bpmn/forms` filled as the browser e2e fills it (boxes checked, first options). */
export function filledForm(formId: string | undefined): Record<string, unknown> {
  if (!formId) return {};
  return filledLikeTheE2e(JSON.parse(readFileSync(join(ZONE_FLOW_DIR, 'forms', `${formId}.form`), 'utf8')) as { components?: FilledFormField[] });
}

/** The warnings raised in the events, as `elementId:level`. */
export function warnings(events: CaseEventBody[]): string[] {
  return events
    .filter((e) => e.type === 'DeadlineWarned')
    .map((e) => e.data as { elementId: string; level: 'yellow' | 'red' })
    .map((warned) => `${warned.elementId}:${warned.level}`);
}
