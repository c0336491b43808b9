/**
 * RFC 8785 canonical JSON, written for the append path: byte for byte what the `canonicalize`
 * package writes (which `verify` uses to recompute hashes), but in plain loops, and refusing at
 * once what would not be JSON (a function, or a `toJSON` giving `undefined`) instead of writing
 * text that a `JSON.parse` afterwards would have to reject. Like `canonicalize`: NaN, Infinity
 * and bigints throw; `undefined` and symbol members of objects are left out, and become `null`
 * in arrays; `toJSON()` is honoured; keys sort by UTF-16 code units; holes of sparse arrays are
 * skipped.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new Error('NaN is not allowed');
    if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
  }
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) throw new TypeError(`a ${typeof value} is not representable as JSON`);
    return text;
  }
  const object = value as Record<string, unknown> & { toJSON?: unknown };
  if (object.toJSON instanceof Function) return canonicalJson((object as { toJSON(): unknown }).toJSON());
  if (Array.isArray(object)) {
    let text = '[';
    for (let index = 0; index < object.length; index++) {
      if (!(index in object)) continue;
      // A hole at index 0 followed by an element would make `canonicalize` write "[,": not JSON.
      if (index !== 0) text += text.length === 1 ? invalidSparseArray() : ',';
      const item: unknown = object[index];
      text += canonicalJson(item === undefined || typeof item === 'symbol' ? null : item);
    }
    return `${text}]`;
  }
  const keys = Object.keys(object).sort();
  let text = '{';
  for (const key of keys) {
    const member = object[key];
    if (member === undefined || typeof member === 'symbol') continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${text}}`;
}

function invalidSparseArray(): never {
  throw new TypeError('a sparse array starting with a hole is not representable as JSON');
}
