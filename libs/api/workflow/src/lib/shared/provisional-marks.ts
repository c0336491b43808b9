import type { WorkingCalendars } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';

/** A case view whose tasks and deadlines running into a year without a loaded holiday notice are marked provisional. */
export function withProvisionalMarks(calendars: WorkingCalendars, view: CaseView): CaseView {
  return {
    ...view,
    tasks: view.tasks.map((task) => calendars.markTask(view.zoneId, task)),
    ...(view.deadlines ? { deadlines: view.deadlines.map((deadline) => calendars.markDeadline(view.zoneId, deadline)) } : {}),
  };
}
