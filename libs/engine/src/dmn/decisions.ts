import { unaryTest } from 'feelin';
import type { Variables } from '../lib/api';
import { ExpressionFailure, evaluateFeel } from '../behaviors/expressions';

/**
 * DMN decisions as the engine runs them: a decision table or a literal expression, with the
 * decisions it requires (its part of the decision requirement graph). Plain data, so a compiled
 * definition keeps them and replay reads the same tables. Semantics follow Zeebe (dmn-scala):
 * see libs/engine/README.md, "DMN decisions".
 */
export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface DecisionTable {
  readonly kind: 'table';
  readonly hitPolicy: HitPolicy;
  readonly aggregation?: Aggregation;
  /** FEEL input expressions, evaluated against the case's variables. */
  readonly inputs: readonly string[];
  /** Output names, and for PRIORITY / OUTPUT ORDER the output values in priority order (FEEL literals). */
  readonly outputs: readonly { readonly name: string; readonly values: readonly string[] }[];
  readonly rules: readonly { readonly id: string; readonly inputEntries: readonly string[]; readonly outputEntries: readonly string[] }[];
}

export interface LiteralExpression {
  readonly kind: 'literal';
  readonly expression: string;
}

export interface Decision {
  readonly id: string;
  readonly name: string;
  /** Ids of the decisions this one requires: evaluated first, their results under their ids. */
  readonly requires: readonly string[];
  readonly logic: DecisionTable | LiteralExpression;
}

/** A decision's id → the decision, for every decision deployed with a flow. */
export type Decisions = Readonly<Record<string, Decision>>;

/** The outcome of evaluating a decision: its result, or why it failed (an incident's message). */
export type DecisionOutcome = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly message: string };

/**
 * Evaluates a decision and the decisions it requires against the variables. Pure and
 * deterministic: the caller records the outcome in an event so replay never evaluates again.
 */
export function evaluateDecision(decisions: Decisions, decisionId: string, variables: Variables): DecisionOutcome {
  try {
    return { ok: true, result: evaluate(decisions, decisionId, variables, []) };
  } catch (e) {
    if (e instanceof ExpressionFailure) return { ok: false, message: e.message };
    throw e;
  }
}

function evaluate(decisions: Decisions, id: string, variables: Variables, path: readonly string[]): unknown {
  const decision = Object.hasOwn(decisions, id) ? decisions[id] : undefined;
  if (!decision) throw new ExpressionFailure(`no decision with id '${id}' is deployed`);
  if (path.includes(id)) throw new ExpressionFailure(`the decision '${id}' requires itself (${[...path, id].join(' → ')})`);
  let context: Variables = variables;
  for (const required of decision.requires) {
    context = { ...context, [required]: evaluate(decisions, required, context, [...path, id]) };
  }
  try {
    return decision.logic.kind === 'literal' ? evaluateFeel(decision.logic.expression, context) : evaluateTable(decision.logic, context);
  } catch (e) {
    if (e instanceof ExpressionFailure && !e.message.startsWith('in decision')) throw new ExpressionFailure(`in decision '${id}': ${e.message}`);
    throw e;
  }
}

function evaluateTable(table: DecisionTable, variables: Variables): unknown {
  const inputValues = table.inputs.map((input) => evaluateFeel(input, variables));
  const matched = table.rules.filter((rule) => rule.inputEntries.every((entry, i) => matches(entry, inputValues[i], variables, rule.id)));
  // Zeebe (dmn-scala): no matching rule gives null, whatever the hit policy
  if (matched.length === 0) return null;
  const outputs = matched.map((rule) => ruleOutput(table, rule, variables));
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (outputs.length > 1) throw new ExpressionFailure(`multiple matched rules with hit policy UNIQUE: ${matched.map((r) => r.id).join(', ')}`);
      return outputs[0];
    case 'FIRST':
      return outputs[0];
    case 'ANY': {
      const first = JSON.stringify(outputs[0]);
      if (outputs.some((o) => JSON.stringify(o) !== first)) throw new ExpressionFailure(`multiple matched rules with different outputs with hit policy ANY: ${matched.map((r) => r.id).join(', ')}`);
      return outputs[0];
    }
    case 'PRIORITY':
      return byPriority(table, matched, outputs)[0];
    case 'OUTPUT ORDER':
      return byPriority(table, matched, outputs);
    case 'RULE ORDER':
      return outputs;
    case 'COLLECT':
      return table.aggregation ? aggregate(table.aggregation, outputs) : outputs;
  }
}

function matches(entry: string, input: unknown, variables: Variables, ruleId: string): boolean {
  const test = entry.trim();
  if (test === '' || test === '-') return true;
  let result: { value: boolean | null };
  try {
    result = unaryTest(test, { ...variables, '?': input }, 'camunda');
  } catch (e) {
    throw new ExpressionFailure(`rule '${ruleId}': failed to evaluate the input entry "${test}": ${e instanceof Error ? e.message : String(e)}`);
  }
  return result.value === true;
}

/** One output: its value; several: a context of output name → value (dmn-scala's shape). */
function ruleOutput(table: DecisionTable, rule: DecisionTable['rules'][number], variables: Variables): unknown {
  const values = rule.outputEntries.map((entry) => (entry.trim() === '' || entry.trim() === '-' ? null : evaluateFeel(entry, variables)));
  if (table.outputs.length === 1) return values[0];
  return Object.fromEntries(table.outputs.map((o, i) => [o.name, values[i] ?? null]));
}

function byPriority(table: DecisionTable, matched: DecisionTable['rules'], outputs: readonly unknown[]): unknown[] {
  const rank = (ruleIndex: number): number[] =>
    table.outputs.map((output, o) => {
      const entry = matched[ruleIndex].outputEntries[o]?.trim() ?? '';
      const index = output.values.map((v) => v.trim()).indexOf(entry);
      return index < 0 ? output.values.length : index;
    });
  const order = matched.map((_, i) => i);
  order.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let k = 0; k < ra.length; k++) if (ra[k] !== rb[k]) return ra[k] - rb[k];
    return a - b;
  });
  return order.map((i) => outputs[i]);
}

function aggregate(aggregation: Aggregation, outputs: readonly unknown[]): unknown {
  if (aggregation === 'COUNT') return outputs.length;
  if (outputs.some((o) => typeof o !== 'number')) throw new ExpressionFailure(`the ${aggregation} aggregation needs numbers, got ${JSON.stringify(outputs)}`);
  const numbers = outputs as number[];
  if (aggregation === 'SUM') return numbers.reduce((s, n) => s + n, 0);
  return aggregation === 'MIN' ? Math.min(...numbers) : Math.max(...numbers);
}
