/**
 * The event types a case stream carries (the engine's `EventType`, ARCHITECTURE.md "Events").
 * The live endpoint sends each event as a named SSE event (`event: TaskCompleted`), and a
 * browser `EventSource` only hears named events it listens for by name, so the live feed listens
 * for each of these. Any burst of case progress includes several of them, so a type added to the
 * engine later and missing here delays nothing but that one event's own refresh.
 */
export const CASE_EVENT_TYPES = [
  'CaseStarted',
  'ElementActivated',
  'CalledProcessStarted',
  'ElementCompleted',
  'ElementTerminated',
  'SequenceFlowTaken',
  'VariablesSet',
  'TaskCreated',
  'TaskClaimed',
  'TaskUnclaimed',
  'TaskCompleted',
  'TaskCancelled',
  'TimerScheduled',
  'TimerFired',
  'TimerCancelled',
  'MessageSubscriptionOpened',
  'MessageSubscriptionClosed',
  'MessageCorrelated',
  'MessageSent',
  'SignalSubscriptionOpened',
  'SignalSubscriptionClosed',
  'SignalThrown',
  'JobCreated',
  'JobCompleted',
  'JobCancelled',
  'JobFailed',
  'LoopCollectionResolved',
  'DeadlineSet',
  'DeadlineWarned',
  'DeadlineCleared',
  'ClockPaused',
  'ClockResumed',
  'IncidentRaised',
  'IncidentResolved',
  'EvaluationSubmitted',
  'CaseCompleted',
  'CaseCancelled',
  'CaseTerminated',
] as const;
