import { TestBed } from '@angular/core/testing';
import { Form } from '@bpmn-io/form-js';
import { NewApplication, type ApplicationRequest, type OpenFlow } from './new-application';

jest.mock('@bpmn-io/form-js', () => ({ Form: jest.fn() }));

const FormMock = Form as unknown as jest.Mock;

const linfen: OpenFlow = { key: 'linfen-123-closure', version: 2, name: '临汾 123办结制', startForm: { id: 'lf-application' } };
const changzi: OpenFlow = { key: 'changzi-rongque', version: 1, name: '长子 容缺受理', startForm: { id: 'cz-application' } };

describe('NewApplication', () => {
  let formInstance: { importSchema: jest.Mock; submit: jest.Mock; destroy: jest.Mock };

  beforeEach(() => {
    formInstance = { importSchema: jest.fn().mockResolvedValue({ warnings: [] }), submit: jest.fn(), destroy: jest.fn() };
    FormMock.mockReset().mockImplementation(() => formInstance);
  });

  async function render(flows: OpenFlow[]) {
    const fixture = TestBed.createComponent(NewApplication);
    fixture.componentRef.setInput('flows', flows);
    await fixture.whenStable();
    const submitted: ApplicationRequest[] = [];
    fixture.componentInstance.submitted.subscribe((request) => submitted.push(request));
    return { fixture, element: fixture.nativeElement as HTMLElement, submitted };
  }

  it('renders the start form of the chosen flow and submits its values', async () => {
    // given
    const { fixture, element, submitted } = await render([linfen, changzi]);
    expect(element.querySelector('bj-task-form')).toBeNull();

    // when
    const select = element.querySelector('select') as HTMLSelectElement;
    select.value = 'changzi-rongque';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    formInstance.submit.mockReturnValue({ data: { projectName: '长子精密铸造' }, errors: {} });
    (element.querySelector('button[type=submit]') as HTMLButtonElement).click();

    // then
    expect(formInstance.importSchema).toHaveBeenCalledWith({ id: 'cz-application' }, {});
    expect(submitted).toEqual([{ definitionKey: 'changzi-rongque', version: 1, variables: { projectName: '长子精密铸造' } }]);
  });

  it('does not submit a form that fails validation', async () => {
    // given
    const { fixture, element, submitted } = await render([linfen]);
    formInstance.submit.mockReturnValue({ data: {}, errors: { projectName: ['required'] } });

    // when
    (element.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await fixture.whenStable();

    // then
    expect(submitted).toEqual([]);
    expect(element.querySelector('[role=alert]')?.textContent).toContain('请检查表单');
  });

  it('says so when no flow of the zone is open to applicants', async () => {
    // when
    const { element } = await render([]);

    // then
    expect(element.textContent).toContain('暂无面向企业的网上申请事项');
    expect(element.querySelector('form')).toBeNull();
  });
});
