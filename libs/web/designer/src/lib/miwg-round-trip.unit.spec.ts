import { banjieModdleDescriptor } from '@banjie/bpmn-extensions';
import Modeler from 'bpmn-js/lib/Modeler';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import zeebeModdleDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { installSvgLayoutStubs } from './jsdom-layout-stubs';

/**
 * Every model of the BPMN MIWG test suite goes through the designer's modeler (the real bpmn-js
 * Modeler with the zeebe and banjie moddle extensions, in jsdom) and comes back out with every
 * element it went in with, drawn if it was: import, then export, as a designer opening and saving
 * the file. Import warnings (an ISO-8859-1 declaration read as UTF-8, references to elements the
 * file lacks) do not stop it.
 */

const MIWG = '/work/shared/conformance/bpmn-miwg';
const models = readdirSync(MIWG).filter((file) => file.endsWith('.bpmn'));

const DI_NAMESPACES = ['http://www.omg.org/spec/BPMN/20100524/DI', 'http://www.omg.org/spec/DD/20100524/DI', 'http://www.omg.org/spec/DD/20100524/DC'];

/**
 * What a round trip must keep: the ids of the semantic elements, and which of them are drawn.
 * bpmn-js draws a collaboration's plane by its participants, so the elements of a process no
 * participant holds (B.1.0 and B.2.0 have one) are kept but not drawn; they are left out of `drawn`.
 */
function modelElements(xml: string): { semantic: string[]; drawn: string[] } {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const all = Array.from(document.getElementsByTagName('*'));
  const isDi = (element: Element) => DI_NAMESPACES.includes(element.namespaceURI ?? '');
  const byId = new Map(all.filter((element) => !isDi(element) && element.hasAttribute('id')).map((element) => [element.getAttribute('id'), element]));
  const participantProcesses = new Set(all.filter((element) => element.localName === 'participant').map((element) => element.getAttribute('processRef')));
  const inUnheldProcess = (id: string | null) => {
    const process = byId.get(id)?.closest('process');
    return participantProcesses.size > 0 && process !== null && process !== undefined && !participantProcesses.has(process.getAttribute('id'));
  };
  const semantic = all.filter((element) => !isDi(element)).map((element) => element.getAttribute('id'));
  const drawn = all
    .filter((element) => isDi(element) && ['BPMNShape', 'BPMNEdge'].includes(element.localName))
    .map((element) => element.getAttribute('bpmnElement'))
    .filter((id) => !inUnheldProcess(id));
  const sortedSet = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))].sort();
  return { semantic: sortedSet(semantic), drawn: sortedSet(drawn) };
}

async function roundTrip(xml: string): Promise<{ xml: string; warnings: unknown[] }> {
  installSvgLayoutStubs();
  const container = document.createElement('div');
  document.body.appendChild(container);
  const modeler = new Modeler({ container, moddleExtensions: { zeebe: zeebeModdleDescriptor, banjie: banjieModdleDescriptor } });
  try {
    const { warnings } = await modeler.importXML(xml);
    const saved = await modeler.saveXML({ format: true });
    return { xml: saved.xml ?? '', warnings };
  } finally {
    modeler.destroy();
    container.remove();
  }
}

describe('MIWG models through the designer', () => {
  it('finds the 21 models of the suite', () => {
    expect(models).toHaveLength(21);
  });

  // bpmn-js keeps one shape per element and drops an edge that names no element (C.7.0 has one).
  it.each(models)('%s opens and saves with the same elements, each still drawn', async (file) => {
    // given
    const original = readFileSync(join(MIWG, file), 'utf8');

    // when
    const saved = await roundTrip(original);

    // then
    expect(modelElements(saved.xml)).toEqual(modelElements(original));
  });
});
