import { createHash } from 'node:crypto';

/**
 * SHA-256 of a deployment's XML, forms and DMN resources, so that deploying the same thing twice
 * is recognised. Without DMN resources the hash is what it was before they existed, so a flow
 * deployed then and deployed again unchanged keeps its version.
 */
export function definitionHash(xml: string, forms: Record<string, unknown>, decisions: Record<string, string> = {}): string {
  const hash = createHash('sha256').update(xml).update('\u0000').update(canonicalJson(forms));
  if (Object.keys(decisions).length > 0) hash.update('\u0000').update(canonicalJson(decisions));
  return hash.digest('hex');
}

/** JSON with object keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
