import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { banjieModdleDescriptor } from '@banjie/bpmn-extensions';
import { MAX_XML_DEPTH, xmlNestsDeeperThan } from '../compile/xml-depth';
import { BANJIE_LINT_PLUGIN, BANJIE_LINT_RULES, type LintCategory } from './banjie-lint-rules';

/** One finding of a Banjie lint rule, pinned to its element. */
export interface LintFinding {
  /** `banjie/<rule>`, as the designer's canvas names it. */
  rule: string;
  category: LintCategory;
  elementId: string;
  elementType?: string;
  message: string;
}

interface PropertyDescriptor {
  name: string;
  type: string;
  isAttr?: boolean;
  isReference?: boolean;
  isMany?: boolean;
}

const SIMPLE_TYPES = new Set(['String', 'Boolean', 'Integer', 'Real']);

/** Visits a moddle tree depth first, the way bpmnlint does: contained elements only, never references. */
function traverse(element: ModdleElement, enter: (element: ModdleElement) => void): void {
  enter(element);
  const descriptor = element['$descriptor'] as { isGeneric?: boolean; properties?: PropertyDescriptor[] } | undefined;
  if (!descriptor || descriptor.isGeneric) return;
  for (const property of descriptor.properties ?? []) {
    if (property.isAttr || property.isReference || SIMPLE_TYPES.has(property.type)) continue;
    const value = element[property.name];
    const contained = property.isMany ? (Array.isArray(value) ? value : []) : [value];
    for (const item of contained) if (item && typeof item === 'object' && '$type' in item) traverse(item as ModdleElement, enter);
  }
}

/** Runs every Banjie lint rule over parsed definitions (`bpmn:Definitions` with the zeebe and banjie extensions). */
export function lintDefinitions(definitions: ModdleElement): LintFinding[] {
  const byId = new Map<string, ModdleElement>();
  traverse(definitions, (element) => {
    if (element.id) byId.set(element.id, element);
  });
  const findings: LintFinding[] = [];
  for (const [name, { rule, category }] of Object.entries(BANJIE_LINT_RULES)) {
    const { check } = rule();
    const reporter = {
      report: (elementId: string, message: string) =>
        findings.push({ rule: `${BANJIE_LINT_PLUGIN}/${name}`, category, elementId, elementType: byId.get(elementId)?.$type, message }),
    };
    traverse(definitions, (element) => check(element, reporter));
  }
  return findings;
}

/** Parses BPMN XML and runs the Banjie lint rules; XML that cannot be read yields no finding (compile reports it). */
export async function lintBpmn(xml: string): Promise<LintFinding[]> {
  if (/<!DOCTYPE/i.test(xml) || xmlNestsDeeperThan(xml, MAX_XML_DEPTH)) return [];
  try {
    const moddle = BpmnModdle({ zeebe: zeebeDescriptor, banjie: banjieModdleDescriptor });
    const { rootElement } = await moddle.fromXML(xml, 'bpmn:Definitions');
    return lintDefinitions(rootElement);
  } catch {
    return [];
  }
}
