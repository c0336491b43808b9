import type { EngineCommand, Rejection, RejectionReason } from '../lib/api';
import type { CaseRun } from '../runtime/case-run';

/**
 * Handles one command type against a run: emits events and returns `undefined`, or returns why the
 * command is refused. Every path returns explicitly, so the engine passes `noImplicitReturns` (the
 * web libraries that run it in the browser, such as the designer's Play, compile with that flag).
 */
export type CommandHandler<K extends EngineCommand['type']> = (run: CaseRun, command: Extract<EngineCommand, { type: K }>) => Rejection | void;

/** A refusal the api maps to a 4xx. */
export function reject(code: RejectionReason, message: string): Rejection {
  return { code, message };
}

/** Whether a value is a plain JSON object of variables. */
export function isVariables(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
