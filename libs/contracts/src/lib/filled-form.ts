/** The parts of a form-js field that filling a form reads. */
export interface FillableFormField {
  type?: string;
  key?: string;
  defaultValue?: unknown;
  values?: { value: unknown }[];
  components?: FillableFormField[];
}

/**
 * The variables a form-js form gives when a user accepts it as offered: defaults kept, boxes
 * checked, first choices, numbers 1, text fields filled with `text`; nested groups included.
 * The demo seed, the api's scenario specs and the browser suite fill forms this way.
 */
export function filledForm(form: { components?: FillableFormField[] } | undefined, text: string): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const fill = (fields: readonly FillableFormField[]) => {
    for (const field of fields) {
      if (field.components) fill(field.components);
      if (!field.key) continue;
      if (field.defaultValue !== undefined) variables[field.key] = field.defaultValue;
      else if (field.type === 'checkbox') variables[field.key] = true;
      else if ((field.type === 'radio' || field.type === 'select') && field.values?.length) variables[field.key] = field.values[0].value;
      else if (field.type === 'number') variables[field.key] = 1;
      else if (field.type === 'textfield' || field.type === 'textarea') variables[field.key] = text;
    }
  };
  fill(form?.components ?? []);
  return variables;
}
