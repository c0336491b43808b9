import { withFeelClock } from './behaviors/expressions';
import { ModelFailure } from './behaviors/incidents';
import { settleInclusiveJoins } from './behaviors/transitions';
import { commandHandlers } from './commands/command-registry';
import type { CommandHandler } from './commands/command-handler';
import type { Decision, EngineCommand, EngineContext } from './lib/api';
import type { ProcessModel } from './model/process-model';
import { CaseRun, RunawayCaseError } from './runtime/case-run';
import type { CaseState } from './state/case-state';

/** Commands that an ended case still takes. */
const AFTER_END: ReadonlySet<EngineCommand['type']> = new Set(['SubmitEvaluation']);

/**
 * Decides what a command on a case means: the events to append, or why it is refused.
 * Pure: time, ids and the calendar come from `ctx`; the state passed in is not changed.
 */
export function decide(model: ProcessModel, state: CaseState, command: EngineCommand, ctx: EngineContext): Decision {
  return decideAndEvolve(model, state, command, ctx).decision;
}

/**
 * `decide`, also returning the state after the decided events (the working copy they were
 * applied to as they were decided), so a caller need not fold them again.
 */
export function decideAndEvolve(model: ProcessModel, state: CaseState, command: EngineCommand, ctx: EngineContext): { decision: Decision; state: CaseState } {
  const refuse = (code: 'not_found' | 'invalid_state', message: string) => ({ decision: { ok: false as const, rejection: { code, message } }, state });
  if (command.type !== 'StartCase') {
    if (state.status === 'none') return refuse('not_found', 'the case has not started');
    if (state.status !== 'active' && !AFTER_END.has(command.type)) return refuse('invalid_state', `the case is ${state.status}`);
  }
  return withFeelClock(ctx.now, () => decideWithClock(model, state, command, ctx));
}

function decideWithClock(model: ProcessModel, state: CaseState, command: EngineCommand, ctx: EngineContext): { decision: Decision; state: CaseState } {
  const run = new CaseRun(model, state, ctx);
  try {
    const handler = commandHandlers[command.type] as CommandHandler<EngineCommand['type']>;
    const rejection = handler(run, command as never);
    if (rejection) return { decision: { ok: false, rejection }, state };
    run.drain();
    while (run.state.status === 'active' && settleInclusiveJoins(run)) run.drain();
    return { decision: { ok: true, events: run.events }, state: run.state };
  } catch (e) {
    if (e instanceof ModelFailure) return { decision: { ok: false, rejection: { code: 'invalid_state', message: `the case no longer fits its model: ${e.message}` } }, state };
    if (e instanceof RunawayCaseError) return { decision: { ok: false, rejection: { code: 'invalid_state', message: `the model loops without waiting: ${e.message}` } }, state };
    throw e;
  }
}
