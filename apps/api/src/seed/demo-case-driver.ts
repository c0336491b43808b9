import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseCommands, CaseRejected, type Actor } from '@banjie/api-core';
import { IN_PROCESS_JOB_WORKERS } from '@banjie/api-workflow';
import type { WorkingCalendar } from '@banjie/calendar';
import { filledForm, type FillableFormField } from '@banjie/contracts';

/** How long after the previous step (or the start) a step happens; one hour when absent. */
export type DemoWait = { hours: number } | { days: number } | { workingDays: number };

/**
 * One step of a demo case's story: the open task at `complete` is claimed and completed by `by`,
 * with its form filled with the form's defaults and `variables` on top. A step without `complete`
 * only lets time pass: the timers due by then (warnings, supply deadlines, public notices) fire at
 * their own due instants.
 */
export interface DemoStep {
  wait?: DemoWait;
  complete?: string;
  by?: string;
  variables?: Record<string, unknown>;
}

const HOUR_MS = 3_600_000;

/** The instant `wait` after `from`; a wait in working days ends at 10:00 (Beijing) after the n-th working day. */
export function after(from: string, wait: DemoWait | undefined, calendar: WorkingCalendar): string {
  if (!wait) return new Date(Date.parse(from) + HOUR_MS).toISOString();
  if ('hours' in wait) return new Date(Date.parse(from) + wait.hours * HOUR_MS).toISOString();
  if ('days' in wait) return new Date(Date.parse(from) + wait.days * 24 * HOUR_MS).toISOString();
  return new Date(Date.parse(calendar.addWorkingDays(from, wait.workingDays)) + 10 * HOUR_MS).toISOString();
}

/** A form's fields filled as a clerk accepting the step would: its defaults, boxes checked, first options. */
export function formDefaults(formDir: string, formId: string | undefined): Record<string, unknown> {
  if (!formId) return {};
  let form: { components?: FillableFormField[] };
  try {
    form = JSON.parse(readFileSync(join(formDir, `${formId}.form`), 'utf8')) as { components?: FillableFormField[] };
  } catch {
    return {};
  }
  return filledForm(form, '材料齐全，同意 Approved');
}

/**
 * Drives one demo case through `CaseCommands` at simulated past instants: each command carries
 * its own engine time, timers fire at their due instants and the in-process jobs complete at the
 * instant they were created, so the events, deadlines and warnings are those a real run would have.
 */
export class DemoCaseDriver {
  constructor(
    private readonly cases: CaseCommands,
    private readonly actorOf: (userId: string) => Actor | undefined,
    private readonly formDir: string,
  ) {}

  /** Completes the open task at `elementId` as `userId` at `at` (claiming it first). */
  async complete(caseId: string, elementId: string, userId: string, at: string, overrides: Record<string, unknown> = {}): Promise<void> {
    const loaded = await this.cases.load(caseId);
    const task = loaded?.state.tasks.find((t) => t.elementId === elementId);
    if (!task) throw new Error(`no open task at ${elementId} (open: ${loaded?.state.tasks.map((t) => t.elementId).join(', ') || 'none'})`);
    const actor = this.actorOf(userId);
    if (!actor) throw new Error(`user ${userId} does not exist`);
    if (task.assignee !== userId) await this.cases.execute({ caseId, actor, now: at, command: { type: 'ClaimTask', taskId: task.taskId, userId } });
    const variables = { ...formDefaults(this.formDir, task.formId), ...overrides };
    await this.cases.execute({ caseId, actor, now: at, command: { type: 'CompleteTask', taskId: task.taskId, userId, variables } });
  }

  /** The applicant's 好差评 (`SubmitEvaluation`, as `POST /api/cases/:id/evaluation`) by `userId` at `at`. */
  async rate(caseId: string, userId: string, at: string, rating: number, comment?: string): Promise<void> {
    const actor = this.actorOf(userId);
    if (!actor) throw new Error(`user ${userId} does not exist`);
    await this.cases.execute({ caseId, actor, now: at, command: { type: 'SubmitEvaluation', rating, ...(comment ? { comment } : {}), userId } });
  }

  /**
   * Everything that happens by itself up to `until`: the jobs of the in-process workers complete
   * at once, and the timers due by `until` fire at their due instants, earliest first.
   */
  async settle(caseId: string, at: string, until: string): Promise<void> {
    let now = at;
    for (let round = 0; round < 200; round++) {
      const loaded = await this.cases.load(caseId);
      if (!loaded || loaded.state.status !== 'active') return;
      const job = loaded.state.jobs.find((j) => !j.failed && !j.worker && IN_PROCESS_JOB_WORKERS.some((w) => w.jobType === j.jobType));
      const worker = job && IN_PROCESS_JOB_WORKERS.find((w) => w.jobType === job.jobType);
      if (job && worker) {
        // the in-process worker's own result, computed at the demo instant (a certificate carries the day it was issued)
        const variables = await worker.work({ jobId: job.jobId, jobType: job.jobType, caseId, zoneId: loaded.state.zoneId, elementId: job.elementId, variables: {}, now });
        await this.tolerated(() => this.cases.execute({ caseId, now, causationId: job.jobId, command: { type: 'CompleteJob', jobId: job.jobId, variables } }));
        continue;
      }
      const timer = [...loaded.state.timers].filter((t) => Date.parse(t.dueAt) <= Date.parse(until)).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
      if (!timer) return;
      now = new Date(Math.max(Date.parse(timer.dueAt), Date.parse(now))).toISOString();
      await this.tolerated(() => this.cases.execute({ caseId, now, causationId: timer.timerId, command: { type: 'FireTimer', timerId: timer.timerId } }));
    }
  }

  /** The api's own workers and timer scheduler may take a job or timer first: their refusal of the second is fine. */
  private async tolerated(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof CaseRejected && (error.reason === 'not_found' || error.reason === 'already_done'))) throw error;
    }
  }
}
