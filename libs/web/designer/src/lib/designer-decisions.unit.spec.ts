import { TestBed } from '@angular/core/testing';
import DmnModeler from 'dmn-js/lib/Modeler';
import { DesignerDecisions } from './designer-decisions';
import { blankDecisionTable } from './dmn-resources';

jest.mock('dmn-js/lib/Modeler', () => ({ __esModule: true, default: jest.fn() }));

const TWO_DECISIONS = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="lanes" name="Lanes" namespace="http://banjie/dmn">
  <decision id="review-lane" name="审查路径 Review lane"><decisionTable id="t1"><input id="i1"><inputExpression id="e1"><text>area</text></inputExpression></input><output id="o1" name="lane"/></decisionTable></decision>
  <decision id="fee" name="费用 Fee"><literalExpression id="l1"><text>100</text></literalExpression></decision>
</definitions>`;

describe('DesignerDecisions', () => {
  let editor: {
    importXML: jest.Mock;
    saveXML: jest.Mock;
    getViews: jest.Mock;
    getActiveView: jest.Mock;
    open: jest.Mock;
    on: jest.Mock;
    destroy: jest.Mock;
    edited?: () => void;
  };

  beforeEach(() => {
    editor = {
      importXML: jest.fn().mockResolvedValue({ warnings: [] }),
      saveXML: jest.fn().mockResolvedValue({ xml: '<definitions id="edited"/>' }),
      getViews: jest.fn().mockReturnValue([
        { id: 'lanes', type: 'drd' },
        { id: 'review-lane', type: 'decisionTable' },
        { id: 'fee', type: 'literalExpression' },
      ]),
      getActiveView: jest.fn().mockReturnValue({ id: 'review-lane', type: 'decisionTable' }),
      open: jest.fn().mockResolvedValue({}),
      // the editor of a view is made on first open: it reports its edits as `elements.changed`
      on: jest.fn((event: string, listener: (e: { viewer: { on: (name: string, l: () => void) => void } }) => void) => {
        if (event === 'viewer.created') listener({ viewer: { on: (name, l) => name === 'elements.changed' && (editor.edited = l) } });
      }),
      destroy: jest.fn(),
    };
    (DmnModeler as unknown as jest.Mock).mockReset().mockImplementation(() => editor);
  });

  async function render(decisions: Record<string, string>) {
    const fixture = TestBed.createComponent(DesignerDecisions);
    fixture.componentRef.setInput('decisions', decisions);
    const emitted: Record<string, string>[] = [];
    fixture.componentInstance.decisions.subscribe((value) => emitted.push(value));
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement, emitted };
  }

  const button = (host: HTMLElement, text: string) => Array.from(host.querySelectorAll('button')).find((b) => b.textContent?.includes(text)) as HTMLButtonElement;
  const settle = async (fixture: { whenStable(): Promise<unknown> }) => {
    for (let i = 0; i < 5; i++) await fixture.whenStable();
  };

  it('lists every decision of every DMN file with its id, file and kind', async () => {
    // when
    const { host } = await render({ 'lanes.dmn': TWO_DECISIONS, 'other.dmn': blankDecisionTable('triage') });

    // then
    const items = Array.from(host.querySelectorAll('.decision')).map((b) => [b.querySelector('strong')?.textContent, b.querySelector('.meta')?.textContent?.trim()]);
    expect(items).toEqual([
      ['审查路径 Review lane', 'review-lane · lanes.dmn · 决策表 table'],
      ['费用 Fee', 'fee · lanes.dmn · 表达式 literal expression'],
      ['triage', 'triage · other.dmn · 决策表 table'],
    ]);
  });

  it('opens a decision in the dmn-js editor: its file imported once, then the view of the decision', async () => {
    // given
    const { fixture, host } = await render({ 'lanes.dmn': TWO_DECISIONS });

    // when
    button(host, '费用 Fee').click();
    await settle(fixture);

    // then
    expect(editor.importXML).toHaveBeenCalledTimes(1);
    expect(editor.importXML).toHaveBeenCalledWith(TWO_DECISIONS);
    expect(editor.open).toHaveBeenCalledWith({ id: 'fee', type: 'literalExpression' });
    expect(button(host, '费用 Fee').getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps an edit made in the editor in the flow’s decisions, and nothing when the file is only opened', async () => {
    // given
    const { fixture, host, emitted } = await render({ 'lanes.dmn': TWO_DECISIONS });
    button(host, 'Review lane').click();
    await settle(fixture);
    const beforeEdit = emitted.length;

    // when
    editor.edited?.();
    await settle(fixture);

    // then
    expect(beforeEdit).toBe(0);
    expect(emitted.at(-1)).toEqual({ 'lanes.dmn': '<definitions id="edited"/>' });
  });

  it('adds a new decision table from the template as <id>.dmn and opens it', async () => {
    // given
    const { fixture, host, emitted } = await render({});
    const id = host.querySelector('input[name=newDecisionId]') as HTMLInputElement;

    // when
    id.value = 'review-lane';
    id.dispatchEvent(new Event('input'));
    button(host, 'New decision table').click();
    await settle(fixture);

    // then
    expect(emitted.at(-1)).toEqual({ 'review-lane.dmn': blankDecisionTable('review-lane') });
    expect(editor.importXML).toHaveBeenCalledWith(blankDecisionTable('review-lane'));
  });

  it('refuses a new decision id that is taken or not an XML id, saying why', async () => {
    // given
    const { fixture, host, emitted } = await render({ 'lanes.dmn': TWO_DECISIONS });
    const id = host.querySelector('input[name=newDecisionId]') as HTMLInputElement;

    // when
    id.value = 'fee';
    id.dispatchEvent(new Event('input'));
    button(host, 'New decision table').click();
    await fixture.whenStable();
    const taken = host.querySelector('[role=alert]')?.textContent;
    id.value = '1 lane';
    id.dispatchEvent(new Event('input'));
    button(host, 'New decision table').click();
    await fixture.whenStable();

    // then
    expect(taken).toContain('The decision "fee" exists already');
    expect(host.querySelector('[role=alert]')?.textContent).toContain('must start with a letter');
    expect(emitted).toEqual([]);
  });
});
