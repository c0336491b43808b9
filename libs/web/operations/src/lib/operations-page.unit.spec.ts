import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CaseView, IncidentView } from '@banjie/contracts';
import { AuthSession } from '@banjie/web-data-access';
import { OperationsPage } from './operations-page';

const INCIDENT: IncidentView = {
  id: 'inc-1',
  caseId: 'c-1',
  businessKey: 'LF-2026-010',
  definitionKey: 'fee-check',
  elementId: 'Task_Fee',
  message: "failed to evaluate '=area * 2.5': no variable 'area'",
  since: '2026-03-02T09:00:00+08:00',
};

const STUCK: CaseView = {
  id: 'c-1', businessKey: 'LF-2026-010', definitionKey: 'fee-check', version: 1, zoneId: 'lf', status: 'active', variables: { applicant: '晋南新材料' },
  active: [{ elementId: 'Task_Fee', elementType: 'scriptTask', since: '2026-03-02T09:00:00+08:00' }], completed: [], takenFlows: [], tasks: [], timers: [],
  incidents: [{ id: 'inc-1', elementId: 'Task_Fee', message: INCIDENT.message }], startedAt: '2026-03-02T09:00:00+08:00', revision: 5,
};

describe('OperationsPage', () => {
  let backend: HttpTestingController;

  function signedInAs(zoneId: string): void {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), { provide: AuthSession, useValue: { user: () => ({ id: 'u', name: 'u', roles: ['admin'], zoneId, groups: [] }) } }],
    });
    backend = TestBed.inject(HttpTestingController);
  }

  afterEach(() => backend.verify());

  it('lists the zone’s incidents with their case, element, message and time', async () => {
    // given
    signedInAs('lf');
    const fixture = TestBed.createComponent(OperationsPage);
    TestBed.tick();

    // when
    backend.expectOne('/api/incidents').flush([INCIDENT]);
    await fixture.whenStable();

    // then
    const host = fixture.nativeElement as HTMLElement;
    const row = host.querySelector('tr[data-incident-id="inc-1"]') as HTMLElement;
    expect(row.querySelector('a')?.textContent).toBe('LF-2026-010');
    expect(row.querySelector('a')?.getAttribute('href')).toBe('/cases/c-1');
    expect(row.textContent).toContain('Task_Fee');
    expect(row.textContent).toContain("no variable 'area'");
    expect(row.textContent).toContain('2026-03-02');
    expect(host.querySelector('select')).toBeNull();
  });

  it('says so when nothing is stuck', async () => {
    // given
    signedInAs('lf');
    const fixture = TestBed.createComponent(OperationsPage);
    TestBed.tick();

    // when
    backend.expectOne('/api/incidents').flush([]);
    await fixture.whenStable();

    // then
    expect((fixture.nativeElement as HTMLElement).querySelector('.empty')?.textContent).toContain('没有故障 No incidents');
  });

  it('lets the province admin narrow the list to one zone', async () => {
    // given
    signedInAs('province');
    const fixture = TestBed.createComponent(OperationsPage);
    TestBed.tick();
    backend.expectOne('/api/incidents').flush([INCIDENT]);
    await fixture.whenStable();
    const select = (fixture.nativeElement as HTMLElement).querySelector('select') as HTMLSelectElement;

    // when
    select.value = 'cz';
    select.dispatchEvent(new Event('change'));
    TestBed.tick();

    // then
    backend.expectOne('/api/incidents?zoneId=cz').flush([]);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('tr[data-incident-id]')).toBeNull();
  });

  it('after a retry that lets the case go on, names its next step and reloads the list', async () => {
    // given
    signedInAs('lf');
    const fixture = TestBed.createComponent(OperationsPage);
    TestBed.tick();
    backend.expectOne('/api/incidents').flush([INCIDENT]);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    (host.querySelector('tr[data-incident-id="inc-1"] button') as HTMLButtonElement).click();
    TestBed.tick();
    backend.expectOne('/api/cases/c-1').flush(STUCK);
    await fixture.whenStable();

    // when
    const retry = [...host.querySelectorAll('button')].find((b) => b.textContent?.includes('重试 Retry')) as HTMLButtonElement;
    retry.click();
    backend.expectOne('/api/incidents/inc-1/resolve').flush({
      ...STUCK, incidents: [], active: [], variables: { ...STUCK.variables, area: 1200, fee: 3000 },
      tasks: [{ id: 't-2', caseId: 'c-1', elementId: 'Task_Review', name: '复核规费 Review fee', candidateGroups: ['window'], createdAt: '2026-03-02T10:00:00+08:00', warning: 'none' }],
    });
    TestBed.tick();
    backend.expectOne('/api/incidents').flush([]);
    await fixture.whenStable();

    // then
    expect(host.querySelector('.notice')?.textContent).toContain('已重试，案件继续 Retried: the case goes on，现在 now at: 复核规费 Review fee');
    expect(host.querySelector('bj-incident-repair')).toBeNull();
  });
});
