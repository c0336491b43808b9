import type { StatsView } from '@banjie/contracts';
import type { EChartsCoreOption } from 'echarts/core';

/** What a click on a chart leads to: the case list filtered by these query parameters. */
export type CaseFilter = Record<string, string>;

const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** Per flow: the mean working days its completed cases took, and its active cases. */
export function flowChart(stats: StatsView): EChartsCoreOption {
  const flows = stats.flows ?? [];
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['平均用时 Mean working days', '在办 Active'] },
    grid: { top: 40, left: 48, right: 16, bottom: 64 },
    xAxis: { type: 'category', data: flows.map((flow) => flow.definitionKey), axisLabel: { rotate: 20 } },
    yAxis: { type: 'value' },
    series: [
      { name: '平均用时 Mean working days', type: 'bar', data: flows.map((flow) => round(flow.meanWorkingDays)) },
      { name: '在办 Active', type: 'bar', data: flows.map((flow) => flow.active) },
    ],
  };
}

/** Per step with a legal limit: the limit against the mean working days used. */
export function stepChart(stats: StatsView): EChartsCoreOption {
  const steps = stats.steps ?? [];
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['时限 Limit', '实际用时 Used'] },
    grid: { top: 40, left: 48, right: 16, bottom: 80 },
    xAxis: { type: 'category', data: steps.map((step) => stepLabel(step)), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', name: '工作日 WD' },
    series: [
      { name: '时限 Limit', type: 'bar', data: steps.map((step) => round(step.limitWorkingDays)) },
      { name: '实际用时 Used', type: 'bar', data: steps.map((step) => round(step.meanUsedWorkingDays)) },
    ],
  };
}

/** Cases started and completed per week. */
export function weekChart(stats: StatsView): EChartsCoreOption {
  const weeks = stats.weeks ?? [];
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['受理 Started', '办结 Completed'] },
    grid: { top: 40, left: 40, right: 16, bottom: 40 },
    xAxis: { type: 'category', data: weeks.map((week) => week.week.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '受理 Started', type: 'line', data: weeks.map((week) => week.started) },
      { name: '办结 Completed', type: 'line', data: weeks.map((week) => week.completed) },
    ],
  };
}

/** The label of a step on the chart: flow and element. */
export function stepLabel(step: { definitionKey: string; elementId: string }): string {
  return `${step.definitionKey} · ${step.elementId}`;
}

/** The case filter behind a bar of the flow or step chart (`GET /api/cases` filters by flow and status). */
export function filterOfBar(stats: StatsView, chart: 'flows' | 'steps', index: number): CaseFilter | null {
  const row = chart === 'flows' ? stats.flows?.[index] : stats.steps?.[index];
  if (!row) return null;
  return chart === 'flows' ? { definitionKey: row.definitionKey } : { definitionKey: row.definitionKey, status: 'active' };
}

/** The case filter behind a week of the week chart: the cases started from its Monday to its Sunday. */
export function filterOfWeek(stats: StatsView, index: number): CaseFilter | null {
  const week = stats.weeks?.[index];
  if (!week) return null;
  const sunday = new Date(Date.parse(`${week.week}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
  return { startedFrom: week.week, startedTo: sunday };
}
