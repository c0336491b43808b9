import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { StatsView } from '@banjie/contracts';
import { StatsApi } from './stats-api';

const STATS: StatsView = { zoneId: 'cz', cases: { active: 2, completed: 1 }, onTimeRate: 1, yellow: 0, red: 0, meanWorkingDays: 4, satisfaction: null };

describe('StatsApi', () => {
  let api: StatsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(StatsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('reads the statistics of the zone asked for', () => {
    // given
    let stats: StatsView | undefined;
    // when
    api.of('cz').subscribe((answer) => (stats = answer));
    backend.expectOne('/api/stats?zoneId=cz').flush(STATS);
    // then
    expect(stats).toEqual(STATS);
  });

  it("reads the caller's own zone when none is asked for", () => {
    // when
    api.of().subscribe();
    const request = backend.expectOne('/api/stats');
    request.flush(STATS);
    // then
    expect(request.request.params.keys()).toEqual([]);
  });
});
