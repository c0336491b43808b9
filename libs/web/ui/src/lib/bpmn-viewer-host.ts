import { DestroyRef, afterNextRender, effect, inject, signal, type Signal } from '@angular/core';
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

/** A bpmn-js viewer hosted by a component: the viewer once made, the XML it shows, why it cannot. */
export interface BpmnViewerHost {
  /** The viewer, once made after the first render. */
  readonly viewer: Signal<NavigatedViewer | null>;
  /** The XML the viewer shows: null while importing and after a failure (decorating waits for it). */
  readonly importedXml: Signal<string | null>;
  /** Why the diagram cannot be shown (the import's error message), or null. */
  readonly failure: Signal<string | null>;
}

/** What `hostBpmnViewer` needs of its component. */
export interface BpmnViewerHostOptions {
  /** The element the viewer draws into (a `viewChild`'s native element). */
  container: () => HTMLElement;
  /** Makes the viewer (it may load bpmn-js lazily). */
  createViewer: (container: HTMLElement) => NavigatedViewer | Promise<NavigatedViewer>;
  /** The XML to show (a signal read: a new XML imports again). */
  xml: () => string | null;
  /** Runs after each successful import, before decorating (fit the viewport, read names …). */
  afterImport?: (viewer: NavigatedViewer) => void;
  /** Draws the component's marks on the imported diagram; the signals it reads redraw it when they change. */
  decorate: (viewer: NavigatedViewer) => void;
}

/**
 * Wires a bpmn-js viewer into a component, as the case diagram and the flow heat diagram need it:
 * made after the first render, the XML imported whenever it changes (an import error becomes
 * `failure`), the marks drawn once imported and again whenever what `decorate` reads changes, the
 * viewer destroyed with the component. Call it in the component's constructor.
 */
export function hostBpmnViewer(options: BpmnViewerHostOptions): BpmnViewerHost {
  const viewer = signal<NavigatedViewer | null>(null);
  const importedXml = signal<string | null>(null);
  const failure = signal<string | null>(null);
  let destroyed = false;
  inject(DestroyRef).onDestroy(() => {
    destroyed = true;
    viewer()?.destroy();
  });
  afterNextRender(() => {
    void Promise.resolve(options.createViewer(options.container())).then((made) => {
      if (destroyed) made.destroy();
      else viewer.set(made);
    });
  });
  effect(() => {
    const current = viewer();
    const xml = options.xml();
    if (current && xml) void show(current, xml);
  });
  effect(() => {
    const current = viewer();
    if (current && importedXml()) options.decorate(current);
  });

  async function show(current: NavigatedViewer, xml: string): Promise<void> {
    try {
      importedXml.set(null);
      await current.importXML(xml);
      options.afterImport?.(current);
      failure.set(null);
      importedXml.set(xml);
    } catch (error) {
      failure.set(error instanceof Error ? error.message : String(error));
    }
  }

  return { viewer, importedXml, failure };
}
