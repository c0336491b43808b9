/**
 * The part of bpmn-moddle 10 the compiler uses. Its own typings sit behind the `./types`
 * export, which `moduleResolution: node` cannot see.
 */
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    id?: string;
    name?: string;
    [property: string]: unknown;
  }
  export interface ModdleWarning {
    message: string;
    element?: ModdleElement;
    property?: string;
    value?: unknown;
  }
  export interface FromXmlResult {
    rootElement: ModdleElement;
    warnings: ModdleWarning[];
  }
  export interface Moddle {
    fromXML(xml: string, typeName?: string): Promise<FromXmlResult>;
  }
  export function BpmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): Moddle;
}
