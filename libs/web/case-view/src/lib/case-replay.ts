import type { CaseEventView, CaseView, TaskView } from '@banjie/contracts';
import { decodeCaseEvent, evolve, initialCaseState, toCaseView, type CaseEvent, type CaseState, type EngineEvent } from '@banjie/engine/replay';

/** How many events lie between two kept states: a scrub step folds at most this many. */
const CHECKPOINT_EVERY = 64;

/** What one step changed: the variables it set, the tasks it opened and closed, who and when. */
export interface StepChanges {
  revision: number;
  type: string;
  actor?: string;
  at: string;
  variables: { name: string; value: unknown }[];
  opened: TaskView[];
  closed: { task: TaskView; by?: string }[];
}

/**
 * A recorded event as the engine folds it, decoded by the catalogue (its payload version rides in
 * `metadata.v`); an event of a type this build does not know passes as it is, for `evolve` to refuse.
 */
export function toEngineEvent(event: CaseEventView): EngineEvent {
  const metadataV = event.metadata?.['v'];
  const v = typeof metadataV === 'number' ? metadataV : 1;
  return decodeCaseEvent({ type: event.type, data: event.data, v }) ?? { type: event.type, v, data: {} };
}

/**
 * A case's history, replayed in the browser with the engine's own appliers (`evolve`,
 * `toCaseView`): the view of the case after any revision, without a request. It keeps the state
 * every 64 events, so a step folds at most 64 events whatever the case's length.
 */
export class CaseReplay {
  private readonly events: CaseEventView[] = [];
  /** `checkpoints[k]` is the state after the first `k * CHECKPOINT_EVERY` events. */
  private readonly checkpoints: CaseState[] = [initialCaseState()];
  private headState: CaseState = initialCaseState();

  /** Replays `events` (revisions 0, 1, 2 …, oldest first). */
  constructor(events: readonly CaseEventView[]) {
    for (const event of events) this.append(event);
  }

  /** The revision of the newest event (-1 for none). */
  get head(): number {
    return this.events.length - 1;
  }

  /** The events replayed so far, oldest first. */
  get all(): readonly CaseEventView[] {
    return this.events;
  }

  /**
   * Folds a newer event in: the next revision is applied and answers `applied`; one already
   * known is a repeat (a reconnected stream replays); a later one means events were missed.
   */
  append(event: CaseEventView): 'applied' | 'repeat' | 'gap' {
    if (event.revision <= this.head) return 'repeat';
    if (event.revision !== this.head + 1) return 'gap';
    this.headState = evolve(this.headState, toEngineEvent(event));
    this.events.push(event);
    if (this.events.length % CHECKPOINT_EVERY === 0) this.checkpoints.push(this.headState);
    return 'applied';
  }

  /** The event at a revision. */
  eventAt(revision: number): CaseEventView | undefined {
    return this.events[revision];
  }

  /** The case as it stood after the event at `revision` (clamped to the recorded range). */
  viewAt(revision: number): CaseView {
    const at = Math.max(0, Math.min(revision, this.head));
    return { ...toCaseView(this.stateAt(at)), revision: at };
  }

  /** The case at its newest event. */
  headView(): CaseView {
    return { ...toCaseView(this.headState), revision: this.head };
  }

  /**
   * What the step holding `revision` changed up to that event: the step is the events of one
   * command (`metadata.commandId`), compared with the case just before it.
   */
  changesAt(revision: number): StepChanges | undefined {
    const event = this.events[revision];
    if (!event) return undefined;
    let first = revision;
    const command = event.metadata?.['commandId'];
    while (command !== undefined && first > 0 && this.events[first - 1].metadata?.['commandId'] === command) first--;
    const before = first === 0 ? undefined : toCaseView(this.stateAt(first - 1));
    const after = toCaseView(this.stateAt(revision));

    const variables = Object.entries(after.variables)
      .filter(([name, value]) => !before || JSON.stringify(before.variables[name]) !== JSON.stringify(value))
      .map(([name, value]) => ({ name, value }));
    const openBefore = new Set((before?.tasks ?? []).map((task) => task.id));
    const openAfter = new Set(after.tasks.map((task) => task.id));
    const closedBy = new Map<string, string>();
    for (let r = first; r <= revision; r++) {
      const decoded = toEngineEvent(this.events[r]) as CaseEvent;
      if (decoded.type === 'TaskCompleted') closedBy.set(decoded.data.taskId, decoded.data.userId);
    }
    const actor = event.metadata?.['actor'] as { id?: string } | undefined;
    return {
      revision,
      type: event.type,
      ...(actor?.id ? { actor: actor.id } : {}),
      at: event.recordedAt,
      variables,
      opened: after.tasks.filter((task) => !openBefore.has(task.id)),
      closed: (before?.tasks ?? []).filter((task) => !openAfter.has(task.id)).map((task) => ({ task, ...(closedBy.has(task.id) ? { by: closedBy.get(task.id) } : {}) })),
    };
  }

  private stateAt(revision: number): CaseState {
    if (revision === this.head) return this.headState;
    const count = revision + 1;
    const k = Math.floor(count / CHECKPOINT_EVERY);
    let state = this.checkpoints[k];
    for (let i = k * CHECKPOINT_EVERY; i < count; i++) state = evolve(state, toEngineEvent(this.events[i]));
    return state;
  }
}

/**
 * The live view with the server's marks kept: the api adds whether a due time is provisional
 * (counted without the year's holiday notice), which the engine's fold does not know.
 */
export function withServerMarks(folded: CaseView, server: CaseView | undefined): CaseView {
  if (!server) return folded;
  const tasks = new Map(server.tasks.map((task) => [task.id, task]));
  const deadlines = new Map((server.deadlines ?? []).map((deadline) => [deadline.elementInstanceId, deadline]));
  return {
    ...folded,
    tasks: folded.tasks.map((task) => {
      const marked = tasks.get(task.id);
      return marked?.provisional ? { ...task, provisional: marked.provisional, ...(marked.provisionalReason ? { provisionalReason: marked.provisionalReason } : {}) } : task;
    }),
    deadlines: (folded.deadlines ?? []).map((deadline) => {
      const marked = deadlines.get(deadline.elementInstanceId);
      return marked?.provisional ? { ...deadline, provisional: marked.provisional, ...(marked.provisionalReason ? { provisionalReason: marked.provisionalReason } : {}) } : deadline;
    }),
  };
}
