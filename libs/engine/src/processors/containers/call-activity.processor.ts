import { ModelFailure } from '../../behaviors/incidents';
import { activate, leave } from '../../behaviors/transitions';
import { propagateVariables, scopeVariables, setLocalVariables } from '../../behaviors/variables';
import { resolveCalled } from '../../runtime/case-run';
import type { ElementProcessor } from '../element-processor';
import { openEventSubProcessWaits } from './sub-process.processor';
import { localVariables } from '../../state/case-state-queries';

/**
 * Call activities: the called process (latest or pinned version, from `ctx.resolveModel`) runs
 * as a child scope inside the same case stream. Variables go in by input mappings (or all of the
 * parent's) and come out by output mappings (or all of the child's).
 */
export const callActivityProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => {
    const called = element.calledElement;
    if (!called) throw new ModelFailure('the call activity names no process');
    if (!instance.calledModel) {
      const resolved = resolveCalled(run.ctx, called.processId, called.version);
      if (!resolved) throw new ModelFailure(`the called process "${called.processId}"${called.version ? ` version ${called.version}` : ''} is not deployed`);
      if (element.inputs.length === 0 && called.propagateAllParentVariables) setLocalVariables(run, instance.id, scopeVariables(run, instance.scopeId));
      run.emit('CalledProcessStarted', { elementInstanceId: instance.id, processId: called.processId, version: resolved.version });
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
