import type { Logger } from '@nestjs/common';
import { CaseCommands, CaseRejected, type Actor } from '@banjie/api-core';
import type { UserDirectory } from '@banjie/api-auth';
import type { ZoneId } from '@banjie/contracts';
import { createHash } from 'node:crypto';
import type { FlowDeployment } from './deploy-zone-flows';

/** One demo case: the flow, the business key, who starts it, with what, and how many days before now. */
export interface DemoCase {
  zoneId: ZoneId;
  definitionKey: string;
  businessKey: string;
  /** The demo user (`<zone>-clerk`, …) who starts it. */
  startedBy: string;
  variables: Record<string, unknown>;
  /** When it starts: an ISO instant, or a number of days before the seeding. */
  startedAt: string | { daysAgo: number };
}

/**
 * The demo cases of every zone: one started today (on time), one started two weeks ago (its first
 * stage lapsed or close to it) and one started two months ago (red). The deadlines are the
 * engine's, computed at the start instant on the zone's working calendar, so once the timer
 * scheduler runs at real time it raises the warnings by itself. LF-2026-001 starts on
 * 2026-02-10, so its working-day deadlines run across the Spring Festival holiday.
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
];

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

/** What seeding did: cases started, found already there, and skipped (flow not deployed, user missing, refused). */
export interface DemoCasesOutcome {
  started: number;
  existing: number;
  skipped: string[];
}

/**
 * Starts the demo cases through `CaseCommands` (the path `POST /api/cases` takes), as the zone's
 * demo user, with the command's engine time set to the case's start instant: no clock is moved
 * or persisted. Idempotent across restarts and crashes: each case's id is derived from its zone
 * and business key, so a case already in the store is refused as `already_done` and counted as
 * existing, and a start interrupted in the middle starts the missing ones on the next start.
 */
export async function seedDemoCases(
  cases: CaseCommands,
  users: Pick<UserDirectory, 'listZone'>,
  deployments: readonly FlowDeployment[],
  logger: Pick<Logger, 'log' | 'warn'>,
  now: string,
  catalogue: readonly DemoCase[] = DEMO_CASES,
): Promise<DemoCasesOutcome> {
  const outcome: DemoCasesOutcome = { started: 0, existing: 0, skipped: [] };
  for (const demo of [...catalogue].sort((a, b) => startInstant(a, now).localeCompare(startInstant(b, now)))) {
    const deployment = deployments.find((d) => d.key === demo.definitionKey && d.zoneId === demo.zoneId && (d.outcome === 'deployed' || d.outcome === 'unchanged'));
    const actor: Actor | undefined = users.listZone(demo.zoneId).find((u) => u.id === demo.startedBy);
    if (!deployment?.version || !actor) {
      outcome.skipped.push(`${demo.businessKey}: ${actor ? `flow ${demo.definitionKey} is not deployed` : `user ${demo.startedBy} does not exist`}`);
      continue;
    }
    const caseId = demoCaseId(demo.zoneId, demo.businessKey);
    try {
      await cases.start({
        caseId,
        actor,
        now: startInstant(demo, now),
        command: { type: 'StartCase', caseId, definitionKey: demo.definitionKey, version: deployment.version, zoneId: demo.zoneId, businessKey: demo.businessKey, variables: demo.variables },
      });
      outcome.started++;
    } catch (error) {
      if (error instanceof CaseRejected && error.reason === 'already_done') outcome.existing++;
      else outcome.skipped.push(`${demo.businessKey}: ${(error as Error).message}`);
    }
  }
  logger.log(`Demo cases: ${outcome.started} started, ${outcome.existing} already there${outcome.skipped.length ? `, ${outcome.skipped.length} skipped` : ''}`);
  for (const line of outcome.skipped) logger.warn(`Demo case skipped — ${line}`);
  return outcome;
}

function startInstant(demo: DemoCase, now: string): string {
  if (typeof demo.startedAt === 'string') return demo.startedAt;
  return new Date(Date.parse(now) - demo.startedAt.daysAgo * 86_400_000).toISOString();
}
