import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CaseView } from '@banjie/contracts';
import { CaseLiveFeed, type CaseLiveMessage } from '@banjie/web-data-access';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { Subject } from 'rxjs';
import { caseHistory } from './case-history.fixture';
import { CasePage } from './case-page';
import { CaseReplay } from './case-replay';

jest.mock('bpmn-js/lib/NavigatedViewer', () => ({ __esModule: true, default: jest.fn() }));

const canvas = {
  zoom: jest.fn(),
  viewbox: jest.fn(() => ({ inner: { x: 0, y: 0, width: 800, height: 300 } })),
  resized: jest.fn(),
  addMarker: jest.fn(),
  removeMarker: jest.fn(),
  get: (id: string) => ({ id }),
};
const viewer = {
  importXML: jest.fn().mockResolvedValue({ warnings: [] }),
  get: () => canvas,
  destroy: jest.fn(),
};

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

  const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="v2"><process id="P"><userTask id="Task_WindowCheck" name="窗口完整性审查" /><userTask id="Task_PlanningPermit" name="建设工程规划许可" /></process></definitions>`;

  /** Opens the case page on the fixture history up to `upTo` (the head the server answers). */
  async function openCase(upTo = 12, parts: Partial<CaseView> = {}) {
    const events = caseHistory().slice(0, upTo + 1);
    const fixture = TestBed.createComponent(CasePage);
    fixture.componentRef.setInput('id', 'c-1');
    await fixture.whenStable();
    backend.expectOne('/api/cases/c-1').flush({ ...new CaseReplay(events).headView(), ...parts });
    backend.expectOne('/api/cases/c-1/events').flush(events);
    await fixture.whenStable();
    backend.expectOne('/api/definitions/linfen-123-closure/versions/1?zoneId=lf').flush({ key: 'linfen-123-closure', version: 1, xml, forms: {} });
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement, events };
  }

  const markedClasses = () => {
    const added = new Map<string, string[]>();
    for (const [id, marker] of canvas.addMarker.mock.calls as [string, string][]) added.set(id, [...(added.get(id) ?? []), marker]);
    for (const [id, marker] of canvas.removeMarker.mock.calls as [string, string][]) added.set(id, (added.get(id) ?? []).filter((m) => m !== marker));
    return added;
  };

  it('shows the case at its head with its open tasks, variables, named events and the diagram of its version', async () => {
    // when
    const { host } = await openCase();

    // then
    expect(host.querySelector('h1')?.textContent).toBe('LF-1');
    expect(host.querySelector('.task strong')?.textContent).toBe('施工图设计审查');
    expect(host.querySelector('[data-variable="materialsComplete"] dd')?.textContent).toBe('true');
    expect(host.querySelector('bj-event-timeline .type')?.textContent).toBe('办结任务 Task completed');
    expect(host.querySelector('bj-event-timeline .subject')?.textContent).toBe('建设工程规划许可');
    expect(host.querySelector('#bj-case-scrubber')?.getAttribute('max')).toBe('12');
    expect(host.querySelector('.following')?.textContent).toContain('实时 Live');
    expect(viewer.importXML).toHaveBeenCalledWith(xml);
  });

  it('replays the case to an earlier revision without a request, and returns to live', async () => {
    // given
    const { fixture, host } = await openCase();
    canvas.addMarker.mockClear();
    canvas.removeMarker.mockClear();
    const scrubber = host.querySelector('#bj-case-scrubber') as HTMLInputElement;

    // when the auditor scrubs back to when both reviews were open
    scrubber.value = '10';
    scrubber.dispatchEvent(new Event('input'));
    await fixture.whenStable();

    // then the page shows that moment and what its step changed, with no request
    backend.verify();
    expect(Array.from(host.querySelectorAll('.task strong')).map((e) => e.textContent)).toEqual(['建设工程规划许可', '施工图设计审查']);
    expect(markedClasses().get('Task_PlanningPermit')).toEqual(['bj-active']);
    expect(host.querySelector('.position')?.textContent).toBe('#10 / #12');
    expect(host.querySelector('.change-variables [data-variable="materialsComplete"]')?.textContent).toContain('true');
    expect(Array.from(host.querySelectorAll('.change-opened li')).map((e) => e.textContent)).toEqual(['建设工程规划许可', '施工图设计审查']);
    expect(host.querySelector('.change-closed li')?.textContent).toContain('lf-clerk');
    expect(host.querySelector('bj-event-timeline button.event.selected')?.getAttribute('data-revision')).toBe('10');

    // and a click on a timeline event jumps there, and back to live returns to the head
    (host.querySelector('bj-event-timeline button.event[data-revision="0"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(host.querySelector('.position')?.textContent).toBe('#0 / #12');
    expect(host.querySelectorAll('.task strong')).toHaveLength(0);
    (host.querySelector('.live-button') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(host.querySelector('.position')?.textContent).toBe('#12 / #12');
  });

  it('folds the events the live stream pushes, without refetching the case', async () => {
    // given the page opened at revision 10
    const { fixture, host } = await openCase(10);
    const [eleven, twelve] = caseHistory().slice(11);

    // when the stream replays a known event, then pushes the next two
    live.next({ type: 'TaskCreated', data: caseHistory()[10] });
    live.next({ type: eleven.type, data: eleven });
    live.next({ type: twelve.type, data: twelve });
    await fixture.whenStable();

    // then
    backend.expectNone('/api/cases/c-1');
    expect(host.querySelector('.rev')?.textContent).toContain('#12');
    expect(Array.from(host.querySelectorAll('.task strong')).map((e) => e.textContent)).toEqual(['施工图设计审查']);
  });

  it('reloads the case when the live stream skipped events', async () => {
    // given
    const { fixture } = await openCase(5);

    // when
    live.next({ type: 'TaskCompleted', data: caseHistory()[11] });
    await fixture.whenStable();

    // then
    backend.expectOne('/api/cases/c-1').flush(new CaseReplay(caseHistory()).headView());
    backend.expectOne('/api/cases/c-1/events').flush(caseHistory());
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('.rev')?.textContent).toContain('#12');
  });

  it('verifies the hash chain: intact, or the first broken revision highlighted in the timeline', async () => {
    // given
    const { fixture, host } = await openCase();

    // when
    (host.querySelector('.verify-button') as HTMLButtonElement).click();
    backend.expectOne('/api/cases/c-1/verify').flush({ valid: true, events: 13, headHash: 'h12abcdefgh' });
    await fixture.whenStable();

    // then
    expect(host.querySelector('.verify.intact')?.textContent).toContain('完整 Intact');
    expect(host.querySelector('.verify.intact code')?.textContent).toBe('h12abcde');

    // when it is broken
    (host.querySelector('.verify-button') as HTMLButtonElement).click();
    backend.expectOne('/api/cases/c-1/verify').flush({ valid: false, brokenAt: 4, events: 4 });
    await fixture.whenStable();

    // then
    expect(host.querySelector('.verify.broken')?.textContent).toContain('#4');
    expect(host.querySelector('bj-event-timeline button.event.broken')?.getAttribute('data-revision')).toBe('4');
  });

  it('exports the case file with every event and its hashes', async () => {
    // given
    const { host, events } = await openCase();
    const blobs: Blob[] = [];
    const clicked: string[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => (blobs.push(blob), 'blob:case'));
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });

    // when
    (host.querySelector('.export-button') as HTMLButtonElement).click();

    // then
    expect(clicked).toEqual(['LF-1.case.json']);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]);
    });
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'banjie-case-file', caseId: 'c', stream: 'case-c', headHash: 'h12' });
    expect(file.events).toEqual(events);
  });
});
