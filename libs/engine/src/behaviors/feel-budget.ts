import type { SyntaxNode } from '@lezer/common';
import { isRange, parseExpression } from 'feelin';

/**
 * A budget for FEEL evaluation, so one expression cannot freeze the engine (issue 16).
 *
 * feelin materialises every iteration domain before it loops: `for i in 1..n` builds an array of
 * `n` contexts, each a copy of the whole evaluation context, and only then evaluates the body. No
 * feelin hook runs per iteration and it copies the context it is given, so the budget is put into
 * the expression itself: an expression that can loop (`for`, `some`, `every`, `function`) is
 * rewritten so that
 * - every iteration domain goes through `ɵrange(a, b)` (for `a..b`) or `ɵlist(l)`, which charge
 *   its size to the evaluation's item budget *before* feelin materialises it (nested loops and
 *   cartesian products call them once per outer item, so their product is charged too);
 * - every `for` body, `satisfies` condition and function body goes through `ɵtick(value)`, which
 *   charges one item and checks the clock (recursion and costly bodies stop at the deadline).
 * Past the budget the hook throws {@link FeelBudgetExceeded}. Expressions without those keywords
 * are evaluated untouched.
 */
export const FEEL_MAX_ITEMS = 100_000;
export const FEEL_MAX_MILLIS = 100;

export class FeelBudgetExceeded extends Error {}

const LOOPING = /\b(for|some|every|function)\b/;
const RANGE = 'ɵrange';
const LIST = 'ɵlist';
const TICK = 'ɵtick';
const CHARS = Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');

/** The expression rewritten with budget hooks, or undefined when it cannot loop. */
export function instrumentFeel(feel: string, context: Record<string, unknown>): string | undefined {
  if (!LOOPING.test(feel)) return undefined;
  let tree;
  try {
    tree = parseExpression(feel, context, 'camunda');
  } catch {
    return undefined; // feelin reports the syntax error itself
  }
  return render(tree.topNode, feel);
}

function children(node: SyntaxNode): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) result.push(child);
  return result;
}

function render(node: SyntaxNode, source: string): string {
  const kids = children(node);
  if (kids.length === 0) return source.slice(node.from, node.to);
  const parts: string[] = [];
  let at = node.from;
  const wrapped = new Set<SyntaxNode>();
  if (node.name === 'ForExpression' || node.name === 'QuantifiedExpression') wrapped.add(kids[kids.length - 1]);
  if (node.name === 'FunctionBody') wrapped.add(kids[0]);
  const range = node.name === 'IterationContext' && kids.some((k) => k.name === '..');
  for (const kid of kids) {
    parts.push(source.slice(at, kid.from));
    if (range && kid.name === '..') parts.push(', ');
    else if (wrapped.has(kid)) parts.push(`${TICK}(${render(kid, source)})`);
    else parts.push(render(kid, source));
    at = kid.to;
  }
  parts.push(source.slice(at, node.to));
  const text = parts.join('');
  if (node.name === 'IterationContext') return range ? `${RANGE}(${text})` : `${LIST}(${text})`;
  return text;
}

type Hook = ((...args: never[]) => unknown) & { $args: string[] };

function hook<F extends (...args: never[]) => unknown>(args: string[], fn: F): Hook {
  return Object.assign(fn, { $args: args });
}

/** Fresh hooks for one evaluation, sharing its item budget and deadline. */
export function budgetHooks(now: () => number = Date.now): Record<string, Hook> {
  // The clock starts at the first iteration: parsing the expression (bounded by its length) is not
  // iterating, and on a starved machine a cold parse alone could otherwise spend the budget.
  let deadline: number | undefined;
  let items = 0;
  const charge = (count: number): void => {
    items += count;
    if (items > FEEL_MAX_ITEMS) throw new FeelBudgetExceeded(`it iterates over more than ${FEEL_MAX_ITEMS} items`);
    const at = now();
    deadline ??= at + FEEL_MAX_MILLIS;
    if (at > deadline) throw new FeelBudgetExceeded(`it runs longer than ${FEEL_MAX_MILLIS} ms`);
  };
  return {
    [RANGE]: hook(['a', 'b'], (a: unknown, b: unknown) => {
      if (!b) return a; // feelin's `a..b` with a falsy end is `a` itself
      if (typeof a === 'number' && typeof b === 'number') {
        if (!Number.isInteger(a) || !Number.isInteger(b)) throw new FeelBudgetExceeded(`the range ${a}..${b} does not have whole-number bounds`);
        charge(Math.abs(b - a) + 1);
        const step = a > b ? -1 : 1;
        const values: number[] = [];
        for (let i = a; ; i += step) {
          values.push(i);
          if (i === b) return values;
        }
      }
      if (typeof a === 'string' && typeof b === 'string') {
        const from = CHARS.indexOf(a);
        const to = CHARS.indexOf(b);
        if (from >= 0 && to >= 0) return CHARS.slice(Math.min(from, to), Math.max(from, to) + 1);
      }
      throw new Error(`unsupported range: ${String(a)}..${String(b)}`);
    }),
    [LIST]: hook(['l'], (list: unknown) => {
      if (Array.isArray(list)) charge(list.length);
      else if (isRange(list)) {
        const { start, end } = list as unknown as { start: unknown; end: unknown };
        if (typeof start === 'number' && typeof end === 'number') charge(Math.abs(end - start) + 1);
        else charge(1);
      } else charge(1);
      return list;
    }),
    [TICK]: hook(['v'], (value: unknown) => {
      charge(1);
      return value;
    }),
  };
}
