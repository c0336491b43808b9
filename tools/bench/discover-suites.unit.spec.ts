import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverSuites } from './discover-suites';

describe('bench suite discovery', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'banjie-bench-discovery-'));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function touch(path: string): void {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), 'export default {};\n');
  }

  it('finds *.bench.ts in bench folders of libs and apps, and nothing else', () => {
    // given
    touch('libs/event-store/bench/event-store.bench.ts');
    touch('libs/api/workflow/bench/case-throughput.bench.ts');
    touch('apps/api/bench/http.bench.ts');
    touch('libs/engine/src/engine.bench.ts');
    touch('libs/engine/bench/helpers.ts');
    touch('libs/engine/node_modules/x/bench/vendored.bench.ts');
    touch('tools/bench/tools.bench.ts');
    // when
    const suites = discoverSuites(root);
    // then
    expect(suites).toEqual([
      { suite: 'case-throughput', path: join('libs', 'api', 'workflow', 'bench', 'case-throughput.bench.ts') },
      { suite: 'event-store', path: join('libs', 'event-store', 'bench', 'event-store.bench.ts') },
      { suite: 'http', path: join('apps', 'api', 'bench', 'http.bench.ts') },
    ]);
  });
});
