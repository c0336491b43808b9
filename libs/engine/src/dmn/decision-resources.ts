import { compile, type CompileOptions } from '../compile/compile';
import type { ModelProblem } from '../lib/api';
import type { CompileResult } from '../model/process-model';
import type { Decisions } from './decisions';
import { DmnInvalid, parseDmn } from './parse-dmn';

/** DMN resources deployed beside a flow: file name (`dish.dmn`) → DMN 1.3 XML, as Camunda deploys them. */
export type DecisionResources = Readonly<Record<string, string>>;

/** The decisions of a deployment's DMN resources, or every problem that refuses them. */
export type DecisionResourcesResult = { readonly ok: true; readonly decisions: Decisions } | { readonly ok: false; readonly problems: ModelProblem[] };

/**
 * Reads every DMN resource of a deployment, for `compile`'s `decisions`. Each problem names the
 * resource and, where there is one, the decision (`elementId`) and rule; a decision id found in
 * two resources is refused, as Zeebe refuses a deployment with a duplicated decision id.
 */
export async function readDecisionResources(resources: DecisionResources): Promise<DecisionResourcesResult> {
  const problems: ModelProblem[] = [];
  const decisions: Record<string, Decisions[string]> = {};
  const resourceOf = new Map<string, string>();
  for (const [resourceName, xml] of Object.entries(resources)) {
    try {
      for (const decision of await parseDmn(xml, resourceName)) {
        const other = resourceOf.get(decision.id);
        if (other !== undefined) {
          problems.push({ elementId: decision.id, elementType: 'dmn:Decision', message: `${resourceName}: the decision id '${decision.id}' is also in ${other}; decision ids must be unique in a deployment` });
          continue;
        }
        resourceOf.set(decision.id, resourceName);
        decisions[decision.id] = decision;
      }
    } catch (e) {
      if (!(e instanceof DmnInvalid)) throw e;
      problems.push({ ...(e.decisionId ? { elementId: e.decisionId } : {}), elementType: e.decisionId ? 'dmn:Decision' : 'dmn:Definitions', message: e.message });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, decisions };
}

/**
 * Compiles a flow with the DMN resources deployed beside it: their decisions reach `compile`
 * (checked against the business rule tasks), and a resource that cannot be read refuses the
 * deployment with its problems.
 */
export async function compileWithDecisions(xml: string, options: Omit<CompileOptions, 'decisions'> & { decisionResources?: DecisionResources }): Promise<CompileResult> {
  const { decisionResources, ...compileOptions } = options;
  if (!decisionResources || Object.keys(decisionResources).length === 0) return compile(xml, compileOptions);
  const read = await readDecisionResources(decisionResources);
  if (!read.ok) return { ok: false, problems: read.problems };
  return compile(xml, { ...compileOptions, decisions: read.decisions });
}
