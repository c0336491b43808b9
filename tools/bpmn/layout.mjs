#!/usr/bin/env node
/**
 * Lays out a BPMN file: reads the semantic XML (any existing diagram interchange is dropped),
 * lets bpmn-auto-layout draw shapes and edges, and writes the result.
 *
 *   node tools/bpmn/layout.mjs bpmn/linfen-123-closure.bpmn            # in place
 *   node tools/bpmn/layout.mjs in.bpmn out.bpmn
 *
 * Sub-processes are drawn expanded (isExpanded="true", with their inner shapes): bpmn-auto-layout
 * draws a sub-process collapsed unless the input already has an expanded shape for it, so the
 * script first writes a placeholder diagram with one expanded shape per sub-process.
 * After layout it checks that every flow node has a shape and every sequence flow an edge.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import banjie from '../../libs/bpmn-extensions/src/lib/banjie.json' with { type: 'json' };

const [input, output = input] = process.argv.slice(2);
if (!input) {
  console.error('usage: node tools/bpmn/layout.mjs <in.bpmn> [out.bpmn]');
  process.exit(2);
}

const semantic = await withIncomingOutgoing(stripDiagram(readFileSync(input, 'utf8')));
const laidOut = await layoutProcess(withExpandedSubProcesses(semantic));
const result = routeLoopsBelow(restoreNamespaces(laidOut, semantic));
const missing = missingDiagramElements(result);
if (missing.length > 0) {
  console.error(`${input}: no diagram element for ${missing.join(', ')}`);
  process.exit(1);
}
writeFileSync(output, result.endsWith('\n') ? result : `${result}\n`);
console.log(`${output}: laid out`);

/**
 * The XML with every flow node's bpmn:incoming and bpmn:outgoing filled in from the sequence
 * flows (bpmn-auto-layout draws edges from them; Camunda Modeler writes them too).
 */
async function withIncomingOutgoing(xml) {
  const moddle = new BpmnModdle({ zeebe, banjie });
  const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  if (warnings.length > 0) console.warn(warnings.map((w) => w.message).join('\n'));
  const containers = [];
  const collect = (container) => {
    containers.push(container);
    for (const element of container.flowElements ?? []) if (element.$instanceOf('bpmn:SubProcess')) collect(element);
  };
  for (const root of rootElement.rootElements) if (root.$instanceOf('bpmn:Process')) collect(root);
  for (const container of containers) {
    for (const flow of (container.flowElements ?? []).filter((e) => e.$instanceOf('bpmn:SequenceFlow'))) {
      const source = flow.sourceRef;
      const target = flow.targetRef;
      if (source && !source.get('outgoing').includes(flow)) source.get('outgoing').push(flow);
      if (target && !target.get('incoming').includes(flow)) target.get('incoming').push(flow);
    }
  }
  return (await moddle.toXML(rootElement, { format: true })).xml;
}

/** The XML without any bpmndi:BPMNDiagram. */
function stripDiagram(xml) {
  return xml.replace(/\s*<bpmndi:BPMNDiagram[\s\S]*?<\/bpmndi:BPMNDiagram>/g, '');
}

/** A placeholder diagram marking every sub-process as expanded, so the layouter draws it open. */
function withExpandedSubProcesses(xml) {
  const processId = /<bpmn:process\b[^>]*\bid="([^"]+)"/.exec(xml)?.[1];
  const subProcesses = [...xml.matchAll(/<bpmn:(?:subProcess|transaction|adHocSubProcess)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
  if (!processId || subProcesses.length === 0) return xml;
  const shapes = subProcesses
    .map((id) => `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}" isExpanded="true"><dc:Bounds x="0" y="0" width="350" height="200" /></bpmndi:BPMNShape>`)
    .join('');
  const diagram = `<bpmndi:BPMNDiagram id="BPMNDiagram_layout"><bpmndi:BPMNPlane id="BPMNPlane_layout" bpmnElement="${processId}">${shapes}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
  let withNs = xml;
  if (!/xmlns:bpmndi=/.test(withNs)) withNs = withNs.replace(/<bpmn:definitions\b/, '<bpmn:definitions xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"');
  if (!/xmlns:dc=/.test(withNs)) withNs = withNs.replace(/<bpmn:definitions\b/, '<bpmn:definitions xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"');
  if (!/xmlns:di=/.test(withNs)) withNs = withNs.replace(/<bpmn:definitions\b/, '<bpmn:definitions xmlns:di="http://www.omg.org/spec/DD/20100524/DI"');
  return withNs.replace(/<\/bpmn:definitions>\s*$/, `${diagram}</bpmn:definitions>\n`);
}

/** Keeps the zeebe and banjie namespace declarations of the input (the layouter's moddle does not know them). */
function restoreNamespaces(xml, original) {
  let result = xml;
  for (const [, prefix, uri] of original.matchAll(/xmlns:(\w+)="([^"]+)"/g)) {
    if (!new RegExp(`xmlns:${prefix}=`).test(result)) result = result.replace(/<bpmn:definitions\b/, `<bpmn:definitions xmlns:${prefix}="${uri}"`);
  }
  return result;
}

/**
 * Redraws every backward sequence flow (a loop: its target lies left of its source) below the
 * shapes between its ends, out of the bottom of the source and into the bottom of the target:
 * bpmn-auto-layout draws them along the row's centre line, over the forward flows. Flows into an
 * expanded sub-process end at the middle of its left side (the layouter routes them inside it).
 */
function routeLoopsBelow(xml) {
  const shapes = new Map();
  for (const m of xml.matchAll(/<bpmndi:BPMNShape\b[^>]*\bbpmnElement="([^"]+)"[^>]*>\s*<dc:Bounds x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
    const [x, y, width, height] = m.slice(2).map(Number);
    shapes.set(m[1], { x, y, right: x + width, bottom: y + height, cx: x + width / 2 });
  }
  const flows = new Map();
  for (const m of xml.matchAll(/<bpmn:sequenceFlow\b[^>]*>/g)) {
    const id = /\bid="([^"]+)"/.exec(m[0])?.[1];
    const source = /\bsourceRef="([^"]+)"/.exec(m[0])?.[1];
    const target = /\btargetRef="([^"]+)"/.exec(m[0])?.[1];
    if (id && source && target) flows.set(id, { source, target });
  }
  const boundaryEvents = new Set([...xml.matchAll(/<bpmn:boundaryEvent\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]));
  const contains = (outer, inner) => outer !== inner && outer.x <= inner.x && outer.y <= inner.y && outer.right >= inner.right && outer.bottom >= inner.bottom;
  const lanesTaken = [];
  return xml.replace(/(<bpmndi:BPMNEdge\b[^>]*\bbpmnElement="([^"]+)"[^>]*>)([\s\S]*?)(<\/bpmndi:BPMNEdge>)/g, (whole, open, flowId, body, close) => {
    const flow = flows.get(flowId);
    const source = flow && shapes.get(flow.source);
    const target = flow && shapes.get(flow.target);
    if (!source || !target) return whole;
    const indent = body.match(/\n(\s*)</)?.[1] ?? '        ';
    const label = body.match(/<bpmndi:BPMNLabel[\s\S]*?<\/bpmndi:BPMNLabel>/)?.[0];
    const redraw = (points) =>
      `${open}${points.map(([x, py]) => `\n${indent}<di:waypoint x="${Math.round(x)}" y="${Math.round(py)}" />`).join('')}${label ? `\n${indent}${label}` : ''}\n${indent.slice(2)}${close}`;
    const targetIsContainer = [...shapes.values()].some((s) => contains(target, s));
    if (targetIsContainer && target.x > source.right) {
      // Into an expanded sub-process: to the middle of its left side (the layouter enters it from inside).
      const ty = target.y + (target.bottom - target.y) / 2;
      if (boundaryEvents.has(flow.source)) return redraw([[source.cx, source.bottom], [source.cx, ty], [target.x, ty]]);
      const sy = source.y + (source.bottom - source.y) / 2;
      const midX = target.x - 25;
      return redraw(Math.abs(sy - ty) < 1 ? [[source.right, sy], [target.x, ty]] : [[source.right, sy], [midX, sy], [midX, ty], [target.x, ty]]);
    }
    if (target.cx >= source.cx) return whole;
    const left = target.cx;
    const right = source.cx;
    const between = [...shapes.values()].filter((s) => s.right >= left && s.x <= right && !contains(s, source) && !contains(s, target));
    let y = Math.max(source.bottom, target.bottom) + 20;
    for (let moved = true; moved; ) {
      moved = false;
      for (const s of between) {
        if (s.y - 10 < y && y < s.bottom + 10) {
          y = s.bottom + 20;
          moved = true;
        }
      }
      for (const lane of lanesTaken) {
        if (Math.abs(lane.y - y) < 10 && lane.left < right && left < lane.right) {
          y = lane.y + 15;
          moved = true;
        }
      }
    }
    lanesTaken.push({ y, left, right });
    return redraw([
      [source.cx, source.bottom],
      [source.cx, y],
      [target.cx, y],
      [target.cx, target.bottom],
    ]);
  });
}

/** Ids of flow nodes without a shape and sequence flows without an edge. */
function missingDiagramElements(xml) {
  const drawn = new Set([...xml.matchAll(/<bpmndi:BPMN(?:Shape|Edge)\b[^>]*\bbpmnElement="([^"]+)"/g)].map((m) => m[1]));
  const semanticPart = xml.split('<bpmndi:BPMNDiagram')[0];
  const nodes = [
    ...semanticPart.matchAll(
      /<bpmn:(startEvent|endEvent|intermediateCatchEvent|intermediateThrowEvent|boundaryEvent|task|userTask|serviceTask|sendTask|receiveTask|manualTask|businessRuleTask|scriptTask|exclusiveGateway|parallelGateway|inclusiveGateway|eventBasedGateway|complexGateway|subProcess|callActivity|sequenceFlow)\b[^>]*\bid="([^"]+)"/g,
    ),
  ].map((m) => m[2]);
  return nodes.filter((id) => !drawn.has(id));
}
