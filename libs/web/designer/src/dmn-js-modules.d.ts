// dmn-js 17 ships no TypeScript declarations; this is the part of its Modeler the designer uses.

declare module 'dmn-js/lib/Modeler' {
  /** One view of a DMN file: its decision requirements diagram, or one decision's table or literal expression. */
  export interface DmnView {
    readonly id: string;
    readonly name?: string;
    readonly type: 'drd' | 'decisionTable' | 'literalExpression' | 'boxedExpression';
  }

  /** The editor of one view (its own services, `get('modeling')`, and events). */
  export interface DmnViewer {
    get<T = unknown>(service: string): T;
    on(event: string, callback: (event: unknown) => void): void;
  }

  /** The DMN editor: imports a file, shows one view at a time, saves the file. */
  export default class DmnModeler {
    constructor(options?: { container?: HTMLElement; common?: Record<string, unknown>; [option: string]: unknown });
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getViews(): DmnView[];
    getActiveView(): DmnView | undefined;
    getActiveViewer(): DmnViewer | undefined;
    open(view: DmnView): Promise<unknown>;
    on(event: 'viewer.created', callback: (event: { viewer: DmnViewer }) => void): void;
    on(event: string, callback: (event: unknown) => void): void;
    destroy(): void;
  }
}
