import type { CaseEventView } from '@banjie/contracts';
import { decodeCaseEvent, handleCaseEvent, type CompleteCaseEventHandlers, type EventType } from '@banjie/engine/replay';

/** The Chinese and English name of an event type. */
export interface EventLabel {
  zh: string;
  en: string;
}

/**
 * 事件名称: every engine event type in Chinese with English beside it. Typed by the engine's
 * catalogue, so a new event type does not compile until it is named here.
 */
export const EVENT_LABELS: Record<EventType, EventLabel> = {
  CaseStarted: { zh: '受理', en: 'Case started' },
  ElementActivated: { zh: '进入环节', en: 'Step entered' },
  CalledProcessStarted: { zh: '启动子流程', en: 'Called process started' },
  ElementCompleted: { zh: '环节完成', en: 'Step completed' },
  ElementTerminated: { zh: '环节终止', en: 'Step terminated' },
  SequenceFlowTaken: { zh: '流转', en: 'Flow taken' },
  VariablesSet: { zh: '设置变量', en: 'Variables set' },
  TaskCreated: { zh: '生成待办', en: 'Task opened' },
  TaskClaimed: { zh: '认领', en: 'Task claimed' },
  TaskUnclaimed: { zh: '退回认领', en: 'Task unclaimed' },
  TaskCompleted: { zh: '办结任务', en: 'Task completed' },
  TaskCancelled: { zh: '任务取消', en: 'Task cancelled' },
  TimerScheduled: { zh: '设定定时', en: 'Timer scheduled' },
  TimerFired: { zh: '定时触发', en: 'Timer fired' },
  TimerCancelled: { zh: '取消定时', en: 'Timer cancelled' },
  MessageSubscriptionOpened: { zh: '等待消息', en: 'Waiting for message' },
  MessageSubscriptionClosed: { zh: '停止等待消息', en: 'Message wait closed' },
  MessageCorrelated: { zh: '收到消息', en: 'Message received' },
  MessageSent: { zh: '发送消息', en: 'Message sent' },
  SignalSubscriptionOpened: { zh: '等待信号', en: 'Waiting for signal' },
  SignalSubscriptionClosed: { zh: '停止等待信号', en: 'Signal wait closed' },
  SignalThrown: { zh: '发出信号', en: 'Signal thrown' },
  JobCreated: { zh: '自动作业', en: 'Job created' },
  JobCompleted: { zh: '作业完成', en: 'Job completed' },
  JobCancelled: { zh: '作业取消', en: 'Job cancelled' },
  LoopCollectionResolved: { zh: '多实例展开', en: 'Loop items resolved' },
  JobFailed: { zh: '作业失败', en: 'Job failed' },
  JobActivated: { zh: '作业领取', en: 'Job activated' },
  JobTimedOut: { zh: '作业超时', en: 'Job timed out' },
  JobRetrying: { zh: '作业重试', en: 'Job retrying' },
  JobRetriesUpdated: { zh: '重试次数更新', en: 'Job retries updated' },
  JobTimeoutUpdated: { zh: '作业超时时间更新', en: 'Job timeout updated' },
  JobErrorThrown: { zh: '作业抛出错误', en: 'Job error thrown' },
  DeadlineSet: { zh: '计算时限', en: 'Deadline set' },
  DeadlineWarned: { zh: '时限预警', en: 'Deadline warning' },
  DeadlineCleared: { zh: '时限解除', en: 'Deadline cleared' },
  ClockPaused: { zh: '暂停计时', en: 'Clock paused' },
  ClockResumed: { zh: '恢复计时', en: 'Clock resumed' },
  CompensationSubscribed: { zh: '可补偿', en: 'Compensation subscribed' },
  CompensationTriggered: { zh: '触发补偿', en: 'Compensation triggered' },
  CompensationCompleted: { zh: '补偿完成', en: 'Compensation completed' },
  CompensationDeleted: { zh: '取消补偿', en: 'Compensation deleted' },
  IncidentRaised: { zh: '发生故障', en: 'Incident raised' },
  IncidentResolved: { zh: '故障解决', en: 'Incident resolved' },
  EvaluationSubmitted: { zh: '好差评', en: 'Evaluation submitted' },
  CaseCompleted: { zh: '办结', en: 'Case completed' },
  CaseCancelled: { zh: '撤销', en: 'Case cancelled' },
  CaseTerminated: { zh: '终止', en: 'Case terminated' },
};

/**
 * Bookkeeping events: they follow from the step they belong to (a task completed takes a flow,
 * enters the next element, sets its deadline and timers), so the timeline folds them under it.
 */
export const TECHNICAL_EVENTS: ReadonlySet<string> = new Set<EventType>([
  'ElementActivated',
  'ElementCompleted',
  'ElementTerminated',
  'SequenceFlowTaken',
  'CalledProcessStarted',
  'LoopCollectionResolved',
  'TimerScheduled',
  'TimerCancelled',
  'DeadlineSet',
  'DeadlineCleared',
  'MessageSubscriptionOpened',
  'MessageSubscriptionClosed',
  'SignalSubscriptionOpened',
  'SignalSubscriptionClosed',
  'JobCancelled',
]);

/** "中文 English" for an event type; an unknown type (a newer engine) is shown as it is. */
export function eventLabel(type: string): string {
  const label = (EVENT_LABELS as Record<string, EventLabel | undefined>)[type];
  return label ? `${label.zh} ${label.en}` : type;
}

/** One event as the timeline shows it. */
export interface TimelineEvent {
  event: CaseEventView;
  label: string;
  /** What the event is about, by its BPMN name (or the id when the element has no name). */
  subject?: string;
  technical: boolean;
  shortHash: string;
}

/** One step: the events one command recorded, its business events first in view, the technical ones folded. */
export interface TimelineStep {
  /** The revision of the step's first event: a stable key. */
  first: number;
  /** The revision of the step's last event. */
  last: number;
  actor?: string;
  at: string;
  main: TimelineEvent[];
  technical: TimelineEvent[];
}

/** The first 8 hex digits of a hash, enough to compare by eye. */
export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}

/** Who recorded the event: `metadata.actor.id` (`userId` in older events), 系统 for the engine's own. */
export function actorOf(event: CaseEventView): string | undefined {
  const actor = event.metadata?.['actor'] as { userId?: string; id?: string } | string | undefined;
  const id = typeof actor === 'string' ? actor : (actor?.id ?? actor?.userId);
  return id === 'system' ? '系统 system' : id;
}

/** The `name` of every BPMN element of a definition that has one, by id. */
export function elementNamesOf(xml: string | null | undefined): Map<string, string> {
  const names = new Map<string, string>();
  if (!xml) return names;
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  for (const element of Array.from(document.querySelectorAll('[id][name]'))) {
    const name = element.getAttribute('name')?.trim();
    if (name) names.set(element.getAttribute('id') ?? '', name);
  }
  return names;
}

/**
 * The case's events (oldest first) grouped into steps: consecutive events of one command
 * (`metadata.commandId`) form a step; events without one stand alone. Subjects are named by the
 * BPMN names in `names`; tasks, timers, jobs, subscriptions and incidents by the element they
 * were opened for.
 */
export function timelineSteps(events: readonly CaseEventView[], names: ReadonlyMap<string, string>): TimelineStep[] {
  const subjects = new SubjectIndex(names);
  const steps: TimelineStep[] = [];
  let current: TimelineStep | undefined;
  let currentCommand: unknown;
  for (const event of events) {
    const command = event.metadata?.['commandId'];
    if (!current || command === undefined || command !== currentCommand) {
      current = { first: event.revision, last: event.revision, at: event.recordedAt, main: [], technical: [] };
      const actor = actorOf(event);
      if (actor) current.actor = actor;
      steps.push(current);
      currentCommand = command;
    }
    const technical = TECHNICAL_EVENTS.has(event.type);
    const row: TimelineEvent = { event, label: eventLabel(event.type), technical, shortHash: shortHash(event.hash) };
    const subject = subjects.read(event);
    if (subject) row.subject = subject;
    (technical ? current.technical : current.main).push(row);
    current.last = event.revision;
  }
  // A step of only bookkeeping (a timer's re-schedule) shows its first event as the headline.
  for (const step of steps) if (step.main.length === 0) step.main.push(step.technical.shift() as TimelineEvent);
  return steps;
}

/** The references a case event may carry to what an earlier event opened. */
type RefKind = 'taskId' | 'timerId' | 'jobId' | 'subscriptionId' | 'incidentId' | 'elementInstanceId';

/** Remembers what each task, timer, job, subscription, incident and element instance was opened for, as the events go by. */
class SubjectIndex {
  private readonly byRef = new Map<string, string>();

  /**
   * What each event type is about: a complete registry, so a new event type does not compile
   * until its subject is named here. Events that open something remember its subject; the events
   * that refer to it later recall it.
   */
  private readonly subjects: CompleteCaseEventHandlers<void, string | undefined> = {
    CaseStarted: (started) => started.businessKey || undefined,
    ElementActivated: (activated) => this.remember('elementInstanceId', activated.elementInstanceId, this.name(activated.elementId)),
    CalledProcessStarted: (called) => this.recall('elementInstanceId', called.elementInstanceId),
    ElementCompleted: (completed) => this.name(completed.elementId),
    ElementTerminated: (terminated) => this.name(terminated.elementId),
    SequenceFlowTaken: (flow) => (this.names.has(flow.flowId) ? this.name(flow.flowId) : flow.targetId ? `→ ${this.name(flow.targetId)}` : flow.flowId),
    VariablesSet: (set) => Object.keys(set.variables ?? {}).join(', ') || undefined,
    TaskCreated: (task) => this.remember('taskId', task.taskId, task.name || this.name(task.elementId)),
    TaskClaimed: (claim) => this.recall('taskId', claim.taskId),
    TaskUnclaimed: (unclaim) => this.recall('taskId', unclaim.taskId),
    TaskCompleted: (done) => this.recall('taskId', done.taskId),
    TaskCancelled: (cancelled) => this.recall('taskId', cancelled.taskId),
    TimerScheduled: (timer) => this.remember('timerId', timer.timerId, this.name(timer.elementId)),
    TimerFired: (fired) => this.recall('timerId', fired.timerId),
    TimerCancelled: (cancelled) => this.recall('timerId', cancelled.timerId),
    MessageSubscriptionOpened: (opened) => this.remember('subscriptionId', opened.subscriptionId, this.name(opened.elementId)),
    MessageSubscriptionClosed: (closed) => this.recall('subscriptionId', closed.subscriptionId),
    MessageCorrelated: (message) => [message.messageName, this.name(message.elementId)].filter(Boolean).join(' · '),
    MessageSent: (message) => [message.messageName, this.name(message.elementId)].filter(Boolean).join(' · '),
    SignalSubscriptionOpened: (opened) => this.remember('subscriptionId', opened.subscriptionId, this.name(opened.elementId)),
    SignalSubscriptionClosed: (closed) => this.recall('subscriptionId', closed.subscriptionId),
    SignalThrown: (signal) => [signal.signalName, this.name(signal.elementId)].filter(Boolean).join(' · '),
    JobCreated: (job) => this.remember('jobId', job.jobId, this.name(job.elementId)),
    JobCompleted: (job) => this.recall('jobId', job.jobId),
    JobCancelled: (job) => this.recall('jobId', job.jobId),
    JobFailed: (job) => this.recall('jobId', job.jobId),
    JobActivated: (job) => this.recall('jobId', job.jobId),
    JobTimedOut: (job) => this.recall('jobId', job.jobId),
    JobRetrying: (job) => this.recall('jobId', job.jobId),
    JobRetriesUpdated: (job) => this.recall('jobId', job.jobId),
    JobTimeoutUpdated: (job) => this.recall('jobId', job.jobId),
    JobErrorThrown: (job) => this.recall('jobId', job.jobId),
    LoopCollectionResolved: (loop) => this.recall('elementInstanceId', loop.elementInstanceId),
    DeadlineSet: (deadline) => this.name(deadline.elementId) ?? this.recall('elementInstanceId', deadline.elementInstanceId),
    DeadlineWarned: (warned) => this.name(warned.elementId) ?? this.recall('elementInstanceId', warned.elementInstanceId),
    DeadlineCleared: (cleared) => this.recall('elementInstanceId', cleared.elementInstanceId),
    ClockPaused: (paused) => paused.reason,
    ClockResumed: () => undefined,
    CompensationSubscribed: (subscribed) => this.remember('subscriptionId', subscribed.subscriptionId, this.name(subscribed.activityId)),
    CompensationTriggered: (triggered) => this.recall('subscriptionId', triggered.subscriptionId),
    CompensationCompleted: (completed) => this.recall('subscriptionId', completed.subscriptionId),
    CompensationDeleted: (deleted) => this.recall('subscriptionId', deleted.subscriptionId),
    IncidentRaised: (incident) => this.remember('incidentId', incident.incidentId, this.name(incident.elementId)),
    IncidentResolved: (resolved) => this.recall('incidentId', resolved.incidentId),
    EvaluationSubmitted: (evaluation) => (typeof evaluation.rating === 'number' ? '★'.repeat(evaluation.rating) : undefined),
    CaseCompleted: () => undefined,
    CaseCancelled: (cancelled) => cancelled.reason,
    CaseTerminated: () => undefined,
  };

  constructor(private readonly names: ReadonlyMap<string, string>) {}

  /** The subject of an event; none for a type this build does not know (a newer engine). */
  read(view: CaseEventView): string | undefined {
    const event = decodeCaseEvent(view);
    return event && handleCaseEvent(this.subjects, event, undefined);
  }

  private name(elementId: string | undefined): string | undefined {
    return elementId ? (this.names.get(elementId) ?? elementId) : undefined;
  }

  /** Keeps what `ref` was opened for and answers it (the opening event's own subject). */
  private remember(kind: RefKind, ref: string, subject: string | undefined): string | undefined {
    if (ref && subject) this.byRef.set(`${kind}:${ref}`, subject);
    return subject;
  }

  private recall(kind: RefKind, ref: string | undefined): string | undefined {
    return ref ? this.byRef.get(`${kind}:${ref}`) : undefined;
  }
}
