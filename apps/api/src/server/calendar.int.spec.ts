import { resolve } from 'node:path';
import type { CaseEventView, CaseView, NationalCalendarChangeView, NationalCalendarYearView, TaskView, ZoneCalendarChangeView } from '@banjie/contracts';
import { CalendarBook } from '@banjie/api-workflow';
import { FIXTURE_BPMN_DIR, startTestApi, type TestApi } from '../testing/test-api';

const CALENDAR_BPMN_DIR = resolve(FIXTURE_BPMN_DIR, '../calendar-bpmn');

/** A sample State Council notice for 2027: New Year 1–3 January, Spring Festival 5–11 February, Saturday 20 February worked. */
const NOTICE_2027 = {
  note: 'sample notice for the tests',
  daysOff: [
    ...['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, name: '元旦' })),
    ...['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'].map((date) => ({ date, name: '春节' })),
  ],
  workingDays: [{ date: '2027-02-20', name: '春节调休' }],
};

describe('legal time into 2027, over HTTP with the manual clock', () => {
  let api: TestApi;
  let admin: string;
  let linfen45: CaseView;
  let linfen5: CaseView;
  let taigu45: CaseView;

  beforeAll(async () => {
    api = await startTestApi({ BANJIE_BPMN_DIR: CALENDAR_BPMN_DIR, BANJIE_CLOCK: 'manual' });
    admin = await api.login('admin');
    // Linfen's and Taigu's 45-working-day stages start on 2026-12-04; a 5-day step on Monday 2026-12-28
    await setClock('2026-12-04T09:00:00+08:00');
    linfen45 = await start('lf-clerk', 'linfen-legal-limit', 45);
    taigu45 = await start('tg-clerk', 'taigu-legal-limit', 45);
    await setClock('2026-12-28T10:00:00+08:00');
    linfen5 = await start('lf-clerk', 'linfen-legal-limit', 5);
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  it('counts 2027 on the law until its notice is loaded, and marks those deadlines provisional', async () => {
    // then New Year's Day is skipped: 5 working days from Monday 2026-12-28 end with Tuesday 2027-01-05
    expect(linfen5.tasks[0]).toMatchObject({ dueAt: '2027-01-06T00:00:00+08:00', limitWorkingDays: 5, provisional: true });
    expect(linfen5.tasks[0].provisionalReason).toContain('2027');
    // and 除夕 to 初三 (02-05 to 02-08) with the make-up days 02-09 and 02-10 are skipped
    expect(linfen45.tasks[0]).toMatchObject({ dueAt: '2027-02-13T00:00:00+08:00', provisional: true });
    expect(linfen45.deadlines?.[0]).toMatchObject({ dueAt: '2027-02-13T00:00:00+08:00', limitWorkingDays: 45, provisional: true });
    const inbox = await api.call<TaskView[]>('GET', '/api/tasks?scope=all', { token: await api.login('lf-clerk') });
    expect(inbox.body.find((t) => t.caseId === linfen45.id)).toMatchObject({ dueAt: '2027-02-13T00:00:00+08:00', provisional: true });
    const year = await api.call<NationalCalendarYearView>('GET', '/api/calendar/national/2027', { token: admin });
    expect(year.body).toMatchObject({ year: 2027, source: 'law', provisional: true });
    expect(year.body.daysOff).toContainEqual({ date: '2027-02-05', name: '春节' });
    expect(api.running.app.get(CalendarBook).provisionalYearsAhead()).toEqual([2027]);
    const years = await api.call<NationalCalendarYearView[]>('GET', '/api/calendar/national', { token: await api.login('lf-clerk') });
    expect(years.body.map((y) => [y.year, y.source])).toEqual([[2025, 'package'], [2026, 'package'], [2027, 'law'], [2028, 'law']]);
  });

  it('refuses a notice from anyone but the province admin, and names every bad day', async () => {
    // when
    const byZoneAdmin = await api.call('PUT', '/api/calendar/national/2027', { token: await api.login('lf-admin'), body: NOTICE_2027 });
    const byClerk = await api.call('PUT', '/api/calendar/national/2027', { token: await api.login('lf-clerk'), body: NOTICE_2027 });
    const bad = await api.call('PUT', '/api/calendar/national/2027', {
      token: admin,
      body: { daysOff: [{ date: '2027-02-30', name: '春节' }, { date: '2026-12-31', name: '元旦' }], workingDays: [{ date: '2027-02-22', name: '调休' }] },
    });
    const badYear = await api.call('PUT', '/api/calendar/national/27', { token: admin, body: NOTICE_2027 });

    // then
    expect(byZoneAdmin.status).toBe(403);
    expect(byClerk.status).toBe(403);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['daysOff[0].date', 'daysOff[1].date', 'workingDays[0].date']);
    expect(bad.body.details[2].message).toContain('weekday');
    expect(badYear.status).toBe(400);
    expect((await api.call<NationalCalendarYearView>('GET', '/api/calendar/national/2027', { token: admin })).body.source).toBe('law');
  });

  it('re-sets the open deadlines a loaded notice moves, with an event naming it, and they are no longer provisional', async () => {
    // when the province admin loads the 2027 notice
    const loaded = await api.call<NationalCalendarChangeView>('PUT', '/api/calendar/national/2027', { token: admin, body: NOTICE_2027 });

    // then both 45-day stages move to Monday 2027-02-15 (02-05 to 02-11 off); the 5-day step stays
    expect(loaded.status).toBe(200);
    expect(loaded.body.calendar).toMatchObject({ year: 2027, source: 'notice', provisional: false, loadedBy: 'admin', note: 'sample notice for the tests' });
    expect(loaded.body.recomputed).toEqual({ cases: 2, deadlines: 2 });
    const linfen = await caseView(linfen45.id);
    expect(linfen.tasks[0]).toMatchObject({ dueAt: '2027-02-16T00:00:00+08:00' });
    expect(linfen.tasks[0].provisional).toBeUndefined();
    expect(linfen.deadlines?.[0].provisional).toBeUndefined();
    expect((await caseView(linfen5.id)).tasks[0]).toMatchObject({ dueAt: '2027-01-06T00:00:00+08:00' });
    expect((await caseView(linfen5.id)).tasks[0].provisional).toBeUndefined();
    const events = await api.call<CaseEventView[]>('GET', `/api/cases/${linfen45.id}/events`, { token: admin });
    const reset = events.body.filter((e) => e.type === 'DeadlineSet').at(-1);
    expect(reset?.data).toMatchObject({ dueAt: '2027-02-16T00:00:00+08:00', calendarChange: { id: loaded.body.change.id } });
    expect((reset?.data as { calendarChange: { description: string } }).calendarChange.description).toContain('2027 年国务院放假安排');
    expect(reset?.metadata['causationId']).toBe(loaded.body.change.id);
    expect(api.running.app.get(CalendarBook).provisionalYearsAhead()).toEqual([]);

    // and loading the same notice again moves nothing
    const again = await api.call<NationalCalendarChangeView>('PUT', '/api/calendar/national/2027', { token: admin, body: NOTICE_2027 });
    expect(again.body.recomputed).toEqual({ cases: 0, deadlines: 0 });
  });

  it("lets a zone's admin change only its own zone", async () => {
    // when Linfen's admin opens Saturday 2027-01-09 for service
    const forbidden = await api.call('PUT', '/api/calendar/zones/lf/2027', { token: await api.login('tg-admin'), body: { daysOff: [], workingDays: [{ date: '2027-01-09', name: '周六服务日' }] } });
    const set = await api.call<ZoneCalendarChangeView>('PUT', '/api/calendar/zones/lf/2027', {
      token: await api.login('lf-admin'),
      body: { daysOff: [], workingDays: [{ date: '2027-01-09', name: '周六服务日' }] },
    });

    // then Linfen's 45-day stage ends one working day earlier; Taigu's does not move
    expect(forbidden.status).toBe(403);
    expect(set.status).toBe(200);
    expect(set.body.calendar).toMatchObject({ zoneId: 'lf', year: 2027, setBy: 'lf-admin', workingDays: [{ date: '2027-01-09', name: '周六服务日' }] });
    expect(set.body.recomputed).toEqual({ cases: 1, deadlines: 1 });
    expect((await caseView(linfen45.id)).tasks[0].dueAt).toBe('2027-02-13T00:00:00+08:00');
    expect((await caseView(taigu45.id)).tasks[0].dueAt).toBe('2027-02-16T00:00:00+08:00');
    expect((await api.call('GET', '/api/calendar/zones/tg/2027', { token: admin })).body).toEqual({ zoneId: 'tg', year: 2027, daysOff: [], workingDays: [] });
    expect((await api.call('GET', '/api/calendar/zones/xx/2027', { token: admin })).status).toBe(404);
  });

  it('keeps every calendar change across a restart, as events', async () => {
    // when the api restarts on the same data
    await api.stop();
    api = await startTestApi({ BANJIE_BPMN_DIR: CALENDAR_BPMN_DIR, BANJIE_CLOCK: 'manual' }, api.dataDir);
    admin = await api.login('admin');

    // then the notice and the zone's change still count
    expect((await api.call<NationalCalendarYearView>('GET', '/api/calendar/national/2027', { token: admin })).body).toMatchObject({ source: 'notice', provisional: false });
    const late = await api.call<CaseView>('POST', '/api/cases', { token: await api.login('lf-clerk'), body: { definitionKey: 'linfen-legal-limit', variables: { limitDays: 45 } } });
    expect(late.status).toBe(201);
    expect(late.body.tasks[0].provisional).toBeUndefined();
  });

  async function setClock(now: string): Promise<void> {
    const answer = await api.call('POST', '/api/admin/clock', { token: admin, body: { now } });
    if (answer.status !== 200) throw new Error(`clock: ${answer.status} ${JSON.stringify(answer.body)}`);
  }

  async function start(user: string, definitionKey: string, limitDays: number): Promise<CaseView> {
    const answer = await api.call<CaseView>('POST', '/api/cases', { token: await api.login(user), body: { definitionKey, variables: { limitDays } } });
    if (answer.status !== 201) throw new Error(`start ${definitionKey}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return caseView(answer.body.id);
  }

  async function caseView(id: string): Promise<CaseView> {
    return (await api.call<CaseView>('GET', `/api/cases/${id}`, { token: admin })).body;
  }
});
