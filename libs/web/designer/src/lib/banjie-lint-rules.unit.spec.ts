import { banjieLintRules } from './banjie-lint-rules';

describe('banjieLintRules', () => {
  it('resolves every configured rule to a bpmnlint rule factory', () => {
    // given
    const { config, resolver } = banjieLintRules();

    // when
    const unresolved = Object.keys(config.rules).filter((name) => typeof resolver.resolveRule('bpmnlint', name) !== 'function');

    // then
    expect(Object.keys(config.rules).length).toBeGreaterThan(15);
    expect(unresolved).toEqual([]);
  });

  it('lets a model without diagram information through, as the api deploys it', () => {
    // when
    const { config } = banjieLintRules();

    // then
    expect(config.rules).not.toHaveProperty('no-bpmndi');
    expect(config.rules['no-complex-gateway']).toBe('error');
  });
});
