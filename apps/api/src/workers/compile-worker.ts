import { compile, lintBpmn, type LintFinding } from '@banjie/engine';

/** One task of the compile pool: a model, its forms, and whether to lint it too. */
export interface CompileTask {
  xml: string;
  forms: Record<string, unknown>;
  lint: boolean;
}

/**
 * The compile pool's worker (piscina): compiles and lints a BPMN model off the api's event loop.
 * Bundled as its own entry (`dist/apps/api/compile-worker.js`, webpack.config.js); the process
 * model and findings it answers are plain data, copied back to the api by structured clone. Only
 * the engine is loaded here, not the api.
 */
export default async function compileTask({ xml, forms, lint }: CompileTask): Promise<{ compiled: Awaited<ReturnType<typeof compile>>; findings: LintFinding[] }> {
  const [compiled, findings] = await Promise.all([compile(xml, { forms }), lint ? lintBpmn(xml) : Promise.resolve([])]);
  return { compiled, findings };
}
