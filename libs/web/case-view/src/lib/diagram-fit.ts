/** A rectangle of the diagram, in diagram units. */
export interface DiagramBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest zoom at which bpmn-js's 11–12 px labels stay readable; a wider diagram is panned instead. */
export const MIN_READABLE_ZOOM = 0.6;
/** Diagrams are never blown up beyond their drawn size. */
export const MAX_ZOOM = 1;
const MARGIN = 20;
const MIN_HEIGHT_PX = 352;
const MAX_HEIGHT_PX = 720;

/**
 * How the case page shows a diagram whose drawn elements span `inner` in a host `hostWidth` px
 * wide: at the zoom that fits the full width (between the readable minimum and 1), with a host
 * height that shows the whole height at that zoom (within limits), viewed from the top left.
 */
export function fitToWidth(inner: DiagramBox, hostWidth: number): { zoom: number; heightPx: number; viewbox: DiagramBox } {
  const width = inner.width + 2 * MARGIN;
  const height = inner.height + 2 * MARGIN;
  const zoom = hostWidth > 0 ? Math.min(MAX_ZOOM, Math.max(MIN_READABLE_ZOOM, hostWidth / width)) : MAX_ZOOM;
  const heightPx = Math.round(Math.min(MAX_HEIGHT_PX, Math.max(MIN_HEIGHT_PX, height * zoom)));
  return { zoom, heightPx, viewbox: { x: inner.x - MARGIN, y: inner.y - MARGIN, width: (hostWidth > 0 ? hostWidth : width) / zoom, height: heightPx / zoom } };
}
