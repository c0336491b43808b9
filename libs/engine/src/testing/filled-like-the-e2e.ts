/** The parts of a form-js field that filling a form reads. */
export interface FilledFormField {
  type?: string;
  key?: string;
  defaultValue?: unknown;
  values?: { value: unknown }[];
  components?: FilledFormField[];
}

/**
 * The variables a form-js form gives when filled as the browser e2e fills it: defaults kept,
 * boxes checked, first choices, numbers 1, text filled in; nested groups included.
 */
export function filledLikeTheE2e(form: { components?: FilledFormField[] } | undefined): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const fill = (fields: FilledFormField[]) => {
    for (const field of fields) {
      if (field.components) fill(field.components);
      if (!field.key) continue;
      if (field.defaultValue !== undefined) variables[field.key] = field.defaultValue;
      else if (field.type === 'checkbox') variables[field.key] = true;
      else if ((field.type === 'radio' || field.type === 'select') && field.values?.length) variables[field.key] = field.values[0].value;
      else if (field.type === 'number') variables[field.key] = 1;
      else if (field.type === 'textfield' || field.type === 'textarea') variables[field.key] = '材料齐全，予以受理 Complete';
    }
  };
  fill(form?.components ?? []);
  return variables;
}
