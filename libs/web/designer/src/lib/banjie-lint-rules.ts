import { BANJIE_LINT_PLUGIN, BANJIE_LINT_RULES } from '@banjie/engine/lint';
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event';
import fakeJoin from 'bpmnlint/rules/fake-join';
import labelRequired from 'bpmnlint/rules/label-required';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';

/** How seriously the designer takes a rule's finding. */
type RuleLevel = 'error' | 'warn';

/**
 * The bpmnlint rules the designer checks while drawing: bpmnlint's `recommended` set, minus
 * `no-bpmndi` (Banjie deploys models without diagram information and lays them out). The rules
 * are imported one by one, so the bundler packs them for the browser without
 * `bpmnlint-pack-config`.
 */
const RULES = {
  'ad-hoc-sub-process': [adHocSubProcess, 'error'],
  'conditional-flows': [conditionalFlows, 'error'],
  'end-event-required': [endEventRequired, 'error'],
  'event-based-gateway': [eventBasedGateway, 'error'],
  'event-sub-process-typed-start-event': [eventSubProcessTypedStartEvent, 'error'],
  'fake-join': [fakeJoin, 'warn'],
  'label-required': [labelRequired, 'warn'],
  'no-complex-gateway': [noComplexGateway, 'error'],
  'no-disconnected': [noDisconnected, 'error'],
  'no-duplicate-sequence-flows': [noDuplicateSequenceFlows, 'error'],
  'no-gateway-join-fork': [noGatewayJoinFork, 'error'],
  'no-implicit-end': [noImplicitEnd, 'error'],
  'no-implicit-split': [noImplicitSplit, 'error'],
  'no-implicit-start': [noImplicitStart, 'error'],
  'no-inclusive-gateway': [noInclusiveGateway, 'warn'],
  'no-overlapping-elements': [noOverlappingElements, 'warn'],
  'single-blank-start-event': [singleBlankStartEvent, 'error'],
  'single-event-definition': [singleEventDefinition, 'error'],
  'start-event-required': [startEventRequired, 'error'],
  'sub-process-blank-start-event': [subProcessBlankStartEvent, 'error'],
  'superfluous-gateway': [superfluousGateway, 'warn'],
} satisfies Record<string, [unknown, RuleLevel]>;

/** The packed lint configuration `bpmn-js-bpmnlint` expects: `{ config, resolver }`. */
export interface PackedLintConfig {
  config: { rules: Record<string, RuleLevel> };
  resolver: StaticResolver;
}

/**
 * Builds the designer's lint configuration for `linting.bpmnlint`: bpmnlint's rules above, and
 * Banjie's own (`banjie/legal-limit`, `banjie/feel-syntax`…) from the engine, the very rules the
 * server runs when it deploys, so the canvas shows the problems a deploy would report.
 */
export function banjieLintRules(): PackedLintConfig {
  const cache: Record<string, unknown> = {};
  const rules: Record<string, RuleLevel> = {};
  for (const [name, [rule, level]] of Object.entries(RULES)) {
    cache[`rule:bpmnlint/${name}`] = rule;
    rules[name] = level;
  }
  for (const [name, { rule, category }] of Object.entries(BANJIE_LINT_RULES)) {
    cache[`rule:bpmnlint-plugin-${BANJIE_LINT_PLUGIN}/${name}`] = rule;
    rules[`${BANJIE_LINT_PLUGIN}/${name}`] = category;
  }
  return { config: { rules }, resolver: new StaticResolver(cache) };
}
