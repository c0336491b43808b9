import { BanjiePropertiesProvider, banjieGroup } from './banjie-properties-provider';

jest.mock('@bpmn-io/properties-panel', () => ({
  CheckboxEntry: jest.fn(),
  FeelEntry: jest.fn(),
  TextFieldEntry: jest.fn(),
  isCheckboxEntryEdited: jest.fn(),
  isFeelEntryEdited: jest.fn(),
  isTextFieldEntryEdited: jest.fn(),
}));
jest.mock('@bpmn-io/properties-panel/preact', () => ({ h: jest.fn() }));
jest.mock('bpmn-js-properties-panel', () => ({ useService: jest.fn() }));

const userTask = { id: 'Review', businessObject: { $type: 'bpmn:UserTask' } };

describe('BanjiePropertiesProvider', () => {
  it('registers with the properties panel and puts the 办结 Banjie group right after General', () => {
    // given
    const registerProvider = jest.fn();
    const provider = new BanjiePropertiesProvider({ registerProvider });
    const zeebe = [
      { id: 'general', label: 'General', entries: [] },
      { id: 'assignment', label: 'Assignment', entries: [] },
    ];

    // when
    const groups = provider.getGroups(userTask)(zeebe);

    // then
    expect(registerProvider).toHaveBeenCalledWith(expect.any(Number), provider);
    expect(groups.map((g) => g.id)).toEqual(['general', 'banjie', 'assignment']);
    expect(groups[1].label).toBe('办结 Banjie');
    expect(groups[1].entries.map((e) => e.id)).toContain('banjie-legalLimit-workingDays');
  });

  it('leaves the groups of an element without Banjie fields alone', () => {
    // given
    const provider = new BanjiePropertiesProvider({ registerProvider: jest.fn() });
    const zeebe = [{ id: 'general', label: 'General', entries: [] }];

    // when
    const groups = provider.getGroups({ id: 'Fork', businessObject: { $type: 'bpmn:ParallelGateway' } })(zeebe);

    // then
    expect(groups).toBe(zeebe);
    expect(banjieGroup({ id: 'Fork', businessObject: { $type: 'bpmn:ParallelGateway' } })).toBeUndefined();
  });

  it('edits the legal limit as optional FEEL and the clock as a checkbox', () => {
    // when
    const group = banjieGroup(userTask);

    // then
    const kinds = Object.fromEntries((group?.entries ?? []).map((e) => [e.id, e.field.kind]));
    expect(kinds).toMatchObject({ 'banjie-legalLimit-workingDays': 'feel', 'banjie-clockControl-pause': 'checkbox', 'banjie-legalLimit-yellowAt': 'number' });
  });
});
