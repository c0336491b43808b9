import { parseExpression } from 'feelin';
import { extensionsInvokedBy, NON_DETERMINISTIC_FUNCTIONS, PARSER_CONTEXT } from '../behaviors/feel-builtins';

/** Whether a value is a FEEL expression in Zeebe's sense: it starts with `=`. */
export function isExpression(value: string): boolean {
  return value.trimStart().startsWith('=');
}

/** The FEEL text of an expression value, without its leading `=`. */
export function expressionBody(value: string): string {
  const trimmed = value.trimStart();
  return trimmed.startsWith('=') ? trimmed.slice(1) : trimmed;
}

/**
 * The syntax error of a FEEL expression, or undefined when it parses. Only the syntax is
 * checked here: unknown variables are legal until the case runs. Camunda's built-in functions
 * are known to the parser (`get or else(x, 0)`); `random number()` and `uuid()` are refused, as
 * a replay would not give the same answer.
 */
export function feelSyntaxError(feel: string): string | undefined {
  if (feel.trim() === '') return 'the expression is empty';
  const refused = extensionsInvokedBy(feel).find((name) => NON_DETERMINISTIC_FUNCTIONS.includes(name));
  if (refused) return `${refused}() is not deterministic, and Banjie replays every case: compute the value in a task or a worker instead`;
  try {
    const tree = parseExpression(feel, PARSER_CONTEXT, 'camunda');
    let error: string | undefined;
    tree.iterate({
      enter: (node) => {
        if (error) return false;
        if (node.type.isError) error = `syntax error at position ${node.from}: "${feel.slice(Math.max(0, node.from - 10), node.to + 10)}"`;
        return undefined;
      },
    });
    return error;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
