import type { ElementDefinition } from '../model/process-model';
import type { CaseRun } from '../runtime/case-run';
import type { ElementInstance } from '../state/case-state';

/**
 * The lifecycle of one BPMN element kind. Processors only emit events (through the run); the
 * appliers alone change state. Shared behaviour lives in `behaviors/`.
 */
export interface ElementProcessor {
  /** The instance was activated: do the element's work, then leave at once or wait. */
  onActivate(run: CaseRun, instance: ElementInstance, element: ElementDefinition): void;
  /** Containers: nothing is left running inside the instance. */
  onScopeSettled?(run: CaseRun, instance: ElementInstance, element: ElementDefinition): void;
  /**
   * Multi-instance bodies: an inner instance is completing (its variables are still there).
   * Returns true when the body is done (the completion condition holds).
   */
  onInnerCompleting?(run: CaseRun, body: ElementInstance, element: ElementDefinition, inner: ElementInstance): boolean;
  /** Multi-instance bodies: an inner instance completed. */
  onInnerCompleted?(run: CaseRun, body: ElementInstance, element: ElementDefinition, bodyDone: boolean): void;
}
