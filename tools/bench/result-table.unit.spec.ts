import type { BenchResult } from './bench-suite';
import { formatResultTable } from './result-table';

describe('bench result table', () => {
  const machine = { cpu: 'Test CPU', cores: 2, memGiB: 8, node: 'v20.20.2', platform: 'linux-x64' };

  it('marks each ratio pass or FAIL against its target', () => {
    // given
    const result: BenchResult = {
      suite: 'event-store',
      machine,
      metrics: [{ name: 'durable single appends', value: 6123.4, unit: 'appends/s' }],
      ratios: [
        { name: 'single / raw', value: 0.85, target: 0.8 },
        { name: 'concurrent / single', value: 2.5, target: 3 },
      ],
    };
    // when
    const table = formatResultTable(result).split('\n');
    // then
    expect(table[0]).toContain('event-store');
    expect(table[0]).toContain('Test CPU');
    expect(table.find((line) => line.startsWith('durable single appends'))).toMatch(/6,123\s+appends\/s/);
    expect(table.find((line) => line.startsWith('single / raw'))).toMatch(/0\.85\s+≥ 0\.8\s+pass$/);
    expect(table.find((line) => line.startsWith('concurrent / single'))).toMatch(/2\.50\s+≥ 3\s+FAIL$/);
  });
});
