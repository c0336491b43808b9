import { Injectable, inject } from '@angular/core';
import { Observable, debounceTime, filter, map } from 'rxjs';
import { LiveStream, type LiveMessage } from './live-stream';

/**
 * The case events that change someone's task list: a task appears, changes hands, gets a deadline
 * or a warning, or goes away with its case.
 */
export const TASK_LIST_EVENTS: ReadonlySet<string> = new Set([
  'TaskCreated',
  'TaskClaimed',
  'TaskUnclaimed',
  'TaskCompleted',
  'TaskCancelled',
  'DeadlineSet',
  'DeadlineWarned',
  'DeadlineCleared',
  'CaseCompleted',
  'CaseCancelled',
  'CaseTerminated',
]);

/** How long the task list waits for a burst of events to end before it is read again. */
export const TASK_LIST_QUIET_MS = 300;

/**
 * The live stream of every case event of a zone (`GET /api/zones/:zoneId/live`; data
 * `{caseId, type, …}`), with a fresh ticket per connection and reconnection with back-off
 * (`LiveStream`). Only events after the connection are sent.
 */
@Injectable({ providedIn: 'root' })
export class ZoneLiveFeed {
  private readonly stream = inject(LiveStream);

  /** Emits once per new case event of the zone, until unsubscribed. */
  watch(zoneId: string): Observable<LiveMessage> {
    return this.stream.open(`/zones/${encodeURIComponent(zoneId)}/live`);
  }

  /**
   * Emits once after each burst of events that change task lists, when the zone has been quiet
   * for `TASK_LIST_QUIET_MS`: the moment to read the task list again (once, not per event).
   */
  taskListChanges(zoneId: string): Observable<void> {
    return this.watch(zoneId).pipe(
      filter((message) => TASK_LIST_EVENTS.has(message.type)),
      debounceTime(TASK_LIST_QUIET_MS),
      map(() => undefined),
    );
  }
}
