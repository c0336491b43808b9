import { pauseClock, recomputeDeadlines, resumeClock } from '../behaviors/legal-clock';
import { endWaits, terminate } from '../behaviors/transitions';
import { reject, type CommandHandler } from './command-handler';

/** Cancels the case: everything running is terminated, then `CaseCancelled`. */
export const cancelCase: CommandHandler<'CancelCase'> = (run, command) => {
  for (const instance of run.childrenOf(run.state.caseId)) terminate(run, instance);
  endWaits(run, { id: run.state.caseId });
  run.emit('CaseCancelled', { reason: command.reason, endedAt: run.now });
};

/** Pauses the legal clock while the applicant supplies material (补正). */
export const pauseCaseClock: CommandHandler<'PauseClock'> = (run, command) => {
  if (run.state.clock.pausedAt) return reject('invalid_state', 'the legal clock is already paused');
  pauseClock(run, command.reason);
  return undefined;
};

/** Resumes the legal clock; deadlines move by the paused working days. */
export const resumeCaseClock: CommandHandler<'ResumeClock'> = (run) => {
  if (!run.state.clock.pausedAt) return reject('invalid_state', 'the legal clock is not paused');
  resumeClock(run);
  return undefined;
};

/**
 * Counts the open deadlines again on the calendar as it now stands (a State Council notice or a
 * zone override was loaded). Deadlines already passed keep their time; nothing is emitted when
 * no deadline moves, so the command is safe to repeat.
 */
export const recomputeCaseDeadlines: CommandHandler<'RecomputeDeadlines'> = (run, command) => {
  if (run.state.status !== 'active' && run.state.status !== 'none') return;
  recomputeDeadlines(run, command.calendarChange);
};

/** The applicant's one rating of the service (好差评), 1 to 5 (5 = 非常满意). */
export const submitEvaluation: CommandHandler<'SubmitEvaluation'> = (run, command) => {
  if (!Number.isInteger(command.rating) || command.rating < 1 || command.rating > 5) return reject('invalid_input', 'the rating must be a whole number from 1 to 5');
  if (run.state.evaluation) return reject('already_done', 'the case has already been rated');
  run.emit('EvaluationSubmitted', {
    rating: command.rating,
    ...(command.comment !== undefined ? { comment: command.comment } : {}),
    userId: command.userId,
    at: run.now,
  });
  return undefined;
};
