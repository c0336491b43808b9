import type { CaseView } from '@banjie/contracts';

/** The CSS classes the case diagram puts on elements' SVG groups (see `case-diagram.css`). */
export const CASE_MARKER = {
  active: 'bj-active',
  completed: 'bj-completed',
  taken: 'bj-taken',
  dueSoon: 'bj-due-soon',
  overdue: 'bj-overdue',
  incident: 'bj-incident',
} as const;

/** One marker class of the case diagram. */
export type CaseMarker = (typeof CASE_MARKER)[keyof typeof CASE_MARKER];

/** Which marker classes each diagram element carries, by element id. */
export type CaseMarkers = ReadonlyMap<string, ReadonlySet<CaseMarker>>;

/**
 * Where a case stands, as marks on its diagram: elements active now, elements completed at least
 * once, sequence flows taken, tasks with a yellow card or overdue (red card or past their due
 * time at `now`), and elements with an open incident.
 */
export function caseMarkers(view: CaseView, now: Date): CaseMarkers {
  const markers = new Map<string, Set<CaseMarker>>();
  const mark = (elementId: string, marker: CaseMarker) => {
    const set = markers.get(elementId) ?? new Set<CaseMarker>();
    set.add(marker);
    markers.set(elementId, set);
  };

  for (const { elementId } of view.completed) mark(elementId, CASE_MARKER.completed);
  for (const flowId of view.takenFlows) mark(flowId, CASE_MARKER.taken);
  for (const { elementId } of view.active) mark(elementId, CASE_MARKER.active);
  for (const task of view.tasks) {
    const pastDue = task.dueAt !== undefined && new Date(task.dueAt).getTime() < now.getTime();
    if (task.warning === 'red' || pastDue) mark(task.elementId, CASE_MARKER.overdue);
    else if (task.warning === 'yellow') mark(task.elementId, CASE_MARKER.dueSoon);
  }
  for (const { elementId } of view.incidents) mark(elementId, CASE_MARKER.incident);
  return markers;
}
