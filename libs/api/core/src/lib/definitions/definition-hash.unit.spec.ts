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

  it('changes when a DMN resource changes, and stays what it was without one', () => {
    // given
    const dmn = { 'route.dmn': '<definitions id="a"/>' };

    // when
    const withDmn = definitionHash('<xml/>', {}, dmn);

    // then
    expect(definitionHash('<xml/>', {}, {})).toBe(definitionHash('<xml/>', {}));
    expect(withDmn).not.toBe(definitionHash('<xml/>', {}));
    expect(definitionHash('<xml/>', {}, { 'route.dmn': '<definitions id="b"/>' })).not.toBe(withDmn);
    expect(definitionHash('<xml/>', {}, { ...dmn })).toBe(withDmn);
  });
});
