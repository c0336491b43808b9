import type { CaseRun } from '../runtime/case-run';
import type { ElementInstance, RetryStep } from '../state/case-state';
import { ExpressionFailure } from './expressions';

/** Raises an incident on an element instance: its token waits until the incident is resolved. */
export function raiseIncident(run: CaseRun, instance: ElementInstance, message: string, retry: RetryStep, jobId?: string, jobRetries?: number): void {
  run.emit('IncidentRaised', {
    incidentId: run.newId(),
    elementId: instance.elementId,
    elementInstanceId: instance.id,
    message,
    retry,
    ...(jobId ? { jobId } : {}),
    ...(jobId && jobRetries !== undefined ? { jobRetries } : {}),
  });
}

/**
 * Runs one step of an element; an expression failure (or any other failure a model can cause)
 * becomes an incident that retries the step when resolved.
 */
export function guarded(run: CaseRun, instance: ElementInstance, retry: RetryStep, step: () => void): void {
  try {
    step();
  } catch (e) {
    if (!(e instanceof ExpressionFailure || e instanceof ModelFailure)) throw e;
    raiseIncident(run, instance, e.message, retry);
  }
}

/** A failure a model causes at run time that is not an expression (an uncaught error, a missing called process). */
export class ModelFailure extends Error {}
