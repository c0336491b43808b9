import { createHash } from 'node:crypto';

/** SHA-256 of a deployment's XML and forms, so that deploying the same thing twice is recognised. */
export function definitionHash(xml: string, forms: Record<string, unknown>): string {
  return createHash('sha256').update(xml).update('\u0000').update(canonicalJson(forms)).digest('hex');
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
