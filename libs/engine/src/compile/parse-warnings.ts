import type { ModelProblem } from '../lib/api';

/** A warning of bpmn-moddle while reading the XML. */
export interface ParseWarning {
  message: string;
  element?: { id?: string; $parent?: unknown };
  property?: string;
  value?: unknown;
}

/**
 * Splits bpmn-moddle's reading warnings into problems and warnings. What the reader had to drop
 * from the BPMN itself (unparsable `bpmn:` content, a second element with a used id) would
 * silently be missing from the running model, so it is a problem naming the element; unknown
 * extension elements of other namespaces, unresolved references and the document encoding stay
 * warnings, as Zeebe ignores them too; but a compensation `activityRef` naming no element is a
 * problem, as in Zeebe (without it the event would compensate every activity of its scope).
 */
export function classifyParseWarnings(xml: string, warnings: readonly ParseWarning[]): { problems: ModelProblem[]; warnings: ModelProblem[] } {
  const problems: ModelProblem[] = [];
  const kept: ModelProblem[] = [];
  for (const warning of warnings) {
    const duplicate = /duplicate ID <([^>]+)>/.exec(warning.message);
    const unparsable = /unparsable content <([^\s/>]+)[^>]*>/.exec(warning.message);
    if (duplicate) {
      problems.push({ elementId: duplicate[1], ...(unparsable ? { elementType: unparsable[1] } : {}), message: `the id "${duplicate[1]}" is used twice: every element needs its own id` });
    } else if (warning.property === 'bpmn:activityRef') {
      const eventId = (warning.element?.$parent as { id?: string } | undefined)?.id;
      problems.push({ ...(eventId ? { elementId: eventId } : {}), message: `the compensation activity "${typeof warning.value === 'string' ? warning.value : ''}" does not exist` });
    } else if (unparsable && unparsable[1].startsWith('bpmn:')) {
      const tag = unparsable[1];
      const id = idOfTag(xml, tag);
      const cause = /nested error: (.*)$/m.exec(warning.message)?.[1] ?? 'not BPMN';
      problems.push({ ...(id ? { elementId: id } : {}), elementType: tag, message: `unparsable BPMN content <${tag}>${where(warning.message)}: ${cause}` });
    } else {
      kept.push({ ...(warning.element?.id ? { elementId: warning.element.id } : {}), message: warning.message });
    }
  }
  return { problems, warnings: kept };
}

/** The id of the first `<tag …>` in the XML that has one. */
function idOfTag(xml: string, tag: string): string | undefined {
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<${escaped}\\b[^>]*?\\bid="([^"]+)"`).exec(xml)?.[1];
}

function where(message: string): string {
  const line = /line: (\d+)/.exec(message)?.[1];
  const column = /column: (\d+)/.exec(message)?.[1];
  return line !== undefined && column !== undefined ? ` (line ${Number(line) + 1}, column ${column})` : '';
}
