import { compile, lintBpmn } from '@banjie/engine';
import { bigModel } from './health-latency';

describe('the big model of the health measurement', () => {
  it('has about the size asked for and deploys: it compiles, with no lint error', async () => {
    // given a model of about 256 KiB
    const xml = bigModel(256 * 1024, 7);

    // when it is compiled and linted as a deploy does
    const [compiled, findings] = await Promise.all([compile(xml, { forms: {} }), lintBpmn(xml)]);

    // then it is within 4 KiB of the size, a valid executable model of the key, and lint finds no error
    expect(Math.abs(Buffer.byteLength(xml) - 256 * 1024)).toBeLessThan(4 * 1024);
    expect(compiled.ok ? compiled.model.key : compiled.problems).toBe('health-big');
    expect(findings.filter((f) => f.category === 'error')).toEqual([]);
    expect(xml).toContain('big model r7');
  });
});
