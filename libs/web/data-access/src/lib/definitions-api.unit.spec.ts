import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { toApiProblem } from './api-error';
import { DefinitionsApi, type DeployOutcome } from './definitions-api';

const deployment = { key: 'demo', version: 2, name: 'Demo', hash: 'h', deployedAt: '2026-03-02T09:00:00+08:00', warnings: [] };

describe('DefinitionsApi', () => {
  let api: DefinitionsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(DefinitionsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it.each([
    [201, true],
    [200, false],
  ])('tells a new version (%i) from an unchanged one', (status, newVersion) => {
    // given
    let outcome: DeployOutcome | undefined;

    // when
    api.deploy({ xml: '<definitions/>' }).subscribe((result) => (outcome = result));
    backend.expectOne('/api/definitions').flush(deployment, { status, statusText: 'OK' });

    // then
    expect(outcome).toEqual({ newVersion, deployment });
  });

  it('hands the problems of an invalid model to the caller', () => {
    // given
    let problem: ReturnType<typeof toApiProblem> | undefined;

    // when
    api.deploy({ xml: '<definitions/>' }).subscribe({ error: (failure) => (problem = toApiProblem(failure)) });
    backend.expectOne('/api/definitions').flush(
      { error: 'invalid_bpmn', message: 'model cannot run', details: [{ elementId: 'Gateway_1', elementType: 'bpmn:ComplexGateway', message: 'not supported' }] },
      { status: 422, statusText: 'Unprocessable Entity' },
    );

    // then
    expect(problem?.status).toBe(422);
    expect(problem?.details).toEqual([{ elementId: 'Gateway_1', elementType: 'bpmn:ComplexGateway', message: 'not supported' }]);
  });

  it('reads a given version of a definition', () => {
    // given
    let xml: string | undefined;

    // when
    api.get('linfen-123-closure', 3).subscribe((view) => (xml = view.xml));
    backend.expectOne('/api/definitions/linfen-123-closure/versions/3').flush({ key: 'linfen-123-closure', xml: '<x/>', forms: {} });

    // then
    expect(xml).toBe('<x/>');
  });

  it('deploys to the zone a province-wide user names, and names none for a zone user', () => {
    // given
    const versions: number[] = [];

    // when
    api.deploy({ xml: '<definitions/>' }, 'cz').subscribe((result) => versions.push(result.deployment.version));
    const named = backend.expectOne((request) => request.url === '/api/definitions');
    named.flush(deployment, { status: 201, statusText: 'Created' });
    api.deploy({ xml: '<definitions/>' }).subscribe((result) => versions.push(result.deployment.version));
    const unnamed = backend.expectOne((request) => request.url === '/api/definitions');
    unnamed.flush(deployment, { status: 201, statusText: 'Created' });

    // then
    expect(named.request.urlWithParams).toBe('/api/definitions?zoneId=cz');
    expect(unnamed.request.urlWithParams).toBe('/api/definitions');
    expect(versions).toEqual([2, 2]);
  });

  it('withdraws and restores a flow by its key', () => {
    // given
    const answers: boolean[] = [];

    // when
    api.setWithdrawn('lf test/flow', true).subscribe((view) => answers.push(view.withdrawn));
    const withdraw = backend.expectOne('/api/definitions/lf%20test%2Fflow/withdraw');
    withdraw.flush({ key: 'lf test/flow', withdrawn: true, changedAt: '2026-03-02T09:00:00+08:00' });
    api.setWithdrawn('lf test/flow', false).subscribe((view) => answers.push(view.withdrawn));
    const restore = backend.expectOne('/api/definitions/lf%20test%2Fflow/restore');
    restore.flush({ key: 'lf test/flow', withdrawn: false, changedAt: '2026-03-02T09:05:00+08:00' });

    // then
    expect(withdraw.request.method).toBe('POST');
    expect(restore.request.method).toBe('POST');
    expect(answers).toEqual([true, false]);
  });
});
