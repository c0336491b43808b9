import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { createDesignerModeler } from './designer-modeler';
import { DesignerPage } from './designer-page';

jest.mock('./designer-modeler', () => ({ createDesignerModeler: jest.fn() }));

const drawnXml = '<bpmn:definitions><bpmn:process id="demo-flow"/></bpmn:definitions>';

function fakeModeler() {
  return {
    importXML: jest.fn().mockResolvedValue({ warnings: [] }),
    saveXML: jest.fn().mockResolvedValue({ xml: drawnXml }),
    getDefinitions: () => ({ rootElements: [{ $type: 'bpmn:Process', id: 'demo-flow' }] }),
    get: () => ({ zoom: jest.fn() }),
    destroy: jest.fn(),
  };
}

describe('DesignerPage', () => {
  let backend: HttpTestingController;
  let modeler: ReturnType<typeof fakeModeler>;

  beforeEach(() => {
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

  const button = (host: HTMLElement, text: string) => Array.from(host.querySelectorAll('button')).find((b) => b.textContent?.includes(text)) as HTMLButtonElement;

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
    expect(modeler.importXML).toHaveBeenLastCalledWith(drawnXml);
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
});
