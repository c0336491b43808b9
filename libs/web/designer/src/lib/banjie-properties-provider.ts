import {
  CheckboxEntry,
  FeelEntry,
  TextFieldEntry,
  isCheckboxEntryEdited,
  isFeelEntryEdited,
  isTextFieldEntryEdited,
} from '@bpmn-io/properties-panel';
import { h, type VNode } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { ModuleDeclaration } from 'didi';
import {
  banjieFieldCommands,
  banjieFields,
  readBanjieField,
  yellowAtProblem,
  type BanjieField,
  type DiagramElement,
  type ElementFactory,
} from './banjie-properties';

/** A properties-panel group: an id, a label and its entries. */
interface PanelGroup {
  id: string;
  label: string;
  entries: PanelEntry[];
}

interface PanelEntry {
  id: string;
  element: DiagramElement;
  field: BanjieField;
  component: (props: { element: DiagramElement; id: string; field: BanjieField }) => unknown;
  isEdited: (node: unknown) => boolean;
}

interface CommandStack {
  execute(command: string, context: unknown): void;
}

/** One entry of the Banjie group, drawn with the properties panel's own widgets. */
function BanjieEntry({ element, id, field }: { element: DiagramElement; id: string; field: BanjieField }): VNode {
  const commandStack = useService<CommandStack>('commandStack');
  const factory = useService<ElementFactory>('bpmnFactory');
  const debounce = useService<unknown>('debounceInput');
  const getValue = () => readBanjieField(element.businessObject, field);
  const setValue = (value: string | boolean) => {
    const commands = banjieFieldCommands(element, field, value, factory);
    if (commands.length > 0) commandStack.execute('properties-panel.multi-command-executor', commands);
  };
  const common = { element, id, label: field.label, description: field.description, getValue, setValue };
  if (field.kind === 'checkbox') return h(CheckboxEntry, common);
  if (field.kind === 'feel') return h(FeelEntry, { ...common, debounce, feel: 'optional' });
  return h(TextFieldEntry, { ...common, debounce, validate: field.kind === 'number' ? yellowAtProblem : undefined });
}

const EDITED: Record<BanjieField['kind'], (node: unknown) => boolean> = {
  checkbox: isCheckboxEntryEdited,
  feel: isFeelEntryEdited,
  number: isTextFieldEntryEdited,
  text: isTextFieldEntryEdited,
};

/** The 办结 Banjie group of an element, or undefined when it has no Banjie field. */
export function banjieGroup(element: DiagramElement): PanelGroup | undefined {
  const fields = banjieFields(element.businessObject);
  if (fields.length === 0) return undefined;
  return {
    id: 'banjie',
    label: '办结 Banjie',
    entries: fields.map((field) => ({ id: field.id, element, field, component: BanjieEntry, isEdited: EDITED[field.kind] })),
  };
}

/**
 * The properties provider of the `banjie:` extensions, next to the Zeebe one: legal limit
 * (working days or FEEL, yellow fraction, escalation, tier), task name, clock pause and
 * working-day timers, in a 办结 Banjie group right after 常规 General.
 */
export class BanjiePropertiesProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: { registerProvider(priority: number, provider: BanjiePropertiesProvider): void }) {
    // Below the element templates provider (300), which keeps only its own groups on a templated
    // element: the 办结 Banjie group is added after that filter, so a zone step template's limit stays editable.
    propertiesPanel.registerProvider(200, this);
  }

  getGroups(element: DiagramElement): (groups: PanelGroup[]) => PanelGroup[] {
    return (groups) => {
      const group = banjieGroup(element);
      if (!group) return groups;
      const general = groups.findIndex((g) => g.id === 'general');
      return [...groups.slice(0, general + 1), group, ...groups.slice(general + 1)];
    };
  }
}

/** The bpmn-js module registering the Banjie properties provider. */
export const BanjiePropertiesProviderModule: ModuleDeclaration = {
  __init__: ['banjiePropertiesProvider'],
  banjiePropertiesProvider: ['type', BanjiePropertiesProvider],
};
