import { Component, Directive, input, output } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { HeatView, StatsView, UserView } from '@banjie/contracts';
import { AuthSession } from '@banjie/web-data-access';
import { NgxEchartsDirective } from 'ngx-echarts';
import { DashboardPage } from './dashboard-page';
import { FlowHeatDiagram } from './flow-heat-diagram';

/** ECharts draws on canvas, which jsdom lacks: the browser suite covers the drawing. */
// eslint-disable-next-line @angular-eslint/directive-selector -- stands in for ngx-echarts' own selector
@Directive({ selector: '[echarts]' })
class ChartStub {
  readonly options = input<unknown>();
  readonly chartClick = output<{ dataIndex: number }>();
}

/** bpmn-js draws on SVG that jsdom cannot measure: the browser suite covers the overlays. */
@Component({ selector: 'bj-flow-heat-diagram', template: '' })
class HeatDiagramStub {
  readonly xml = input<string | null>(null);
  readonly heat = input<HeatView | null>(null);
  readonly names = output<Map<string, string>>();
}

const STATS: StatsView = {
  zoneId: 'lf', cases: { active: 3, completed: 2 }, onTimeRate: 0.5, yellow: 1, red: 2, meanWorkingDays: 12.25, satisfaction: 0.75,
  flows: [{ definitionKey: 'lf-permit', active: 3, completed: 2, meanWorkingDays: 12.25 }],
  steps: [{ definitionKey: 'lf-permit', elementId: 'Task_Fire', limitWorkingDays: 5, meanUsedWorkingDays: 3, closed: 2, open: 1, red: 0 }],
  weeks: [{ week: '2026-11-30', started: 3, completed: 2 }],
};

function render(user: Partial<UserView>) {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: AuthSession, useValue: { user: () => user } }],
  });
  TestBed.overrideComponent(DashboardPage, { remove: { imports: [NgxEchartsDirective, FlowHeatDiagram], providers: [] }, add: { imports: [ChartStub, HeatDiagramStub] } });
  const fixture = TestBed.createComponent(DashboardPage);
  fixture.detectChanges();
  return { fixture, backend: TestBed.inject(HttpTestingController) };
}

const figure = (element: HTMLElement, name: string) => element.querySelector(`[data-figure="${name}"]`)?.textContent?.trim();

describe('DashboardPage', () => {
  it("shows a leader the figures of the own zone, each count leading to the case list", async () => {
    // given
    const { fixture, backend } = render({ id: 'lf-leader', zoneId: 'lf', roles: ['leader'] });
    // when
    backend.expectOne('/api/stats?zoneId=lf').flush(STATS);
    await fixture.whenStable();
    // then
    const page = fixture.nativeElement as HTMLElement;
    expect(figure(page, 'active')).toBe('3');
    expect(figure(page, 'completed')).toBe('2');
    expect(figure(page, 'onTimeRate')).toBe('50%');
    expect(figure(page, 'yellow')).toBe('1');
    expect(figure(page, 'red')).toBe('2');
    expect(figure(page, 'meanWorkingDays')).toBe('12.3');
    expect(figure(page, 'satisfaction')).toBe('75%');
    expect(page.querySelector('[data-figure="active"]')?.getAttribute('href')).toBe('/cases?status=active');
    expect(page.querySelector('label.zone select')).toBeNull();
    expect(page.textContent).toContain('lf-permit · Task_Fire');
  });

  it('marks the zone provisional when open deadlines run into a year without a holiday notice, with the reason on hover', async () => {
    // given
    const { fixture, backend } = render({ id: 'lf-leader', zoneId: 'lf', roles: ['leader'] });
    const reason = '2027 年国务院放假安排尚未载入，时限按法定节假日推算 (no State Council holiday notice loaded for 2027)';
    // when
    backend.expectOne('/api/stats?zoneId=lf').flush({ ...STATS, provisional: { deadlines: 4, years: [2027], reason } });
    await fixture.whenStable();
    // then
    const mark = (fixture.nativeElement as HTMLElement).querySelector('p.provisional');
    expect(mark?.getAttribute('title')).toBe(reason);
    expect(mark?.textContent).toContain('暂定 Provisional');
    expect(mark?.textContent).toContain('4 个在办时限跨入 2027 年');
  });

  it('shows no provisional mark when every open deadline rests on a loaded notice', async () => {
    const { fixture, backend } = render({ id: 'lf-leader', zoneId: 'lf', roles: ['leader'] });
    backend.expectOne('/api/stats?zoneId=lf').flush(STATS);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('p.provisional')).toBeNull();
  });

  it('lets an auditor choose another zone', async () => {
    // given
    const { fixture, backend } = render({ id: 'auditor', zoneId: 'province', roles: ['auditor'] });
    backend.expectOne('/api/stats?zoneId=province').flush({ ...STATS, zoneId: 'province' });
    await fixture.whenStable();
    // when
    const select = (fixture.nativeElement as HTMLElement).querySelector('label.zone select') as HTMLSelectElement;
    select.value = 'cz';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    // then
    backend.expectOne('/api/stats?zoneId=cz').flush({ ...STATS, zoneId: 'cz', red: 9 });
    await fixture.whenStable();
    expect(figure(fixture.nativeElement, 'red')).toBe('9');
  });

  it('says why when the statistics cannot be read', async () => {
    // given
    const { fixture, backend } = render({ id: 'lf-leader', zoneId: 'lf', roles: ['leader'] });
    // when
    backend.expectOne('/api/stats?zoneId=lf').flush({ error: 'forbidden', message: 'The statistics of another zone are not yours to read' }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    // then
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain('not yours to read');
  });

  it('opens the active cases of a step when its bar is clicked', async () => {
    // given
    const { fixture, backend } = render({ id: 'lf-leader', zoneId: 'lf', roles: ['leader'] });
    backend.expectOne('/api/stats?zoneId=lf').flush(STATS);
    await fixture.whenStable();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    // when
    (fixture.componentInstance as unknown as { openBar(chart: string, event: { dataIndex: number }): void }).openBar('steps', { dataIndex: 0 });
    // then
    expect(navigate).toHaveBeenCalledWith(['/cases'], { queryParams: { definitionKey: 'lf-permit', status: 'active' } });
  });
  it('draws the heat of the first flow and lists where its active cases wait, overdue first', async () => {
    // given
    const { fixture, backend } = render({ id: 'lf-leader', zoneId: 'lf', roles: ['leader'] });
    backend.expectOne('/api/stats?zoneId=lf').flush(STATS);
    await fixture.whenStable();
    // when
    backend.expectOne('/api/stats/heat?definitionKey=lf-permit&zoneId=lf').flush({
      zoneId: 'lf', definitionKey: 'lf-permit',
      elements: [
        { elementId: 'Task_Window', activeCases: 5, openTasks: 5, overdue: 0, yellow: 0 },
        { elementId: 'Task_Fire', activeCases: 2, openTasks: 2, overdue: 1, yellow: 0 },
      ],
    });
    backend.expectOne('/api/definitions/lf-permit?zoneId=lf').flush({ key: 'lf-permit', version: 1, name: 'permit', xml: '<xml/>', forms: {} });
    await fixture.whenStable();
    // then
    const rows = [...(fixture.nativeElement as HTMLElement).querySelectorAll('tr[data-heat-element]')];
    expect(rows.map((row) => row.getAttribute('data-heat-element'))).toEqual(['Task_Fire', 'Task_Window']);
    expect(rows[0].classList).toContain('overdue');
    expect([...rows[0].querySelectorAll('td')].map((cell) => cell.textContent?.trim())).toEqual(['Task_Fire', '2', '2', '0', '1']);
  });

  it('links an auditor’s figures to the case list of the chosen zone, yellow and red to the warned cases', async () => {
    // given
    const { fixture, backend } = render({ id: 'auditor', zoneId: 'province', roles: ['auditor'] });
    backend.expectOne('/api/stats?zoneId=province').flush({ ...STATS, zoneId: 'province' });
    await fixture.whenStable();
    // when
    const select = (fixture.nativeElement as HTMLElement).querySelector('label.zone select') as HTMLSelectElement;
    select.value = 'lf';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    backend.expectOne('/api/stats?zoneId=lf').flush(STATS);
    await fixture.whenStable();
    // then
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[data-figure="yellow"]')?.getAttribute('href')).toBe('/cases?zoneId=lf&status=active&warning=yellow');
    expect(page.querySelector('[data-figure="red"]')?.getAttribute('href')).toBe('/cases?zoneId=lf&status=active&warning=red&sort=due');
  });
});
