import type { ModdleElement } from 'bpmn-moddle';

/** Reads a property of a moddle element as a moddle element. */
export function child(element: ModdleElement | undefined, property: string): ModdleElement | undefined {
  const value = element?.[property];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as ModdleElement) : undefined;
}

/** Reads a property of a moddle element as a list of moddle elements. */
export function children(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value = element?.[property];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

/** Reads a string property. */
export function text(element: ModdleElement | undefined, property: string): string | undefined {
  const value = element?.[property];
  return typeof value === 'string' ? value : undefined;
}

/** The body of a `bpmn:FormalExpression` property, trimmed. */
export function formalBody(element: ModdleElement | undefined, property: string): string | undefined {
  const body = text(child(element, property), 'body');
  return body === undefined ? undefined : body.trim();
}

/** The extension elements of a given type (`zeebe:TaskDefinition`, `banjie:LegalLimit`…). */
export function extensions(element: ModdleElement | undefined, type: string): ModdleElement[] {
  return children(child(element, 'extensionElements'), 'values').filter((v) => v.$type === type);
}

/** The first extension element of a given type. */
export function extension(element: ModdleElement | undefined, type: string): ModdleElement | undefined {
  return extensions(element, type)[0];
}

/** The moddle type without its `bpmn:` prefix, in camel case (`bpmn:UserTask` → `userTask`). */
export function localKind(type: string): string {
  const local = type.startsWith('bpmn:') ? type.slice(5) : type;
  return local.charAt(0).toLowerCase() + local.slice(1);
}
