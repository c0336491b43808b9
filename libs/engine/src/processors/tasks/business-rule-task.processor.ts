import type { ElementProcessor } from '../element-processor';
import { scriptTaskProcessor } from './script-task.processor';

/**
 * Business rule tasks: the rule is a FEEL `zeebe:script` expression (DMN is not run), or a job
 * for an external rule engine when the task has a job type — the same lifecycle as a script task.
 */
export const businessRuleTaskProcessor: ElementProcessor = {
  onActivate: (run, instance, element) => scriptTaskProcessor.onActivate(run, instance, element),
};
