import { BANJIE_LINT_RULES } from '@banjie/engine/lint';
import { banjieLintRules } from './banjie-lint-rules';

describe('banjieLintRules', () => {
  it('resolves every configured rule to a bpmnlint rule factory', () => {
    // given
    const { config, resolver } = banjieLintRules();

    // when
    const resolve = (name: string) => {
      const [plugin, rule] = name.includes('/') ? name.split('/') : [undefined, name];
      return plugin ? resolver.resolveRule(`bpmnlint-plugin-${plugin}`, rule) : resolver.resolveRule('bpmnlint', rule);
    };
    const unresolved = Object.keys(config.rules).filter((name) => typeof resolve(name) !== 'function');

    // then
    expect(Object.keys(config.rules).length).toBeGreaterThan(15);
    expect(unresolved).toEqual([]);
  });

  it('checks the Banjie rules the server runs at deploy, at the same level', () => {
    // when
    const { config, resolver } = banjieLintRules();

    // then
    expect(config.rules).toMatchObject({ 'banjie/legal-limit': 'warn', 'banjie/task-assignee': 'warn', 'banjie/gateway-conditions': 'error', 'banjie/executable-elements': 'error', 'banjie/feel-syntax': 'error' });
    expect(resolver.resolveRule('bpmnlint-plugin-banjie', 'legal-limit')).toBe(BANJIE_LINT_RULES['legal-limit'].rule);
  });

  it('lets a model without diagram information through, as the api deploys it', () => {
    // when
    const { config } = banjieLintRules();

    // then
    expect(config.rules).not.toHaveProperty('no-bpmndi');
    expect(config.rules['no-complex-gateway']).toBe('error');
  });
});
