import { TestBed } from '@angular/core/testing';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { CaseDiagram } from './case-diagram';
import type { CaseMarker } from './case-markers';

jest.mock('bpmn-js/lib/NavigatedViewer', () => ({ __esModule: true, default: jest.fn() }));

const ViewerMock = NavigatedViewer as unknown as jest.Mock;

/** What the mocked viewer recorded: markers per element, as bpmn-js's canvas would hold them. */
function fakeViewer(knownIds: string[]) {
  const markers = new Map<string, Set<string>>();
  const canvas = {
    zoom: jest.fn(() => 1),
    viewbox: jest.fn(() => ({ x: 0, y: 0, width: 800, height: 400, scale: 1, inner: { x: 150, y: 60, width: 1160, height: 560 }, outer: { width: 800, height: 400 } })),
    resized: jest.fn(),
    addMarker: jest.fn((id: string, marker: string) => markers.set(id, (markers.get(id) ?? new Set()).add(marker))),
    removeMarker: jest.fn((id: string, marker: string) => markers.get(id)?.delete(marker)),
  };
  const registry = { get: (id: string) => (knownIds.includes(id) ? { id } : undefined) };
  const viewer = {
    importXML: jest.fn().mockResolvedValue({ warnings: [] }),
    get: (name: string) => (name === 'canvas' ? canvas : registry),
    destroy: jest.fn(),
  };
  return { viewer, canvas, markers };
}

const markersOf = (entries: [string, CaseMarker[]][]) => new Map(entries.map(([id, list]) => [id, new Set(list)]));

describe('CaseDiagram', () => {
  it('shows the definition and marks the elements of the case', async () => {
    // given
    const { viewer, markers } = fakeViewer(['Task_WindowCheck', 'Flow_1']);
    ViewerMock.mockImplementation(() => viewer);
    const fixture = TestBed.createComponent(CaseDiagram);
    fixture.componentRef.setInput('xml', '<definitions/>');

    // when
    fixture.componentRef.setInput('markers', markersOf([['Task_WindowCheck', ['bj-completed']], ['Flow_1', ['bj-taken']], ['Unknown_1', ['bj-active']]]));
    await fixture.whenStable();
    await fixture.whenStable();

    // then
    expect(viewer.importXML).toHaveBeenCalledWith('<definitions/>');
    expect([...markers].map(([id, set]) => [id, [...set]])).toEqual([
      ['Task_WindowCheck', ['bj-completed']],
      ['Flow_1', ['bj-taken']],
    ]);
  });

  it('moves the marks when the case moves on', async () => {
    // given
    const { viewer, markers } = fakeViewer(['Task_WindowCheck', 'Task_Review']);
    ViewerMock.mockImplementation(() => viewer);
    const fixture = TestBed.createComponent(CaseDiagram);
    fixture.componentRef.setInput('xml', '<definitions/>');
    fixture.componentRef.setInput('markers', markersOf([['Task_WindowCheck', ['bj-active']]]));
    await fixture.whenStable();
    await fixture.whenStable();

    // when
    fixture.componentRef.setInput('markers', markersOf([['Task_WindowCheck', ['bj-completed']], ['Task_Review', ['bj-active']]]));
    await fixture.whenStable();

    // then
    expect([...(markers.get('Task_WindowCheck') ?? [])]).toEqual(['bj-completed']);
    expect([...(markers.get('Task_Review') ?? [])]).toEqual(['bj-active']);
  });

  it('fits the diagram to the full width (height to match) and zooms with labelled buttons', async () => {
    // given
    const { viewer, canvas } = fakeViewer([]);
    ViewerMock.mockImplementation(() => viewer);
    const fixture = TestBed.createComponent(CaseDiagram);
    fixture.componentRef.setInput('xml', '<definitions/>');
    await fixture.whenStable();
    await fixture.whenStable();
    const buttons = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')];

    // when
    buttons.find((b) => b.textContent?.includes('Zoom in'))?.click();

    // then: jsdom has no layout (width 0), so the diagram is shown at its drawn size from its top left
    expect(canvas.viewbox).toHaveBeenCalledWith({ x: 130, y: 40, width: 1200, height: 600 });
    expect((fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('.bj-case-diagram-canvas')?.style.height).toBe('600px');
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['放大 Zoom in', '缩小 Zoom out', '适应宽度 Fit width']);
    expect(canvas.zoom).toHaveBeenLastCalledWith(1.25);
  });

  it('says why a diagram cannot be shown', async () => {
    // given
    const { viewer } = fakeViewer([]);
    viewer.importXML.mockRejectedValue(new Error('unparsable content'));
    ViewerMock.mockImplementation(() => viewer);
    const fixture = TestBed.createComponent(CaseDiagram);

    // when
    fixture.componentRef.setInput('xml', '<broken');
    await fixture.whenStable();
    await fixture.whenStable();

    // then
    expect(fixture.nativeElement.querySelector('[role=alert]')?.textContent).toContain('unparsable content');
  });
});
