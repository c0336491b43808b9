import { ExpressionFailure, evaluateValue } from '../../behaviors/expressions';
import { ModelFailure } from '../../behaviors/incidents';
import { activate, leave } from '../../behaviors/transitions';
import { propagateVariables, scopeVariables, setLocalVariables, visibleVariables } from '../../behaviors/variables';
import type { CalledElementDefinition } from '../../model/process-model';
import { resolveCalled, type CaseRun } from '../../runtime/case-run';
import type { ElementInstance } from '../../state/case-state';
import type { ElementProcessor } from '../element-processor';
import { openEventSubProcessWaits } from './sub-process.processor';
import { localVariables } from '../../state/case-state-queries';

/**
 * Call activities: the called process (latest or pinned version, from `ctx.resolveModel`) runs
 * as a child scope inside the same case stream. Its process id is a key or a FEEL expression
 * (`=…`) that names one. As in Zeebe, the child gets the input mappings plus, unless
 * `propagateAllParentVariables="false"`, every variable of the parent; the child's variables come
 * out by output mappings, or all of them unless `propagateAllChildVariables="false"`.
 */
export const callActivityProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => {
    const called = element.calledElement;
    if (!called) throw new ModelFailure('the call activity names no process');
    if (!instance.calledModel) {
      const processId = calledProcessId(run, instance, called);
      const resolved = resolveCalled(run.ctx, processId, called.version);
      if (!resolved) throw new ModelFailure(`the called process "${processId}"${called.version ? ` version ${called.version}` : ''} is not deployed`);
      if (called.propagateAllParentVariables) copyParentVariables(run, instance);
      run.emit('CalledProcessStarted', { elementInstanceId: instance.id, processId, version: resolved.version });
    }
    const current = run.instance(instance.id);
    if (!current?.calledModel || run.childrenOf(instance.id).length > 0) return;
    const model = run.model(current.calledModel);
    openEventSubProcessWaits(run, instance.id);
    const start = model.scopes[model.key].noneStartEvents[0];
    if (!start) throw new ModelFailure(`the called process "${model.key}" has no none start event`);
    activate(run, { elementId: start, scopeId: instance.id, model: current.calledModel });
  },
  onScopeSettled: (run, instance, element) => {
    if (element.outputs.length === 0 && element.calledElement?.propagateAllChildVariables !== false) {
      propagateVariables(run, instance.scopeId, { ...(localVariables(run.state, instance.id) ?? {}) });
    }
    leave(run, instance);
  },
};

/**
 * Zeebe's `propagateAllParentVariables` (default true): the child gets every variable the call
 * activity sees; its input mappings (already its local variables) win over the parent's.
 */
function copyParentVariables(run: CaseRun, instance: ElementInstance): void {
  const mapped = localVariables(run.state, instance.id) ?? {};
  const parent = scopeVariables(run, instance.scopeId);
  const copied: Record<string, unknown> = {};
  for (const name of Object.keys(parent)) if (!(name in mapped)) copied[name] = parent[name];
  setLocalVariables(run, instance.id, copied);
}

/** The key of the process to call: the process id, or what its FEEL expression gives in the call activity's scope. */
function calledProcessId(run: CaseRun, instance: ElementInstance, called: CalledElementDefinition): string {
  const processId = evaluateValue(called.processId, visibleVariables(run, instance.id));
  if (typeof processId !== 'string' || processId === '') throw new ExpressionFailure(`the called process id "${called.processId}" gave ${JSON.stringify(processId)}, not a process key`);
  return processId;
}
