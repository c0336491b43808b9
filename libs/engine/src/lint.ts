/**
 * Banjie's lint rules for the browser (`@banjie/engine/lint`): the bpmnlint rule factories the
 * designer's canvas runs and the server's deploy validation runs (`lintBpmn` in the main entry
 * point), without the compiler's XML reader.
 */
export { BANJIE_LINT_PLUGIN, BANJIE_LINT_RULES, type BanjieLintRule, type LintCategory, type LintReporter, type LintRuleFactory } from './lint/banjie-lint-rules';
