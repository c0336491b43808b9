/** Test support for code that runs the engine: import from specs only. */
export { filledLikeTheE2e, type FilledFormField } from './testing/filled-like-the-e2e';
