import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, login, sleep, type Answer, type Target } from './http-client';
import { countUnacknowledged, type Ledger } from './ledger';

export const ZONES = ['lf', 'cz', 'yp', 'az', 'xy', 'tg', 'sd'] as const;
export type Zone = (typeof ZONES)[number];

/** The reference flow each zone starts besides the crash flow (bpmn/README.md), where it has one. */
const ZONE_FLOWS: Partial<Record<Zone, string>> = {
  lf: 'linfen-123-closure',
  cz: 'changzi-rongque',
  yp: 'yuanping-commitment-agency',
  xy: 'xiangyuan-demand-ledger',
  tg: 'taigu-zero-approval',
};

export const MESSAGE_NAME = 'CrashSupplement';
const FLOW_TEMPLATE = readFileSync(join(__dirname, 'crash-flow.bpmn'), 'utf8');

/** The crash flow of a zone (`crash-<zone>`: task, message wait, one-hour timer, certificate job), `revision` in its name. */
export function crashFlow(zone: Zone, revision: number): string {
  return FLOW_TEMPLATE.replace('crash-ZONE', `crash-${zone}`).replace('REVISION', `r${revision}`);
}

/** The shared state of the load: where the api is, what it acknowledged, and when to stop. */
export interface Load {
  target: Target;
  ledger: Ledger;
  stopped: boolean;
  /** The manual clock the operator moves forward (ms since the epoch). */
  clockNow: number;
  deployRevision: number;
}

/** Records an answer: a 2xx through `onAck`, anything else as unacknowledged. */
function settle(load: Load, command: string, answer: Answer, ok: number[], onAck: () => void): boolean {
  if (answer.status !== undefined && ok.includes(answer.status)) {
    onAck();
    return true;
  }
  countUnacknowledged(load.ledger, answer.status, command);
  return false;
}

/** Deploys a new revision of a zone's crash flow as its designer. */
export async function deploy(load: Load, token: string, zone: Zone): Promise<Answer> {
  const answer = await call(load.target, 'POST', '/api/definitions', { token, body: { xml: crashFlow(zone, ++load.deployRevision) } });
  settle(load, 'deploy', answer, [200, 201], () => load.ledger.deploys.push({ key: answer.body.key, version: answer.body.version, hash: answer.body.hash }));
  return answer;
}

/** Moves the manual clock two hours on as the admin: every due timer fires. */
export async function advanceClock(load: Load, token: string): Promise<Answer> {
  load.clockNow += 2 * 3600_000;
  const answer = await call(load.target, 'POST', '/api/admin/clock', { token, body: { now: new Date(load.clockNow).toISOString() } });
  settle(load, 'clock', answer, [200, 201], () => load.ledger.clockAdvances++);
  return answer;
}

/** Sends the supplement a waiting case of the zone expects. */
export async function sendSupplement(load: Load, token: string, zone: Zone): Promise<Answer | undefined> {
  const mine = [...load.ledger.cases.values()].filter((c) => c.zone === zone && c.definitionKey === `crash-${zone}`);
  if (mine.length === 0) return undefined;
  const chosen = mine[Math.floor(Math.random() * mine.length)];
  const answer = await call(load.target, 'POST', '/api/messages', { token, body: { name: MESSAGE_NAME, correlationKey: chosen.businessKey, variables: { suppliedMaterials: '补正材料' } } });
  // 404: no case of this key waits (yet or any more), so nothing was acknowledged.
  settle(load, 'message', answer, [200], () => load.ledger.messages.push({ caseIds: answer.body.caseIds, correlationKey: chosen.businessKey }));
  return answer;
}

let businessKeys = 0;

async function startCase(load: Load, token: string, zone: Zone, definitionKey: string): Promise<void> {
  const businessKey = `${zone.toUpperCase()}-CRASH-${process.pid}-${++businessKeys}`;
  const answer = await call(load.target, 'POST', '/api/cases', { token, body: { definitionKey, businessKey, variables: { applicantName: '崩溃测试', projectName: `项目 ${businessKeys}` } } });
  settle(load, `start ${definitionKey}`, answer, [201], () => load.ledger.cases.set(answer.body.id, { zone, businessKey, definitionKey }));
}

async function completeATask(load: Load, token: string, zone: Zone): Promise<void> {
  const open = await call(load.target, 'GET', '/api/tasks?scope=candidate&limit=50', { token });
  if (open.status !== 200 || !Array.isArray(open.body)) return;
  const tasks = (open.body as { id: string; caseId: string; elementId: string }[]).filter((t) => t.elementId === 'Task_Check');
  if (tasks.length === 0) return;
  const task = tasks[Math.floor(Math.random() * tasks.length)];
  const claimed = await call(load.target, 'POST', `/api/tasks/${task.id}/claim`, { token });
  if (claimed.status !== 200 && claimed.status !== 201) return countUnacknowledged(load.ledger, claimed.status, 'claim');
  const done = await call(load.target, 'POST', `/api/tasks/${task.id}/complete`, { token, body: { variables: { checked: true } } });
  settle(load, 'complete', done, [200], () => load.ledger.completions.push({ caseId: task.caseId, taskId: task.id }));
  void zone;
}

/** One client of a zone: its applicant starts cases, its clerk works tasks, supplements arrive. */
export async function zoneClient(load: Load, zone: Zone): Promise<void> {
  const applicant = await login(load.target, `${zone}-applicant`);
  const clerk = await login(load.target, `${zone}-clerk`);
  while (!load.stopped) {
    const roll = Math.random();
    const zoneFlow = ZONE_FLOWS[zone];
    if (roll < 0.35) await startCase(load, applicant, zone, `crash-${zone}`);
    else if (roll < 0.45 && zoneFlow) await startCase(load, applicant, zone, zoneFlow);
    else if (roll < 0.8) await completeATask(load, clerk, zone);
    else await sendSupplement(load, applicant, zone);
    await sleep(5 + Math.random() * 20);
  }
}

/** The operators: the admin moves the clock, designers redeploy their crash flows. */
export async function operators(load: Load): Promise<void> {
  const admin = await login(load.target, 'admin');
  const designers = await Promise.all(ZONES.map((zone) => login(load.target, `${zone}-designer`)));
  let turn = 0;
  while (!load.stopped) {
    await sleep(300 + Math.random() * 300);
    await advanceClock(load, admin);
    if (turn++ % 4 === 0) await deploy(load, designers[turn % ZONES.length], ZONES[turn % ZONES.length]);
  }
}
