import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltApi, stopApi, type ApiChild } from './built-api';
import { call, login, sleep, type Answer, type Target } from './http-client';
import { apiEnv } from './kill-phase';
import { pollHealth, type HealthPolls } from './health-latency';
import { rssMiB } from './soak';

/** How often each heavy input is sent. */
const SENDS = 3;
/** The flow whose script task loops ten million times (issue 16, finding 4). */
const LOOP_KEY = 'health-feel-loop';

/** `/api/health` answer times while one heavy input is sent {@link SENDS} times. */
export interface HealthDoorReport extends HealthPolls {
  input: string;
  answers: { status: number | undefined; ms: number; problem?: string }[];
  rssBeforeMiB: number;
  rssAfterMiB: number;
}

/** A flow whose script task evaluates `=for i in 1..10000000 return i` as it starts. */
export function feelLoopModel(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_Loop" targetNamespace="https://banjie.example/health">
  <bpmn:process id="${LOOP_KEY}" name="循环脚本 FEEL loop" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Loop" />
    <bpmn:scriptTask id="Loop" name="一千万次 ten million items">
      <bpmn:extensionElements><zeebe:script expression="=for i in 1..10000000 return i" resultVariable="items" /></bpmn:extensionElements>
      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
    </bpmn:scriptTask>
    <bpmn:sequenceFlow id="F2" sourceRef="Loop" targetRef="End" />
    <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>
`;
}

/** A process holding `levels` nested unknown elements inside its extension elements. */
export function nestedElementsModel(levels: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:x="https://banjie.example/unknown" id="Definitions_Deep" targetNamespace="https://banjie.example/health">
  <bpmn:process id="health-deep" isExecutable="true">
    <bpmn:extensionElements>${'<x:n>'.repeat(levels)}${'</x:n>'.repeat(levels)}</bpmn:extensionElements>
    <bpmn:startEvent id="Start" />
  </bpmn:process>
</bpmn:definitions>
`;
}

/** `{"definitionKey":…,"variables":{"k0":1,…}}` with `keys` variables, as text. */
export function wideBody(keys: number): string {
  return `{"definitionKey":"${LOOP_KEY}","variables":{${Array.from({ length: keys }, (_, i) => `"k${i}":1`).join(',')}}}`;
}

/** `{"definitionKey":…,"variables":{"a":{"a":…1…}}}` nested `levels` deep, as text. */
export function deepBody(levels: number): string {
  return `{"definitionKey":"${LOOP_KEY}","variables":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;
}

/** What an answer says went wrong (its message, or where the case's incident is), for the report. */
function problemOf(answer: Answer): string | undefined {
  const body = answer.body as { message?: unknown; details?: { message?: string }[]; incidents?: { message?: string }[]; status?: string } | undefined;
  if (body === undefined || typeof body !== 'object') return undefined;
  const detail = body.details?.[0]?.message;
  if (typeof body.message === 'string') return `${body.message}${detail ? `: ${detail}` : ''}`.slice(0, 200);
  const incident = body.incidents?.[0]?.message;
  if (incident) return `case ${body.status ?? ''}, incident: ${incident.slice(0, 140)}`;
  return body.status === undefined ? undefined : `case ${body.status}`;
}

/** Sends `send` {@link SENDS} times while another client polls `/api/health` every 50 ms. */
async function measure(api: ApiChild, target: Target, input: string, send: () => Promise<Answer>): Promise<HealthDoorReport> {
  const health = pollHealth(target);
  const rssBeforeMiB = rssMiB(api.child.pid);
  await sleep(500);
  const answers: HealthDoorReport['answers'] = [];
  for (let i = 0; i < SENDS; i++) {
    const answer = await send();
    answers.push({ status: answer.status, ms: Math.round(answer.ms), problem: problemOf(answer) });
    await sleep(300);
  }
  await sleep(200);
  const polls = await health.stop();
  return {
    input,
    answers,
    ...polls,
    rssBeforeMiB,
    rssAfterMiB: rssMiB(api.child.pid),
  };
}

/**
 * `npm run test:crash -- --health-doors`: the heavy inputs of issue 16 (finding 4 and 5), each
 * sent three times while `/api/health` is polled every 50 ms — a case start of a flow whose script
 * task loops ten million times, a body with 90,000 keys, a body nested 3,000 levels and a model of
 * 100,000 nested elements — with the answers, the poll times and the api's RSS before and after.
 * A measurement, not a pass/fail check (doors.int.spec.ts has the functional tests);
 * docs/reliability.md records the figures (target: worst ≤ 200 ms).
 */
export async function runHealthDoors(): Promise<HealthDoorReport[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banjie-health-doors-'));
  const api = await startBuiltApi(apiEnv(dataDir));
  try {
    const target = { url: api.url };
    const designer = await login(target, 'lf-designer');
    const applicant = await login(target, 'lf-applicant');
    const deployed = await call(target, 'POST', '/api/definitions', { token: designer, raw: feelLoopModel(), contentType: 'application/xml' });
    if (deployed.status !== 201) throw new Error(`deploying ${LOOP_KEY} failed: ${deployed.status} ${JSON.stringify(deployed.body).slice(0, 400)}`);
    const wide = wideBody(90_000);
    const deep = deepBody(3_000);
    const nestedXml = nestedElementsModel(100_000);
    const reports: HealthDoorReport[] = [];
    reports.push(await measure(api, target, 'POST /api/cases of a flow whose script task is =for i in 1..10000000 return i', () => call(target, 'POST', '/api/cases', { token: applicant, body: { definitionKey: LOOP_KEY }, timeoutMs: 120_000 })));
    reports.push(await measure(api, target, `POST /api/cases with 90,000 variable keys (${(wide.length / 1024).toFixed(0)} KiB)`, () => call(target, 'POST', '/api/cases', { token: applicant, raw: wide, timeoutMs: 120_000 })));
    reports.push(await measure(api, target, `POST /api/cases with variables nested 3,000 levels (${(deep.length / 1024).toFixed(0)} KiB)`, () => call(target, 'POST', '/api/cases', { token: applicant, raw: deep, timeoutMs: 120_000 })));
    reports.push(
      await measure(api, target, `POST /api/definitions of a model with 100,000 nested elements (${(nestedXml.length / 1024).toFixed(0)} KiB)`, () =>
        call(target, 'POST', '/api/definitions', { token: designer, raw: nestedXml, contentType: 'application/xml', timeoutMs: 120_000 }),
      ),
    );
    return reports;
  } finally {
    await stopApi(api);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
