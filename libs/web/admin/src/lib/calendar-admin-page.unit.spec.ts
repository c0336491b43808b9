import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { NationalCalendarChangeView, NationalCalendarYearView, UserView, ZoneCalendarYearView } from '@banjie/contracts';
import { CalendarAdminPage } from './calendar-admin-page';

const package2026: NationalCalendarYearView = {
  year: 2026,
  source: 'package',
  provisional: false,
  daysOff: [
    { date: '2026-01-01', name: '元旦' },
    { date: '2026-01-02', name: '元旦' },
    { date: '2026-01-03', name: '元旦' },
  ],
  workingDays: [{ date: '2026-01-04', name: '元旦' }],
};

const law2027: NationalCalendarYearView = {
  year: 2027,
  source: 'law',
  provisional: true,
  daysOff: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-02-05', name: '春节' },
  ],
  workingDays: [],
};

const noOverrides = (zoneId: ZoneCalendarYearView['zoneId'], year: number): ZoneCalendarYearView => ({ zoneId, year, daysOff: [], workingDays: [] });

const NOTICE_LINES = '2027-01-01..2027-01-03 元旦\n2027-02-05..2027-02-11 春节';

function signedInAs(user: UserView): void {
  sessionStorage.setItem('banjie.accessToken', 't');
  sessionStorage.setItem('banjie.user', JSON.stringify(user));
}

describe('CalendarAdminPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    // The page opens on this year, as Beijing counts it.
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-04T10:00:00+08:00'));
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  async function openPage(zone: ZoneCalendarYearView['zoneId'] = 'lf'): Promise<{ fixture: ComponentFixture<CalendarAdminPage>; host: HTMLElement }> {
    const fixture = TestBed.createComponent(CalendarAdminPage);
    backend.expectOne('/api/calendar/national').flush([package2026, law2027]);
    await fixture.whenStable();
    backend.expectOne((r) => r.url.startsWith(`/api/calendar/zones/${zone}/`)).flush(noOverrides(zone, 2026));
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  async function selectYear(fixture: ComponentFixture<CalendarAdminPage>, host: HTMLElement, year: number, zone = 'lf'): Promise<void> {
    (host.querySelector(`button.year[data-year="${year}"]`) as HTMLButtonElement).click();
    await fixture.whenStable();
    backend.expectOne(`/api/calendar/zones/${zone}/${year}`).flush(noOverrides(zone as 'lf', year));
    await fixture.whenStable();
  }

  function type(element: Element | null, value: string): void {
    const field = element as HTMLInputElement | HTMLTextAreaElement;
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  function button(host: HTMLElement, scope: string, text: string): HTMLButtonElement {
    const found = Array.from(host.querySelectorAll(`${scope} button`)).find((candidate) => candidate.textContent?.includes(text));
    if (!found) throw new Error(`no button "${text}" in ${scope}`);
    return found as HTMLButtonElement;
  }

  it('lists the years with their source and marks a year without a notice provisional', async () => {
    // given
    signedInAs({ id: 'auditor', name: '孙浩', roles: ['auditor'], zoneId: 'province', groups: [] });

    // when
    const { host } = await openPage();

    // then
    const years = Array.from(host.querySelectorAll('button.year'));
    expect(years.map((year) => year.querySelector('.number')?.textContent)).toEqual(['2026', '2027']);
    expect(years.map((year) => year.querySelector('.source')?.textContent)).toEqual(['内置表 package', '仅按法定节假日推算 law']);
    expect(years[0].querySelector('.provisional')).toBeNull();
    expect(years[1].querySelector('.provisional')?.getAttribute('title')).toContain('2027 年国务院放假通知未载入');
    expect(host.querySelector('bj-calendar-year-form')).toBeNull();
  });

  it('shows the days off and adjusted working days of the year selected', async () => {
    // given
    signedInAs({ id: 'auditor', name: '孙浩', roles: ['auditor'], zoneId: 'province', groups: [] });
    const { fixture, host } = await openPage();

    // when
    await selectYear(fixture, host, 2027);

    // then
    const national = host.querySelector('section.national') as HTMLElement;
    expect(national.querySelector('h2')?.textContent).toContain('2027');
    expect(national.querySelector('.warning')?.textContent).toContain('仅按法定节假日推算');
    const daysOff = Array.from(national.querySelectorAll('[data-list=daysOff] li')).map((li) => [li.querySelector('.dates')?.textContent?.trim(), li.querySelector('.name')?.textContent]);
    expect(daysOff).toEqual([
      ['2027-01-01', '元旦'],
      ['2027-02-05', '春节'],
    ]);
    expect(national.querySelector('[data-list=workingDays] li')?.textContent).toContain('无 None');
  });

  it('lets the province admin load a notice pasted as lines and reports what was recomputed', async () => {
    // given
    signedInAs({ id: 'admin', name: '管理员', roles: ['admin'], zoneId: 'province', groups: [] });
    const { fixture, host } = await openPage();
    await selectYear(fixture, host, 2027);
    const form = host.querySelector('section.edit bj-calendar-year-form') as HTMLElement;
    const [daysOffEditor, workingDaysEditor] = Array.from(form.querySelectorAll('bj-calendar-days-editor'));

    // when
    type(daysOffEditor.querySelector('textarea'), NOTICE_LINES);
    await fixture.whenStable();
    button(host, 'section.edit bj-calendar-days-editor:first-of-type', '替换列表').click();
    type(workingDaysEditor.querySelector('textarea'), '2027-02-20 春节调休');
    await fixture.whenStable();
    button(host, 'section.edit bj-calendar-days-editor:last-of-type', '替换列表').click();
    type(form.querySelector('.note input'), '国办发明电〔2026〕X号');
    await fixture.whenStable();
    button(host, 'section.edit', '保存全国安排').click();
    const request = backend.expectOne({ method: 'PUT', url: '/api/calendar/national/2027' });
    const loaded: NationalCalendarYearView = { ...law2027, source: 'notice', provisional: false, daysOff: request.request.body.daysOff, workingDays: request.request.body.workingDays, note: '国办发明电〔2026〕X号', loadedAt: '2026-12-04T10:00:00+08:00', loadedBy: 'admin' };
    const answer: NationalCalendarChangeView = {
      change: { id: 'ch-1', kind: 'national', year: 2027, description: '2027 年国务院放假通知 notice', at: '2026-12-04T10:00:00+08:00' },
      recomputed: { cases: 2, deadlines: 3 },
      calendar: loaded,
    };
    request.flush(answer);
    await fixture.whenStable();

    // then
    expect(request.request.body.daysOff).toHaveLength(10);
    expect(request.request.body.daysOff[3]).toEqual({ date: '2027-02-05', name: '春节' });
    expect(request.request.body.workingDays).toEqual([{ date: '2027-02-20', name: '春节调休' }]);
    expect(request.request.body.note).toBe('国办发明电〔2026〕X号');
    expect(host.querySelector('section.edit [role=status]')?.textContent).toContain('已重算 2 个案件的 3 个时限');
    const year2027 = host.querySelector('button.year[data-year="2027"]') as HTMLElement;
    expect(year2027.querySelector('.source')?.textContent).toBe('国务院通知 notice');
    expect(year2027.querySelector('.provisional')).toBeNull();
  });

  it('shows the server’s problems and marks the row it names', async () => {
    // given
    signedInAs({ id: 'admin', name: '管理员', roles: ['admin'], zoneId: 'province', groups: [] });
    const { fixture, host } = await openPage();
    await selectYear(fixture, host, 2027);

    // when
    button(host, 'section.edit', '保存全国安排').click();
    backend.expectOne({ method: 'PUT', url: '/api/calendar/national/2027' }).flush(
      {
        error: 'bad_request',
        message: 'The notice of 2027 is not valid: 2027-02-05 is listed twice',
        details: [{ field: 'daysOff[1].date', message: '2027-02-05 is listed twice (also in daysOff[0])' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    // then
    const edit = host.querySelector('section.edit') as HTMLElement;
    expect(edit.querySelector('p.error[role=alert]')?.textContent).toContain('is not valid');
    expect(edit.querySelector('bj-problem-list code')?.textContent).toBe('daysOff[1].date');
    const rows = Array.from(edit.querySelectorAll('bj-calendar-days-editor:first-of-type tbody tr'));
    expect(rows.map((row) => row.classList.contains('invalid'))).toEqual([false, true]);
  });

  it('checks that every row is a named day of the year before saving', async () => {
    // given
    signedInAs({ id: 'admin', name: '管理员', roles: ['admin'], zoneId: 'province', groups: [] });
    const { fixture, host } = await openPage();
    await selectYear(fixture, host, 2027);
    const editor = host.querySelector('section.edit bj-calendar-days-editor') as HTMLElement;
    button(host, 'section.edit bj-calendar-days-editor:first-of-type', '添加一行').click();
    await fixture.whenStable();

    // when
    type(editor.querySelectorAll('tbody tr')[2].querySelector('input[type=date]'), '2028-01-01');
    type(editor.querySelectorAll('tbody tr')[2].querySelectorAll('input')[1], '元旦');
    await fixture.whenStable();
    button(host, 'section.edit', '保存全国安排').click();
    await fixture.whenStable();

    // then
    backend.expectNone('/api/calendar/national/2027');
    expect(host.querySelector('section.edit bj-calendar-year-form > bj-problem-list')?.textContent).toContain('不是 2027 年的日期');
  });

  it('lets a zone admin edit only the overrides of their zone', async () => {
    // given
    signedInAs({ id: 'cz-admin', name: '长子管理员', roles: ['admin'], zoneId: 'cz', groups: [] });
    const { fixture, host } = await openPage('cz');
    await selectYear(fixture, host, 2027, 'cz');
    const zone = host.querySelector('section.zone') as HTMLElement;

    // when
    type(zone.querySelector('bj-calendar-days-editor textarea'), '2027-04-20 长子庙会');
    await fixture.whenStable();
    button(host, 'section.zone bj-calendar-days-editor:first-of-type', '替换列表').click();
    await fixture.whenStable();
    button(host, 'section.zone', '保存本区调整').click();
    const request = backend.expectOne({ method: 'PUT', url: '/api/calendar/zones/cz/2027' });
    request.flush({
      change: { id: 'ch-2', kind: 'zone', year: 2027, zoneId: 'cz', description: '长子 2027 本区调整', at: '2026-12-04T10:00:00+08:00' },
      recomputed: { cases: 1, deadlines: 1 },
      calendar: { zoneId: 'cz', year: 2027, daysOff: [{ date: '2027-04-20', name: '长子庙会' }], workingDays: [], setAt: '2026-12-04T10:00:00+08:00', setBy: 'cz-admin' },
    });
    await fixture.whenStable();

    // then
    expect(host.querySelector('section.edit')).toBeNull();
    const select = zone.querySelector('select') as HTMLSelectElement;
    expect(select.disabled).toBe(true);
    expect(Array.from(select.options).map((option) => option.value)).toEqual(['cz']);
    expect(request.request.body).toEqual({ daysOff: [{ date: '2027-04-20', name: '长子庙会' }], workingDays: [] });
    expect(zone.querySelector('[role=status]')?.textContent).toContain('已重算 1 个案件的 1 个时限');
    expect(zone.querySelector('[data-list=daysOff] li')?.textContent).toContain('长子庙会');
  });

  it('lets the province admin pick any zone', async () => {
    // given
    signedInAs({ id: 'admin', name: '管理员', roles: ['admin'], zoneId: 'province', groups: [] });
    const { fixture, host } = await openPage();
    const select = host.querySelector('section.zone select') as HTMLSelectElement;

    // when
    select.value = 'tg';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();

    // then
    backend.expectOne('/api/calendar/zones/tg/2026').flush(noOverrides('tg', 2026));
    expect(select.disabled).toBe(false);
    expect(select.options).toHaveLength(7);
  });
});
