/**
 * The limits a JSON request body is held to before it becomes objects (docs/api.md "Limits"), as
 * plain functions without the api's framework, so that the compile pool's worker can read a big
 * body with exactly the checks the event loop applies to a small one (body-limits.ts).
 */
export const BODY_LIMITS = {
  /** Bytes of a JSON body anywhere but `/api/definitions`. */
  bodyBytes: 1024 * 1024,
  /** Bytes of a body on `/api/definitions` (a BPMN model, as XML or inside JSON). */
  deployBodyBytes: 5 * 1024 * 1024,
  /** Objects and arrays inside each other. */
  depth: 64,
  /** Keys of all objects of a body together. */
  keys: 10_000,
  /** Names in the `variables` of one command. */
  variables: 1_000,
} as const;

/** A body read against the limits: its value, or the message of the 400 that refuses it. */
export type JsonBodyReading = { ok: true; value: object } | { ok: false; message: string };

/** Checks a JSON body's text against the limits, then parses it; the first problem is the answer. */
export function readLimitedJson(text: string): JsonBodyReading {
  const problem = jsonLimitProblem(text);
  if (problem) return { ok: false, message: problem };
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The request body is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null) return { ok: false, message: 'The request body must be a JSON object or array' };
  const variables = (value as { variables?: unknown }).variables;
  if (typeof variables === 'object' && variables !== null && !Array.isArray(variables)) {
    const count = Object.keys(variables).length;
    if (count > BODY_LIMITS.variables) return { ok: false, message: `Too many variables: ${count}, over the limit of ${BODY_LIMITS.variables} per command` };
  }
  return { ok: true, value };
}

/** The first limit the JSON text breaks, as a message, or undefined; one pass, no objects built. Syntax is left to `JSON.parse`. */
export function jsonLimitProblem(text: string): string | undefined {
  let depth = 0;
  let keys = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // a string: find its end, then whether a ':' makes it a key
      const start = i;
      let escaped = false;
      i++;
      while (i < n) {
        const s = text.charCodeAt(i);
        if (s === 0x5c) {
          escaped = true;
          i += 2;
          continue;
        }
        if (s === 0x22) break;
        i++;
      }
      const end = i;
      i++;
      let j = i;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 0x3a) {
        keys++;
        if (keys > BODY_LIMITS.keys) return `The request body has more than ${BODY_LIMITS.keys} keys (the limit of keys per body)`;
        if (keyName(text.slice(start, end + 1), escaped) === '__proto__') return 'The key "__proto__" is not allowed in a request body';
      }
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > BODY_LIMITS.depth) return `The request body is nested deeper than ${BODY_LIMITS.depth} levels (the limit of nesting depth)`;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      while (i < n && isNumberChar(text.charCodeAt(i))) i++;
      const token = text.slice(start, i);
      const value = Number(token);
      if (value === Infinity || value === -Infinity) return `The number ${token.length > 40 ? `${token.slice(0, 40)}…` : token} is out of range (numbers must fit a 64-bit double, at most ±1.8e308)`;
      continue;
    }
    i++;
  }
  return undefined;
}

function keyName(quoted: string, escaped: boolean): string {
  if (!escaped) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;
}
