import type { Form } from '@bpmn-io/form-js';
import { BilingualValidation, BilingualValidationModule, NOT_A_NUMBER, bilingualFormMessage, isTextInNumberField } from './form-messages';

describe('bilingualFormMessage', () => {
  it.each([
    ['Field is required.', '此项必填 Field is required.'],
    ['Field must have minimum value of 1.', '不能小于 1 Field must have minimum value of 1.'],
    ['Field must have maximum value of 30.', '不能大于 30 Field must have maximum value of 30.'],
    ['Field must have minimum length of 2.', '至少 2 个字符 Field must have minimum length of 2.'],
    ['Field must have maximum length of 200.', '最多 200 个字符 Field must have maximum length of 200.'],
    ['Field must be a valid email.', '请输入有效的电子邮箱 Field must be a valid email.'],
    ['Field must be a valid  international phone number. (e.g. +4930664040900)', '请输入有效的国际电话号码（如 +4930664040900）Field must be a valid international phone number (e.g. +4930664040900).'],
    ['Field must match pattern ^LF-.+$.', '格式不符 ^LF-.+$ Field must match pattern ^LF-.+$.'],
    ['Value is not a number.', NOT_A_NUMBER],
    ['Value is expected to be an integer.', '请输入整数 Value is expected to be an integer.'],
    ['Value is expected to have at most 2 decimal digits.', '最多 2 位小数 Value is expected to have at most 2 decimal digits.'],
    ['Please select a valid value, the two nearest valid values are 10 and 15.', '请输入有效值，最接近的是 10 和 15 Please select a valid value, the two nearest valid values are 10 and 15.'],
  ])('says %j in Chinese with the English beside it', (english, bilingual) => {
    expect(bilingualFormMessage(english)).toBe(bilingual);
  });

  it('keeps a message the designer wrote', () => {
    expect(bilingualFormMessage('统一社会信用代码为 18 位 18 characters')).toBe('统一社会信用代码为 18 位 18 characters');
  });
});

describe('isTextInNumberField', () => {
  it.each([
    ['abc', true],
    ['NaN', true],
    ['十二', true],
    ['12', false],
    ['12,5', false],
    ['-', false],
    ['', false],
  ])('takes %j for text: %s', (shown, text) => {
    expect(isTextInNumberField(shown)).toBe(text);
  });
});

describe('BilingualValidation', () => {
  // form-js is ESM browser code that Jest does not load (specs mock it): a fake validator stands
  // in for form-js's own, and a container holds the inputs form-js would draw.
  const fields: Record<string, { id: string; type: string }> = {
    statutoryDays: { id: 'statutoryDays', type: 'number' },
    note: { id: 'note', type: 'textfield' },
  };
  let container: HTMLElement;
  let validator: { validateFieldInstance: (fieldInstance: { id: string }, value: unknown) => string[] };

  beforeEach(() => {
    container = document.createElement('div');
    container.innerHTML = '<input id="fjs-form-f1-statutoryDays" /><input id="fjs-form-f1-note" />';
    validator = { validateFieldInstance: ({ id }, value) => (id === 'note' && !value ? ['Field is required.'] : []) };
    const form = { _id: 'f1', _container: container } as unknown as Form;
    new BilingualValidation(validator, { get: (id) => fields[id] }, form);
  });

  function shows(text: string): void {
    container.querySelector<HTMLInputElement>('#fjs-form-f1-statutoryDays')!.value = text;
  }

  it('is what the form-js module starts', () => {
    expect(BilingualValidationModule).toEqual({ __init__: ['bilingualValidation'], bilingualValidation: ['type', BilingualValidation] });
    expect(BilingualValidation.$inject).toEqual(['validator', 'formFieldRegistry', 'form']);
  });

  it('answers form-js errors in Chinese with English beside them', () => {
    expect(validator.validateFieldInstance({ id: 'note' }, '')).toEqual(['此项必填 Field is required.']);
  });

  it('refuses text in a number field, which form-js keeps as null and shows as NaN', () => {
    // given
    shows('NaN');

    // when
    const errors = validator.validateFieldInstance({ id: 'statutoryDays' }, null);

    // then
    expect(errors).toEqual([NOT_A_NUMBER]);
  });

  it('lets a number, and an empty number field, through', () => {
    shows('15');
    expect(validator.validateFieldInstance({ id: 'statutoryDays' }, 15)).toEqual([]);
    shows('');
    expect(validator.validateFieldInstance({ id: 'statutoryDays' }, null)).toEqual([]);
  });

  it('finds the input of a repeated field by its indexes', () => {
    // given
    container.innerHTML = '<input id="fjs-form-f1-statutoryDays_1" value="abc" />';

    // when
    const errors = validator.validateFieldInstance({ id: 'statutoryDays', indexes: { parent: 1 } } as { id: string }, null);

    // then
    expect(errors).toEqual([NOT_A_NUMBER]);
  });
});
