import { evaluate } from 'feelin';
import { expressionBody, isExpression } from '../compile/feel-syntax';
import type { Variables } from '../lib/api';
import { FeelBudgetExceeded, budgetHooks, instrumentFeel } from './feel-budget';
import { builtinsFor } from './feel-builtins';
import { fastFeel } from './feel-fast-path';

/**
 * A FEEL expression that failed at run time. Caught at the element's step and turned into an
 * `IncidentRaised` event: the token waits there until the incident is resolved.
 */
export class ExpressionFailure extends Error {}

/** The decision's clock for FEEL's `now()` and `today()`, set only while a decision runs. */
let feelClock: string | undefined;

/**
 * Runs a decision with FEEL's `now()` and `today()` reading the context's clock instead of the
 * machine's, so replaying a case evaluates every expression as it was evaluated live.
 */
export function withFeelClock<T>(now: string, decision: () => T): T {
  const previous = feelClock;
  feelClock = now;
  try {
    return decision();
  } finally {
    feelClock = previous;
  }
}

/** Evaluates FEEL (with or without the leading `=`) against variables, as JSON-safe data. */
export function evaluateFeel(expression: string, variables: Variables): unknown {
  const feel = expressionBody(expression);
  const fast = fastFeel(feel, variables);
  if (fast.found) return toJson(fast.value);
  let result: { value: unknown; warnings: { message: string }[] };
  try {
    const builtins = builtinsFor(feel, feelClock);
    const context = builtins ? { ...variables, ...builtins } : variables;
    // an expression that can loop runs with an item and time budget (feel-budget.ts)
    const budgeted = instrumentFeel(feel, context);
    result = budgeted === undefined ? evaluate(feel, context, 'camunda') : evaluate(budgeted, { ...context, ...budgetHooks() }, 'camunda');
  } catch (e) {
    if (e instanceof FeelBudgetExceeded) throw new ExpressionFailure(`failed to evaluate "${feel}": over its budget, ${e.message}`);
    throw new ExpressionFailure(`failed to evaluate "${feel}": ${e instanceof Error ? e.message : String(e)}`);
  }
  if ((result.value === null || result.value === undefined) && result.warnings.length > 0) {
    throw new ExpressionFailure(`failed to evaluate "${feel}": ${result.warnings.map((w) => w.message).join('; ')}`);
  }
  return toJson(result.value);
}

/** A value that is FEEL when it starts with `=`, a literal otherwise. */
export function evaluateValue(value: string, variables: Variables): unknown {
  return isExpression(value) ? evaluateFeel(value, variables) : value;
}

/** Evaluates a condition; anything but true or false is a failure. */
export function evaluateCondition(expression: string, variables: Variables): boolean {
  const value = evaluateFeel(expression, variables);
  if (typeof value !== 'boolean') throw new ExpressionFailure(`the condition "${expressionBody(expression)}" gave ${JSON.stringify(value)}, not true or false`);
  return value;
}

/** A string, or a list of strings (FEEL list or comma-separated literal), for assignments. */
export function evaluateStringList(value: string | undefined, variables: Variables): string[] {
  if (value === undefined || value.trim() === '') return [];
  const result = evaluateValue(value, variables);
  if (Array.isArray(result)) return result.map((v) => String(v));
  if (typeof result === 'string') return result.split(',').map((s) => s.trim()).filter((s) => s !== '');
  throw new ExpressionFailure(`"${value}" gave ${JSON.stringify(result)}, not a list of strings`);
}

/** FEEL values (dates, durations, contexts) as plain JSON data for the case's variables. */
function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'function') return null;
  if (typeof value !== 'object') return typeof value === 'number' && !Number.isFinite(value) ? null : value;
  if (Array.isArray(value)) return value.map(toJson);
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return withJson.toJSON();
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) result[key] = toJson(entry);
  return result;
}
