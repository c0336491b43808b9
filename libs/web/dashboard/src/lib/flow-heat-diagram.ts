import { ChangeDetectionStrategy, Component, ElementRef, ViewEncapsulation, input, output, viewChild } from '@angular/core';
import type { HeatView } from '@banjie/contracts';
import { hostBpmnViewer } from '@banjie/web-ui';
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import { heatBadge, heatLevel, heatTitle } from './flow-heat';

const OVERLAY = 'bj-heat';
const LEVEL_MARKERS = ['bj-heat-active', 'bj-heat-yellow', 'bj-heat-overdue'] as const;

/**
 * A flow's diagram with its heat (热力图 Heat): on each element where active cases wait, a badge
 * with their count, coloured red where a deadline is overdue and yellow where one is near.
 */
@Component({
  selector: 'bj-flow-heat-diagram',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  template: `<div #canvas class="bj-heat-canvas"></div>
    @if (failure(); as message) {
      <p class="bj-heat-error" role="alert">流程图无法显示 Diagram cannot be shown: {{ message }}</p>
    }`,
  styleUrl: './flow-heat-diagram.css',
})
export class FlowHeatDiagram {
  /** The BPMN XML of the flow. */
  readonly xml = input<string | null>(null);
  /** The heat to draw on it. */
  readonly heat = input<HeatView | null>(null);
  /** The names of the elements, by id, once the diagram is drawn (for the table beside it). */
  readonly names = output<Map<string, string>>();

  private readonly canvas = viewChild.required<ElementRef<HTMLElement>>('canvas');
  // bpmn-js loads with the heat view, after the figures and charts are drawn.
  private readonly host = hostBpmnViewer({
    container: () => this.canvas().nativeElement,
    createViewer: async (container) => new (await import('bpmn-js/lib/NavigatedViewer')).default({ container }),
    xml: () => this.xml(),
    afterImport: (viewer) => {
      viewer.get<Canvas>('canvas').zoom('fit-viewport');
      const names = new Map<string, string>();
      for (const element of viewer.get<ElementRegistry>('elementRegistry').getAll()) {
        const name = (element as { businessObject?: { name?: string } }).businessObject?.name;
        if (name) names.set(element.id, name);
      }
      this.names.emit(names);
    },
    decorate: (viewer) => this.draw(viewer, this.heat()),
  });
  protected readonly failure = this.host.failure;

  private draw(viewer: NavigatedViewer, heat: HeatView | null): void {
    const canvas = viewer.get<Canvas>('canvas');
    const registry = viewer.get<ElementRegistry>('elementRegistry');
    const overlays = viewer.get<Overlays>('overlays');
    overlays.remove({ type: OVERLAY });
    for (const element of registry.getAll()) for (const marker of LEVEL_MARKERS) canvas.removeMarker(element.id, marker);
    for (const element of heat?.elements ?? []) {
      const shape = registry.get(element.elementId);
      if (!shape) continue;
      const level = heatLevel(element);
      canvas.addMarker(element.elementId, `bj-heat-${level}`);
      const badge = document.createElement('span');
      badge.className = `bj-heat-badge bj-heat-badge-${level}`;
      badge.dataset['heatElement'] = element.elementId;
      badge.textContent = heatBadge(element);
      badge.title = heatTitle(element, (shape as { businessObject?: { name?: string } }).businessObject?.name ?? element.elementId);
      overlays.add(element.elementId, OVERLAY, { position: { top: -12, right: 12 }, html: badge });
    }
  }
}
