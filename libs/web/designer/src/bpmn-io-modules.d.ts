// The bpmn-io add-ons below ship no TypeScript declarations; the designer uses them only as
// opaque modules handed to the bpmn-js Modeler.

declare module 'bpmn-js-properties-panel' {
  type ModuleDeclaration = import('didi').ModuleDeclaration;
  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const ZeebePropertiesProviderModule: ModuleDeclaration;
  /** Reads a bpmn-js service inside a properties-panel component. */
  export function useService<T>(name: string): T;
}

declare module '@bpmn-io/properties-panel' {
  /** The panel's entry widgets (preact components) and their "is edited" checks. */
  type Entry = import('@bpmn-io/properties-panel/preact').FunctionComponent<Record<string, unknown>>;
  export const CheckboxEntry: Entry;
  export const FeelEntry: Entry;
  export const TextFieldEntry: Entry;
  export function isCheckboxEntryEdited(node: unknown): boolean;
  export function isFeelEntryEdited(node: unknown): boolean;
  export function isTextFieldEntryEdited(node: unknown): boolean;
}

declare module 'bpmn-js-bpmnlint' {
  const lintModule: import('didi').ModuleDeclaration;
  export default lintModule;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const behaviorsModule: import('didi').ModuleDeclaration;
  export default behaviorsModule;
}

declare module 'bpmnlint/lib/resolver/static-resolver' {
  /** Resolves bpmnlint rules and configs from a cache keyed `rule:<pkg>/<name>`. */
  export default class StaticResolver {
    constructor(cache: Record<string, unknown>);
    resolveRule(pkg: string, ruleName: string): unknown;
    resolveConfig(pkg: string, configName: string): unknown;
  }
}

declare module 'bpmnlint/rules/*' {
  const ruleFactory: (...args: unknown[]) => unknown;
  export default ruleFactory;
}

declare module 'bpmn-auto-layout' {
  /** Adds diagram interchange (shapes and edges) to a model that has none. */
  export function layoutProcess(xml: string): Promise<string>;
}

declare module 'bpmn-js-element-templates' {
  /** Camunda 8 element templates in the properties panel (template group, `elementTemplates` service). */
  export const CloudElementTemplatesPropertiesProviderModule: import('didi').ModuleDeclaration;
}

declare module 'bpmn-js-element-templates/dist/core.esm.js' {
  /** The `elementTemplates` service and its commands without the properties panel (the unit tests use it). */
  export const CloudElementTemplatesCoreModule: import('didi').ModuleDeclaration;
}

declare module '@bpmn-io/element-templates-validator' {
  /** Checks a template against `@camunda/zeebe-element-templates-json-schema` (the unit tests use it). */
  export function validateZeebe(template: unknown): { valid: boolean; errors?: unknown[] };
}
