// @camunda/feel-builtins types sit behind an export that `moduleResolution: node` cannot see; this
// reference also reaches the apps that compile the engine from source.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./camunda-feel-builtins.d.ts" />
import { camundaBuiltins } from '@camunda/feel-builtins';
import { date, dateAndTime } from 'feelin';

/**
 * Camunda's FEEL extension functions (Zeebe's FEEL engine, `@camunda/feel-builtins` names) that
 * feelin does not have, implemented here so a model written for Camunda 8 evaluates the same.
 * `now()` and `today()` read the decision's clock. `random number()` and `uuid()` cannot be
 * replayed: compile refuses them and evaluating them fails. `date and time(date, timezone)` is not
 * provided (feelin's `date and time(date, time)` stays).
 */

/** A JS function feelin calls with its FEEL arguments; `$args` names its parameters. */
type FeelBuiltin = ((...args: never[]) => unknown) & { $args: string[] };

/** Functions Banjie refuses: they answer differently on every call, so a replay would differ. */
export const NON_DETERMINISTIC_FUNCTIONS: readonly string[] = ['random number', 'uuid'];

/** A value of a FEEL function argument that is not a value (null or missing). */
function isNil(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

function builtin<F extends (...args: never[]) => unknown>(args: string[], fn: F): F & { $args: string[] } {
  return Object.assign(fn, { $args: args });
}

/** The ISO text of a FEEL temporal value (feelin's durations and dates have `toJSON`). */
function isoText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const withJson = value as { toJSON?: () => unknown } | null;
  return withJson && typeof withJson.toJSON === 'function' ? String(withJson.toJSON()) : undefined;
}

function isDuration(value: unknown): boolean {
  const iso = isoText(value);
  return value !== null && typeof value === 'object' && iso !== undefined && /^-?P/.test(iso);
}

/** Stable identity of a FEEL value for `duplicate values`. */
function identity(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON: () => unknown }).toJSON() : v));
}

function utf8ToBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function base64ToUtf8(text: string): string | null {
  try {
    const binary = atob(text);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A refused function: evaluating it fails (and raises an incident). */
function refused(name: string): FeelBuiltin {
  return builtin([], () => {
    throw new Error(`${name}() is not deterministic: Banjie replays every case, so it refuses ${name}()`);
  });
}

/** The Camunda extension functions, by FEEL name, clock-independent. */
const CLOCKLESS: Record<string, FeelBuiltin> = {
  'is defined': builtin(['value'], (value: unknown) => !isNil(value)),
  'get or else': builtin(['value', 'default'], (value: unknown, fallback: unknown) => (isNil(value) ? (fallback ?? null) : value)),
  assert: builtin(['value', 'condition', 'cause'], (value: unknown, condition: unknown, cause: unknown) => {
    if (condition === true) return value;
    throw new Error(typeof cause === 'string' ? cause : 'The condition is not fulfilled');
  }),
  'string join': builtin(['list', 'delimiter', 'prefix', 'suffix'], (list: unknown, delimiter: unknown, prefix: unknown, suffix: unknown) => {
    if (!Array.isArray(list)) return null;
    const items = list.filter((item) => !isNil(item));
    if (!items.every((item) => typeof item === 'string')) return null;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    return `${text(prefix)}${items.join(text(delimiter))}${text(suffix)}`;
  }),
  'is empty': builtin(['list'], (list: unknown) => (Array.isArray(list) ? list.length === 0 : null)),
  'duplicate values': builtin(['list'], (list: unknown) => {
    if (!Array.isArray(list)) return null;
    const counts = new Map<string, { item: unknown; count: number }>();
    for (const item of list) {
      const key = identity(item);
      const entry = counts.get(key);
      if (entry) entry.count += 1;
      else counts.set(key, { item, count: 1 });
    }
    return [...counts.values()].filter((e) => e.count > 1).map((e) => e.item);
  }),
  // Camunda's form walks a path of keys; DMN's form takes one key
  'get value': builtin(['context', 'keys'], (context: unknown, keys: unknown) => {
    const path = typeof keys === 'string' ? [keys] : keys;
    if (!Array.isArray(path) || path.length === 0 || !path.every((k) => typeof k === 'string')) return null;
    let value: unknown = context;
    for (const key of path) {
      if (isNil(value) || typeof value !== 'object' || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, key)) return null;
      value = (value as Record<string, unknown>)[key];
    }
    return value ?? null;
  }),
  partition: builtin(['list', 'size'], (list: unknown, size: unknown) => {
    if (!Array.isArray(list) || typeof size !== 'number' || !Number.isInteger(size) || size <= 0) return null;
    const parts: unknown[][] = [];
    for (let i = 0; i < list.length; i += size) parts.push(list.slice(i, i + size));
    return parts;
  }),
  extract: builtin(['string', 'pattern'], (text: unknown, pattern: unknown) => {
    if (typeof text !== 'string' || typeof pattern !== 'string') return null;
    let regex: RegExp;
    try {
      regex = new RegExp(pattern, 'gu');
    } catch {
      return null;
    }
    return [...text.matchAll(regex)].map((m) => m[0]);
  }),
  trim: builtin(['string'], (text: unknown) => (typeof text === 'string' ? text.trim() : null)),
  'is blank': builtin(['string'], (text: unknown) => (typeof text === 'string' ? text.trim() === '' : null)),
  'to base64': builtin(['value'], (text: unknown) => (typeof text === 'string' ? utf8ToBase64(text) : null)),
  'from base64': builtin(['value'], (text: unknown) => (typeof text === 'string' ? base64ToUtf8(text) : null)),
  'last day of month': builtin(['date'], (value: unknown) => {
    const iso = isoText(value);
    const match = iso === undefined || isNil(value) || typeof value !== 'object' ? null : /^(-?\d{4,})-(\d{2})-\d{2}/.exec(iso);
    if (!match) return null;
    const year = Number(match[1]);
    const month = Number(match[2]);
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return date(`${match[1]}-${match[2]}-${String(last).padStart(2, '0')}`);
  }),
  fromAi: builtin(['value', 'description', 'type', 'schema', 'options'], (value: unknown) => value ?? null),
  // Zeebe's own function for timer cycles: cycle(interval) repeats forever, cycle(n, interval) n times.
  cycle: builtin(['repetitions', 'interval'], (first: unknown, second: unknown) => {
    const [repetitions, interval] = second === undefined ? [null, first] : [first, second];
    if (!isDuration(interval)) return null;
    if (isNil(repetitions)) return `R/${isoText(interval)}`;
    if (typeof repetitions !== 'number' || !Number.isInteger(repetitions) || repetitions < 0) return null;
    return `R${repetitions}/${isoText(interval)}`;
  }),
  'random number': refused('random number'),
  uuid: refused('uuid'),
};

/** Every name this module provides, longest first (so `is defined` is tried before a shorter name). */
const NAMES = Object.keys(CLOCKLESS).sort((a, b) => b.length - a.length);

/** Invocations per name: `name(` with any spacing, not the end of a longer name. */
const INVOCATIONS = new Map(NAMES.map((name) => [name, new RegExp(`(?<![A-Za-z0-9_.])${name.replace(/ /g, '\\s+')}\\s*\\(`)]));

const MAX_CACHED = 10_000;
const usedByExpression = new Map<string, readonly string[]>();

/** The extension functions an expression invokes (cached per expression text). */
export function extensionsInvokedBy(feel: string): readonly string[] {
  let used = usedByExpression.get(feel);
  if (used) return used;
  used = NAMES.filter((name) => feel.includes(name.split(' ')[0]) && (INVOCATIONS.get(name) as RegExp).test(feel));
  if (usedByExpression.size < MAX_CACHED) usedByExpression.set(feel, used);
  return used;
}

/**
 * The functions to add to an expression's context: the extensions it invokes, and `now()` and
 * `today()` on the decision's clock (failing outside a decision rather than reading the host's).
 */
export function builtinsFor(feel: string, clock: string | undefined): Record<string, unknown> | undefined {
  const used = extensionsInvokedBy(feel);
  const clocked = feel.includes('now') || feel.includes('today');
  if (used.length === 0 && !clocked) return undefined;
  const functions: Record<string, unknown> = {};
  for (const name of used) functions[name] = CLOCKLESS[name];
  if (clocked) {
    functions['now'] = builtin([], () => (clock ? dateAndTime(clock) : noClock('now')));
    functions['today'] = builtin([], () => (clock ? date(clock.slice(0, 10)) : noClock('today')));
  }
  return functions;
}

function noClock(name: string): never {
  throw new Error(`${name}() has no clock outside a decision: Banjie never reads the machine's clock`);
}

/** Every Camunda built-in name, for the parser: names with spaces or keywords (`get or else`) parse only when known. */
export const PARSER_CONTEXT: Readonly<Record<string, unknown>> = Object.freeze(
  Object.fromEntries([...camundaBuiltins.map((b) => b.name), ...NAMES].map((name) => [name, CLOCKLESS[name] ?? builtin([], () => null)])),
);
