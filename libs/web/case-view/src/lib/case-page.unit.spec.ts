import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CaseView } from '@banjie/contracts';
import { CaseLiveFeed, type CaseLiveMessage } from '@banjie/web-data-access';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { Subject } from 'rxjs';
import { CasePage } from './case-page';

jest.mock('bpmn-js/lib/NavigatedViewer', () => ({ __esModule: true, default: jest.fn() }));

const viewer = {
  importXML: jest.fn().mockResolvedValue({ warnings: [] }),
  get: () => ({ zoom: jest.fn(), addMarker: jest.fn(), removeMarker: jest.fn(), get: (id: string) => ({ id }) }),
  destroy: jest.fn(),
};

const view = (revision: number, parts: Partial<CaseView> = {}): CaseView =>
  ({
    id: 'c-1',
    businessKey: 'LF-2026-001',
    definitionKey: 'linfen-123-closure',
    version: 2,
    zoneId: 'lf',
    status: 'active',
    variables: {},
    active: [],
    completed: [],
    takenFlows: [],
    tasks: [],
    timers: [],
    incidents: [],
    startedAt: '2026-03-02T09:00:00+08:00',
    revision,
    ...parts,
  }) as CaseView;

describe('CasePage', () => {
  let backend: HttpTestingController;
  let live: Subject<CaseLiveMessage>;

  beforeEach(() => {
    (NavigatedViewer as unknown as jest.Mock).mockImplementation(() => viewer);
    live = new Subject();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: CaseLiveFeed, useValue: { watch: () => live.asObservable() } }],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  async function openCase() {
    const fixture = TestBed.createComponent(CasePage);
    fixture.componentRef.setInput('id', 'c-1');
    await fixture.whenStable();
    backend.expectOne('/api/cases/c-1').flush(
      view(3, {
        tasks: [{ id: 't-1', caseId: 'c-1', elementId: 'Task_WindowCheck', name: '窗口受理', candidateGroups: ['window'], createdAt: '2026-03-02T09:00:00+08:00', warning: 'yellow' }],
        deadlines: [
          {
            elementInstanceId: 'ei-1',
            elementId: 'Task_WindowCheck',
            taskId: 't-1',
            limitWorkingDays: 1,
            startedAt: '2026-03-02T09:00:00+08:00',
            yellowAt: '2026-03-02T16:48:00+08:00',
            dueAt: '2026-03-03T00:00:00+08:00',
            warning: 'yellow',
          },
        ],
      }),
    );
    backend.expectOne('/api/cases/c-1/events').flush([{ revision: 0, type: 'CaseStarted', data: {}, metadata: {}, recordedAt: '2026-03-02T09:00:00+08:00', hash: 'a', prevHash: '' }]);
    await fixture.whenStable();
    backend.expectOne('/api/definitions/linfen-123-closure/versions/2').flush({ key: 'linfen-123-closure', version: 2, xml: '<definitions id="v2"/>', forms: {} });
    await fixture.whenStable();
    return fixture;
  }

  it('shows the case with its open tasks, its deadlines, its events and the diagram of its version', async () => {
    // when
    const fixture = await openCase();
    const host = fixture.nativeElement as HTMLElement;

    // then
    expect(host.querySelector('h1')?.textContent).toBe('LF-2026-001');
    expect(host.querySelector('.task strong')?.textContent).toBe('窗口受理');
    expect(host.querySelector('.task .badge-yellow')).not.toBeNull();
    expect(host.querySelector('bj-case-deadlines .deadline strong')?.textContent).toBe('窗口受理');
    expect(host.querySelector('bj-case-deadlines bj-due-date')?.textContent).toContain('截止 2026-03-02 24:00');
    expect(host.querySelector('bj-event-timeline .type')?.textContent).toBe('CaseStarted');
    expect(viewer.importXML).toHaveBeenCalledWith('<definitions id="v2"/>');
  });

  it('refetches the case when the live stream reports an event', async () => {
    // given
    const fixture = await openCase();

    // when
    live.next({ type: 'TaskCompleted', data: { type: 'TaskCompleted', revision: 4 } });
    await new Promise((resolve) => setTimeout(resolve, 250)); // the page batches bursts of events
    backend.expectOne('/api/cases/c-1').flush(view(5, { status: 'completed', tasks: [] }));
    backend.expectOne('/api/cases/c-1/events').flush([]);
    await fixture.whenStable();

    // then
    const host = fixture.nativeElement as HTMLElement;
    expect(host.querySelector('.rev')?.textContent).toContain('#5');
    expect(host.querySelector('bj-case-status-chip')?.textContent).toContain('已办结');
    backend.expectNone('/api/definitions/linfen-123-closure/versions/2');
  });
});
