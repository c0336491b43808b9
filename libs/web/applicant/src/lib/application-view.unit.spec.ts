import type { CaseView } from '@banjie/contracts';
import { newApplicationNo, resultsOf, toApplicationView } from './application-view';
import type { FlowReading } from './flow-reading';

const reading: FlowReading = {
  names: { Gateway_AwaitSupplement: '等待补正 Await supplement', Event_SupplementReceived: '补正材料已提交 Supplement received' },
  formIds: {},
  startFormId: 'lf-application',
};

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

describe('toApplicationView', () => {
  it('shows the open task as the current step with its deadline', () => {
    // given
    const view = caseView({
      active: [{ elementId: 'Task_WindowCheck', elementType: 'userTask', since: '2026-12-04T09:00:00+08:00' }],
      tasks: [{ id: 't-1', caseId: 'c-1', elementId: 'Task_WindowCheck', name: '窗口完整性审查', candidateGroups: ['window'], createdAt: '', dueAt: '2026-12-07T16:00:00Z', limitWorkingDays: 1, provisional: true, warning: 'none' }],
    });

    // when
    const application = toApplicationView(view, '临汾 123办结制', reading);

    // then
    expect(application.steps).toEqual([{ elementId: 'Task_WindowCheck', name: '窗口完整性审查', dueAt: '2026-12-07T16:00:00Z', limitWorkingDays: 1, provisional: true }]);
    expect(application.canRate).toBe(false);
  });

  it('names a wait for the applicant’s supplement, with the message to send', () => {
    // given
    const view = caseView({
      active: [
        { elementId: 'SubProcess_X', elementType: 'subProcess', since: '' },
        { elementId: 'Gateway_AwaitSupplement', elementType: 'eventBasedGateway', since: '' },
      ],
      messageSubscriptions: [{ elementId: 'Event_SupplementReceived', messageName: 'lf-supplement', correlationKey: 'LF-20261204-7K2Q' }],
    });

    // when
    const application = toApplicationView(view, '临汾', reading);

    // then
    expect(application.steps.map((step) => step.name)).toEqual(['等待补正 Await supplement']);
    expect(application.waits).toEqual([
      { elementId: 'Event_SupplementReceived', messageName: 'lf-supplement', correlationKey: 'LF-20261204-7K2Q', name: '补正材料已提交 Supplement received' },
    ]);
  });

  it('offers the rating once the case has ended, and not after it was rated', () => {
    // given
    const ended = caseView({ status: 'completed', endedAt: '2026-12-10T10:00:00+08:00' });
    const rated = caseView({ status: 'completed', evaluation: { rating: 5, userId: 'lf-applicant', at: '' } });

    // then
    expect(toApplicationView(ended, '临汾', reading).canRate).toBe(true);
    expect(toApplicationView(rated, '临汾', reading).canRate).toBe(false);
    expect(toApplicationView(rated, '临汾', reading).evaluation?.rating).toBe(5);
  });
});

describe('resultsOf', () => {
  it('labels the certificate and the decision in Chinese and leaves working notes out', () => {
    // when
    const results = resultsOf({ certificateNo: 'LF-20261210-0A1B2C3D', approved: true, windowCheckNote: '内部意见', tier: '1' });

    // then
    expect(results).toEqual([
      { key: 'approved', label: '审批决定 Decision', value: '准予许可 Approved' },
      { key: 'certificateNo', label: '电子证照编号 Certificate no.', value: 'LF-20261210-0A1B2C3D' },
    ]);
  });

  it('reads a refusal as 不予许可', () => {
    // then
    expect(resultsOf({ approved: false })[0].value).toBe('不予许可 Refused');
  });
});

describe('newApplicationNo', () => {
  it('numbers an application by zone and Beijing date', () => {
    // when
    const number = newApplicationNo('lf', new Date('2026-12-04T20:30:00Z'), () => 0);

    // then
    expect(number).toBe('LF-20261205-2222');
  });
});
