import type { Form } from '@bpmn-io/form-js';

/** The error of a number field holding text: form-js keeps `null` for it and would save that. */
export const NOT_A_NUMBER = '请输入数字 Value is not a number.';

/**
 * form-js's validation messages (English only: form-js has no i18n) and their Chinese, with the
 * English kept beside it. A message not listed (a designer's own `patternErrorMessage`) stays as is.
 */
const MESSAGES: readonly [RegExp, (...groups: string[]) => string][] = [
  [/^Field is required\.$/, () => '此项必填 Field is required.'],
  [/^Field must have minimum value of (.+)\.$/, (min) => `不能小于 ${min} Field must have minimum value of ${min}.`],
  [/^Field must have maximum value of (.+)\.$/, (max) => `不能大于 ${max} Field must have maximum value of ${max}.`],
  [/^Field must have minimum length of (.+)\.$/, (min) => `至少 ${min} 个字符 Field must have minimum length of ${min}.`],
  [/^Field must have maximum length of (.+)\.$/, (max) => `最多 ${max} 个字符 Field must have maximum length of ${max}.`],
  [/^Field must be a valid\s+international phone number\.?\s*\(e\.g\. (.+)\)$/, (example) => `请输入有效的国际电话号码（如 ${example}）Field must be a valid international phone number (e.g. ${example}).`],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱 Field must be a valid email.'],
  [/^Field must match pattern (.+)\.$/, (pattern) => `格式不符 ${pattern} Field must match pattern ${pattern}.`],
  [/^Value is not a number\.$/, () => NOT_A_NUMBER],
  [/^Value is expected to be an integer\.$/, () => '请输入整数 Value is expected to be an integer.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (digits) => `最多 ${digits} 位小数 Value is expected to have at most ${digits} decimal digits.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, (below, above) => `请输入有效值，最接近的是 ${below} 和 ${above} Please select a valid value, the two nearest valid values are ${below} and ${above}.`],
  [/^Min validation value is not a valid number\.$/, () => '最小值设置无效 Min validation value is not a valid number.'],
  [/^Max validation value is not a valid number\.$/, () => '最大值设置无效 Max validation value is not a valid number.'],
];

/** One form-js validation message in Chinese with the English beside it. */
export function bilingualFormMessage(message: string): string {
  for (const [pattern, render] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) return render(...match.slice(1));
  }
  return message;
}

/** Whether what a number field shows is text rather than a number (form-js shows `NaN` for pasted text). */
export function isTextInNumberField(shown: string): boolean {
  const text = shown.trim();
  return text !== '' && text !== '-' && Number.isNaN(Number(text.replace(',', '.')));
}

/** What form-js's validator sees of a field instance. */
interface FieldInstance {
  id: string;
  indexes?: Record<string, number>;
}

interface FormJsValidator {
  validateFieldInstance(fieldInstance: FieldInstance, value: unknown): string[];
}

interface FormFieldRegistry {
  get(id: string): { id: string; type: string } | undefined;
}

interface FormJsInternals {
  _id: string;
  _container: HTMLElement;
}

/**
 * Makes a form-js form validate in Chinese with English beside it, and refuse text in a number
 * field: form-js turns such text into `null` (shown as `NaN`) and would submit it; here the field
 * shows {@link NOT_A_NUMBER} and `submit()` answers it among the errors. Both the live checks (on
 * change and blur) and `submit()` go through the validator, so both are covered.
 */
export class BilingualValidation {
  static readonly $inject = ['validator', 'formFieldRegistry', 'form'];

  constructor(validator: FormJsValidator, registry: FormFieldRegistry, form: Form) {
    const validate = validator.validateFieldInstance.bind(validator);
    validator.validateFieldInstance = (fieldInstance, value) => {
      const errors = validate(fieldInstance, value).map(bilingualFormMessage);
      const field = registry.get(fieldInstance.id);
      if (field?.type === 'number' && (value === null || value === undefined || value === '') && !errors.includes(NOT_A_NUMBER)) {
        const shown = fieldInput(form, field.id, fieldInstance.indexes)?.value ?? '';
        if (isTextInNumberField(shown)) errors.unshift(NOT_A_NUMBER);
      }
      return errors;
    };
  }
}

/** The form-js module to pass in `additionalModules`: `new Form({ container, additionalModules: [BilingualValidationModule] })`. */
export const BilingualValidationModule = {
  __init__: ['bilingualValidation'],
  bilingualValidation: ['type', BilingualValidation],
};

/** The `<input>` form-js draws for a field (its id is `fjs-form-<formId>-<fieldId>[_<index>…]`). */
function fieldInput(form: Form, fieldId: string, indexes: Record<string, number> | undefined): HTMLInputElement | null {
  const { _id, _container } = form as unknown as FormJsInternals;
  const domId = [`fjs-form-${_id}-${fieldId}`, ...Object.values(indexes ?? {})].join('_');
  return Array.from(_container.querySelectorAll('input')).find((input) => input.id === domId) ?? null;
}
