import { compileWithDecisions, lintBpmn, type compile, type DecisionResources, type LintFinding } from '@banjie/engine';
import canonicalize from 'canonicalize';
import { readLimitedJson, type JsonBodyReading } from '../server/json-limits';

/** One task of the compile pool: a model, its forms and DMN resources, and whether to lint it too. */
export interface CompileTask {
  xml: string;
  forms: Record<string, unknown>;
  lint: boolean;
  decisions?: DecisionResources;
}

/**
 * The compile pool's worker (piscina): compiles and lints a BPMN model off the api's event loop;
 * its named tasks read big JSON bodies and encode big event payloads there too.
 * Bundled as its own entry (`dist/apps/api/compile-worker.js`, webpack.config.js); the process
 * model and findings it answers are plain data, copied back to the api by structured clone. Only
 * the engine is loaded here, not the api.
 */
export default async function compileTask({ xml, forms, lint, decisions }: CompileTask): Promise<{ compiled: Awaited<ReturnType<typeof compile>>; findings: LintFinding[] }> {
  const [compiled, findings] = await Promise.all([compileWithDecisions(xml, { forms, decisionResources: decisions }), lint ? lintBpmn(xml) : Promise.resolve([])]);
  return { compiled, findings };
}

/** Named task `readJsonBody`: a request body checked against the limits and parsed, as on the event loop. */
export function readJsonBody(text: string): JsonBodyReading {
  return readLimitedJson(text);
}

/**
 * Named task `encodeEventData`: an event's data as the event store keeps it, its canonical
 * (RFC 8785) JSON text by the store's own `canonicalize`. Only the text comes back: the api builds
 * the parsed form from the data it has (off-thread-appends.ts), which costs no copy of its strings.
 */
export function encodeEventData(data: unknown): string {
  const dataJson = canonicalize(data);
  if (dataJson === undefined) throw new TypeError('The event data is not representable as JSON');
  return dataJson;
}
