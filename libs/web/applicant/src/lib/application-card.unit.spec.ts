import { TestBed } from '@angular/core/testing';
import { Form } from '@bpmn-io/form-js';
import { ApplicationCard, type SupplementRequest } from './application-card';
import type { ApplicationView } from './application-view';

jest.mock('@bpmn-io/form-js', () => ({ Form: jest.fn() }));

const FormMock = Form as unknown as jest.Mock;

const waiting: ApplicationView = {
  caseId: 'c-1',
  businessKey: 'LF-20261204-7K2Q',
  flowName: '临汾 123办结制',
  status: 'active',
  startedAt: '2026-12-04T09:00:00+08:00',
  steps: [{ elementId: 'Gateway_AwaitSupplement', name: '等待补正 Await supplement' }],
  results: [{ key: 'missingMaterials', label: '一次性告知·需补正材料 Missing materials', value: '环评批复' }],
  waits: [{ elementId: 'Event_Supplied', messageName: 'cz-supplement', correlationKey: 'CZ-1', name: '补齐材料', formId: 'cz-supplement' }],
  canRate: false,
};

describe('ApplicationCard', () => {
  let formInstance: { importSchema: jest.Mock; submit: jest.Mock; destroy: jest.Mock };

  beforeEach(() => {
    formInstance = { importSchema: jest.fn().mockResolvedValue({ warnings: [] }), submit: jest.fn(), destroy: jest.fn() };
    FormMock.mockReset().mockImplementation(() => formInstance);
  });

  async function render(application: ApplicationView, forms: Record<string, unknown> = {}) {
    const fixture = TestBed.createComponent(ApplicationCard);
    fixture.componentRef.setInput('application', application);
    fixture.componentRef.setInput('forms', forms);
    await fixture.whenStable();
    const supplied: SupplementRequest[] = [];
    fixture.componentInstance.supply.subscribe((request) => supplied.push(request));
    return { fixture, element: fixture.nativeElement as HTMLElement, supplied };
  }

  it('sends the supplement with the values of the wait’s own form when the flow has one', async () => {
    // given
    const { element, supplied } = await render(waiting, { 'cz-supplement': { id: 'cz-supplement' } });
    formInstance.submit.mockReturnValue({ data: { fireSafetyNote: '已补交' }, errors: {} });

    // when
    (element.querySelector('.supplement button[type=submit]') as HTMLButtonElement).click();

    // then
    expect(formInstance.importSchema).toHaveBeenCalledWith({ id: 'cz-supplement' }, {});
    expect(supplied).toEqual([{ wait: waiting.waits[0], variables: { fireSafetyNote: '已补交' } }]);
  });

  it('asks for a description before sending a supplement without a form', async () => {
    // given
    const { fixture, element, supplied } = await render(waiting);

    // when
    (element.querySelector('.supplement button[type=submit]') as HTMLButtonElement).click();
    await fixture.whenStable();

    // then
    expect(supplied).toEqual([]);
    expect(element.querySelector('[role=alert]')?.textContent).toContain('请填写补正材料');
    expect(element.querySelector('.supplement label')?.textContent).toContain('补正材料说明 Supplied material');
  });

  it('shows the one-time notice beside the supplement form, not among the results', async () => {
    // when
    const { element } = await render(waiting);

    // then
    expect(element.querySelector('.notice')?.textContent).toContain('环评批复');
    expect(element.querySelector('.results')).toBeNull();
  });

  it('offers no supplement and no rating while the case runs without waiting', async () => {
    // when
    const { element } = await render({ ...waiting, waits: [], results: [] });

    // then
    expect(element.querySelector('.supplement')).toBeNull();
    expect(element.querySelector('bj-service-rating')).toBeNull();
  });
});
