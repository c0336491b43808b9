import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CalendarYearRequest, NationalCalendarChangeView, NationalCalendarYearView, ZoneCalendarChangeView, ZoneCalendarYearView } from '@banjie/contracts';
import { CalendarApi } from './calendar-api';

const law2027: NationalCalendarYearView = {
  year: 2027,
  source: 'law',
  provisional: true,
  daysOff: [{ date: '2027-01-01', name: '元旦' }],
  workingDays: [],
};

const notice2027: CalendarYearRequest = {
  daysOff: [{ date: '2027-02-05', name: '春节' }],
  workingDays: [{ date: '2027-02-20', name: '春节调休' }],
  note: '国办发明电〔2026〕X号',
};

describe('CalendarApi', () => {
  let api: CalendarApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(CalendarApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists the national arrangement of each year', () => {
    // given
    let years: NationalCalendarYearView[] = [];

    // when
    api.nationalYears().subscribe((answer) => (years = answer));
    const request = backend.expectOne('/api/calendar/national');
    request.flush([law2027]);

    // then
    expect(request.request.method).toBe('GET');
    expect(years.map((year) => [year.year, year.source, year.provisional])).toEqual([[2027, 'law', true]]);
  });

  it('reads the national arrangement of one year', () => {
    // given
    let source: string | undefined;

    // when
    api.nationalYear(2027).subscribe((year) => (source = year.source));
    backend.expectOne('/api/calendar/national/2027').flush(law2027);

    // then
    expect(source).toBe('law');
  });

  it('loads a year’s notice and answers how many deadlines were counted again', () => {
    // given
    let recomputed: NationalCalendarChangeView['recomputed'] | undefined;

    // when
    api.setNationalYear(2027, notice2027).subscribe((change) => (recomputed = change.recomputed));
    const request = backend.expectOne('/api/calendar/national/2027');
    request.flush({ change: { id: 'ch-1', kind: 'national', year: 2027, description: '2027', at: '2026-12-04T10:00:00+08:00' }, recomputed: { cases: 2, deadlines: 3 }, calendar: { ...law2027, source: 'notice', provisional: false } });

    // then
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual(notice2027);
    expect(recomputed).toEqual({ cases: 2, deadlines: 3 });
  });

  it('reads and sets a zone’s overrides of a year', () => {
    // given
    let read: ZoneCalendarYearView | undefined;
    let set: ZoneCalendarChangeView | undefined;
    const overrides: CalendarYearRequest = { daysOff: [{ date: '2027-04-20', name: '尧都庙会' }], workingDays: [] };

    // when
    api.zoneYear('lf', 2027).subscribe((view) => (read = view));
    backend.expectOne({ method: 'GET', url: '/api/calendar/zones/lf/2027' }).flush({ zoneId: 'lf', year: 2027, daysOff: [], workingDays: [] });
    api.setZoneYear('lf', 2027, overrides).subscribe((change) => (set = change));
    const request = backend.expectOne({ method: 'PUT', url: '/api/calendar/zones/lf/2027' });
    request.flush({ change: { id: 'ch-2', kind: 'zone', year: 2027, zoneId: 'lf', description: 'lf 2027', at: '2026-12-04T10:00:00+08:00' }, recomputed: { cases: 1, deadlines: 1 }, calendar: { zoneId: 'lf', year: 2027, ...overrides } });

    // then
    expect(read?.daysOff).toEqual([]);
    expect(request.request.body).toEqual(overrides);
    expect(set?.calendar.daysOff.map((day) => day.name)).toEqual(['尧都庙会']);
  });
});
