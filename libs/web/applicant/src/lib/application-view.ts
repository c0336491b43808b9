import type { CaseEvaluationView, CaseStatus, CaseView, MessageSubscriptionView } from '@banjie/contracts';
import type { FlowReading } from './flow-reading';

/** A step the case is at now, with its legal deadline when it has one. */
export interface CurrentStep {
  elementId: string;
  name: string;
  dueAt?: string;
  limitWorkingDays?: number;
  provisional?: boolean;
  provisionalReason?: string;
}

/** A result of the case as the applicant reads it: a Chinese label and the value in words. */
export interface ApplicationResult {
  key: string;
  label: string;
  value: string;
}

/** A message the case waits for from the applicant (补正), with the form to send it with. */
export interface SupplementWait extends MessageSubscriptionView {
  name: string;
  formId?: string;
}

/** One of the applicant's cases as 我的申请 shows it. */
export interface ApplicationView {
  caseId: string;
  businessKey: string;
  flowName: string;
  status: CaseStatus;
  startedAt: string;
  endedAt?: string;
  steps: CurrentStep[];
  results: ApplicationResult[];
  waits: SupplementWait[];
  evaluation?: CaseEvaluationView;
  /** The case has ended and has not been rated yet. */
  canRate: boolean;
}

/**
 * The variables an applicant is told about, in this order, with their labels: the certificate,
 * the decision and the reasons given to the applicant. Working notes of the clerks stay out.
 */
export const RESULT_LABELS: Readonly<Record<string, string>> = {
  approved: '审批决定 Decision',
  certificateNo: '电子证照编号 Certificate no.',
  certificateIssued: '电子证照 Certificate',
  stagedPermitNo: '分阶段施工许可证号 Staged permit no.',
  registrationNo: '企业登记号 Registration no.',
  leaderOpinion: '签发意见 Sign-off opinion',
  missingMaterials: '一次性告知·需补正材料 Missing materials',
  returnReason: '退件原因 Reason for return',
  revocationReason: '撤销原因 Reason for revocation',
  creditRecordNo: '信用记录编号 Credit record no.',
};

/** How a yes/no result reads, per variable; other booleans read 是 / 否. */
const YES_NO: Readonly<Record<string, readonly [string, string]>> = {
  approved: ['准予许可 Approved', '不予许可 Refused'],
  certificateIssued: ['已出具 Issued', '未出具 Not issued'],
};

/** Element kinds that only hold other steps: the steps inside them are shown instead. */
const CONTAINERS = new Set(['process', 'subProcess', 'multiInstanceBody', 'callActivity']);

/** The applicant's view of a case, named with the flow it runs. */
export function toApplicationView(caseView: CaseView, flowName: string, reading: FlowReading): ApplicationView {
  return {
    caseId: caseView.id,
    businessKey: caseView.businessKey,
    flowName,
    status: caseView.status,
    startedAt: caseView.startedAt,
    ...(caseView.endedAt ? { endedAt: caseView.endedAt } : {}),
    steps: currentSteps(caseView, reading),
    results: resultsOf(caseView.variables),
    waits: (caseView.messageSubscriptions ?? []).map((wait) => ({
      ...wait,
      name: reading.names[wait.elementId] ?? wait.messageName,
      ...(reading.formIds[wait.elementId] ? { formId: reading.formIds[wait.elementId] } : {}),
    })),
    ...(caseView.evaluation ? { evaluation: caseView.evaluation } : {}),
    canRate: caseView.status !== 'active' && !caseView.evaluation,
  };
}

/** The results among the case's variables, labelled, in the order of `RESULT_LABELS`. */
export function resultsOf(variables: Record<string, unknown>): ApplicationResult[] {
  return Object.entries(RESULT_LABELS)
    .filter(([key]) => variables[key] !== undefined && variables[key] !== null && variables[key] !== '')
    .map(([key, label]) => ({ key, label, value: inWords(key, variables[key]) }));
}

function currentSteps(caseView: CaseView, reading: FlowReading): CurrentStep[] {
  const fromTasks: CurrentStep[] = caseView.tasks.map((task) => ({
    elementId: task.elementId,
    name: task.name,
    ...(task.dueAt ? { dueAt: task.dueAt } : {}),
    ...(task.limitWorkingDays !== undefined ? { limitWorkingDays: task.limitWorkingDays } : {}),
    ...(task.provisional ? { provisional: true } : {}),
    ...(task.provisionalReason ? { provisionalReason: task.provisionalReason } : {}),
  }));
  const taskElements = new Set(caseView.tasks.map((task) => task.elementId));
  const waiting = caseView.active
    .filter((element) => !CONTAINERS.has(element.elementType) && !taskElements.has(element.elementId))
    .map((element): CurrentStep => {
      const deadline = caseView.deadlines?.find((d) => d.elementId === element.elementId);
      return {
        elementId: element.elementId,
        name: reading.names[element.elementId] ?? element.elementId,
        ...(deadline ? { dueAt: deadline.dueAt, limitWorkingDays: deadline.limitWorkingDays } : {}),
        ...(deadline?.provisional ? { provisional: true } : {}),
      };
    });
  return [...fromTasks, ...waiting];
}

function inWords(key: string, value: unknown): string {
  if (typeof value === 'boolean') {
    const [yes, no] = YES_NO[key] ?? ['是 Yes', '否 No'];
    return value ? yes : no;
  }
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** A new application's business key: zone, Beijing date and four random characters (`LF-20261204-7K2Q`). */
export function newApplicationNo(zoneId: string, now: Date, random: () => number = Math.random): string {
  const beijing = new Date(now.getTime() + 8 * 60 * 60 * 1000);
  const day = beijing.toISOString().slice(0, 10).replaceAll('-', '');
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const suffix = Array.from({ length: 4 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  return `${zoneId.toUpperCase()}-${day}-${suffix}`;
}
