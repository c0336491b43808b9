import type { Variables } from '../lib/api';
import type { VariableMapping } from '../model/process-model';
import type { CaseRun } from '../runtime/case-run';
import { evaluateFeel } from './expressions';
import { localVariables } from '../state/case-state-queries';

/**
 * The scopes from an instance up to its process root (the case, or the call activity that runs
 * a called process), innermost first. Variables are looked up and written along this chain.
 */
function scopeChain(run: CaseRun, scopeId: string): string[] {
  const chain: string[] = [];
  let current: string | undefined = scopeId;
  while (current) {
    chain.push(current);
    const instance: ReturnType<CaseRun['instance']> = run.instance(current);
    if (!instance || instance.calledModel) break;
    current = instance.scopeId;
  }
  return chain;
}

/**
 * What an expression in a scope sees: the scope's variables over those of its enclosing scopes,
 * over the case's business key as `businessKey`. The key is no variable (`CaseStarted` holds it
 * once), so a variable named `businessKey` wins, as any inner name wins over an outer one.
 */
export function visibleVariables(run: CaseRun, scopeId: string): Variables {
  const key = run.state.businessKey;
  return variablesAlong(run, scopeId, key === '' ? {} : { businessKey: key });
}

/** The variables set in a scope and its enclosing scopes: what a job or a called process gets. */
export function scopeVariables(run: CaseRun, scopeId: string): Variables {
  return variablesAlong(run, scopeId, {});
}

function variablesAlong(run: CaseRun, scopeId: string, outermost: Variables): Variables {
  const chain = scopeChain(run, scopeId);
  let result = outermost;
  for (let i = chain.length - 1; i >= 0; i--) {
    const local = localVariables(run.state, chain[i]);
    if (local) result = { ...result, ...local };
  }
  return result;
}

/**
 * Writes variables from a scope outward: each goes to the innermost scope that already has it,
 * else to the process root. One `VariablesSet` per scope written.
 */
export function propagateVariables(run: CaseRun, fromScopeId: string, variables: Variables): void {
  const names = Object.keys(variables);
  if (names.length === 0) return;
  const chain = scopeChain(run, fromScopeId);
  const root = chain[chain.length - 1];
  const byScope = new Map<string, Variables>();
  for (const name of names) {
    // Own names only: `toString` or `constructor` are in every object, and would land on the innermost scope and vanish with it.
    const target = chain.find((scope) => Object.hasOwn(localVariables(run.state, scope) ?? {}, name)) ?? root;
    byScope.set(target, { ...byScope.get(target), [name]: variables[name] });
  }
  for (const [scopeId, values] of byScope) setLocalVariables(run, scopeId, values);
}

/** Sets variables on exactly one scope. */
export function setLocalVariables(run: CaseRun, scopeId: string, variables: Variables): void {
  if (Object.keys(variables).length === 0) return;
  run.emit('VariablesSet', scopeId === run.state.caseId ? { variables } : { scopeId, variables });
}

/** Evaluates mappings against variables; a dotted target builds nested contexts. */
export function evaluateMappings(mappings: readonly VariableMapping[], variables: Variables): Variables {
  const result: Variables = {};
  for (const mapping of mappings) {
    const value = evaluateFeel(mapping.source, { ...variables, ...result });
    assignPath(result, mapping.target, value);
  }
  return result;
}

function assignPath(target: Variables, path: string, value: unknown): void {
  const parts = path.split('.');
  let cursor = target;
  for (const part of parts.slice(0, -1)) {
    const next = cursor[part];
    cursor[part] = next && typeof next === 'object' && !Array.isArray(next) ? { ...(next as Variables) } : {};
    cursor = cursor[part] as Variables;
  }
  cursor[parts[parts.length - 1]] = value;
}
