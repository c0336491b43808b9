// dmn-moddle ships no typings; this reference also reaches the apps that compile the engine from source.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./dmn-moddle.d.ts" />
import { DmnModdle } from 'dmn-moddle';
import { parseExpression, parseUnaryTests } from 'feelin';
import type { Aggregation, Decision, DecisionTable, HitPolicy } from './decisions';
import { MAX_XML_DEPTH, xmlNestsDeeperThan } from '../compile/xml-depth';

/** A DMN resource that cannot be deployed: the message names the resource, decision and rule. */
export class DmnInvalid extends Error {
  constructor(
    message: string,
    /** The decision at fault, when the fault is in one. */
    readonly decisionId?: string,
  ) {
    super(message);
  }
}

interface ModdleElement {
  readonly $type: string;
  readonly [key: string]: unknown;
}

const HIT_POLICIES: readonly HitPolicy[] = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'];
const AGGREGATIONS: readonly Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

/**
 * Reads a `.dmn` (DMN 1.3) resource with dmn-moddle into plain decisions, checking at deploy
 * what would otherwise fail at run time: FEEL syntax of every input expression, input entry
 * (unary tests) and output entry, hit policy and aggregation, and required decisions.
 */
export async function parseDmn(xml: string, resourceName = 'decision.dmn'): Promise<Decision[]> {
  if (/<!DOCTYPE/i.test(xml)) throw new DmnInvalid(`${resourceName}: XML with a DOCTYPE is refused`);
  if (xmlNestsDeeperThan(xml, MAX_XML_DEPTH)) throw new DmnInvalid(`${resourceName}: the DMN XML nests elements deeper than ${MAX_XML_DEPTH} levels`);
  let root: ModdleElement;
  try {
    const parsed = (await DmnModdle().fromXML(xml, 'dmn:Definitions')) as { rootElement: ModdleElement };
    root = parsed.rootElement;
  } catch (e) {
    throw new DmnInvalid(`${resourceName}: not a DMN 1.3 document: ${e instanceof Error ? e.message : String(e)}`);
  }
  const decisions = list(root['drgElement']).filter((e) => e.$type === 'dmn:Decision').map((e) => naming(text(e['id']), () => readDecision(e, resourceName)));
  if (decisions.length === 0) throw new DmnInvalid(`${resourceName}: the resource holds no decision`);
  const ids = new Set(decisions.map((d) => d.id));
  for (const decision of decisions) {
    for (const required of decision.requires) {
      if (!ids.has(required)) throw new DmnInvalid(`${resourceName}: decision '${decision.id}' requires '${required}', which is not in the resource`, decision.id);
    }
  }
  return decisions;
}

/** Runs `read`, giving the decision's id to a failure that names none. */
function naming<T>(decisionId: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof DmnInvalid && e.decisionId === undefined) throw new DmnInvalid(e.message, decisionId);
    throw e;
  }
}

function readDecision(node: ModdleElement, resource: string): Decision {
  const id = text(node['id']);
  const where = `${resource}: decision '${id}'`;
  const requires = list(node['informationRequirement'])
    .map((r) => (r['requiredDecision'] as ModdleElement | undefined)?.['href'])
    .filter((href): href is string => typeof href === 'string')
    .map((href) => href.replace(/^#/, ''));
  const logic = node['decisionLogic'] as ModdleElement | undefined;
  const base = { id, name: text(node['name']) || id, requires };
  if (logic?.$type === 'dmn:LiteralExpression') {
    const expression = text(logic['text']);
    checkExpression(expression, `${where}: the literal expression`);
    return { ...base, logic: { kind: 'literal', expression } };
  }
  if (logic?.$type !== 'dmn:DecisionTable') throw new DmnInvalid(`${where} has neither a decision table nor a literal expression`);
  return { ...base, logic: readTable(logic, where) };
}

function readTable(node: ModdleElement, where: string): DecisionTable {
  const hitPolicy = (text(node['hitPolicy']) || 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.includes(hitPolicy)) throw new DmnInvalid(`${where}: unknown hit policy '${hitPolicy}'`);
  const aggregationText = text(node['aggregation']);
  const aggregation = aggregationText === '' ? undefined : (aggregationText as Aggregation);
  if (aggregation !== undefined && !AGGREGATIONS.includes(aggregation)) throw new DmnInvalid(`${where}: unknown aggregation '${aggregationText}'`);
  if (aggregation !== undefined && hitPolicy !== 'COLLECT') throw new DmnInvalid(`${where}: an aggregation needs the hit policy COLLECT`);
  const inputs = list(node['input']).map((input, i) => {
    const expression = text((input['inputExpression'] as ModdleElement | undefined)?.['text']);
    checkExpression(expression, `${where}: input ${i + 1}`);
    return expression;
  });
  const outputs = list(node['output']).map((output, i) => ({
    name: text(output['name']) || `output${i + 1}`,
    values: splitValues(text((output['outputValues'] as ModdleElement | undefined)?.['text'])),
  }));
  if (aggregation !== undefined && outputs.length !== 1) throw new DmnInvalid(`${where}: the ${aggregation} aggregation needs exactly one output`);
  const rules = list(node['rule']).map((rule, r) => {
    const id = text(rule['id']) || `rule ${r + 1}`;
    const inputEntries = list(rule['inputEntry']).map((e) => text(e['text']));
    const outputEntries = list(rule['outputEntry']).map((e) => text(e['text']));
    if (inputEntries.length !== inputs.length) throw new DmnInvalid(`${where}: rule '${id}' has ${inputEntries.length} input entries for ${inputs.length} inputs`);
    if (outputEntries.length !== outputs.length) throw new DmnInvalid(`${where}: rule '${id}' has ${outputEntries.length} output entries for ${outputs.length} outputs`);
    inputEntries.forEach((entry, i) => checkUnaryTests(entry, `${where}: rule '${id}', input entry ${i + 1}`));
    outputEntries.forEach((entry, i) => {
      if (entry.trim() !== '' && entry.trim() !== '-') checkExpression(entry, `${where}: rule '${id}', output entry ${i + 1}`);
    });
    return { id, inputEntries, outputEntries };
  });
  return { kind: 'table', hitPolicy, ...(aggregation ? { aggregation } : {}), inputs, outputs, rules };
}

function checkExpression(expression: string, where: string): void {
  if (expression.trim() === '') throw new DmnInvalid(`${where} is empty`);
  if (hasSyntaxError(() => parseExpression(expression, {}, 'camunda'))) throw new DmnInvalid(`${where}: bad FEEL "${expression}"`);
}

function checkUnaryTests(entry: string, where: string): void {
  if (entry.trim() === '' || entry.trim() === '-') return;
  if (hasSyntaxError(() => parseUnaryTests(entry, {}, 'camunda'))) throw new DmnInvalid(`${where}: bad FEEL unary test "${entry}"`);
}

/** The FEEL parser keeps going past errors: a syntax error is an error node in its tree. */
function hasSyntaxError(parse: () => { iterate(spec: { enter(node: { type: { isError: boolean } }): void }): void }): boolean {
  let bad = false;
  try {
    parse().iterate({ enter: (node) => { if (node.type.isError) bad = true; } });
  } catch {
    return true;
  }
  return bad;
}

/** Output values `"high","medium","low"` → their literals in order (commas inside strings kept). */
function splitValues(values: string): string[] {
  return (values.match(/"(?:[^"\\]|\\.)*"|[^,]+/g) ?? []).map((v) => v.trim()).filter((v) => v !== '');
}

function list(value: unknown): ModdleElement[] {
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
