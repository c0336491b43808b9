import type { WorkingCalendars } from '@banjie/api-core';
import { caseAnchorsProjection } from './case-anchors.projection';
import { casesProjection } from './cases.projection';
import { deadlineBoardProjection } from './deadline-board.projection';
import { definitionsProjection } from './definitions.projection';
import { evaluationsProjection } from './evaluations.projection';
import { incidentsProjection } from './incidents.projection';
import { jobsProjection } from './jobs.projection';
import { messageSubscriptionsProjection } from './message-subscriptions.projection';
import { openTimersProjection } from './open-timers.projection';
import { signalSubscriptionsProjection } from './signal-subscriptions.projection';
import type { Projection } from './projection';
import { tasksProjection } from './tasks.projection';

/** Every read model, in the order they apply an event (cases first: tasks read the case's keys). */
export function allProjections(calendars: WorkingCalendars): Projection[] {
  return [
    definitionsProjection,
    casesProjection(calendars),
    tasksProjection,
    openTimersProjection,
    messageSubscriptionsProjection,
    signalSubscriptionsProjection,
    deadlineBoardProjection,
    evaluationsProjection,
    jobsProjection,
    incidentsProjection,
    caseAnchorsProjection(),
  ];
}
