import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { compile } from './compile';

const miwg = '/work/shared/conformance/bpmn-miwg';
const models = readdirSync(miwg).filter((f) => f.endsWith('.bpmn')).map((f) => readFileSync(join(miwg, f), 'utf8'));

describe('compile on damaged input', () => {
  it('never throws on a reference model cut, spliced or salted with junk: it compiles or lists problems', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), fc.string({ maxLength: 40 }), async (which, cut, at, junk) => {
        // given
        const xml = models[which % models.length];
        const from = cut % xml.length;
        const damaged = `${xml.slice(0, from)}${junk}${xml.slice(Math.min(xml.length, from + (at % 200)))}`;

        // when
        const result = await compile(damaged);

        // then
        if (result.ok) expect(result.model.key).toEqual(expect.any(String));
        else expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 60, seed: 4 },
    );
  }, 60_000);
});
