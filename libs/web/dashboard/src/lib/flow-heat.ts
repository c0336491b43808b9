import type { HeatElement, HeatView } from '@banjie/contracts';

/** How an element of the heat view is drawn: red when a deadline there is overdue, else yellow or plain by its cases. */
export type HeatLevel = 'overdue' | 'yellow' | 'active';

/** The level of an element of the heat view. */
export function heatLevel(element: HeatElement): HeatLevel {
  if (element.overdue > 0) return 'overdue';
  if (element.yellow > 0) return 'yellow';
  return 'active';
}

/** What the badge on an element says: its waiting cases, and how many are overdue. */
export function heatBadge(element: HeatElement): string {
  return element.overdue > 0 ? `${element.activeCases} · 超时 ${element.overdue}` : String(element.activeCases);
}

/** The badge's full sentence, for its title and screen readers. */
export function heatTitle(element: HeatElement, name: string): string {
  return `${name}: 在办 ${element.activeCases} 件，待办任务 ${element.openTasks}，黄牌 ${element.yellow}，超时 ${element.overdue} (active ${element.activeCases}, open tasks ${element.openTasks}, yellow ${element.yellow}, overdue ${element.overdue})`;
}

/** The elements of a heat view, busiest first. */
export function hottestFirst(heat: HeatView | null): HeatElement[] {
  return [...(heat?.elements ?? [])].sort((a, b) => b.overdue - a.overdue || b.activeCases - a.activeCases || a.elementId.localeCompare(b.elementId));
}
