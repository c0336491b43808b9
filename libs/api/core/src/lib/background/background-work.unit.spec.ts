import { ManualClock } from '../clock/clock';
import { CaseRejected } from '../errors/rejection-error';
import { ApiMetrics } from '../metrics/api-metrics';
import { BackgroundWork } from './background-work';

describe('BackgroundWork', () => {
  it('takes work another replica already did as settled: not counted, not shown', async () => {
    // given
    const metrics = new ApiMetrics();
    const background = new BackgroundWork(metrics, new ManualClock('2026-03-02T01:00:00Z'));

    // when
    const outcome = await background.run('job-workers', 'CompleteJob j-1', () => Promise.reject(new CaseRejected('not_found', 'no open job j-1')));

    // then
    expect(outcome).toBe('settled');
    expect(background.gaveUp).toEqual([]);
    expect(await metrics.registry.getSingleMetricAsString('banjie_background_gave_up_total')).not.toMatch(/worker=/);
  });

  it('counts and shows work given up after the case stayed contended', async () => {
    // given
    const metrics = new ApiMetrics();
    const background = new BackgroundWork(metrics, new ManualClock('2026-03-02T01:00:00Z'));

    // when
    const outcome = await background.run('timer-scheduler', 'FireTimer t-1 of case c-1', () =>
      Promise.reject(new CaseRejected('contended', 'Case c-1 is changing too fast; try again')),
    );

    // then
    expect(outcome).toBe('gave_up');
    expect(background.gaveUp).toEqual([
      { worker: 'timer-scheduler', work: 'FireTimer t-1 of case c-1', reason: 'contended', message: 'Case c-1 is changing too fast; try again', at: '2026-03-02T01:00:00.000Z' },
    ]);
    expect(await metrics.registry.getSingleMetricAsString('banjie_background_gave_up_total')).toContain('banjie_background_gave_up_total{worker="timer-scheduler"} 1');
  });

  it('counts a failure that is no refusal (the store) as given up', async () => {
    const background = new BackgroundWork(new ApiMetrics(), new ManualClock('2026-03-02T01:00:00Z'));
    expect(background.failed('job-workers', 'CompleteJob j-2', new Error('disk full'))).toBe('gave_up');
    expect(background.gaveUp[0]).toMatchObject({ reason: 'error', message: 'disk full' });
  });
});
