import type { ErrorDetail } from '@banjie/contracts';

interface FormComponent {
  type?: string;
  key?: string;
  label?: string;
  validate?: { required?: boolean; min?: number; max?: number; minLength?: number; maxLength?: number };
  values?: { value: unknown }[];
  components?: FormComponent[];
}

const TEXT_TYPES = new Set(['textfield', 'textarea', 'datetime']);
const CHOICE_TYPES = new Set(['select', 'radio']);

/**
 * Checks submitted variables against a form-js schema: required fields present, numbers are
 * numbers within min/max, checkboxes are booleans, selects and radios hold one of their values.
 * Returns one detail per faulty field (empty when the variables fit).
 */
export function checkFormVariables(form: unknown, variables: Record<string, unknown>): ErrorDetail[] {
  const schema = typeof form === 'string' ? safeParse(form) : form;
  if (!schema || typeof schema !== 'object') return [];
  const problems: ErrorDetail[] = [];
  for (const component of fieldsOf((schema as FormComponent).components ?? [])) {
    const key = component.key ?? '';
    const value = variables[key];
    const label = component.label ?? key;
    const missing = value === undefined || value === null || value === '';
    if (missing) {
      if (component.validate?.required) problems.push({ field: key, message: `${label} is required` });
      continue;
    }
    const problem = checkValue(component, value, label);
    if (problem) problems.push({ field: key, message: problem });
  }
  return problems;
}

function checkValue(component: FormComponent, value: unknown, label: string): string | undefined {
  const type = component.type ?? '';
  const rules = component.validate ?? {};
  if (type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return `${label} must be a number`;
    if (rules.min !== undefined && value < rules.min) return `${label} must be at least ${rules.min}`;
    if (rules.max !== undefined && value > rules.max) return `${label} must be at most ${rules.max}`;
  } else if (type === 'checkbox') {
    if (typeof value !== 'boolean') return `${label} must be true or false`;
  } else if (CHOICE_TYPES.has(type) && component.values) {
    if (!component.values.some((v) => v.value === value)) return `${label} must be one of ${component.values.map((v) => JSON.stringify(v.value)).join(', ')}`;
  } else if (type === 'checklist' && component.values) {
    const allowed = component.values.map((v) => v.value);
    if (!Array.isArray(value) || value.some((item) => !allowed.includes(item))) return `${label} must be a list of allowed values`;
  } else if (TEXT_TYPES.has(type)) {
    if (typeof value !== 'string') return `${label} must be text`;
    if (rules.minLength !== undefined && value.length < rules.minLength) return `${label} must have at least ${rules.minLength} characters`;
    if (rules.maxLength !== undefined && value.length > rules.maxLength) return `${label} must have at most ${rules.maxLength} characters`;
  }
  return undefined;
}

/** Input fields of a form, groups flattened. */
function fieldsOf(components: FormComponent[]): FormComponent[] {
  return components.flatMap((c) => [...(c.key ? [c] : []), ...fieldsOf(c.components ?? [])]);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
