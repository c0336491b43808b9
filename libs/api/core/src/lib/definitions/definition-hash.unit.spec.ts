import { canonicalJson, definitionHash } from './definition-hash';

describe('definitionHash', () => {
  it('is the same for forms written with their keys in another order', () => {
    // given
    const a = { f: { components: [{ key: 'x', type: 'textfield' }], id: 'f' } };
    const b = { f: { id: 'f', components: [{ type: 'textfield', key: 'x' }] } };

    // when
    const same = definitionHash('<xml/>', a) === definitionHash('<xml/>', b);

    // then
    expect(same).toBe(true);
    expect(canonicalJson(b)).toBe('{"f":{"components":[{"key":"x","type":"textfield"}],"id":"f"}}');
  });

  it('changes when the XML or a form changes', () => {
    // given
    const base = definitionHash('<xml/>', {});

    // then
    expect(definitionHash('<xml />', {})).not.toBe(base);
    expect(definitionHash('<xml/>', { f: {} })).not.toBe(base);
  });
});
