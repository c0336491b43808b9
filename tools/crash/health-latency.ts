import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltApi, stopApi } from './built-api';
import { call, login, sleep, type Target } from './http-client';
import { apiEnv } from './kill-phase';
import { quantile } from './soak';

/** What `--health` measured: `/api/health` answer times while big models deploy. */
export interface HealthLatencyReport extends HealthPolls {
  modelBytes: number;
  deploys: { status: number | undefined; ms: number }[];
}

/**
 * A valid model of about `targetBytes`: one start event, a chain of user tasks (each with its
 * legal limit and candidate group, so lint has warnings only where a real model would) and an end
 * event, with DI for every shape and edge, as the designer would save it.
 */
export function bigModel(targetBytes: number, revision: number): string {
  const processParts: string[] = [];
  const shapes: string[] = [];
  let tasks = 0;
  let size = 0;
  const taskXml = (i: number) =>
    `    <bpmn:sequenceFlow id="Flow_${i}" sourceRef="${i === 1 ? 'Start' : `Task_${i - 1}`}" targetRef="Task_${i}" />
    <bpmn:userTask id="Task_${i}" name="审查材料 review step ${i}">
      <bpmn:documentation>窗口人员核对申请材料是否齐全 the clerk checks that the application is complete (step ${i}).</bpmn:documentation>
      <bpmn:extensionElements>
        <zeebe:assignmentDefinition candidateGroups="window" />
        <banjie:legalLimit workingDays="5" />
      </bpmn:extensionElements>
      <bpmn:incoming>Flow_${i}</bpmn:incoming>
      <bpmn:outgoing>Flow_${i + 1}</bpmn:outgoing>
    </bpmn:userTask>
`;
  const shapeXml = (i: number) =>
    `      <bpmndi:BPMNShape id="Task_${i}_di" bpmnElement="Task_${i}"><dc:Bounds x="${160 + i * 150}" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_${i}_di" bpmnElement="Flow_${i}"><di:waypoint x="${110 + i * 150}" y="120" /><di:waypoint x="${160 + i * 150}" y="120" /></bpmndi:BPMNEdge>
`;
  while (size < targetBytes - 2_000) {
    tasks++;
    const p = taskXml(tasks);
    const s = shapeXml(tasks);
    processParts.push(p);
    shapes.push(s);
    size += Buffer.byteLength(p) + Buffer.byteLength(s);
  }
  const endX = 160 + (tasks + 1) * 150;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:banjie="http://banjie.gov.cn/schema/bpmn/1.0"
  id="Definitions_Big" targetNamespace="https://banjie.example/health">
  <bpmn:process id="health-big" name="大模型 big model r${revision}" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
${processParts.join('')}    <bpmn:sequenceFlow id="Flow_${tasks + 1}" sourceRef="Task_${tasks}" targetRef="End" />
    <bpmn:endEvent id="End"><bpmn:incoming>Flow_${tasks + 1}</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_Big">
    <bpmndi:BPMNPlane id="Plane_Big" bpmnElement="health-big">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="102" width="36" height="36" /></bpmndi:BPMNShape>
${shapes.join('')}      <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="${endX}" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_${tasks + 1}_di" bpmnElement="Flow_${tasks + 1}"><di:waypoint x="${endX - 40}" y="120" /><di:waypoint x="${endX}" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** The answer times of `/api/health` polls: how many, median, p99 and worst, in whole ms. */
export interface HealthPolls {
  polls: number;
  medianMs: number;
  p99Ms: number;
  worstMs: number;
}

/** Polls `/api/health` every 50 ms until `stop()`, which answers the poll times. */
export function pollHealth(target: Target): { stop(): Promise<HealthPolls> } {
  const samples: number[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const answer = await call(target, 'GET', '/api/health', { timeoutMs: 60_000 });
      samples.push(answer.ms);
      await sleep(50);
    }
  })();
  return {
    async stop() {
      polling = false;
      await poller;
      return {
        polls: samples.length,
        medianMs: Math.round(quantile(samples, 0.5)),
        p99Ms: Math.round(quantile(samples, 0.99)),
        worstMs: Math.round(Math.max(...samples)),
      };
    },
  };
}

/**
 * `npm run test:crash -- --health [MiB]`: deploys a model of about MiB (4.5 by default) three
 * times (three revisions, so each is a new version) while another client polls `/api/health`
 * every 50 ms, and reports the median, p99 and worst answer time of the polls. A measurement,
 * not a pass/fail check: docs/reliability.md records the figures (target: worst ≤ 200 ms).
 */
export async function runHealthLatency(mebibytes: number): Promise<HealthLatencyReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banjie-health-'));
  const api = await startBuiltApi(apiEnv(dataDir));
  try {
    const target = { url: api.url };
    const token = await login(target, 'lf-designer');
    const health = pollHealth(target);
    await sleep(1000);
    const deploys: HealthLatencyReport['deploys'] = [];
    let modelBytes = 0;
    for (let revision = 1; revision <= 3; revision++) {
      const xml = bigModel(Math.round(mebibytes * 1024 * 1024), revision);
      modelBytes = Buffer.byteLength(xml);
      const answer = await call(target, 'POST', '/api/definitions', { token, body: { xml }, timeoutMs: 120_000 });
      deploys.push({ status: answer.status, ms: Math.round(answer.ms) });
      if (answer.status !== 201 && answer.status !== 200) console.log(`   deploy ${revision}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`);
      await sleep(500);
    }
    return { modelBytes, deploys, ...(await health.stop()) };
  } finally {
    await stopApi(api);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
