import { createJob } from '../../behaviors/jobs';
import { evaluateFeel } from '../../behaviors/expressions';
import { leave } from '../../behaviors/transitions';
import { propagateVariables, visibleVariables } from '../../behaviors/variables';
import type { ElementProcessor } from '../element-processor';

/**
 * Script tasks: a FEEL `zeebe:script` expression whose value goes to `resultVariable`
 * (no other script language ever runs), or a job when the task has a job type.
 */
export const scriptTaskProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => {
    if (!element.script) return createJob(run, instance, element);
    const value = evaluateFeel(element.script.expression, visibleVariables(run, instance.id));
    if (element.script.resultVariable) propagateVariables(run, instance.scopeId, { [element.script.resultVariable]: value });
    leave(run, instance);
  },
};
