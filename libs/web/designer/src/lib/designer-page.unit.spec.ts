import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { UserView } from '@banjie/contracts';
import { AuthSession } from '@banjie/web-data-access';
import { createDesignerModeler } from './designer-modeler';
import { DesignerPage } from './designer-page';

jest.mock('./designer-modeler', () => ({ createDesignerModeler: jest.fn() }));
jest.mock('@bpmn-io/form-js-editor', () => ({ FormEditor: jest.fn() }));
jest.mock('@bpmn-io/form-js', () => ({ Form: jest.fn() }));
jest.mock('bpmn-auto-layout', () => ({ layoutProcess: jest.fn((xml: string) => Promise.resolve(xml.replace('</bpmn:definitions>', '<bpmndi:BPMNShape id="laid-out"/></bpmn:definitions>'))) }));

const drawnXml = '<bpmn:definitions><bpmn:process id="demo-flow"/></bpmn:definitions>';

const laidOutXml = drawnXml.replace('</bpmn:definitions>', '<bpmndi:BPMNShape id="laid-out"/></bpmn:definitions>');

let diagram: { id: string; businessObject: Record<string, unknown> }[] = [];

function fakeModeler() {
  const listeners: Record<string, () => void> = {};
  const services = {
    canvas: { zoom: jest.fn(), scrollToElement: jest.fn() },
    selection: { select: jest.fn() },
    elementRegistry: {
      get: (id: string) => (id === 'Gateway_1' ? { id } : undefined),
      getAll: () => diagram,
    },
  };
  return {
    importXML: jest.fn().mockResolvedValue({ warnings: [] }),
    saveXML: jest.fn().mockResolvedValue({ xml: drawnXml }),
    saveSVG: jest.fn().mockResolvedValue({ svg: '<svg/>' }),
    getDefinitions: () => ({ rootElements: [{ $type: 'bpmn:Process', id: 'demo-flow' }] }),
    get: (name: keyof typeof services) => services[name],
    on: jest.fn((event: string, listener: () => void) => (listeners[event] = listener)),
    destroy: jest.fn(),
    services,
    change: () => listeners['commandStack.changed']?.(),
  };
}

const button = (host: HTMLElement, text: string) => Array.from(host.querySelectorAll('button')).find((b) => b.textContent?.includes(text)) as HTMLButtonElement;

describe('DesignerPage', () => {
  let backend: HttpTestingController;
  let modeler: ReturnType<typeof fakeModeler>;

  beforeEach(() => {
    diagram = [];
    modeler = fakeModeler();
    (createDesignerModeler as jest.Mock).mockReset().mockReturnValue(modeler);
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  async function openDesigner() {
    const fixture = TestBed.createComponent(DesignerPage);
    backend.expectOne('/api/definitions').flush([{ key: 'linfen-123-closure', version: 1, name: '临汾123办结', deployedAt: '2026-03-01T08:00:00+08:00' }]);
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('starts with a new diagram holding a start event', async () => {
    // when
    const { host } = await openDesigner();

    // then
    expect(modeler.importXML).toHaveBeenCalledWith(expect.stringContaining('<bpmn:startEvent id="StartEvent_1"'));
    expect(host.querySelector('.source')?.textContent).toContain('New diagram');
  });

  it('opens a .bpmn file from disk', async () => {
    // given
    const { fixture, host } = await openDesigner();
    const input = host.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File([drawnXml], 'demo-flow.bpmn', { type: 'application/xml' });
    Object.defineProperty(file, 'text', { value: () => Promise.resolve(drawnXml) });
    Object.defineProperty(input, 'files', { value: [file] });

    // when
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    await fixture.whenStable();

    // then
    expect(modeler.importXML).toHaveBeenLastCalledWith(laidOutXml);
    expect(host.querySelector('.source')?.textContent).toBe('demo-flow.bpmn');
  });

  it('deploys the drawn model and reports the new version', async () => {
    // given
    const { fixture, host } = await openDesigner();

    // when
    button(host, 'Deploy').click();
    await fixture.whenStable();
    const request = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/definitions');
    request.flush({ key: 'demo-flow', version: 1, name: 'Demo', hash: 'h', deployedAt: '2026-03-02T09:00:00+08:00', warnings: [] }, { status: 201, statusText: 'Created' });
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/definitions').flush([]);
    await fixture.whenStable();

    // then
    expect(request.request.body).toEqual({ xml: drawnXml });
    expect(host.querySelector('[role=status]')?.textContent).toContain('demo-flow');
    expect(host.querySelector('[role=status]')?.textContent).toContain('201');
  });

  it('lists the problems of a model the api refuses', async () => {
    // given
    const { fixture, host } = await openDesigner();

    // when
    button(host, 'Deploy').click();
    await fixture.whenStable();
    backend
      .expectOne((r) => r.method === 'POST' && r.url === '/api/definitions')
      .flush(
        { error: 'invalid_bpmn', message: 'model cannot run', details: [{ elementId: 'Gateway_1', elementType: 'bpmn:ComplexGateway', message: 'not supported' }] },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await fixture.whenStable();

    // then
    expect(host.querySelector('p.error')?.textContent).toContain('422 流程模型有误 model cannot run');
    expect(host.querySelector('bj-problem-list li code')?.textContent).toBe('Gateway_1');
  });

  it('opens a deployed definition with its forms and deploys them back with it', async () => {
    // given
    const { fixture, host } = await openDesigner();
    const select = host.querySelector('select') as HTMLSelectElement;
    select.value = 'linfen-123-closure';

    // when
    select.dispatchEvent(new Event('change'));
    backend.expectOne('/api/definitions/linfen-123-closure').flush({ key: 'linfen-123-closure', version: 1, xml: '<deployed/>', forms: { 'lf-window-check': { components: [] } } });
    await fixture.whenStable();
    await fixture.whenStable();
    button(host, 'Deploy').click();
    await fixture.whenStable();
    const request = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/definitions');

    // then
    expect(modeler.importXML).toHaveBeenLastCalledWith('<deployed/>');
    expect(host.querySelector('.source')?.textContent).toBe('linfen-123-closure v1');
    expect(request.request.body.forms).toEqual({ 'lf-window-check': { components: [] } });
  });

  it('opens a deployed definition with its DMN files, lists their decisions under 决策 Decisions and deploys them back with it', async () => {
    // given
    const dmn = '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d"><decision id="review-lane" name="审查路径 Review lane"><decisionTable id="t"/></decision></definitions>';
    const { fixture, host } = await openDesigner();
    const select = host.querySelector('select') as HTMLSelectElement;
    select.value = 'linfen-123-closure';
    select.dispatchEvent(new Event('change'));
    backend.expectOne('/api/definitions/linfen-123-closure').flush({ key: 'linfen-123-closure', version: 1, xml: '<deployed/>', forms: {}, decisions: { 'review-lanes.dmn': dmn } });
    await fixture.whenStable();
    await fixture.whenStable();

    // when
    button(host, '决策 Decisions').click();
    await fixture.whenStable();
    const listed = Array.from(host.querySelectorAll('bj-designer-decisions .decision strong')).map((e) => e.textContent);
    button(host, 'Deploy').click();
    await fixture.whenStable();
    const request = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/definitions');

    // then
    expect(button(host, '决策 Decisions').textContent).toContain('(1)');
    expect(listed).toEqual(['审查路径 Review lane']);
    expect(request.request.body).toEqual({ xml: drawnXml, decisions: { 'review-lanes.dmn': dmn } });
  });

  it('selects the element of a refused deploy\'s problem on the canvas', async () => {
    // given
    const { fixture, host } = await openDesigner();
    button(host, 'Deploy').click();
    await fixture.whenStable();
    backend
      .expectOne((r) => r.method === 'POST' && r.url === '/api/definitions')
      .flush({ error: 'invalid_bpmn', message: 'model cannot run', details: [{ elementId: 'Gateway_1', message: 'no condition' }] }, { status: 422, statusText: 'Unprocessable Entity' });
    await fixture.whenStable();

    // when
    (host.querySelector('bj-problem-list button') as HTMLButtonElement).click();

    // then
    expect(modeler.services.selection.select).toHaveBeenCalledWith({ id: 'Gateway_1' });
    expect(modeler.services.canvas.scrollToElement).toHaveBeenCalledWith({ id: 'Gateway_1' });
  });

  it('asks before New discards changes, and keeps them when the designer says no', async () => {
    // given
    const { fixture, host } = await openDesigner();
    modeler.change();
    await fixture.whenStable();
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);

    // when
    button(host, 'New').click();
    await fixture.whenStable();

    // then
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Discard the changes'));
    expect(modeler.importXML).toHaveBeenCalledTimes(1);
    expect(host.querySelector('.source')?.textContent).toContain('unsaved changes');
    confirm.mockRestore();
  });

  it('lays out a model without diagram interchange before it shows it', async () => {
    // given
    const { fixture, host } = await openDesigner();
    const input = host.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File([drawnXml], 'no-di.bpmn', { type: 'application/xml' });
    Object.defineProperty(file, 'text', { value: () => Promise.resolve(drawnXml) });
    Object.defineProperty(input, 'files', { value: [file] });

    // when
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    await fixture.whenStable();

    // then
    expect(modeler.importXML).toHaveBeenLastCalledWith(laidOutXml);
  });

  it('does not deploy a task linked to a form the flow lacks, and names the task', async () => {
    // given
    const { fixture, host } = await openDesigner();
    diagram = [
      {
        id: 'Task_Check',
        businessObject: { $type: 'bpmn:UserTask', name: '审查', extensionElements: { $type: 'bpmn:ExtensionElements', values: [{ $type: 'zeebe:FormDefinition', formId: 'lf-window-check' }] } },
      },
    ];

    // when
    button(host, 'Deploy').click();
    await fixture.whenStable();

    // then
    backend.expectNone((r) => r.method === 'POST');
    expect(host.querySelector('p.error')?.textContent).toContain('A task links a form the flow does not have');
    expect(host.querySelector('bj-problem-list button code')?.textContent).toBe('Task_Check');
  });

  it('shows the versions of a deployed flow with their running cases as the server counts them, and withdraws it', async () => {
    // given
    const { fixture, host } = await openDesigner();
    const select = host.querySelector('select') as HTMLSelectElement;
    select.value = 'linfen-123-closure';
    select.dispatchEvent(new Event('change'));
    backend
      .expectOne('/api/definitions/linfen-123-closure')
      .flush({ key: 'linfen-123-closure', version: 1, xml: '<deployed/>', forms: {}, versions: [{ version: 1, deployedAt: '2026-03-01T08:00:00+08:00', running: 2 }] });
    await fixture.whenStable();
    await fixture.whenStable();

    // when
    button(host, 'Withdraw').click();
    const withdraw = backend.expectOne('/api/definitions/linfen-123-closure/withdraw');
    withdraw.flush({ key: 'linfen-123-closure', withdrawn: true, changedAt: '2026-03-02T09:00:00+08:00' });
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/definitions').flush([{ key: 'linfen-123-closure', version: 1, name: '临汾123办结', deployedAt: '2026-03-01T08:00:00+08:00', withdrawn: true }]);
    await fixture.whenStable();

    // then
    expect(withdraw.request.method).toBe('POST');
    expect(host.querySelector('.versions option')?.textContent).toContain('v1 · 运行中 2 running');
    expect(host.querySelector('.withdrawn')?.textContent).toContain('Withdrawn');
    expect(button(host, 'Restore')).toBeTruthy();
  });

  it('exports the diagram as an SVG named after the process', async () => {
    // given
    const { fixture, host } = await openDesigner();
    const clicked: string[] = [];
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:svg'), revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });

    // when
    button(host, 'Export SVG').click();
    await fixture.whenStable();

    // then
    expect(modeler.saveSVG).toHaveBeenCalled();
    expect(clicked).toEqual(['demo-flow.svg']);
    click.mockRestore();
  });

  it('shows the model as XML in the XML 源码 view and imports edited XML back into the diagram', async () => {
    // given
    const { fixture, host } = await openDesigner();
    button(host, 'XML 源码').click();
    await fixture.whenStable();
    fixture.detectChanges();
    const source = host.querySelector('textarea#designer-xml-source') as HTMLTextAreaElement;
    const shown = { label: host.querySelector('label[for=designer-xml-source]')?.textContent, xml: source.value };
    const edited = drawnXml.replace('demo-flow', 'demo-flow-2');

    // when
    source.value = edited;
    source.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    button(host, '应用到流程图 Apply').click();
    await fixture.whenStable();

    // then
    expect(shown).toEqual({ label: 'BPMN XML 源码 Source', xml: drawnXml });
    expect(modeler.importXML).toHaveBeenLastCalledWith(edited.replace('</bpmn:definitions>', '<bpmndi:BPMNShape id="laid-out"/></bpmn:definitions>'));
    expect(host.querySelector('.source')?.textContent).toContain('unsaved changes');
    expect(host.querySelector('textarea#designer-xml-source')).toBeNull();
  });

  it('keeps the diagram and names the problem when the edited XML cannot be read', async () => {
    // given
    const { fixture, host } = await openDesigner();
    button(host, 'XML 源码').click();
    await fixture.whenStable();
    fixture.detectChanges();
    const source = host.querySelector('textarea#designer-xml-source') as HTMLTextAreaElement;
    modeler.importXML.mockRejectedValueOnce(new Error('unparsable content <bpmn:process> detected'));

    // when
    source.value = '<bpmn:definitions><bpmn:process';
    source.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    button(host, '应用到流程图 Apply').click();
    await fixture.whenStable();

    // then
    expect(host.querySelector('p.error')?.textContent).toContain('XML 无法读取，流程图未改变 The XML cannot be read, the diagram is unchanged: unparsable content');
    expect(host.querySelector('textarea#designer-xml-source')).not.toBeNull();
  });

  it('counts the running cases of a flow it has just deployed from the server', async () => {
    // given
    const { fixture, host } = await openDesigner();

    // when
    button(host, 'Deploy').click();
    await fixture.whenStable();
    backend.expectOne((r) => r.method === 'POST' && r.url === '/api/definitions').flush({ key: 'demo-flow', version: 2, name: 'Demo', hash: 'h', deployedAt: '2026-03-02T09:00:00+08:00', warnings: [] }, { status: 201, statusText: 'Created' });
    backend
      .expectOne((r) => r.method === 'GET' && r.url === '/api/definitions/demo-flow')
      .flush({ key: 'demo-flow', version: 2, xml: drawnXml, forms: {}, versions: [{ version: 2, deployedAt: '2026-03-02T09:00:00+08:00', running: 0 }, { version: 1, deployedAt: '2026-03-01T09:00:00+08:00', running: 7 }] });
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/definitions').flush([{ key: 'demo-flow', version: 2, name: 'Demo', deployedAt: '2026-03-02T09:00:00+08:00' }]);
    await fixture.whenStable();

    // then
    expect(Array.from(host.querySelectorAll('.versions option')).map((option) => option.textContent?.trim())).toEqual(['v2 · 运行中 0 running', 'v1 · 运行中 7 running']);
  });
});

describe('DesignerPage for a province-wide user', () => {
  let backend: HttpTestingController;
  let modeler: ReturnType<typeof fakeModeler>;
  const listed = [
    { key: 'shared-flow', version: 3, name: '临汾共用', deployedAt: '2026-03-01T08:00:00+08:00', zoneId: 'lf' },
    { key: 'shared-flow', version: 1, name: '长子共用', deployedAt: '2026-03-02T08:00:00+08:00', zoneId: 'cz' },
    { key: 'cz-only', version: 2, name: '长子专用', deployedAt: '2026-03-03T08:00:00+08:00', zoneId: 'cz' },
  ];

  beforeEach(() => {
    diagram = [];
    modeler = fakeModeler();
    (createDesignerModeler as jest.Mock).mockReset().mockReturnValue(modeler);
    const admin: UserView = { id: 'admin', name: '省管理员', roles: ['admin'], zoneId: 'province', groups: [] };
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), { provide: AuthSession, useValue: { user: () => admin } }] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function openDesignerInZone(zone: string) {
    const fixture = TestBed.createComponent(DesignerPage);
    backend.expectOne('/api/definitions').flush(listed);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const picker = host.querySelector('label.zone select') as HTMLSelectElement;
    picker.value = zone;
    picker.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    return { fixture, host };
  }

  const openDeployedSelect = (host: HTMLElement) => host.querySelector('select[aria-label="打开已部署 Open deployed"]') as HTMLSelectElement;

  it('lists the deployed flows of the picked zone, each with its zone', async () => {
    // when
    const { host } = await openDesignerInZone('cz');

    // then
    expect(host.querySelector('label.zone')?.textContent).toContain('区域 Zone');
    const options = Array.from(openDeployedSelect(host).options).slice(1).map((option) => option.textContent?.trim());
    expect(options).toEqual(['长子共用 (v1) · cz 长子 Changzi', '长子专用 (v2) · cz 长子 Changzi']);
  });

  it('opens a flow, its versions and deploys in the picked zone', async () => {
    // given
    const { fixture, host } = await openDesignerInZone('cz');

    // when: open the shared key of 长子
    const deployedSelect = openDeployedSelect(host);
    deployedSelect.value = 'shared-flow';
    deployedSelect.dispatchEvent(new Event('change'));
    const opened = backend.expectOne((r) => r.url === '/api/definitions/shared-flow');
    opened.flush({ key: 'shared-flow', version: 1, xml: '<deployed/>', forms: {}, versions: [{ version: 1, deployedAt: '2026-03-02T08:00:00+08:00', running: 0 }] });
    await fixture.whenStable();
    await fixture.whenStable();
    button(host, '部署 Deploy').click();
    await fixture.whenStable();
    const deployed = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/definitions');
    deployed.flush({ key: 'shared-flow', version: 2, name: '长子共用', hash: 'h', deployedAt: '2026-03-04T09:00:00+08:00', warnings: [] }, { status: 201, statusText: 'Created' });
    const versions = backend.expectOne((r) => r.method === 'GET' && r.url === '/api/definitions/shared-flow');
    versions.flush({ key: 'shared-flow', version: 2, xml: '<deployed/>', forms: {}, versions: [] });
    backend.expectOne((r) => r.method === 'GET' && r.url === '/api/definitions').flush(listed);
    await fixture.whenStable();

    // then
    expect(opened.request.params.get('zoneId')).toBe('cz');
    expect(deployed.request.params.get('zoneId')).toBe('cz');
    expect(versions.request.params.get('zoneId')).toBe('cz');
    expect(host.querySelector('p.deployed')?.textContent).toContain('shared-flow');
  });

  it('opens another version in the picked zone and leaves withdrawal to the zone designer', async () => {
    // given
    const { fixture, host } = await openDesignerInZone('lf');
    const deployedSelect = openDeployedSelect(host);
    deployedSelect.value = 'shared-flow';
    deployedSelect.dispatchEvent(new Event('change'));
    backend.expectOne((r) => r.url === '/api/definitions/shared-flow').flush({ key: 'shared-flow', version: 3, xml: '<deployed/>', forms: {}, versions: [3, 2, 1].map((version) => ({ version, deployedAt: '2026-03-01T08:00:00+08:00', running: 0 })) });
    await fixture.whenStable();
    await fixture.whenStable();

    // when
    const versionSelect = host.querySelector('.versions select') as HTMLSelectElement;
    versionSelect.value = '2';
    versionSelect.dispatchEvent(new Event('change'));
    const version = backend.expectOne((r) => r.url === '/api/definitions/shared-flow/versions/2');
    version.flush({ key: 'shared-flow', version: 2, xml: '<deployed/>', forms: {}, versions: [] });
    await fixture.whenStable();

    // then
    expect(version.request.params.get('zoneId')).toBe('lf');
    expect(button(host, 'Withdraw')).toBeUndefined();
    expect(host.querySelector('.versions .hint')?.textContent).toContain('The zone\'s designer withdraws and restores its flows');
  });
});

describe('DesignerPage for a zone user', () => {
  it('shows no zone picker and names no zone when opening and deploying', async () => {
    // given
    (createDesignerModeler as jest.Mock).mockReset().mockReturnValue(fakeModeler());
    const designer: UserView = { id: 'lf-designer', name: '临汾设计员', roles: ['designer'], zoneId: 'lf', groups: [] };
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), { provide: AuthSession, useValue: { user: () => designer } }] });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DesignerPage);
    backend.expectOne('/api/definitions').flush([{ key: 'linfen-123-closure', version: 1, name: '临汾123办结', deployedAt: '2026-03-01T08:00:00+08:00', zoneId: 'lf' }]);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;

    // when
    const select = host.querySelector('select') as HTMLSelectElement;
    select.value = 'linfen-123-closure';
    select.dispatchEvent(new Event('change'));
    const opened = backend.expectOne((r) => r.url === '/api/definitions/linfen-123-closure');
    opened.flush({ key: 'linfen-123-closure', version: 1, xml: '<deployed/>', forms: {}, versions: [] });
    await fixture.whenStable();
    await fixture.whenStable();
    button(host, '部署 Deploy').click();
    await fixture.whenStable();
    const deployed = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/definitions');

    // then
    expect(host.querySelector('label.zone')).toBeNull();
    expect(Array.from(select.options).map((option) => option.textContent?.trim())).toEqual(['打开已部署 Open deployed…', '临汾123办结 (v1)']);
    expect(opened.request.urlWithParams).toBe('/api/definitions/linfen-123-closure');
    expect(deployed.request.urlWithParams).toBe('/api/definitions');
  });
});
