// The bpmn-io add-ons below ship no TypeScript declarations; the designer uses them only as
// opaque modules handed to the bpmn-js Modeler.

declare module 'bpmn-js-properties-panel' {
  type ModuleDeclaration = import('didi').ModuleDeclaration;
  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const ZeebePropertiesProviderModule: ModuleDeclaration;
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
