import { evaluateCondition, evaluateFeel, evaluateValue, ExpressionFailure } from '../../behaviors/expressions';
import { activate, leave, terminate } from '../../behaviors/transitions';
import { propagateVariables, setLocalVariables, visibleVariables } from '../../behaviors/variables';
import type { ElementDefinition } from '../../model/process-model';
import type { CaseRun } from '../../runtime/case-run';
import type { ElementInstance } from '../../state/case-state';
import type { ElementProcessor } from '../element-processor';
import { localVariables } from '../../state/case-state-queries';

/**
 * Multi-instance activities (parallel or sequential): the body evaluates the input collection,
 * runs one inner instance per item with `inputElement` and `loopCounter`, gathers each inner
 * `outputElement` into `outputCollection`, and ends early when the completion condition holds.
 */
export const multiInstanceBodyProcessor: ElementProcessor = {
  onActivate: (run, body, element) => {
    const loop = element.multiInstance;
    if (!loop) return leave(run, body);
    if (!body.collection) {
      const items = loopItems(element, visibleVariables(run, body.id));
      run.emit('LoopCollectionResolved', { elementInstanceId: body.id, items });
      if (loop.outputCollection) setLocalVariables(run, body.id, { [loop.outputCollection]: items.map(() => null) });
    }
    const current = run.instance(body.id) as ElementInstance;
    const items = current.collection ?? [];
    if (items.length === 0) return finish(run, current, element);
    if ((current.started ?? 0) > 0) return;
    if (loop.sequential) startInner(run, current, element, 0);
    else for (let index = 0; index < items.length; index++) startInner(run, current, element, index);
  },
  onInnerCompleting: (run, body, element, inner) => {
    const loop = element.multiInstance;
    if (!loop) return false;
    const variables = visibleVariables(run, inner.id);
    if (loop.outputCollection && loop.outputElement && inner.loopCounter !== undefined) {
      const collected = [...((localVariables(run.state, body.id)?.[loop.outputCollection] as unknown[] | undefined) ?? [])];
      collected[inner.loopCounter - 1] = evaluateFeel(loop.outputElement, variables);
      setLocalVariables(run, body.id, { [loop.outputCollection]: collected });
    }
    if (!loop.completionCondition) return false;
    const total = body.collection?.length ?? 0;
    const completed = (body.completedCount ?? 0) + 1;
    return evaluateCondition(loop.completionCondition, {
      ...variables,
      numberOfInstances: total,
      numberOfCompletedInstances: completed,
      numberOfActiveInstances: (body.started ?? 0) - completed,
    });
  },
  onInnerCompleted: (run, stale, element, bodyDone) => {
    const body = run.instance(stale.id);
    if (!body) return;
    const total = body.collection?.length ?? 0;
    if (bodyDone) {
      for (const inner of run.childrenOf(body.id)) terminate(run, inner);
      return finish(run, body, element);
    }
    if (element.multiInstance?.sequential && (body.started ?? 0) < total) return startInner(run, body, element, body.started ?? 0);
    if ((body.completedCount ?? 0) >= total) finish(run, body, element);
  },
};

/** The most inner instances one multi-instance activity may run. */
const MAX_ITEMS = 5_000;

function loopItems(element: ElementDefinition, variables: Record<string, unknown>): unknown[] {
  const loop = element.multiInstance;
  if (loop?.inputCollection) {
    const items = evaluateValue(loop.inputCollection, variables);
    if (!Array.isArray(items)) throw new ExpressionFailure(`the input collection "${loop.inputCollection}" gave ${JSON.stringify(items)}, not a list`);
    if (items.length > MAX_ITEMS) throw new ExpressionFailure(`the input collection has ${items.length} items, more than ${MAX_ITEMS}`);
    return items;
  }
  const count = Number(evaluateValue(loop?.cardinality ?? '0', variables));
  if (!Number.isInteger(count) || count < 0 || count > MAX_ITEMS) throw new ExpressionFailure(`the loop cardinality "${loop?.cardinality}" is not a whole number from 0 to ${MAX_ITEMS}`);
  return Array.from({ length: count }, (_, index) => index + 1);
}

function startInner(run: CaseRun, body: ElementInstance, element: ElementDefinition, index: number): void {
  const loop = element.multiInstance;
  const item = body.collection?.[index];
  activate(run, {
    elementId: element.id,
    scopeId: body.id,
    model: body.model,
    loopCounter: index + 1,
    localVariables: { loopCounter: index + 1, ...(loop?.inputElement ? { [loop.inputElement]: item } : {}) },
  });
}

function finish(run: CaseRun, body: ElementInstance, element: ElementDefinition): void {
  const name = element.multiInstance?.outputCollection;
  if (name) propagateVariables(run, body.scopeId, { [name]: localVariables(run.state, body.id)?.[name] ?? [] });
  leave(run, body);
}
