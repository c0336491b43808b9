/** The part of dmn-moddle 12 the DMN reader uses (the package ships no typings). */
declare module 'dmn-moddle' {
  export function DmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): {
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: { $type: string; [property: string]: unknown }; warnings: { message: string }[] }>;
  };
}
