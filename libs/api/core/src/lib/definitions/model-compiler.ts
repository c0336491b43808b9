import { compileWithDecisions, lintBpmn, type compile, type DecisionResources, type LintFinding } from '@banjie/engine';

/** What compiling a deployed model answers: the engine's compile result and the Banjie lint findings. */
export interface CompiledDeployment {
  compiled: Awaited<ReturnType<typeof compile>>;
  findings: LintFinding[];
}

/**
 * Compiles BPMN models (and lints them on deploy). Parsing a model of megabytes takes seconds of
 * CPU: the api runs it in a worker pool (apps/api/src/workers) so no request waits behind it; the
 * in-process compiler is the fallback without one (unit tests, tools).
 */
export interface ModelCompiler {
  /** Compiles `xml` with its forms and DMN resources; with `lint`, also runs the Banjie lint rules. */
  compile(xml: string, forms: Record<string, unknown>, lint: boolean, decisions?: DecisionResources): Promise<CompiledDeployment>;
}

export const MODEL_COMPILER = Symbol('ModelCompiler');

/** Compiles on the calling thread. */
export const inProcessModelCompiler: ModelCompiler = {
  async compile(xml, forms, lint, decisions) {
    const [compiled, findings] = await Promise.all([compileWithDecisions(xml, { forms, decisionResources: decisions }), lint ? lintBpmn(xml) : Promise.resolve([])]);
    return { compiled, findings };
  },
};
