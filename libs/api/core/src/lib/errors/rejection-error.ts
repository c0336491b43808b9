import type { Rejection, RejectionReason } from '@banjie/engine';
import { ApiError } from './api-error';
import { httpCodeOfReason } from './api-exception.filter';

/**
 * Why a case command was refused, in the domain's words: the engine's reasons, and `contended`
 * when the case changed under every one of the command's attempts.
 */
export type CaseRejectionReason = RejectionReason | 'contended';

/**
 * A case command refused, with its domain `reason`. It is an `ApiError` so the HTTP edge answers
 * it, but its HTTP code comes from the exception filter's table of reasons; code that decides what
 * a refusal means (background workers) reads `reason`, never the HTTP code.
 */
export class CaseRejected extends ApiError {
  constructor(
    readonly reason: CaseRejectionReason,
    message: string,
    details?: ApiError['details'],
  ) {
    super(httpCodeOfReason(reason), message, details);
  }
}

/** An engine `Rejection` (the case's state does not allow the command) as a `CaseRejected`. */
export function rejectionError(rejection: Rejection): CaseRejected {
  const details = rejection.details?.map((d) => ({ ...d }));
  return new CaseRejected(rejection.code, rejection.message, details);
}

/**
 * Whether a background worker's command was refused because its work is moot: the job, timer or
 * task is gone or done already (another replica or a retry did it), or the case moved on.
 */
export function isSettledRefusal(error: unknown): error is CaseRejected {
  return error instanceof CaseRejected && (error.reason === 'not_found' || error.reason === 'already_done' || error.reason === 'invalid_state');
}
