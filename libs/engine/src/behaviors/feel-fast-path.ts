import type { Variables } from '../lib/api';

/**
 * Answers the most common FEEL expressions of approval flows — a variable or a path
 * (`leader`, `applicant.name`) and a comparison of one with a literal (`approved = true`,
 * `materials < 5`) — without running the FEEL parser, which costs far more than the lookup.
 * Anything else, or any value whose type the shortcut is not sure of, goes to feelin.
 */
export type FastAnswer = { found: true; value: unknown } | { found: false };

type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=';

interface FastForm {
  path: string[];
  comparison?: { operator: Operator; literal: number | boolean | string };
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const PATH = new RegExp(`^\\s*(${NAME}(?:\\.${NAME})*)\\s*$`);
const COMPARISON = new RegExp(`^\\s*(${NAME}(?:\\.${NAME})*)\\s*(!=|<=|>=|=|<|>)\\s*(-?\\d+(?:\\.\\d+)?|true|false|"[^"\\\\]*")\\s*$`);
const KEYWORDS = new Set(['true', 'false', 'null', 'not', 'and', 'or', 'if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'instance', 'of', 'function', 'between']);
const MAX_FORMS = 10_000;
const forms = new Map<string, FastForm | null>();
const MISSING: FastAnswer = { found: false };

/** The value of a FEEL expression when the shortcut can answer it exactly. */
export function fastFeel(feel: string, variables: Variables): FastAnswer {
  const form = formOf(feel);
  if (!form) return MISSING;
  let value: unknown = variables;
  for (const name of form.path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return MISSING;
    value = (value as Variables)[name];
    if (value === undefined) return MISSING;
  }
  if (!form.comparison) return typeof value === 'function' ? MISSING : { found: true, value };
  return compare(value, form.comparison.operator, form.comparison.literal);
}

function compare(value: unknown, operator: Operator, literal: number | boolean | string): FastAnswer {
  if (typeof value !== typeof literal) return MISSING;
  if (operator === '=') return { found: true, value: value === literal };
  if (operator === '!=') return { found: true, value: value !== literal };
  if (typeof literal !== 'number' || typeof value !== 'number') return MISSING;
  const answers: Record<Exclude<Operator, '=' | '!='>, boolean> = { '<': value < literal, '<=': value <= literal, '>': value > literal, '>=': value >= literal };
  return { found: true, value: answers[operator] };
}

function formOf(feel: string): FastForm | null {
  let form = forms.get(feel);
  if (form !== undefined) return form;
  form = analyse(feel);
  if (forms.size < MAX_FORMS) forms.set(feel, form);
  return form;
}

function analyse(feel: string): FastForm | null {
  const path = PATH.exec(feel);
  if (path) return validPath(path[1]);
  const comparison = COMPARISON.exec(feel);
  if (!comparison) return null;
  const base = validPath(comparison[1]);
  if (!base) return null;
  const text = comparison[3];
  const literal = text === 'true' ? true : text === 'false' ? false : text.startsWith('"') ? text.slice(1, -1) : Number(text);
  return { path: base.path, comparison: { operator: comparison[2] as Operator, literal } };
}

function validPath(text: string): FastForm | null {
  const path = text.split('.');
  return path.some((name) => KEYWORDS.has(name)) ? null : { path };
}
