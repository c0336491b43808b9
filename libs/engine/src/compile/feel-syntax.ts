import { parseExpression } from 'feelin';

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
 * checked here: unknown variables are legal until the case runs.
 */
export function feelSyntaxError(feel: string): string | undefined {
  if (feel.trim() === '') return 'the expression is empty';
  try {
    const tree = parseExpression(feel, {}, undefined);
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
