import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CaseView, IncidentView } from '@banjie/contracts';
import { IncidentRepair } from './incident-repair';

const INCIDENT: IncidentView = {
  id: 'inc-1', caseId: 'c-1', businessKey: 'LF-2026-010', definitionKey: 'fee-check', elementId: 'Task_Fee', message: "no variable 'area'", since: '2026-03-02T09:00:00+08:00',
};

const STUCK: CaseView = {
  id: 'c-1', businessKey: 'LF-2026-010', definitionKey: 'fee-check', version: 1, zoneId: 'lf', status: 'active', variables: { area: 'abc' },
  active: [], completed: [], takenFlows: [], tasks: [], timers: [], incidents: [{ id: 'inc-1', elementId: 'Task_Fee', message: "no variable 'area'" }],
  startedAt: '2026-03-02T09:00:00+08:00', revision: 5,
};

describe('IncidentRepair', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<IncidentRepair>;
  let host: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(IncidentRepair);
    fixture.componentRef.setInput('incident', INCIDENT);
    TestBed.tick();
    backend.expectOne('/api/cases/c-1').flush(STUCK);
    await fixture.whenStable();
    host = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  function button(text: string): HTMLButtonElement {
    return [...host.querySelectorAll('button')].find((b) => b.textContent?.includes(text)) as HTMLButtonElement;
  }

  function typeValue(value: string): void {
    const input = host.querySelector('input[aria-label="值 Value"]') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('shows what failed and the case’s variables to fix', () => {
    // then
    expect(host.textContent).toContain("no variable 'area'");
    expect((host.querySelector('input[aria-label="变量名 Variable name"]') as HTMLInputElement).value).toBe('area');
    expect((host.querySelector('input[aria-label="值 Value"]') as HTMLInputElement).value).toBe('"abc"');
    expect(button('保存变量 Save variables').disabled).toBe(true);
  });

  it('retries with the fixed variable saved first, and hands the case on', async () => {
    // given
    const retried: CaseView[] = [];
    fixture.componentInstance.retried.subscribe((view) => retried.push(view));
    typeValue('1200');
    await fixture.whenStable();

    // when
    button('重试 Retry').click();
    const set = backend.expectOne('/api/cases/c-1/variables');
    set.flush({ ...STUCK, variables: { area: 1200 } });
    backend.expectOne('/api/incidents/inc-1/resolve').flush({ ...STUCK, incidents: [], variables: { area: 1200, fee: 3000 } });
    await fixture.whenStable();

    // then
    expect(set.request.body).toEqual({ variables: { area: 1200 } });
    expect(retried.map((v) => v.variables)).toEqual([{ area: 1200, fee: 3000 }]);
  });

  it('retries at once when nothing was edited', () => {
    // when
    button('重试 Retry').click();

    // then
    backend.expectOne('/api/incidents/inc-1/resolve').flush({ ...STUCK, incidents: [] });
  });

  it('refuses to cancel without a reason, then cancels with the one given', async () => {
    // given
    const cancelled: CaseView[] = [];
    fixture.componentInstance.cancelled.subscribe((view) => cancelled.push(view));

    // when cancelling without a reason
    button('撤销案件 Cancel case').click();
    await fixture.whenStable();

    // then
    expect(host.querySelector('bj-problem-list')?.textContent).toContain('请填写撤销原因 Give a reason for cancelling');

    // when a reason is given
    const reason = host.querySelector('#cancel-reason') as HTMLInputElement;
    reason.value = '申请人撤回';
    reason.dispatchEvent(new Event('input'));
    button('撤销案件 Cancel case').click();
    const request = backend.expectOne('/api/cases/c-1/cancel');
    request.flush({ ...STUCK, status: 'cancelled', incidents: [] });

    // then
    expect(request.request.body).toEqual({ reason: '申请人撤回' });
    expect(cancelled.map((v) => v.status)).toEqual(['cancelled']);
  });

  it('shows the server’s reason when the retry is refused', async () => {
    // when
    button('重试 Retry').click();
    backend.expectOne('/api/incidents/inc-1/resolve').flush({ error: 'not_found', message: 'Incident inc-1 not found' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();

    // then
    expect(host.querySelector('bj-problem-list')?.textContent).toContain('Incident inc-1 not found');
  });
});
