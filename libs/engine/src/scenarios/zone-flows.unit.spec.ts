import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../compile/compile';
import { fold } from '../evolve';
import { toCaseView } from '../case-view';
import type { EngineEvent } from '../lib/api';
import type { ProcessModel } from '../model/process-model';
import { CaseScenario, trace, types } from '../testing/case-scenario';
import { filledLikeTheE2e, type FilledFormField } from '../testing/filled-like-the-e2e';

/**
 * The zones' reference flows under `bpmn/` (deployed by the api at first start): each compiles
 * without problems with the forms of `bpmn/forms/`, carries a legal limit on every user task and
 * a diagram, and runs to its end when every form is filled the way the browser e2e fills it.
 */
const FLOW_DIR = join(__dirname, '../../../../bpmn');
const FORM_DIR = join(FLOW_DIR, 'forms');
const FLOW_NODE = /<bpmn:(?:startEvent|endEvent|intermediateCatchEvent|intermediateThrowEvent|boundaryEvent|task|userTask|serviceTask|sendTask|receiveTask|manualTask|businessRuleTask|scriptTask|exclusiveGateway|parallelGateway|inclusiveGateway|eventBasedGateway|subProcess|callActivity|sequenceFlow)\b[^>]*\bid="([^"]+)"/g;

function flowFiles(): string[] {
  return existsSync(FLOW_DIR) ? readdirSync(FLOW_DIR).filter((f) => f.endsWith('.bpmn')).sort() : [];
}

function readForms(): Record<string, { components?: FilledFormField[] }> {
  const forms: Record<string, { components?: FilledFormField[] }> = {};
  if (!existsSync(FORM_DIR)) return forms;
  for (const file of readdirSync(FORM_DIR).filter((f) => f.endsWith('.form'))) {
    const schema = JSON.parse(readFileSync(join(FORM_DIR, file), 'utf8')) as { id?: string; components?: FilledFormField[] };
    forms[schema.id ?? file.replace(/\.form$/, '')] = schema;
  }
  return forms;
}

const forms = readForms();

async function compileFlow(file: string): Promise<ProcessModel> {
  const result = await compile(readFileSync(join(FLOW_DIR, file), 'utf8'), { forms });
  if (!result.ok) throw new Error(`${file} does not compile: ${JSON.stringify(result.problems)}`);
  return result.model;
}

/** The variables of the form `formId` filled as the browser e2e fills it. */
function filled(formId: string | undefined): Record<string, unknown> {
  return filledLikeTheE2e(formId ? forms[formId] : undefined);
}

/** What the api's in-process workers answer for the job types the flows use. */
function workerResult(jobType: string): Record<string, unknown> {
  if (jobType === 'issue-certificate') return { certificateNo: 'LF-20260302-0001', certificateIssued: true };
  if (jobType === 'register-enterprise') return { registrationNo: 'TG-REG-1', freeSeals: ['公章', '财务专用章', '发票专用章'], sealFee: 0 };
  if (jobType === 'record-credit') return { creditRecordNo: 'CR-1', creditRecorded: true };
  return {};
}

/**
 * Drives a case as demo users would: completes every open task with its form filled like the
 * e2e, completes jobs as the workers do, delivers the messages the case waits for, and fires
 * due flow timers (never deadline warnings) when nothing else is left. Returns the element ids worked.
 */
function driveToEnd(scenario: CaseScenario, messageVariables: Record<string, Record<string, unknown>> = {}, maxSteps = 80): string[] {
  const worked: string[] = [];
  for (let step = 0; step < maxSteps && scenario.state.status === 'active'; step++) {
    const [task] = scenario.state.tasks;
    const [job] = scenario.state.jobs;
    const [subscription] = scenario.state.messageSubscriptions;
    const timer = scenario.state.timers.find((t) => t.purpose === 'timer');
    if (scenario.state.incidents.length > 0) throw new Error(`incident: ${JSON.stringify(scenario.state.incidents)}`);
    if (task) {
      worked.push(task.elementId);
      scenario.when({ type: 'CompleteTask', taskId: task.taskId, userId: task.assignee ?? 'demo', variables: filled(task.formId) });
    } else if (job) {
      worked.push(job.elementId);
      scenario.when({ type: 'CompleteJob', jobId: job.jobId, variables: workerResult(job.jobType) });
    } else if (subscription) {
      worked.push(subscription.elementId);
      scenario.when({ type: 'CorrelateMessage', name: subscription.messageName, correlationKey: subscription.correlationKey, variables: messageVariables[subscription.messageName] ?? {} });
    } else if (timer) {
      worked.push(timer.elementId);
      scenario.now = timer.dueAt;
      scenario.when({ type: 'FireTimer', timerId: timer.timerId });
    } else {
      break;
    }
  }
  return worked;
}

function deadlines(events: readonly EngineEvent[]): { elementId: string; limitWorkingDays: number }[] {
  return events.filter((e) => e.type === 'DeadlineSet').map((e) => {
    const data = e.data as { elementId: string; limitWorkingDays: number };
    return { elementId: data.elementId, limitWorkingDays: data.limitWorkingDays };
  });
}

describe('the zones’ reference flows under bpmn/', () => {
  it('are there: the seven zone flows and the Taigu standard approval', () => {
    expect(flowFiles()).toEqual([
      'anze-online-agency.bpmn',
      'changzi-rongque.bpmn',
      'linfen-123-closure.bpmn',
      'shangdang-financing.bpmn',
      'taigu-standard-approval.bpmn',
      'taigu-zero-approval.bpmn',
      'xiangyuan-demand-ledger.bpmn',
      'yuanping-commitment-agency.bpmn',
    ]);
  });

  it.each(flowFiles())('%s compiles without problems, with a legal limit on every user task, its forms and a diagram', async (file) => {
    // given
    const xml = readFileSync(join(FLOW_DIR, file), 'utf8');

    // when
    const result = await compile(xml, { forms });

    // then
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    const userTasks = Object.values(result.model.elements).filter((e) => e.kind === 'userTask');
    expect(userTasks.filter((e) => !e.legalLimit).map((e) => e.id)).toEqual([]);
    expect(userTasks.filter((e) => e.userTask?.formId && !forms[e.userTask.formId]).map((e) => e.id)).toEqual([]);
    const [semantic, diagram = ''] = xml.split('<bpmndi:BPMNDiagram');
    const drawn = new Set([...diagram.matchAll(/bpmnElement="([^"]+)"/g)].map((m) => m[1]));
    expect([...semantic.matchAll(FLOW_NODE)].map((m) => m[1]).filter((id) => !drawn.has(id))).toEqual([]);
  });
});

describe('Linfen 123 closure (linfen-123-closure)', () => {
  const file = 'linfen-123-closure.bpmn';
  // no businessKey variable: the supplement correlates on the case's business key (LF-2026-001)
  const start = { applicantName: '晋南新材料' };

  it('runs the complete way end to end: window check, tier, parallel stage, staged permit, sign-off, e-certificate, evaluation', async () => {
    // given a case whose window check is filled as the browser e2e fills it
    const scenario = new CaseScenario(await compileFlow(file));
    const started = scenario.start(start);
    expect(toCaseView(scenario.state).tasks.map((t) => [t.elementId, t.candidateGroups, t.formId, t.limitWorkingDays])).toEqual([['Task_WindowCheck', ['window'], 'lf-window-check', 1]]);

    // when the clerk completes it, then the tier is classified (tier 1, all reviews, staged permit)
    const checked = scenario.completeTask('Task_WindowCheck', filled('lf-window-check'));
    expect(trace(checked)).toContain('SequenceFlowTaken:Flow_Complete');
    const classified = scenario.completeTask('Task_ClassifyTier', filled('lf-classify-tier'));
    expect(scenario.variablesOf()).toMatchObject({ tier: '1', tierDays: 1, needsCivilAirDefence: true, needsFireDesign: true, stagedPermit: true });
    expect(trace(classified).filter((t) => t.startsWith('TaskCreated'))).toEqual([
      'TaskCreated:Task_PlanningPermit',
      'TaskCreated:Task_DesignReview',
      'TaskCreated:Task_CivilAirDefence',
      'TaskCreated:Task_FireDesign',
    ]);
    expect(toCaseView(scenario.state).tasks.map((t) => t.candidateGroups[0])).toEqual(['planning', 'housing', 'fire', 'fire']);

    // and the rest runs to the end
    const rest = driveToEnd(scenario);

    // then
    expect(rest).toEqual(['Task_PlanningPermit', 'Task_DesignReview', 'Task_CivilAirDefence', 'Task_FireDesign', 'Task_StagedPermit', 'Task_LeaderSignOff', 'Task_IssueCertificate', 'Task_Evaluation']);
    const view = toCaseView(scenario.state);
    expect(view.status).toBe('completed');
    expect(view.variables).toMatchObject({ approved: true, certificateNo: 'LF-20260302-0001', satisfaction: '5' });
    const keyEvents = trace(scenario.history).filter((t) => /^(TaskCreated|JobCreated|ElementCompleted:(SubProcess|Event_)|CaseCompleted)/.test(t));
    expect(keyEvents).toEqual([
      'ElementCompleted:Event_ApplicationSubmitted',
      'TaskCreated:Task_WindowCheck',
      'TaskCreated:Task_ClassifyTier',
      'ElementCompleted:Event_StageStarted',
      'TaskCreated:Task_PlanningPermit',
      'TaskCreated:Task_DesignReview',
      'TaskCreated:Task_CivilAirDefence',
      'TaskCreated:Task_FireDesign',
      'ElementCompleted:Event_StageCompleted',
      'ElementCompleted:SubProcess_ConstructionStage',
      'TaskCreated:Task_StagedPermit',
      'TaskCreated:Task_LeaderSignOff',
      'JobCreated:Task_IssueCertificate',
      'TaskCreated:Task_Evaluation',
      'ElementCompleted:Event_Closed',
      'CaseCompleted',
    ]);
    expect(deadlines(scenario.history)).toEqual([
      { elementId: 'Task_WindowCheck', limitWorkingDays: 1 },
      { elementId: 'Task_ClassifyTier', limitWorkingDays: 1 },
      { elementId: 'SubProcess_ConstructionStage', limitWorkingDays: 45 },
      { elementId: 'Task_PlanningPermit', limitWorkingDays: 1 },
      { elementId: 'Task_DesignReview', limitWorkingDays: 1 },
      { elementId: 'Task_CivilAirDefence', limitWorkingDays: 1 },
      { elementId: 'Task_FireDesign', limitWorkingDays: 1 },
      { elementId: 'Task_StagedPermit', limitWorkingDays: 1 },
      { elementId: 'Task_LeaderSignOff', limitWorkingDays: 1 },
      { elementId: 'Task_Evaluation', limitWorkingDays: 3 },
    ]);
    expect(trace(started)).toContain('TaskCreated:Task_WindowCheck');
    expect(fold(scenario.history)).toEqual(scenario.state);
  });

  it('a tier-3 matter without special reviews or staged permit skips them, with 3-WD review limits', async () => {
    // given
    const scenario = new CaseScenario(await compileFlow(file));
    scenario.start(start);
    scenario.completeTask('Task_WindowCheck', { materialsComplete: true });

    // when
    const classified = scenario.completeTask('Task_ClassifyTier', { tier: '3', needsCivilAirDefence: false, needsFireDesign: false, stagedPermit: false });
    scenario.completeTask('Task_PlanningPermit');
    scenario.completeTask('Task_DesignReview');

    // then
    expect(trace(classified)).toContain('SequenceFlowTaken:Flow_NoSpecialReview');
    expect(deadlines(classified).filter((d) => d.elementId.startsWith('Task_'))).toEqual([
      { elementId: 'Task_PlanningPermit', limitWorkingDays: 3 },
      { elementId: 'Task_DesignReview', limitWorkingDays: 3 },
    ]);
    expect(scenario.state.tasks.map((t) => t.elementId)).toEqual(['Task_LeaderSignOff']);
    expect(scenario.state.takenFlows).toContain('Flow_NoStagedPermit');
  });

  it('an incomplete application gets a one-time notice; the supplement message (key = businessKey) sends it back to the window', async () => {
    // given
    const scenario = new CaseScenario(await compileFlow(file));
    scenario.start(start);
    scenario.completeTask('Task_WindowCheck', { materialsComplete: false });
    scenario.completeTask('Task_OneTimeNotice', { missingMaterials: '环评批复' });
    expect(scenario.state.messageSubscriptions).toEqual([expect.objectContaining({ messageName: 'lf-supplement', correlationKey: 'LF-2026-001' })]);
    // (Monday 2 March + 5 working days: the end of Monday 9 March)
    expect(scenario.state.timers.filter((t) => t.purpose === 'timer').map((t) => [t.elementId, t.dueAt])).toEqual([['Event_SupplementLapsed', '2026-03-10T00:00:00+08:00']]);

    // when
    const supplied = scenario.when({ type: 'CorrelateMessage', name: 'lf-supplement', correlationKey: 'LF-2026-001', variables: { supplied: ['环评批复'] } });

    // then
    expect(trace(supplied)).toContain('TaskCreated:Task_WindowCheck');
    expect(scenario.state.timers.filter((t) => t.purpose === 'timer')).toEqual([]);
  });

  it('without a supplement within 5 working days the application is not accepted', async () => {
    // given
    const scenario = new CaseScenario(await compileFlow(file));
    scenario.start(start);
    scenario.completeTask('Task_WindowCheck', { materialsComplete: false });
    scenario.completeTask('Task_OneTimeNotice', { missingMaterials: '环评批复' });

    // when
    scenario.now = scenario.timer(scenario.timerOf('Event_SupplementLapsed')).dueAt;
    const lapsed = scenario.when({ type: 'FireTimer', timerId: scenario.timerOf('Event_SupplementLapsed') });

    // then
    expect(trace(lapsed)).toEqual(expect.arrayContaining(['ElementCompleted:Event_NotAccepted', 'CaseCompleted']));
    expect(scenario.state.messageSubscriptions).toEqual([]);
  });

  it('a refusal at sign-off ends without a certificate', async () => {
    // given
    const scenario = new CaseScenario(await compileFlow(file));
    scenario.start(start);
    scenario.completeTask('Task_WindowCheck', { materialsComplete: true });
    scenario.completeTask('Task_ClassifyTier', { tier: '2', needsCivilAirDefence: false, needsFireDesign: true, stagedPermit: false });
    for (const task of ['Task_PlanningPermit', 'Task_DesignReview', 'Task_FireDesign']) scenario.completeTask(task);

    // when
    const refused = scenario.completeTask('Task_LeaderSignOff', { approved: false });

    // then
    expect(trace(refused)).toEqual(expect.arrayContaining(['ElementCompleted:Event_Refused', 'CaseCompleted']));
    expect(trace(scenario.history)).not.toContain('JobCreated:Task_IssueCertificate');
  });
});

describe('Changzi pre-review, 容缺 and four-zero (changzi-rongque)', () => {
  const file = 'changzi-rongque.bpmn';
  const start = { applicantName: '长子精密铸造', businessKey: 'CZ-2026-004' };
  const timerAt = (scenario: CaseScenario, elementId: string) => {
    const timerId = scenario.timerOf(elementId);
    scenario.now = scenario.timer(timerId).dueAt;
    return scenario.when({ type: 'FireTimer', timerId });
  };

  async function toRongque(): Promise<CaseScenario> {
    const scenario = new CaseScenario(await compileFlow(file));
    scenario.start(start);
    scenario.completeTask('Task_PreReview', { draftsReviewed: true });
    scenario.completeTask('Task_FormalSubmission', { materialsStatus: 'non-essential-missing', statutoryDays: 20, compressionRatio: 0.1 });
    scenario.completeTask('Task_RongqueCommitment', { missingItems: '消防安全说明', supplyDays: 5, commitmentSigned: true });
    return scenario;
  }

  it('runs the complete way end to end, the clock paused during pre-review and the review limit compressed to 1/3', async () => {
    // given
    const scenario = new CaseScenario(await compileFlow(file));
    const started = scenario.start(start);
    expect(types(started)).toEqual(expect.arrayContaining(['DeadlineSet', 'ClockPaused']));

    // when
    const worked = driveToEnd(scenario);

    // then
    expect(worked).toEqual(['Task_PreReview', 'Task_FormalSubmission', 'Task_DepartmentReview', 'Task_IssuePermit', 'Task_OnSiteInspection', 'Task_FourZeroReview']);
    expect(scenario.state.status).toBe('completed');
    expect(trace(scenario.history)).toContain('ClockResumed');
    expect(scenario.variablesOf()).toMatchObject({ reviewLimitDays: 7, certificateIssued: true, fourZero: { all: true } });
    expect(deadlines(scenario.history)).toEqual([
      { elementId: 'changzi-rongque', limitWorkingDays: 20 },
      { elementId: 'Task_PreReview', limitWorkingDays: 2 },
      { elementId: 'Task_FormalSubmission', limitWorkingDays: 1 },
      { elementId: 'Task_DepartmentReview', limitWorkingDays: 7 },
      { elementId: 'Task_OnSiteInspection', limitWorkingDays: 3 },
      { elementId: 'Task_FourZeroReview', limitWorkingDays: 3 },
    ]);
  });

  it('容缺: review and the supplement wait run in parallel; supplied in time, the case goes on to the inspection', async () => {
    // given
    const scenario = await toRongque();
    expect(scenario.state.tasks.map((t) => [t.elementId, t.limitWorkingDays])).toEqual([['Task_RongqueReview', 2]]);
    expect(scenario.state.messageSubscriptions).toEqual([expect.objectContaining({ messageName: 'cz-supplement', correlationKey: 'CZ-2026-004' })]);

    // when
    scenario.when({ type: 'CorrelateMessage', name: 'cz-supplement', correlationKey: 'CZ-2026-004', variables: { suppliedItems: ['消防安全说明'] } });
    scenario.completeTask('Task_RongqueReview', { reviewPassed: true });
    const issued = scenario.when({ type: 'CompleteJob', jobId: scenario.jobAt('Task_RongqueIssue'), variables: { certificateNo: 'CZ-1', certificateIssued: true } });

    // then
    expect(trace(issued)).toEqual(expect.arrayContaining(['ElementCompleted:SubProcess_Rongque', 'TaskCreated:Task_OnSiteInspection']));
  });

  it('容缺: a permit issued on the commitment is revoked when the supplement never comes (clock paused while suspended)', async () => {
    // given a permit issued before the supplement
    const scenario = await toRongque();
    scenario.completeTask('Task_RongqueReview', { reviewPassed: true });
    scenario.when({ type: 'CompleteJob', jobId: scenario.jobAt('Task_RongqueIssue'), variables: { certificateNo: 'CZ-1', certificateIssued: true } });

    // when the supply deadline lapses, then the 15 WD of suspension
    const lapsed = timerAt(scenario, 'Event_SupplyDeadline');
    expect(trace(lapsed)).toEqual(expect.arrayContaining(['ElementActivated:SubProcess_Suspended', 'ClockPaused']));
    const over = timerAt(scenario, 'Event_SuspensionLapsed');

    // then
    expect(trace(over)).toEqual(expect.arrayContaining(['ClockResumed', 'TaskCreated:Task_RevokePermit']));
    scenario.completeTask('Task_RevokePermit', { revocationReason: '逾期未补', creditRecorded: true });
    expect(scenario.state.status).toBe('completed');
    expect(scenario.state.completed['Event_Revoked']).toBe(1);
  });

  it('容缺: lapsed before the decision, the review stops and the application is returned after 15 WD', async () => {
    // given
    const scenario = await toRongque();

    // when
    const lapsed = timerAt(scenario, 'Event_SupplyDeadline');
    timerAt(scenario, 'Event_SuspensionLapsed');

    // then
    expect(trace(lapsed)).toContain('TaskCancelled');
    expect(scenario.state.tasks.map((t) => t.elementId)).toEqual(['Task_ReturnApplication']);
  });

  it('容缺: a late supplement while suspended resumes the clock and sends the matter back to review', async () => {
    // given
    const scenario = await toRongque();
    timerAt(scenario, 'Event_SupplyDeadline');
    scenario.now = '2026-03-16T09:00:00+08:00';

    // when
    const resumed = scenario.when({ type: 'CorrelateMessage', name: 'cz-supplement', correlationKey: 'CZ-2026-004' });

    // then
    expect(trace(resumed)).toEqual(expect.arrayContaining(['ClockResumed', 'TaskCreated:Task_DepartmentReview']));
    expect(scenario.variablesOf()).toMatchObject({ suppliedLate: true });
  });
});

describe('Yuanping commitment + standard land + full agency (yuanping-commitment-agency)', () => {
  const file = 'yuanping-commitment-agency.bpmn';
  const start = { applicantName: '原平光伏支架', businessKey: 'YP-2026-002' };

  async function toPostCheck(): Promise<CaseScenario> {
    const scenario = new CaseScenario(await compileFlow(file));
    scenario.start(start);
    const worked = driveToEnd(scenario, {}, 16);
    expect(worked.at(-1)).toBe('Event_PostCheckDue');
    return scenario;
  }

  it('runs end to end: agent, six commitments, three parallel pre-reviews, 7-day notice, issue, post-check', async () => {
    // given
    const scenario = new CaseScenario(await compileFlow(file));
    scenario.start(start);

    // when
    const worked = driveToEnd(scenario);

    // then
    expect(worked).toEqual([
      'Task_AssignAgent',
      'Task_AgencyAgreement',
      ...Array(6).fill('Task_SignCommitment'),
      'Task_WindowDistribute',
      ...Array(3).fill('Task_DepartmentPreReview'),
      'Event_PublicNotice',
      'Task_NoticeResult',
      'Task_IssuePermit',
      'Event_PostCheckDue',
      'Task_PostCheck',
    ]);
    expect(scenario.state.status).toBe('completed');
    const variables = scenario.variablesOf();
    expect(variables['commitments']).toHaveLength(6);
    expect(variables['commitments']).toContainEqual({ item: '消防', signed: true, text: '材料齐全，予以受理 Complete' });
    expect(variables['preReviews']).toEqual([
      expect.objectContaining({ department: '自然资源和规划分局', passed: true }),
      expect.objectContaining({ department: '住建科', passed: true }),
      expect.objectContaining({ department: '生态环境分局', passed: true }),
    ]);
    const created = scenario.history.filter((e) => e.type === 'TaskCreated').map((e) => e.data as { elementId: string; assignee?: string });
    expect(created.filter((t) => t.elementId === 'Task_SignCommitment').every((t) => t.assignee === 'yp-agent')).toBe(true);
    const names = scenario.history.filter((e) => e.type === 'TaskCreated').map((e) => (e.data as { name: string }).name);
    expect(names.filter((n) => n.endsWith('逐项签署告知承诺'))).toEqual(['土地出让条件', '规划设计条件', '环境影响', '节能', '安全生产', '消防'].map((item) => `${item} · 逐项签署告知承诺`));
    expect(names.filter((n) => n.endsWith('部门并联预审'))).toEqual(['自然资源和规划分局 · 部门并联预审', '住建科 · 部门并联预审', '生态环境分局 · 部门并联预审']);
    const notice = scenario.history.find((e) => e.type === 'TimerScheduled' && (e.data as { elementId: string }).elementId === 'Event_PublicNotice');
    expect(notice?.data).toMatchObject({ purpose: 'timer' });
    expect(deadlines(scenario.history).filter((d) => d.elementId === 'Task_DepartmentPreReview')).toEqual(Array(3).fill({ elementId: 'Task_DepartmentPreReview', limitWorkingDays: 1 }));
  });

  it('starts on the parcel-delisting message as well', async () => {
    // given
    const scenario = new CaseScenario(await compileFlow(file));

    // when
    scenario.start(start, { messageName: 'yp-parcel-delisted' });

    // then
    expect(scenario.state.tasks.map((t) => t.elementId)).toEqual(['Task_AssignAgent']);
  });

  it('an upheld objection after the public notice ends without approval', async () => {
    // given
    const scenario = new CaseScenario(await compileFlow(file));
    scenario.start(start);
    driveToEnd(scenario, {}, 13);
    expect(scenario.state.tasks.map((t) => t.elementId)).toEqual(['Task_NoticeResult']);

    // when
    scenario.completeTask('Task_NoticeResult', { objection: 'received' });
    scenario.completeTask('Task_ObjectionReview', { objectionFinding: 'upheld' });

    // then
    expect(scenario.state.completed['Event_NotApproved']).toBe(1);
  });

  it('an unmet commitment is rectified within its limit and checked again', async () => {
    // given
    const scenario = await toPostCheck();

    // when
    scenario.completeTask('Task_PostCheck', { commitmentsMet: false, remedy: 'rectify', rectifyWorkingDays: 10 });
    expect(scenario.state.tasks.map((t) => [t.elementId, t.assignee, t.limitWorkingDays])).toEqual([['Task_Rectify', 'yp-agent', 10]]);
    scenario.completeTask('Task_Rectify', { rectified: true }, 'yp-agent');
    scenario.completeTask('Task_PostCheck', { commitmentsMet: true });

    // then
    expect(scenario.state.completed['Event_Closed']).toBe(1);
  });

  it('a false commitment is revoked and put on the credit record', async () => {
    // given
    const scenario = await toPostCheck();

    // when
    scenario.completeTask('Task_PostCheck', { commitmentsMet: false, remedy: 'revoke' });
    scenario.completeTask('Task_Revoke', { revocationReason: '虚假承诺' });
    scenario.when({ type: 'CompleteJob', jobId: scenario.jobAt('Task_CreditRecord'), variables: { creditRecorded: true } });

    // then
    expect(scenario.state.completed['Event_Revoked']).toBe(1);
    expect(scenario.state.status).toBe('completed');
  });
});

describe('Xiangyuan demand ledger closed loop (xiangyuan-demand-ledger)', () => {
  const file = 'xiangyuan-demand-ledger.bpmn';
  const onePair = { pairs: [{ leader: 'xy-leader', firm: '襄垣煤机' }], businessKey: 'XY-2026-D017' };

  it('the monthly timer start runs one ledger per leader–firm pair (five for 陈刚) to the month summary', async () => {
    // given a case started by the monthly timer, without variables
    const model = await compileFlow(file);
    expect(model.timerStartEvents).toEqual([{ elementId: 'Event_MonthlyVisit', timer: { kind: 'cycle', expression: 'R/2026-01-05T09:00:00+08:00/P1M' } }]);
    const scenario = new CaseScenario(model);
    scenario.start({}, { startEventId: 'Event_MonthlyVisit', businessKey: undefined });
    expect(scenario.state.tasks.map((t) => [t.elementId, t.assignee])).toEqual(Array(5).fill(['Task_LeaderVisit', 'xy-leader']));
    // and each visit names its firm (banjie:taskName), so the inbox rows tell them apart
    expect(scenario.state.tasks.map((t) => t.name)).toEqual(['襄垣煤机', '襄垣新能源材料', '襄垣精细化工', '襄垣装备制造', '襄垣现代物流'].map((firm) => `${firm} · 领导包联走访`));

    // when every task is done as the e2e fills forms
    driveToEnd(scenario, {}, 60);

    // then
    expect(scenario.state.status).toBe('completed');
    expect(scenario.variablesOf()['ledgerSummary']).toEqual({ pairs: 5, demands: 5, closed: 5, satisfied: 5, reopened: 0 });
    expect(scenario.variablesOf()['ledger']).toContainEqual(expect.objectContaining({ firm: '襄垣煤机', category: 'simple', satisfaction: '5', reopened: false }));
  });

  it('a demand rated 不满意 is reopened with 5 WD and closed after the second follow-up', async () => {
    // given
    const scenario = new CaseScenario(await compileFlow(file));
    scenario.start(onePair);
    scenario.completeTask('Task_LeaderVisit', { hasDemand: true, demand: '增容用电 power capacity' }, 'xy-leader');
    scenario.completeTask('Task_Triage', { category: 'coordination' });
    expect(scenario.state.tasks.map((t) => [t.elementId, t.limitWorkingDays])).toEqual([['Task_Resolve', 10]]);
    expect(scenario.state.tasks[0].name).toBe('襄垣煤机 · 部门限时办结');
    scenario.completeTask('Task_Resolve', { resolved: true });
    scenario.completeTask('Task_Confirm', { confirmed: true });

    // when
    const reopened = scenario.completeTask('Task_FollowUp', { satisfaction: '2' });

    // then
    expect(trace(reopened)).toContain('ElementCompleted:Task_Reopen');
    expect(scenario.state.tasks.map((t) => [t.elementId, t.limitWorkingDays])).toEqual([['Task_Resolve', 5]]);
    scenario.completeTask('Task_Resolve', { resolved: true });
    scenario.completeTask('Task_Confirm', { confirmed: true });
    scenario.completeTask('Task_FollowUp', { satisfaction: '4' });
    expect(scenario.state.status).toBe('completed');
    expect(scenario.variablesOf()['ledgerSummary']).toEqual({ pairs: 1, demands: 1, closed: 1, satisfied: 1, reopened: 1 });
  });

  it('an overdue demand escalates to the paired leader (red), without stopping the department', async () => {
    // given
    const scenario = new CaseScenario(await compileFlow(file));
    scenario.start(onePair);
    scenario.completeTask('Task_LeaderVisit', { hasDemand: true }, 'xy-leader');
    scenario.completeTask('Task_Triage', { category: 'simple' });

    // when
    const overdue = scenario.timerOf('Event_ResolveOverdue');
    scenario.now = scenario.timer(overdue).dueAt;
    scenario.when({ type: 'FireTimer', timerId: overdue });

    // then
    expect(scenario.state.tasks.map((t) => [t.elementId, t.assignee ?? null])).toEqual([
      ['Task_Resolve', null],
      ['Task_LeaderSupervise', 'xy-leader'],
    ]);
  });

  it('a visit without a demand closes that pair at once', async () => {
    // given
    const scenario = new CaseScenario(await compileFlow(file));
    scenario.start(onePair);

    // when
    scenario.completeTask('Task_LeaderVisit', { hasDemand: false }, 'xy-leader');

    // then
    expect(scenario.state.status).toBe('completed');
    expect(scenario.variablesOf()['ledgerSummary']).toMatchObject({ pairs: 1, demands: 0 });
  });
});

describe('Taigu full commitment, zero approval (taigu-zero-approval, calling taigu-standard-approval)', () => {
  const start = { applicantName: '太谷农产品加工', businessKey: 'TG-2026-003' };

  async function scenarioWithStandardApproval(): Promise<CaseScenario> {
    const scenario = new CaseScenario(await compileFlow('taigu-zero-approval.bpmn'));
    const standard = { model: await compileFlow('taigu-standard-approval.bpmn'), version: 1 };
    scenario.calledModels = { 'taigu-standard-approval': standard, 'taigu-standard-approval@1': standard };
    return scenario;
  }

  it('a qualifying industrial project on standard land runs end to end without approval: seals, e-list, commitment, automatic issue, post-check', async () => {
    // given
    const scenario = await scenarioWithStandardApproval();
    scenario.start(start);

    // when
    const worked = driveToEnd(scenario);

    // then
    expect(worked).toEqual(['Task_Registration', 'Task_ENotice', 'Task_Qualification', 'Task_SignCommitments', 'Task_AutoIssue', 'Task_PostCheck', 'Task_Evaluation']);
    expect(scenario.state.status).toBe('completed');
    expect(scenario.variablesOf()).toMatchObject({ freeSeals: ['公章', '财务专用章', '发票专用章'], certificateIssued: true, commitmentsMet: true });
    expect(deadlines(scenario.history).find((d) => d.elementId === 'Task_PostCheck')).toEqual({ elementId: 'Task_PostCheck', limitWorkingDays: 30 });
    expect(trace(scenario.history)).not.toContain('ElementActivated:CallActivity_StandardApproval');
  });

  it('a project that does not qualify goes through the zone’s standard approval as a call activity', async () => {
    // given
    const scenario = await scenarioWithStandardApproval();
    scenario.start(start);
    driveToEnd(scenario, {}, 2);

    // when
    scenario.completeTask('Task_Qualification', { industrial: false, standardLand: true, evaluationsValid: true, exclusion: 'none' });
    const worked = driveToEnd(scenario);

    // then
    expect(worked).toEqual(['Task_WindowAccept', 'Task_PlanningReview', 'Task_EnvironmentReview', 'Task_LeaderSignOff', 'Task_IssueCertificate', 'Task_Evaluation']);
    expect(scenario.state.status).toBe('completed');
    expect(trace(scenario.history)).toContain('CalledProcessStarted');
    expect(scenario.variablesOf()).toMatchObject({ approved: true, certificateIssued: true });
  });

  it('a post-check that finds an unmet commitment revokes the permit and records the credit', async () => {
    // given
    const scenario = await scenarioWithStandardApproval();
    scenario.start(start);
    driveToEnd(scenario, {}, 5);

    // when
    scenario.completeTask('Task_PostCheck', { commitmentsMet: false });
    scenario.completeTask('Task_Revoke', { revocationReason: '未按承诺建设' });
    driveToEnd(scenario);

    // then
    expect(scenario.state.completed['Event_Revoked']).toBe(1);
    expect(scenario.variablesOf()).toMatchObject({ creditRecorded: true });
  });

  it('the standard approval runs on its own as well', async () => {
    // given
    const scenario = new CaseScenario(await compileFlow('taigu-standard-approval.bpmn'));
    scenario.start(start);

    // when
    const worked = driveToEnd(scenario);

    // then
    expect(worked).toEqual(['Task_WindowAccept', 'Task_PlanningReview', 'Task_EnvironmentReview', 'Task_LeaderSignOff', 'Task_IssueCertificate']);
    expect(scenario.state.status).toBe('completed');
    expect(deadlines(scenario.history)[0]).toEqual({ elementId: 'taigu-standard-approval', limitWorkingDays: 20 });
  });
});

describe('Anze 7×24 online intake and full agency (anze-online-agency)', () => {
  const file = 'anze-online-agency.bpmn';

  it('runs end to end on full agency: the agent signs and files for the firm, the window pre-checks, the matter is decided, certificate and evaluation', async () => {
    // given: the online application as the browser fills it (first matter: project filing; full agency checked)
    const scenario = new CaseScenario(await compileFlow(file));
    scenario.start({ ...filled('az-online-application'), businessKey: 'AZ-2026-001' });

    // when
    const worked = driveToEnd(scenario);

    // then
    expect(worked).toEqual(['Task_AgencyAgreement', 'Task_AgentFiling', 'Task_OnlinePreCheck', 'Task_ProjectFiling', 'Task_IssueCertificate', 'Task_Evaluation']);
    expect(scenario.state.completed['Event_Closed']).toBe(1);
    const groups = scenario.history.filter((e) => e.type === 'TaskCreated').map((e) => e.data as { elementId: string; candidateGroups?: string[] });
    expect(groups.filter((t) => t.elementId.startsWith('Task_Agen')).map((t) => t.candidateGroups)).toEqual([['agency'], ['agency']]);
    expect(deadlines(scenario.history).map((d) => d.limitWorkingDays)).toEqual([1, 2, 1, 1, 3]);
  });

  it.each([
    ['planning-permit', 'Task_PlanningPermit', 5],
    ['construction-permit', 'Task_ConstructionPermit', 5],
    ['other', 'Task_OtherMatter', 3],
  ])('routes the self-service matter %s to %s (%i WD)', async (matter, task, limit) => {
    // given
    const scenario = new CaseScenario(await compileFlow(file));
    scenario.start({ applicantName: '安泽康养', matter, fullAgency: false, businessKey: 'AZ-2026-002' });

    // when
    const worked = driveToEnd(scenario);

    // then
    expect(worked).toEqual(['Task_OnlinePreCheck', task, 'Task_IssueCertificate', 'Task_Evaluation']);
    expect(deadlines(scenario.history).find((d) => d.elementId === task)).toEqual({ elementId: task, limitWorkingDays: limit });
  });

  it('an incomplete application is returned with a one-time notice; a refusal ends without a certificate', async () => {
    // given
    const returned = new CaseScenario(await compileFlow(file));
    returned.start({ matter: 'project-filing', fullAgency: false });
    const refused = new CaseScenario(await compileFlow(file));
    refused.start({ matter: 'project-filing', fullAgency: false });

    // when
    returned.completeTask('Task_OnlinePreCheck', { materialsComplete: false });
    returned.completeTask('Task_OneTimeNotice', { missingMaterials: '环评批复' });
    refused.completeTask('Task_OnlinePreCheck', { materialsComplete: true });
    refused.completeTask('Task_ProjectFiling', { approved: false });

    // then
    expect([returned.state.status, returned.state.completed['Event_Returned']]).toEqual(['completed', 1]);
    expect([refused.state.status, refused.state.completed['Event_Refused']]).toEqual(['completed', 1]);
  });
});

describe('Shangdang bank–enterprise financing matchmaking (shangdang-financing)', () => {
  const file = 'shangdang-financing.bpmn';

  it('runs end to end: need registered, bank matched, meeting, loan granted, follow-up evaluation', async () => {
    // given
    const scenario = new CaseScenario(await compileFlow(file));
    scenario.start({ ...filled('sd-financing-need'), businessKey: 'SD-2026-001' });

    // when
    const worked = driveToEnd(scenario);

    // then
    expect(worked).toEqual(['Task_RegisterNeed', 'Task_MatchBank', 'Task_Meeting', 'Task_LoanDecision', 'Task_FollowUpEvaluation']);
    expect(scenario.state.completed['Event_Financed']).toBe(1);
    expect(deadlines(scenario.history)[0]).toEqual({ elementId: 'shangdang-financing', limitWorkingDays: 30 });
  });

  it('a declined loan goes to the leader, who has another bank matched; without a second match the ledger closes with no loan', async () => {
    // given
    const scenario = new CaseScenario(await compileFlow(file));
    scenario.start({ applicantName: '上党机械', needAmount: 500 });
    scenario.completeTask('Task_RegisterNeed', { needVerified: true });
    scenario.completeTask('Task_MatchBank', { bank: 'boc', bankMatched: true });
    scenario.completeTask('Task_Meeting', { meetingHeld: true });

    // when
    scenario.completeTask('Task_LoanDecision', { loanApproved: false });
    scenario.completeTask('Task_LeaderCoordinate', { rematch: true });
    scenario.completeTask('Task_MatchBank', { bank: 'ccb', bankMatched: false });
    scenario.completeTask('Task_LeaderCoordinate', { rematch: false });
    scenario.completeTask('Task_FollowUpEvaluation', { satisfaction: '基本满意' });

    // then
    expect(scenario.state.status).toBe('completed');
    expect(scenario.state.completed['Event_NotFinanced']).toBe(1);
    expect(scenario.state.completed['Task_MatchBank']).toBe(2);
  });
});
