import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

/** What the append path did before: `canonicalize`, accepted only when the text parses back. */
function referenceText(value: unknown): string | 'refused' {
  try {
    const text = canonicalize(value);
    if (text === undefined) return 'refused';
    JSON.parse(text);
    return text;
  } catch {
    return 'refused';
  }
}

function fastText(value: unknown): string | 'refused' {
  try {
    return canonicalJson(value);
  } catch {
    return 'refused';
  }
}

/** Values beyond JSON too: dates (toJSON), bigints, NaN, ±Infinity, -0, undefined, sparse arrays, null prototypes, functions. */
const oddLeaf = fc.constantFrom<unknown>(() => 1, undefined, Symbol('s'), Number.NaN, Number.POSITIVE_INFINITY, -0, 1n, new Date(Date.UTC(2026, 2, 2)), { toJSON: () => undefined });
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, fc.anything({ withDate: true, withNullPrototype: true, withSparseArray: true, withBigInt: true, withUnicodeString: true }), oddLeaf, tie('object'), tie('array')),
  object: fc.dictionary(fc.string(), tie('any'), { maxKeys: 5 }),
  array: fc.array(tie('any'), { maxLength: 5 }),
}));

describe('canonical JSON of the append path', () => {
  it('writes exactly what canonicalize writes, and refuses exactly what did not parse back', () => {
    fc.assert(
      fc.property(value.any, (input) => {
        expect(fastText(input)).toBe(referenceText(input));
      }),
      { numRuns: 3_000 },
    );
  });

  it('agrees on sparse arrays, with and without a leading hole', () => {
    // eslint-disable-next-line no-sparse-arrays
    for (const input of [[1, , 3], [, 2], [, ,], [], [undefined, () => 1]]) expect(fastText(input)).toBe(referenceText(input));
  });
});
