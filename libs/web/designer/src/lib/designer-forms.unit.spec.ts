import { TestBed } from '@angular/core/testing';
import { FormEditor } from '@bpmn-io/form-js-editor';
import { DesignerForms, type FormLinker } from './designer-forms';

jest.mock('@bpmn-io/form-js-editor', () => ({ FormEditor: jest.fn() }));
jest.mock('@bpmn-io/form-js', () => ({ Form: jest.fn() }));

describe('DesignerForms', () => {
  let editor: { importSchema: jest.Mock; saveSchema: jest.Mock; on: jest.Mock; destroy: jest.Mock; changed?: () => void };

  beforeEach(() => {
    editor = {
      importSchema: jest.fn().mockResolvedValue({ warnings: [] }),
      saveSchema: jest.fn().mockReturnValue({ type: 'default', id: 'lf-window-check', components: [{ type: 'textfield', key: 'applicant' }] }),
      on: jest.fn((event: string, listener: () => void) => (editor.changed = listener)),
      destroy: jest.fn(),
    };
    (FormEditor as unknown as jest.Mock).mockReset().mockImplementation(() => editor);
  });

  async function render(forms: Record<string, unknown>, linker: FormLinker) {
    const fixture = TestBed.createComponent(DesignerForms);
    fixture.componentRef.setInput('forms', forms);
    fixture.componentRef.setInput('linker', linker);
    const emitted: Record<string, unknown>[] = [];
    fixture.componentInstance.forms.subscribe((value) => emitted.push(value));
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement, emitted };
  }

  const button = (host: HTMLElement, text: string) => Array.from(host.querySelectorAll('button')).find((b) => b.textContent?.includes(text)) as HTMLButtonElement;

  it('creates a form, opens it in the form editor and keeps what is edited', async () => {
    // given
    const { fixture, host, emitted } = await render({}, { linkable: () => [], link: jest.fn() });
    const id = host.querySelector('input[name=newFormId]') as HTMLInputElement;

    // when
    id.value = 'lf-window-check';
    id.dispatchEvent(new Event('input'));
    button(host, 'New form').click();
    await fixture.whenStable();
    editor.changed?.();

    // then
    expect(editor.importSchema).toHaveBeenCalledWith({ type: 'default', id: 'lf-window-check', components: [] });
    expect(emitted.at(-1)).toEqual({ 'lf-window-check': { type: 'default', id: 'lf-window-check', components: [{ type: 'textfield', key: 'applicant' }] } });
  });

  it('refuses a form id that exists, saying so', async () => {
    // given
    const { fixture, host } = await render({ 'lf-window-check': { components: [] } }, { linkable: () => [], link: jest.fn() });
    const id = host.querySelector('input[name=newFormId]') as HTMLInputElement;

    // when
    id.value = 'lf-window-check';
    id.dispatchEvent(new Event('input'));
    button(host, 'New form').click();
    await fixture.whenStable();

    // then
    expect(host.querySelector('[role=alert]')?.textContent).toContain('exists already');
  });

  it('links the chosen task to the form open in the editor', async () => {
    // given
    const link = jest.fn();
    const { fixture, host } = await render(
      { 'lf-window-check': { components: [] } },
      { linkable: () => [{ id: 'Task_Check', name: '审查', type: 'bpmn:UserTask' }], link },
    );
    await fixture.whenStable();
    const picker = Array.from(host.querySelectorAll('select')).find((s) => s.textContent?.includes('Task_Check')) as HTMLSelectElement;

    // when
    picker.value = 'Task_Check';
    picker.dispatchEvent(new Event('change'));

    // then
    expect(link).toHaveBeenCalledWith('Task_Check', 'lf-window-check');
  });
});
