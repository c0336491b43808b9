import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Form } from '@bpmn-io/form-js';
import type { CaseView } from '@banjie/contracts';
import { MyApplicationsPage } from './my-applications-page';

jest.mock('@bpmn-io/form-js', () => ({ Form: jest.fn() }));

const FormMock = Form as unknown as jest.Mock;

const XML = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0">
  <bpmn:process id="linfen-123-closure">
    <bpmn:startEvent id="Start"><bpmn:extensionElements><zeebe:formDefinition formId="lf-application" /></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:eventBasedGateway id="Gateway_AwaitSupplement" name="等待补正 Await supplement" />
    <bpmn:intermediateCatchEvent id="Event_SupplementReceived" name="补正材料已提交" />
  </bpmn:process>
</bpmn:definitions>`;
const applicationForm = { id: 'lf-application', components: [{ type: 'textfield', key: 'projectName', label: '项目名称' }] };
const linfen = { key: 'linfen-123-closure', version: 2, name: '临汾 123办结制', deployedAt: '', hash: 'h', zoneId: 'lf', xml: XML, forms: { 'lf-application': applicationForm } };

function caseView(overrides: Partial<CaseView>): CaseView {
  return {
    id: 'c-1',
    businessKey: 'LF-20261204-7K2Q',
    definitionKey: 'linfen-123-closure',
    version: 2,
    zoneId: 'lf',
    status: 'active',
    variables: {},
    active: [],
    completed: [],
    takenFlows: [],
    tasks: [],
    timers: [],
    incidents: [],
    startedAt: '2026-12-04T09:00:00+08:00',
    revision: 3,
    ...overrides,
  };
}

describe('MyApplicationsPage', () => {
  let backend: HttpTestingController;
  let formInstance: { importSchema: jest.Mock; submit: jest.Mock; destroy: jest.Mock };

  beforeEach(() => {
    sessionStorage.setItem('banjie.accessToken', 'tok');
    sessionStorage.setItem('banjie.user', JSON.stringify({ id: 'lf-applicant', name: '企业', roles: ['applicant'], zoneId: 'lf', groups: [] }));
    formInstance = { importSchema: jest.fn().mockResolvedValue({ warnings: [] }), submit: jest.fn(), destroy: jest.fn() };
    FormMock.mockReset().mockImplementation(() => formInstance);
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function open(view: CaseView) {
    const fixture = TestBed.createComponent(MyApplicationsPage);
    await fixture.whenStable();
    flushDesk(view);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  function flushDesk(view: CaseView): void {
    backend.expectOne((r) => r.url === '/api/cases' && r.method === 'GET').flush([{ id: view.id, businessKey: view.businessKey, definitionKey: view.definitionKey, version: view.version, zoneId: 'lf', status: view.status, startedAt: view.startedAt }]);
    backend.expectOne('/api/definitions').flush([{ key: 'linfen-123-closure', version: 2, name: '临汾 123办结制', deployedAt: '' }]);
    backend.expectOne(`/api/cases/${view.id}`).flush(view);
    backend.expectOne('/api/definitions/linfen-123-closure/versions/2').flush(linfen);
  }

  it('lists the applicant’s case with its flow, status and current step, and never asks for tasks', async () => {
    // when
    const { element } = await open(
      caseView({
        active: [{ elementId: 'Task_WindowCheck', elementType: 'userTask', since: '' }],
        tasks: [{ id: 't-1', caseId: 'c-1', elementId: 'Task_WindowCheck', name: '窗口完整性审查', candidateGroups: ['window'], createdAt: '', dueAt: '2026-12-07T16:00:00Z', limitWorkingDays: 1, warning: 'none' }],
      }),
    );

    // then
    const card = element.querySelector('bj-application-card') as HTMLElement;
    expect(card.querySelector('h3')?.textContent).toBe('LF-20261204-7K2Q');
    expect(card.textContent).toContain('临汾 123办结制');
    expect(card.textContent).toContain('办理中 Active');
    expect(card.querySelector('.steps')?.textContent).toContain('窗口完整性审查');
    expect(card.querySelector('bj-due-date')?.textContent).toContain('截止 2026-12-07 24:00');
    backend.expectNone((r) => r.url.startsWith('/api/tasks'));
  });

  it('starts an application through the start form of a flow open to applicants', async () => {
    // given
    const { element } = await open(caseView({ status: 'completed' }));
    expect(formInstance.importSchema).toHaveBeenCalledWith(applicationForm, {});
    formInstance.submit.mockReturnValue({ data: { projectName: '晋南新材料' }, errors: {} });

    // when
    (element.querySelector('bj-new-application button[type=submit]') as HTMLButtonElement).click();
    const request = backend.expectOne((r) => r.url === '/api/cases' && r.method === 'POST');

    // then
    expect(request.request.body).toEqual({ definitionKey: 'linfen-123-closure', version: 2, businessKey: expect.stringMatching(/^LF-\d{8}-[2-9A-Z]{4}$/), variables: { projectName: '晋南新材料' } });
    request.flush(caseView({ id: 'c-2' }), { status: 201, statusText: 'Created' });
    flushDesk(caseView({ status: 'completed' }));
  });

  it('sends the supplement the case waits for, under its business key', async () => {
    // given
    const { fixture, element } = await open(
      caseView({
        active: [{ elementId: 'Gateway_AwaitSupplement', elementType: 'eventBasedGateway', since: '' }],
        variables: { missingMaterials: '环评批复' },
        messageSubscriptions: [{ elementId: 'Event_SupplementReceived', messageName: 'lf-supplement', correlationKey: 'LF-20261204-7K2Q' }],
      }),
    );
    expect(element.querySelector('.supplement .notice')?.textContent).toContain('环评批复');

    // when
    const note = element.querySelector('.supplement textarea') as HTMLTextAreaElement;
    note.value = '已补交环评批复';
    note.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    (element.querySelector('.supplement button[type=submit]') as HTMLButtonElement).click();
    const request = backend.expectOne('/api/messages');
    request.flush({ caseIds: ['c-1'] });
    flushDesk(caseView({}));
    await fixture.whenStable();

    // then
    expect(request.request.body).toEqual({ name: 'lf-supplement', correlationKey: 'LF-20261204-7K2Q', variables: { suppliedMaterials: '已补交环评批复' } });
    expect(element.querySelector('[role=status]')?.textContent).toContain('已提交补正');
  });

  it('shows the certificate of an ended case and sends the applicant’s rating', async () => {
    // given
    const { fixture, element } = await open(caseView({ status: 'completed', endedAt: '2026-12-10T10:00:00+08:00', variables: { certificateNo: 'LF-20261210-0A1B2C3D', approved: true } }));
    expect(element.querySelector('.results [data-key=certificateNo] dd')?.textContent).toBe('LF-20261210-0A1B2C3D');

    // when
    (element.querySelector('bj-service-rating input[value="5"]') as HTMLInputElement).click();
    await fixture.whenStable();
    (element.querySelector('bj-service-rating button[type=submit]') as HTMLButtonElement).click();
    const request = backend.expectOne('/api/cases/c-1/evaluation');
    request.flush({ caseId: 'c-1', rating: 5, revision: 20 }, { status: 201, statusText: 'Created' });
    flushDesk(caseView({ status: 'completed', evaluation: { rating: 5, userId: 'lf-applicant', at: '' } }));
    await fixture.whenStable();

    // then
    expect(request.request.body).toEqual({ rating: 5 });
    expect(element.querySelector('bj-service-rating')?.textContent).toContain('★★★★★');
  });

  it('says why a request failed, in the words of the api', async () => {
    // given
    const { fixture, element } = await open(caseView({ status: 'completed' }));

    // when
    (element.querySelector('bj-service-rating input[value="1"]') as HTMLInputElement).click();
    await fixture.whenStable();
    (element.querySelector('bj-service-rating button[type=submit]') as HTMLButtonElement).click();
    backend.expectOne('/api/cases/c-1/evaluation').flush({ error: 'conflict', message: '该案件已评价 the case has already been rated' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    // then
    expect(element.querySelector('[role=alert]')?.textContent).toContain('该案件已评价');
  });
});
