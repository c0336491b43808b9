/**
 * The part of `@camunda/feel-builtins` 1.4 the engine uses: the names and parameters of
 * Camunda's FEEL built-in functions. Its typings sit behind its `exports`, which
 * `moduleResolution: node` cannot see.
 */
declare module '@camunda/feel-builtins' {
  export interface Builtin {
    name: string;
    info: string;
    type?: 'function';
    params?: { name: string }[];
  }
  /** Every built-in of Camunda's FEEL (standard and Camunda extensions). */
  export const camundaBuiltins: Builtin[];
  /** Camunda's extension functions only. */
  export const camundaExtensions: Builtin[];
  /** Built-ins whose names hold a FEEL keyword (`get or else`): the parser must be told of them. */
  export const camundaReservedNameBuiltins: Builtin[];
}
