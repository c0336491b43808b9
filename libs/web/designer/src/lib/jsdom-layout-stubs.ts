/**
 * What jsdom does not implement and the real bpmn-js modeler needs, so specs can run it:
 * `CSS.escape`, `structuredClone` (of plain data), text, boxes and paths that measure nothing,
 * and identity transforms. Layout is not under test in jsdom; the browser suite covers drawing.
 */
export function installSvgLayoutStubs(): void {
  const global = globalThis as unknown as { CSS?: { escape(text: string): string }; structuredClone?: (value: unknown) => unknown };
  (global as { SVGMatrix?: unknown }).SVGMatrix ??= class SVGMatrixStub {};
  global.structuredClone ??= (value: unknown) => JSON.parse(JSON.stringify(value));
  global.CSS ??= { escape: (text: string) => text.replace(/([^\w-])/g, '\\$1') };
  const proto = SVGElement.prototype as unknown as Record<string, unknown>;
  if (proto['getBBox']) return;
  // diagram-js measures label text on a canvas; without one it measures nothing (jsdom would log each call)
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  const matrix = () => ({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0, multiply: matrix, inverse: matrix, translate: matrix, scale: matrix, rotate: matrix });
  proto['getBBox'] = () => ({ x: 0, y: 0, width: 0, height: 0 });
  proto['getTotalLength'] = () => 0;
  proto['getPointAtLength'] = () => ({ x: 0, y: 0 });
  proto['getScreenCTM'] = matrix;
  proto['getCTM'] = matrix;
  proto['createSVGMatrix'] = matrix;
  proto['createSVGTransformFromMatrix'] = (m: unknown) => ({ matrix: m, setMatrix: () => undefined });
  proto['createSVGTransform'] = () => ({ matrix: matrix(), setMatrix: () => undefined, setTranslate: () => undefined, setScale: () => undefined, setRotate: () => undefined });
  proto['transform'] = { baseVal: { consolidate: () => null, clear: () => undefined, appendItem: () => undefined, initialize: () => undefined, numberOfItems: 0 } };
}
