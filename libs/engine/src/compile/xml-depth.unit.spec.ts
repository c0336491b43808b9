import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDmn } from '../dmn/parse-dmn';
import { compile } from './compile';
import { MAX_XML_DEPTH, xmlNestsDeeperThan } from './xml-depth';

const nested = (depth: number, open = '<x:n>', close = '</x:n>') => `<a>${open.repeat(depth - 1)}${close.repeat(depth - 1)}</a>`;

describe('XML nesting depth, read from the text before parsing (issue 16)', () => {
  it('counts nested elements, not self-closing ones, comments, CDATA, processing instructions or ">" in attribute values', () => {
    expect(xmlNestsDeeperThan(nested(3), 3)).toBe(false);
    expect(xmlNestsDeeperThan(nested(4), 3)).toBe(true);
    expect(xmlNestsDeeperThan(`<?xml version="1.0"?><a>${'<b/>'.repeat(50)}<!-- <c><c><c><c> --><![CDATA[<c><c><c><c>]]><d t="x>y" u='<e>'></d></a>`, 2)).toBe(false);
    expect(xmlNestsDeeperThan('<a><b attr="/"><c></c></b></a>', 2)).toBe(true);
  });

  it('refuses a model of 100,000 nested elements with a problem naming the limit, before parsing it', async () => {
    // given
    const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:x="urn:deep" id="d" targetNamespace="t"><bpmn:process id="p" isExecutable="true"><bpmn:extensionElements>${'<x:n>'.repeat(100_000)}${'</x:n>'.repeat(100_000)}</bpmn:extensionElements><bpmn:startEvent id="s" /></bpmn:process></bpmn:definitions>`;

    // when
    const result = await compile(xml);

    // then
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ message: `the BPMN XML nests elements deeper than ${MAX_XML_DEPTH} levels` })] });
  });

  it('refuses a DMN file of 100,000 nested elements, naming the file', async () => {
    const xml = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="t">${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</definitions>`;
    await expect(parseDmn(xml, 'deep.dmn')).rejects.toThrow(`deep.dmn: the DMN XML nests elements deeper than ${MAX_XML_DEPTH} levels`);
  });

  it('passes every BPMN model of the repository and of the MIWG conformance set', () => {
    const dirs = [join(__dirname, '../../../../bpmn'), join(__dirname, '../../../../../shared/conformance/bpmn-miwg')];
    const files = dirs.flatMap((dir) => {
      try {
        return readdirSync(dir).filter((f) => f.endsWith('.bpmn')).map((f) => join(dir, f));
      } catch {
        return [];
      }
    });
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect([file, xmlNestsDeeperThan(readFileSync(file, 'utf8'), MAX_XML_DEPTH)]).toEqual([file, false]);
  });
});
