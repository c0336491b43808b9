import { ChangeDetectionStrategy, Component, ElementRef, ViewEncapsulation, input, viewChild } from '@angular/core';
import { hostBpmnViewer } from '@banjie/web-ui';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { CaseMarkers } from './case-markers';
import { fitToWidth } from './diagram-fit';

/**
 * A case's BPMN diagram (bpmn-js `NavigatedViewer`, pan and zoom) with the case's progress
 * marked on it: the marker classes become CSS classes on the elements' SVG groups.
 */
@Component({
  selector: 'bj-case-diagram',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  template: `<div class="bj-case-diagram-zoom" role="group" aria-label="缩放 Zoom">
      <button type="button" (click)="zoomBy(1.25)">放大 Zoom in</button>
      <button type="button" (click)="zoomBy(0.8)">缩小 Zoom out</button>
      <button type="button" (click)="fit()">适应宽度 Fit width</button>
    </div>
    <div #canvas class="bj-case-diagram-canvas"></div>
    @if (failure(); as message) {
      <p class="bj-case-diagram-error" role="alert">流程图无法显示 Diagram cannot be shown: {{ message }}</p>
    }`,
  styleUrl: './case-diagram.css',
})
export class CaseDiagram {
  /** The BPMN XML of the case's definition version. */
  readonly xml = input<string | null>(null);
  /** The marks to show, by element id. */
  readonly markers = input<CaseMarkers>(new Map());

  private readonly canvas = viewChild.required<ElementRef<HTMLElement>>('canvas');
  private applied: CaseMarkers = new Map();
  private readonly host = hostBpmnViewer({
    container: () => this.canvas().nativeElement,
    createViewer: (container) => new NavigatedViewer({ container }),
    xml: () => this.xml(),
    afterImport: (viewer) => {
      this.applied = new Map();
      this.fitViewer(viewer);
    },
    decorate: (viewer) => this.mark(viewer, this.markers()),
  });
  protected readonly failure = this.host.failure;

  /** Fits the diagram to the full width at a readable zoom (see `fitToWidth`); wider ones are panned. */
  protected fit(): void {
    const viewer = this.host.viewer();
    if (viewer && this.host.importedXml()) this.fitViewer(viewer);
  }

  /** Zooms by `factor` around the centre, as the mouse wheel does. */
  protected zoomBy(factor: number): void {
    const viewer = this.host.viewer();
    if (!viewer || !this.host.importedXml()) return;
    const canvas = viewer.get<Canvas>('canvas');
    canvas.zoom(canvas.zoom() * factor);
  }

  private fitViewer(viewer: NavigatedViewer): void {
    const canvas = viewer.get<Canvas>('canvas');
    const host = this.canvas().nativeElement;
    const { inner } = canvas.viewbox();
    const { heightPx, viewbox } = fitToWidth(inner, host.clientWidth);
    host.style.height = `${heightPx}px`;
    canvas.resized();
    canvas.viewbox(viewbox);
  }

  private mark(viewer: NavigatedViewer, markers: CaseMarkers): void {
    const canvas = viewer.get<Canvas>('canvas');
    const registry = viewer.get<ElementRegistry>('elementRegistry');
    for (const [elementId, classes] of this.applied) {
      if (!registry.get(elementId)) continue;
      for (const marker of classes) canvas.removeMarker(elementId, marker);
    }
    for (const [elementId, classes] of markers) {
      if (!registry.get(elementId)) continue;
      for (const marker of classes) canvas.addMarker(elementId, marker);
    }
    this.applied = markers;
  }
}
