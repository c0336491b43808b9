import type { StatsView } from '@banjie/contracts';
import { filterOfBar, flowChart, stepChart, weekChart } from './dashboard-charts';

const STATS: StatsView = {
  zoneId: 'lf', cases: { active: 3, completed: 2 }, onTimeRate: 0.5, yellow: 1, red: 1, meanWorkingDays: 12.345, satisfaction: 1,
  flows: [{ definitionKey: 'lf-permit', active: 3, completed: 2, meanWorkingDays: 12.345 }],
  steps: [{ definitionKey: 'lf-permit', elementId: 'Task_Fire', limitWorkingDays: 5, meanUsedWorkingDays: 3.26, closed: 2, open: 1, red: 0 }],
  weeks: [{ week: '2026-11-30', started: 3, completed: 2 }],
};

type Series = { name: string; data: unknown[] }[];

describe('the dashboard charts', () => {
  it('draw each flow with its mean working days and active cases', () => {
    // when
    const option = flowChart(STATS) as { xAxis: { data: string[] }; series: Series };
    // then
    expect(option.xAxis.data).toEqual(['lf-permit']);
    expect(option.series.map((series) => series.data)).toEqual([[12.3], [3]]);
  });

  it('draw each step with its limit against the working days used', () => {
    // when
    const option = stepChart(STATS) as { xAxis: { data: string[] }; series: Series };
    // then
    expect(option.xAxis.data).toEqual(['lf-permit · Task_Fire']);
    expect(option.series.map((series) => series.data)).toEqual([[5], [3.3]]);
  });

  it('draw the cases started and completed each week', () => {
    // when
    const option = weekChart(STATS) as { xAxis: { data: string[] }; series: Series };
    // then
    expect(option.xAxis.data).toEqual(['11-30']);
    expect(option.series.map((series) => series.data)).toEqual([[3], [2]]);
  });

  it('lead from a bar to the cases of its flow, and from a step to the active ones', () => {
    expect(filterOfBar(STATS, 'flows', 0)).toEqual({ definitionKey: 'lf-permit' });
    expect(filterOfBar(STATS, 'steps', 0)).toEqual({ definitionKey: 'lf-permit', status: 'active' });
    expect(filterOfBar(STATS, 'steps', 7)).toBeNull();
  });

  it('draw empty charts for a server that sends no per-flow figures', () => {
    // given
    const bare: StatsView = { ...STATS, flows: undefined, steps: undefined, weeks: undefined };
    // then
    expect((flowChart(bare) as { xAxis: { data: string[] } }).xAxis.data).toEqual([]);
    expect((weekChart(bare) as { xAxis: { data: string[] } }).xAxis.data).toEqual([]);
  });
});
