import { filledForm, type FillableFormField } from '@banjie/contracts';

/** The parts of a form-js field that filling a form reads. */
export type FilledFormField = FillableFormField;

/**
 * The variables a form-js form gives when filled as the browser e2e fills it: defaults kept,
 * boxes checked, first choices, numbers 1, text filled in; nested groups included.
 */
export function filledLikeTheE2e(form: { components?: FilledFormField[] } | undefined): Record<string, unknown> {
  return filledForm(form, '材料齐全，予以受理 Complete');
}
