import type { Logger } from '@nestjs/common';
import { CaseCommands, CaseRejected, type Actor } from '@banjie/api-core';
import type { UserDirectory } from '@banjie/api-auth';
import type { WorkingCalendar } from '@banjie/calendar';
import type { ZoneId } from '@banjie/contracts';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { after, DemoCaseDriver, type DemoStep } from './demo-case-driver';
import type { FlowDeployment } from './deploy-zone-flows';

/**
 * When a demo case starts: an ISO instant, a number of days before the seeding, or placed so that
 * the task its last step opens (with a legal limit of `limitWorkingDays`, warned at `yellowAt` of
 * it as the engine does, 0.8 by default) is yellow or red now, counted on the zone's calendar.
 */
export type DemoStart = string | { daysAgo: number } | { warning: 'yellow' | 'red'; limitWorkingDays: number; yellowAt?: number };

/** One demo case: the flow, the business key, who starts it, with what, when, and what happens to it after. */
export interface DemoCase {
  zoneId: ZoneId;
  definitionKey: string;
  businessKey: string;
  /** The demo user (`<zone>-clerk`, …) who starts it. */
  startedBy: string;
  variables: Record<string, unknown>;
  startedAt: DemoStart;
  /** Its story after the start, each step at its own past instant (see `DemoStep`). */
  steps?: readonly DemoStep[];
  /** The applicant's 好差评 after the story (1–5, as `POST /api/cases/:id/evaluation`), an hour after its last step. */
  rating?: { value: number; comment?: string };
}

/**
 * The demo cases of every zone. Three plain starts per zone (`-D101` today, `-D102` 14 days ago,
 * `-D103` 60 days ago) and LF-2026-001 (2026-02-10, its deadlines across the Spring Festival);
 * per zone one case completed on time (`-D104`), one yellow (`-D105`, placed on the zone's
 * calendar so its open task is due soon); a red one where the plain starts give none (`-D106`
 * of cz and tg), one completed late (SD-2026-D106); and the stories of DOMAIN.md: CZ-2026-004
 * (容缺 supplement lapsed, suspended, revoked), YP-2026-002 (six commitments signed by the agent
 * 刘洋, notice, post-check met), XY-2026-D017 (rated 不满意, reopened) and TG-2026-003 (post-check
 * late and failed: revoked, credit record). The deadlines and warnings are the engine's.
 */
export const DEMO_CASES: readonly DemoCase[] = [
  ...spread('lf', 'linfen-123-closure', 'lf-clerk', 'LF-2026', { applicantName: '晋南新材料', projectName: '新材料厂房' }),
  { zoneId: 'lf', definitionKey: 'linfen-123-closure', businessKey: 'LF-2026-001', startedBy: 'lf-clerk', variables: { applicantName: '临汾晋南钢铁', projectName: '春节前报建的技改项目' }, startedAt: '2026-02-10T01:30:00.000Z' },
  ...spread('cz', 'changzi-rongque', 'cz-clerk', 'CZ-2026', { applicantName: '长子精密铸造' }),
  ...spread('yp', 'yuanping-commitment-agency', 'yp-clerk', 'YP-2026', { applicantName: '原平光伏支架' }),
  ...spread('az', 'anze-online-agency', 'az-clerk', 'AZ-2026', { applicantName: '安泽文旅', matter: 'project-filing', fullAgency: false }),
  ...spread('xy', 'xiangyuan-demand-ledger', 'xy-taskforce', 'XY-2026', { pairs: [{ leader: 'xy-leader', firm: '襄垣煤矸石电厂' }] }),
  ...spread('tg', 'taigu-zero-approval', 'tg-clerk', 'TG-2026', { applicantName: '太谷农产品加工' }),
  ...spread('sd', 'shangdang-financing', 'sd-clerk', 'SD-2026', { applicantName: '上党新能源', needAmount: 300 }),
  ...storyCases(),
];

function storyCases(): DemoCase[] {
  const lfStage: DemoStep[] = [
    { complete: 'Task_WindowCheck', by: 'lf-clerk' },
    { complete: 'Task_ClassifyTier', by: 'lf-clerk', variables: { tier: '1' } },
    { complete: 'Task_PlanningPermit', by: 'lf-planning' },
    { complete: 'Task_DesignReview', by: 'lf-housing' },
    { complete: 'Task_CivilAirDefence', by: 'lf-fire' },
    { complete: 'Task_FireDesign', by: 'lf-fire' },
    { complete: 'Task_StagedPermit', by: 'lf-housing' },
    { complete: 'Task_LeaderSignOff', by: 'lf-leader' },
  ];
  const czFormal: DemoStep[] = [{ complete: 'Task_PreReview', by: 'cz-clerk' }, { complete: 'Task_FormalSubmission', by: 'cz-clerk' }];
  const ypToNotice: DemoStep[] = [
    { complete: 'Task_AssignAgent', by: 'yp-agent', variables: { agentId: 'yp-agent', parcelNo: 'YP-2026-地块07', parcelMu: 30 } },
    { complete: 'Task_AgencyAgreement', by: 'yp-agent' },
    ...Array.from({ length: 6 }, (): DemoStep => ({ complete: 'Task_SignCommitment', by: 'yp-agent' })),
    { complete: 'Task_WindowDistribute', by: 'yp-clerk' },
    ...Array.from({ length: 3 }, (): DemoStep => ({ complete: 'Task_DepartmentPreReview', by: 'yp-clerk' })),
    // the 7-day public notice runs out
    { wait: { days: 8 }, complete: 'Task_NoticeResult', by: 'yp-clerk' },
  ];
  const azPermit: DemoStep[] = [{ complete: 'Task_OnlinePreCheck', by: 'az-clerk' }];
  const xyToResolve = (category: string): DemoStep[] => [
    { complete: 'Task_LeaderVisit', by: 'xy-leader', variables: { hasDemand: true, demand: '增容用电 power capacity' } },
    { complete: 'Task_Triage', by: 'xy-taskforce', variables: { category } },
  ];
  const tgIssued: DemoStep[] = [
    { complete: 'Task_ENotice', by: 'tg-clerk' },
    { complete: 'Task_Qualification', by: 'tg-clerk' },
    { complete: 'Task_SignCommitments', by: 'tg-clerk' },
  ];
  const sdToDecision: DemoStep[] = [
    { complete: 'Task_RegisterNeed', by: 'sd-clerk' },
    { complete: 'Task_MatchBank', by: 'sd-agent', variables: { bank: 'boc', bankMatched: true } },
    { complete: 'Task_Meeting', by: 'sd-agent' },
  ];
  const lf = { zoneId: 'lf', definitionKey: 'linfen-123-closure', startedBy: 'lf-clerk' } as const;
  const cz = { zoneId: 'cz', definitionKey: 'changzi-rongque', startedBy: 'cz-clerk' } as const;
  const yp = { zoneId: 'yp', definitionKey: 'yuanping-commitment-agency', startedBy: 'yp-clerk' } as const;
  const az = { zoneId: 'az', definitionKey: 'anze-online-agency', startedBy: 'az-clerk' } as const;
  const xy = { zoneId: 'xy', definitionKey: 'xiangyuan-demand-ledger', startedBy: 'xy-taskforce' } as const;
  const tg = { zoneId: 'tg', definitionKey: 'taigu-zero-approval', startedBy: 'tg-clerk' } as const;
  const sd = { zoneId: 'sd', definitionKey: 'shangdang-financing', startedBy: 'sd-clerk' } as const;
  return [
    // Linfen: completed on time; yellow at the applicant's evaluation (3 WD)
    { ...lf, businessKey: 'LF-2026-D104', variables: { applicantName: '临汾汾河装备', projectName: '装配车间' }, startedAt: { daysAgo: 30 }, steps: [...lfStage, { complete: 'Task_Evaluation', by: 'lf-clerk' }], rating: { value: 5, comment: '窗口一次告知，办得快' } },
    { ...lf, businessKey: 'LF-2026-D105', variables: { applicantName: '临汾尧都食品', projectName: '冷链仓库' }, startedAt: { warning: 'yellow', limitWorkingDays: 3 }, steps: lfStage },
    // Changzi: the lapsed 容缺 supplement of DOMAIN.md; completed on time; yellow and red in the department review (7 WD)
    {
      ...cz,
      businessKey: 'CZ-2026-004',
      variables: { applicantName: '长子精密铸造', projectName: '扩建项目' },
      startedAt: { daysAgo: 50 },
      steps: [
        { complete: 'Task_PreReview', by: 'cz-clerk' },
        { complete: 'Task_FormalSubmission', by: 'cz-clerk', variables: { materialsStatus: 'non-essential-missing' } },
        { complete: 'Task_RongqueCommitment', by: 'cz-clerk', variables: { missingItems: '消防安全说明', supplyDays: 5, commitmentSigned: true } },
        { complete: 'Task_RongqueReview', by: 'cz-clerk' },
        // the 5-WD supply deadline lapses: suspended; 15 WD later the permit goes to the leader to revoke
        { wait: { workingDays: 6 } },
        { wait: { workingDays: 15 }, complete: 'Task_RevokePermit', by: 'cz-leader', variables: { revocationReason: '逾期未补' } },
      ],
    },
    { ...cz, businessKey: 'CZ-2026-D104', variables: { applicantName: '长子建材' }, startedAt: { daysAgo: 30 }, steps: [...czFormal, { complete: 'Task_DepartmentReview', by: 'cz-clerk' }, { complete: 'Task_OnSiteInspection', by: 'cz-clerk' }, { complete: 'Task_FourZeroReview', by: 'cz-clerk' }], rating: { value: 5, comment: '容缺受理省了一周' } },
    { ...cz, businessKey: 'CZ-2026-D105', variables: { applicantName: '长子煤机' }, startedAt: { warning: 'yellow', limitWorkingDays: 7 }, steps: czFormal },
    { ...cz, businessKey: 'CZ-2026-D106', variables: { applicantName: '长子轴承' }, startedAt: { warning: 'red', limitWorkingDays: 7 }, steps: czFormal },
    // Yuanping: YP-2026-002 with six commitments, completed on time; yellow at an objection review (5 WD)
    {
      ...yp,
      businessKey: 'YP-2026-002',
      variables: { applicantName: '原平光伏支架' },
      startedAt: { daysAgo: 45 },
      steps: [...ypToNotice, { wait: { workingDays: 21 }, complete: 'Task_PostCheck', by: 'yp-clerk', variables: { commitmentsMet: true } }],
      rating: { value: 5, comment: '承诺即开工，全程代办' },
    },
    { ...yp, businessKey: 'YP-2026-D105', variables: { applicantName: '原平农机' }, startedAt: { warning: 'yellow', limitWorkingDays: 5 }, steps: [...ypToNotice.slice(0, -1), { ...ypToNotice[ypToNotice.length - 1], variables: { objection: 'received' } }] },
    // Anze: completed on time; yellow at the planning permit (5 WD)
    { ...az, businessKey: 'AZ-2026-D104', variables: { applicantName: '安泽连翘饮品', matter: 'planning-permit', fullAgency: false }, startedAt: { daysAgo: 20 }, steps: [...azPermit, { complete: 'Task_PlanningPermit', by: 'az-clerk', variables: { approved: true } }, { complete: 'Task_Evaluation', by: 'az-clerk' }], rating: { value: 4, comment: '线上办理方便' } },
    { ...az, businessKey: 'AZ-2026-D105', variables: { applicantName: '安泽煤化', matter: 'planning-permit', fullAgency: false }, startedAt: { warning: 'yellow', limitWorkingDays: 5 }, steps: azPermit },
    // Xiangyuan: XY-2026-D017 rated 不满意 and reopened; completed on time; yellow on a cross-level demand (20 WD)
    {
      ...xy,
      businessKey: 'XY-2026-D017',
      variables: { pairs: [{ leader: 'xy-leader', firm: '襄垣煤机' }] },
      startedAt: { daysAgo: 3 },
      steps: [
        ...xyToResolve('coordination'),
        { complete: 'Task_Resolve', by: 'xy-clerk', variables: { resolved: true } },
        { complete: 'Task_Confirm', by: 'xy-taskforce', variables: { confirmed: true } },
        { wait: { hours: 20 }, complete: 'Task_FollowUp', by: 'xy-taskforce', variables: { satisfaction: '2' } },
      ],
    },
    {
      ...xy,
      businessKey: 'XY-2026-D104',
      variables: { pairs: [{ leader: 'xy-leader', firm: '襄垣化工' }] },
      startedAt: { daysAgo: 25 },
      steps: [
        ...xyToResolve('simple'),
        { complete: 'Task_Resolve', by: 'xy-clerk', variables: { resolved: true } },
        { complete: 'Task_Confirm', by: 'xy-taskforce', variables: { confirmed: true } },
        { wait: { hours: 20 }, complete: 'Task_FollowUp', by: 'xy-taskforce', variables: { satisfaction: '4' } },
      ],
      rating: { value: 4, comment: '诉求一周解决' },
    },
    { ...xy, businessKey: 'XY-2026-D105', variables: { pairs: [{ leader: 'xy-leader', firm: '襄垣铝业' }] }, startedAt: { warning: 'yellow', limitWorkingDays: 20 }, steps: xyToResolve('cross-level') },
    // Taigu: TG-2026-003 post-check late and failed (revoked, credit record); completed on time; yellow and red post-checks (30 WD)
    {
      ...tg,
      businessKey: 'TG-2026-003',
      variables: { applicantName: '太谷农产品加工' },
      startedAt: { daysAgo: 60 },
      steps: [...tgIssued, { wait: { workingDays: 31 }, complete: 'Task_PostCheck', by: 'tg-clerk', variables: { commitmentsMet: false } }, { complete: 'Task_Revoke', by: 'tg-leader' }],
    },
    { ...tg, businessKey: 'TG-2026-D104', variables: { applicantName: '太谷饼业' }, startedAt: { daysAgo: 40 }, steps: [...tgIssued, { wait: { workingDays: 20 }, complete: 'Task_PostCheck', by: 'tg-clerk', variables: { commitmentsMet: true } }, { complete: 'Task_Evaluation', by: 'tg-clerk' }], rating: { value: 5, comment: '零审批，拿证快' } },
    { ...tg, businessKey: 'TG-2026-D105', variables: { applicantName: '太谷瓜果' }, startedAt: { warning: 'yellow', limitWorkingDays: 30 }, steps: tgIssued },
    { ...tg, businessKey: 'TG-2026-D106', variables: { applicantName: '太谷物流' }, startedAt: { warning: 'red', limitWorkingDays: 30 }, steps: tgIssued },
    // Shangdang: completed on time, completed late (the loan decided after its 10 WD); yellow at the loan decision
    {
      ...sd,
      businessKey: 'SD-2026-D104',
      variables: { applicantName: '上党精密机械', needAmount: 800 },
      startedAt: { daysAgo: 20 },
      steps: [...sdToDecision, { complete: 'Task_LoanDecision', by: 'sd-agent', variables: { loanApproved: true, loanAmount: 800 } }, { complete: 'Task_FollowUpEvaluation', by: 'sd-clerk', variables: { satisfaction: '满意' } }],
      rating: { value: 4, comment: '银行对接及时' },
    },
    {
      ...sd,
      businessKey: 'SD-2026-D106',
      variables: { applicantName: '上党酿造', needAmount: 200 },
      startedAt: { daysAgo: 40 },
      steps: [
        ...sdToDecision,
        { wait: { workingDays: 12 }, complete: 'Task_LoanDecision', by: 'sd-agent', variables: { loanApproved: true, loanAmount: 150 } },
        { complete: 'Task_FollowUpEvaluation', by: 'sd-clerk', variables: { satisfaction: '基本满意' } },
      ],
    },
    { ...sd, businessKey: 'SD-2026-D105', variables: { applicantName: '上党光电', needAmount: 500 }, startedAt: { warning: 'yellow', limitWorkingDays: 10 }, steps: sdToDecision },
  ];
}

function spread(zoneId: ZoneId, definitionKey: string, startedBy: string, prefix: string, variables: Record<string, unknown>): DemoCase[] {
  return [
    { zoneId, definitionKey, startedBy, variables, businessKey: `${prefix}-D101`, startedAt: { daysAgo: 0 } },
    { zoneId, definitionKey, startedBy, variables, businessKey: `${prefix}-D102`, startedAt: { daysAgo: 14 } },
    { zoneId, definitionKey, startedBy, variables, businessKey: `${prefix}-D103`, startedAt: { daysAgo: 60 } },
  ];
}

/** The case id of a demo case: derived from its zone and business key, so a second start finds the stream taken. */
export function demoCaseId(zoneId: string, businessKey: string): string {
  const hex = createHash('sha256').update(`banjie-demo-case:${zoneId}:${businessKey}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What seeding did: cases started, found already there, and skipped (flow not deployed, user missing, refused), and how long it took. */
export interface DemoCasesOutcome {
  started: number;
  existing: number;
  skipped: string[];
  milliseconds: number;
}

/** What seeding needs besides the command path: each zone's working calendar, and the forms' folder (`bpmn/forms`). */
export interface DemoCaseSetting {
  calendarOf: (zoneId: string) => WorkingCalendar;
  bpmnDir: string;
}

/**
 * Starts the demo cases through `CaseCommands` (the path `POST /api/cases` takes), as the zone's
 * demo user, with each command's engine time set to its past instant (no clock is moved or
 * persisted), then plays each case's story: tasks completed by the zone's users, the timers due
 * in between fired at their due instants, the in-process jobs completed when created, and at the
 * end the warnings due by now. Idempotent across restarts: each case's id is derived from its zone
 * and business key, so a case already in the store is refused as `already_done` and counted as
 * existing (its story is not played again; a crash in the middle of one story leaves that case
 * where it stopped, the others are started on the next start).
 */
export async function seedDemoCases(
  cases: CaseCommands,
  users: Pick<UserDirectory, 'listZone'>,
  deployments: readonly FlowDeployment[],
  logger: Pick<Logger, 'log' | 'warn'>,
  now: string,
  setting: DemoCaseSetting,
  catalogue: readonly DemoCase[] = DEMO_CASES,
): Promise<DemoCasesOutcome> {
  const began = Date.now();
  const outcome: DemoCasesOutcome = { started: 0, existing: 0, skipped: [], milliseconds: 0 };
  const planned = catalogue.map((demo) => ({ demo, at: startInstant(demo, now, setting.calendarOf(demo.zoneId)) }));
  for (const { demo, at } of planned.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    const deployment = deployments.find((d) => d.key === demo.definitionKey && d.zoneId === demo.zoneId && (d.outcome === 'deployed' || d.outcome === 'unchanged'));
    const zoneUsers = users.listZone(demo.zoneId);
    const actorOf = (userId: string): Actor | undefined => zoneUsers.find((u) => u.id === userId);
    const actor = actorOf(demo.startedBy);
    if (!deployment?.version || !actor) {
      outcome.skipped.push(`${demo.businessKey}: ${actor ? `flow ${demo.definitionKey} is not deployed` : `user ${demo.startedBy} does not exist`}`);
      continue;
    }
    const caseId = demoCaseId(demo.zoneId, demo.businessKey);
    try {
      await cases.start({
        caseId,
        actor,
        now: at,
        command: { type: 'StartCase', caseId, definitionKey: demo.definitionKey, version: deployment.version, zoneId: demo.zoneId, businessKey: demo.businessKey, variables: demo.variables },
      });
    } catch (error) {
      if (error instanceof CaseRejected && error.reason === 'already_done') outcome.existing++;
      else outcome.skipped.push(`${demo.businessKey}: ${(error as Error).message}`);
      continue;
    }
    outcome.started++;
    try {
      await playStory(new DemoCaseDriver(cases, actorOf, join(setting.bpmnDir, 'forms')), caseId, demo, at, now, setting.calendarOf(demo.zoneId));
    } catch (error) {
      outcome.skipped.push(`${demo.businessKey}: its story stopped: ${(error as Error).message}`);
    }
  }
  outcome.milliseconds = Date.now() - began;
  logger.log(`Demo cases: ${outcome.started} started, ${outcome.existing} already there${outcome.skipped.length ? `, ${outcome.skipped.length} skipped` : ''} (${outcome.milliseconds} ms)`);
  for (const line of outcome.skipped) logger.warn(`Demo case skipped — ${line}`);
  return outcome;
}

async function playStory(driver: DemoCaseDriver, caseId: string, demo: DemoCase, startedAt: string, now: string, calendar: WorkingCalendar): Promise<void> {
  let at = startedAt;
  await driver.settle(caseId, at, at);
  for (const step of demo.steps ?? []) {
    const next = after(at, step.wait, calendar);
    await driver.settle(caseId, at, next);
    at = next;
    if (step.complete) await driver.complete(caseId, step.complete, step.by ?? demo.startedBy, at, step.variables);
    await driver.settle(caseId, at, at);
  }
  if (demo.rating) {
    at = after(at, undefined, calendar);
    await driver.rate(caseId, demo.startedBy, at, demo.rating.value, demo.rating.comment);
  }
  // the warnings (and any other timer) due between the story's last step and now
  await driver.settle(caseId, at, now);
}

/** The instant of the last step of a story that starts at `start`. */
function lastStepAt(demo: DemoCase, start: string, calendar: WorkingCalendar): string {
  return (demo.steps ?? []).reduce((at, step) => after(at, step.wait, calendar), start);
}

/** When `demo` starts (see `placeWarning` for a warning start). */
export function startInstant(demo: DemoCase, now: string, calendar: WorkingCalendar): string {
  const start = demo.startedAt;
  if (typeof start === 'string') return start;
  if ('daysAgo' in start) return new Date(Date.parse(now) - start.daysAgo * 86_400_000).toISOString();
  return placeWarning(start, demo, now, calendar).at;
}

/**
 * Where a warning start goes, trying whole days back from now (at 09:30 Beijing): the first day on
 * which the task its last step opens is yellow now (the yellow instant passed, the deadline not),
 * or red (the deadline passed a day ago), on the zone's calendar as the engine counts it. A short
 * limit whose yellow share falls inside one working day (3 WD: yellow at 2.4) cannot be yellow on
 * a weekend or holiday: then it is `placed: false` at the day closest to its deadline.
 */
export function placeWarning(
  start: { warning: 'yellow' | 'red'; limitWorkingDays: number; yellowAt?: number },
  demo: DemoCase,
  now: string,
  calendar: WorkingCalendar,
): { at: string; placed: boolean } {
  const nowMs = Date.parse(now);
  let fallback: string | undefined;
  for (let daysBack = 1; daysBack <= 200; daysBack++) {
    const day = new Date(nowMs - daysBack * 86_400_000).toISOString().slice(0, 10);
    const candidate = `${day}T01:30:00.000Z`;
    const last = lastStepAt(demo, candidate, calendar);
    if (Date.parse(last) >= nowMs) continue;
    const due = Date.parse(calendar.addWorkingDays(last, start.limitWorkingDays));
    const yellow = Date.parse(calendar.addWorkingDays(last, start.limitWorkingDays * (start.yellowAt ?? 0.8)));
    if (start.warning === 'red' && due <= nowMs - 86_400_000) return { at: candidate, placed: true };
    if (start.warning === 'yellow' && yellow <= nowMs && nowMs < due) return { at: candidate, placed: true };
    if (start.warning === 'yellow' && due > nowMs) fallback = candidate;
  }
  return { at: fallback ?? new Date(nowMs - 86_400_000).toISOString(), placed: false };
}
