import type { WorkingCalendar } from '@banjie/calendar';
import type { EngineContext, EngineEvent } from '../lib/api';
import { event, type EngineEventData, type EventType } from '../events/engine-events';
import { evolve } from '../evolve';
import type { ElementDefinition, ProcessModel, ScopeDefinition } from '../model/process-model';
import type { CaseState, ElementInstance, ModelRef } from '../state/case-state';
import { ModelFailure } from '../behaviors/incidents';
import { findInstance } from '../state/case-state-queries';

/** A guard against models that loop without ever waiting. */
const MAX_EVENTS_PER_DECISION = 50_000;

/** Raised when one command would emit more events than a case can sensibly take at once. */
export class RunawayCaseError extends Error {}

/**
 * One decision in progress: a working copy of the case state to which every emitted event is
 * applied at once (with the same appliers as replay), plus a FIFO agenda of follow-up steps.
 */
export class CaseRun {
  state: CaseState;
  readonly events: EngineEvent[] = [];
  private readonly agenda: (() => void)[] = [];
  private readonly inFlight: Record<string, number> = {};
  private readonly endedScopes = new Set<string>();
  private readonly models = new Map<string, ProcessModel>();
  /** The case's working days; parallel branches with the same limit ask the same sums. */
  readonly calendar: WorkingCalendar;

  constructor(
    readonly rootModel: ProcessModel,
    state: CaseState,
    readonly ctx: EngineContext,
  ) {
    this.state = state;
    this.calendar = rememberingSums(ctx.calendar);
  }

  /** The current time of the decision. */
  get now(): string {
    return this.ctx.now;
  }

  /** A new id from the context's id source. */
  newId(): string {
    return this.ctx.newId();
  }

  /** Records an event and applies it to the working state. */
  emit<K extends EventType>(type: K, data: EngineEventData[K]): void {
    if (this.events.length >= MAX_EVENTS_PER_DECISION) throw new RunawayCaseError(`more than ${MAX_EVENTS_PER_DECISION} events for one command`);
    const next = event(type, data);
    this.events.push(next);
    this.state = evolve(this.state, next);
  }

  /** Queues a step that runs after the steps already queued. `scopeId` marks a token in flight. */
  later(step: () => void, scopeId?: string): void {
    if (scopeId) this.inFlight[scopeId] = (this.inFlight[scopeId] ?? 0) + 1;
    this.agenda.push(() => {
      if (scopeId) {
        // a terminate end event ended the scope: its tokens still on their way go nowhere
        if (this.endedScopes.has(scopeId)) return;
        this.inFlight[scopeId] -= 1;
      }
      step();
    });
  }

  /** A terminate end event ends a scope: the tokens in flight to its elements are dropped. */
  dropTokensInFlight(scopeId: string): void {
    this.endedScopes.add(scopeId);
    this.inFlight[scopeId] = 0;
  }

  /** Whether a token is on its way to an element of the scope. */
  hasTokensInFlight(scopeId: string): boolean {
    return (this.inFlight[scopeId] ?? 0) > 0;
  }

  /** Runs queued steps until none is left. */
  drain(): void {
    for (let step = this.agenda.shift(); step; step = this.agenda.shift()) step();
  }

  /** The model an element id belongs to: the case's, or a called process's. */
  model(ref?: ModelRef): ProcessModel {
    if (!ref) return this.rootModel;
    const key = `${ref.key}@${ref.version}`;
    let model = this.models.get(key);
    if (!model) {
      model = resolveCalled(this.ctx, ref.key, ref.version > 0 ? ref.version : undefined)?.model;
      if (!model) throw new ModelFailure(`the called process ${key} cannot be resolved`);
      this.models.set(key, model);
    }
    return model;
  }

  /** The definition of an instance's element. */
  element(instance: ElementInstance): ElementDefinition {
    const element = this.model(instance.model).elements[instance.elementId];
    if (!element) throw new ModelFailure(`element ${instance.elementId} is not in the model ${instance.model ? `${instance.model.key}@${instance.model.version}` : this.rootModel.key}`);
    return element;
  }

  /** The instance with an id, if it is active. */
  instance(id: string): ElementInstance | undefined {
    return findInstance(this.state, id);
  }

  /** The model whose elements live directly inside a scope (the case, a sub-process, a called process). */
  modelRefOfScope(scopeId: string): ModelRef | undefined {
    const scope = findInstance(this.state, scopeId);
    if (!scope) return undefined;
    return scope.calledModel ?? scope.model;
  }

  /** The scope definition of a scope instance (the case id for the process level). */
  scopeDefinition(scopeId: string): ScopeDefinition | undefined {
    const scope = findInstance(this.state, scopeId);
    if (!scope) return this.rootModel.scopes[this.rootModel.key];
    if (scope.calledModel) {
      const called = this.model(scope.calledModel);
      return called.scopes[called.key];
    }
    return this.model(scope.model).scopes[scope.elementId];
  }

  /** The active instances directly inside a scope. */
  childrenOf(scopeId: string): ElementInstance[] {
    return this.state.instances.filter((i) => i.scopeId === scopeId);
  }
}

/** A called process's model and the version it was resolved at. */
export interface ResolvedModel {
  model: ProcessModel;
  version: number;
}

/** Asks the context for a called process; accepts `{ model, version }` or a bare model. */
export function resolveCalled(ctx: EngineContext, key: string, version?: number): ResolvedModel | undefined {
  const resolved = ctx.resolveModel?.(key, version) as Partial<ResolvedModel> | ProcessModel | undefined;
  if (!resolved) return undefined;
  if ('model' in resolved && resolved.model) return { model: resolved.model, version: typeof resolved.version === 'number' ? resolved.version : version ?? 0 };
  return 'elements' in resolved ? { model: resolved as ProcessModel, version: version ?? 0 } : undefined;
}

/** A calendar that answers a repeated working-day sum of one decision from memory. */
function rememberingSums(calendar: WorkingCalendar): WorkingCalendar {
  const sums = new Map<string, string>();
  return {
    timeZone: calendar.timeZone,
    isWorkingDay: (day) => calendar.isWorkingDay(day),
    workingDaysBetween: (from, to) => calendar.workingDaysBetween(from, to),
    provisionalYears: (from, to) => calendar.provisionalYears(from, to),
    addWorkingDays: (from, n) => {
      const key = `${from}|${n}`;
      let sum = sums.get(key);
      if (sum === undefined) {
        sum = calendar.addWorkingDays(from, n);
        sums.set(key, sum);
      }
      return sum;
    },
  };
}
