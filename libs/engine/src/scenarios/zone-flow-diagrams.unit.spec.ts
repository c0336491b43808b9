import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The diagrams of the zones' reference flows under `bpmn/` stay readable: no label overlaps
 * another label or a shape. Labels are placed as bpmn-js places them: at their `BPMNLabel`
 * bounds, or else below an event or gateway (90 px wide, wrapped) and 15 px beside the middle
 * segment of a sequence flow; their size is estimated from the text (11 px font, 13.2 px lines).
 */
const FLOW_DIR = join(__dirname, '../../../../bpmn');

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Label {
  owner: string;
  text: string;
  rect: Rect;
}

interface Shape {
  element: string;
  rect: Rect;
  container: boolean;
}

const LABEL_WIDTH = 90;
const LINE_HEIGHT = 13.2;
const FLOW_LABEL_INDENT = 15;

function flowFiles(): string[] {
  return existsSync(FLOW_DIR) ? readdirSync(FLOW_DIR).filter((f) => f.endsWith('.bpmn')).sort() : [];
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

function bounds(text: string): Rect | undefined {
  const tag = /<dc:Bounds\b[^>]*>/.exec(text)?.[0];
  if (!tag) return undefined;
  return { x: Number(attr(tag, 'x')), y: Number(attr(tag, 'y')), width: Number(attr(tag, 'width')), height: Number(attr(tag, 'height')) };
}

function unescapeXml(text: string): string {
  return text.replace(/&#34;|&quot;/g, '"').replace(/&#10;/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The width of a text in the 11 px external label font: CJK characters are square, Latin ones about half. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 11 : /[A-Z]/.test(ch) ? 7 : 6;
  return width;
}

/** The size of a label wrapped into lines of at most `maxWidth`, breaking at spaces (and inside words too long for a line). */
function labelSize(text: string, maxWidth: number): { width: number; height: number } {
  const lines: number[] = [];
  for (const paragraph of text.split('\n')) {
    let line = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = textWidth(word);
      const withSpace = line === 0 ? w : line + 6 + w;
      if (withSpace <= maxWidth) line = withSpace;
      else if (w <= maxWidth) {
        lines.push(line);
        line = w;
      } else {
        if (line > 0) lines.push(line);
        let rest = w;
        while (rest > maxWidth) {
          lines.push(maxWidth);
          rest -= maxWidth;
        }
        line = rest;
      }
    }
    lines.push(line);
  }
  return { width: Math.max(...lines), height: lines.length * LINE_HEIGHT };
}

/** The element names of the semantic part, by id. */
function names(semantic: string): Map<string, { name: string; tag: string; kind: string }> {
  const byId = new Map<string, { name: string; tag: string; kind: string }>();
  for (const match of semantic.matchAll(/<bpmn:(\w+)\b[^>]*>/g)) {
    const tag = match[0];
    const id = attr(tag, 'id');
    if (!id) continue;
    byId.set(id, { name: unescapeXml(attr(tag, 'name') ?? ''), tag, kind: match[1] ?? '' });
  }
  return byId;
}

const EXTERNAL_LABEL = /Event$|Gateway$|^dataStoreReference$|^dataObjectReference$/;

/** The shapes and the labels of a diagram as bpmn-js draws them. */
function diagramLayout(xml: string): { shapes: Shape[]; labels: Label[] } {
  const [semantic = '', diagram = ''] = xml.split('<bpmndi:BPMNDiagram');
  const elements = names(semantic);
  const shapes: Shape[] = [];
  const labels: Label[] = [];
  for (const match of diagram.matchAll(/<bpmndi:BPMNShape\b([^>]*?)(\/>|>([\s\S]*?)<\/bpmndi:BPMNShape>)/g)) {
    const head = match[1] ?? '';
    const body = match[3] ?? '';
    const element = attr(head, 'bpmnElement') ?? '';
    const semanticElement = elements.get(element);
    const [shapeBounds, ...rest] = body.split(/<bpmndi:BPMNLabel\b/);
    const rect = bounds(shapeBounds ?? '');
    if (!rect) continue;
    const container = semanticElement?.kind === 'subProcess' || attr(head, 'isExpanded') === 'true' || /participant|lane/i.test(semanticElement?.kind ?? '');
    shapes.push({ element, rect, container });
    const text = semanticElement?.name ?? '';
    if (!text || !EXTERNAL_LABEL.test(semanticElement?.kind ?? '')) continue;
    const explicit = rest.length > 0 ? bounds(rest.join('')) : undefined;
    labels.push({ owner: element, text, rect: explicit ?? defaultLabel({ x: rect.x + rect.width / 2, y: rect.y + rect.height + 10 }, text) });
  }
  for (const match of diagram.matchAll(/<bpmndi:BPMNEdge\b([^>]*?)>([\s\S]*?)<\/bpmndi:BPMNEdge>/g)) {
    const element = attr(match[1] ?? '', 'bpmnElement') ?? '';
    const text = elements.get(element)?.name ?? '';
    if (!text) continue;
    const body = match[2] ?? '';
    const labelPart = body.split(/<bpmndi:BPMNLabel\b/)[1];
    const explicit = labelPart ? bounds(labelPart) : undefined;
    if (explicit) {
      labels.push({ owner: element, text, rect: explicit });
      continue;
    }
    const points = [...body.matchAll(/<di:waypoint\b[^>]*>/g)].map((p) => ({ x: Number(attr(p[0], 'x')), y: Number(attr(p[0], 'y')) }));
    if (points.length < 2) continue;
    const mid = points.length / 2 - 1;
    const first = points[Math.floor(mid)] ?? points[0];
    const second = points[Math.ceil(mid + 0.01)] ?? points[1];
    if (!first || !second) continue;
    const angle = Math.atan((second.y - first.y) / (second.x - first.x));
    const position = { x: first.x + (second.x - first.x) / 2, y: first.y + (second.y - first.y) / 2 };
    if (Math.abs(angle) < Math.PI / 2) position.y -= FLOW_LABEL_INDENT;
    else position.x += FLOW_LABEL_INDENT;
    labels.push({ owner: element, text, rect: defaultLabel(position, text) });
  }
  return { shapes, labels };
}

/** The label bpmn-js draws around `mid` when the diagram gives no bounds: top at mid − 10, centred. */
function defaultLabel(mid: { x: number; y: number }, text: string): Rect {
  const size = labelSize(text, LABEL_WIDTH);
  return { x: mid.x - size.width / 2, y: mid.y - 10, width: size.width, height: size.height };
}

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every pair of overlapping things in the diagram, described for a readable failure. */
function overlaps(xml: string): string[] {
  const { shapes, labels } = diagramLayout(xml);
  const found: string[] = [];
  labels.forEach((label, i) => {
    for (const other of labels.slice(i + 1)) {
      if (overlap(label.rect, other.rect)) found.push(`label "${label.text}" (${label.owner}) overlaps label "${other.text}" (${other.owner})`);
    }
    for (const shape of shapes) {
      if (shape.element === label.owner || shape.container) continue;
      if (overlap(label.rect, shape.rect)) found.push(`label "${label.text}" (${label.owner}) overlaps shape ${shape.element}`);
    }
  });
  return found;
}

describe('the diagrams of the zones’ reference flows', () => {
  it('finds overlaps where bpmn-js would draw them (the check itself)', () => {
    // given: a gateway whose label falls on a task drawn right below it, and an edge label on another edge's label
    const xml = `<bpmn:definitions><bpmn:process id="p">
      <bpmn:exclusiveGateway id="G" name="材料齐全? Complete?" />
      <bpmn:userTask id="T" name="审查 Review" />
      <bpmn:sequenceFlow id="F1" name="是 yes" /><bpmn:sequenceFlow id="F2" name="否 no" />
      </bpmn:process><bpmndi:BPMNDiagram><bpmndi:BPMNPlane>
      <bpmndi:BPMNShape id="G_di" bpmnElement="G"><dc:Bounds x="100" y="100" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="T_di" bpmnElement="T"><dc:Bounds x="75" y="160" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="300" y="100" /><di:waypoint x="400" y="100" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="300" y="105" /><di:waypoint x="400" y="105" /></bpmndi:BPMNEdge>
      </bpmndi:BPMNPlane></bpmndi:BPMNDiagram></bpmn:definitions>`;

    // when
    const found = overlaps(xml);

    // then
    expect(found).toEqual(['label "材料齐全? Complete?" (G) overlaps shape T', 'label "是 yes" (F1) overlaps label "否 no" (F2)']);
  });

  it.each(flowFiles())('%s: no label overlaps another label or a shape', (file) => {
    // given
    const xml = readFileSync(join(FLOW_DIR, file), 'utf8');

    // when
    const found = overlaps(xml);

    // then
    expect(found).toEqual([]);
  });
});
