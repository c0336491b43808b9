import type { EventType } from '../events/engine-events';
import type { VersionedAppliers } from './applier';
import * as kase from './case.appliers';
import * as compensation from './compensation.appliers';
import * as element from './element.appliers';
import * as clock from './legal-clock.appliers';
import * as wait from './wait.appliers';
import * as work from './work-item.appliers';

type ApplierRegistry = { readonly [K in EventType]: VersionedAppliers<K> };

/**
 * Every applier, by event type and payload version. The compiler checks that no event type is
 * missing; live `decide` and replay both run these, so they cannot drift.
 */
export const appliers = {
  CaseStarted: { 1: kase.applyCaseStarted },
  CaseCompleted: { 1: kase.applyCaseCompleted },
  CaseCancelled: { 1: kase.applyCaseCancelled },
  CaseTerminated: { 1: kase.applyCaseTerminated },
  VariablesSet: { 1: kase.applyVariablesSet },
  EvaluationSubmitted: { 1: kase.applyEvaluationSubmitted },
  ElementActivated: { 1: element.applyElementActivated },
  ElementCompleted: { 1: element.applyElementCompleted },
  CalledProcessStarted: { 1: element.applyCalledProcessStarted },
  ElementTerminated: { 1: element.applyElementTerminated },
  SequenceFlowTaken: { 1: element.applySequenceFlowTaken },
  TaskCreated: { 1: work.applyTaskCreated },
  TaskClaimed: { 1: work.applyTaskClaimed },
  TaskUnclaimed: { 1: work.applyTaskUnclaimed },
  TaskCompleted: { 1: work.applyTaskCompleted },
  TaskCancelled: { 1: work.applyTaskCancelled },
  JobCreated: { 1: work.applyJobCreated },
  JobCompleted: { 1: work.applyJobCompleted },
  JobFailed: { 1: work.applyJobFailed },
  JobCancelled: { 1: work.applyJobCancelled },
  JobActivated: { 1: work.applyJobActivated },
  JobTimedOut: { 1: work.applyJobTimedOut },
  JobRetrying: { 1: work.applyJobRetrying },
  JobRetriesUpdated: { 1: work.applyJobRetriesUpdated },
  JobTimeoutUpdated: { 1: work.applyJobTimeoutUpdated },
  JobErrorThrown: { 1: work.applyJobErrorThrown },
  LoopCollectionResolved: { 1: element.applyLoopCollectionResolved },
  CompensationSubscribed: { 1: compensation.applyCompensationSubscribed },
  CompensationTriggered: { 1: compensation.applyCompensationTriggered },
  CompensationCompleted: { 1: compensation.applyCompensationEnded },
  CompensationDeleted: { 1: compensation.applyCompensationEnded },
  IncidentRaised: { 1: work.applyIncidentRaised },
  IncidentResolved: { 1: work.applyIncidentResolved },
  TimerScheduled: { 1: wait.applyTimerScheduled },
  TimerFired: { 1: wait.applyTimerFired },
  TimerCancelled: { 1: wait.applyTimerCancelled },
  MessageSubscriptionOpened: { 1: wait.applyMessageSubscriptionOpened },
  MessageSubscriptionClosed: { 1: wait.applyMessageSubscriptionClosed },
  MessageCorrelated: { 1: kase.recordOnly },
  MessageSent: { 1: kase.recordOnly },
  SignalSubscriptionOpened: { 1: wait.applySignalSubscriptionOpened },
  SignalSubscriptionClosed: { 1: wait.applySignalSubscriptionClosed },
  SignalThrown: { 1: kase.recordOnly },
  DeadlineSet: { 1: clock.applyDeadlineSet },
  DeadlineWarned: { 1: clock.applyDeadlineWarned },
  DeadlineCleared: { 1: clock.applyDeadlineCleared },
  ClockPaused: { 1: clock.applyClockPaused },
  ClockResumed: { 1: clock.applyClockResumed },
} satisfies ApplierRegistry;
