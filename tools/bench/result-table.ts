import type { BenchResult } from './bench-suite';

/** Whether a ratio reached its target. */
export function ratioPasses(ratio: { value: number; target: number }): boolean {
  return ratio.value >= ratio.target;
}

/** A plain-text table of one suite's figures, ratio rows marked pass or fail against their target. */
export function formatResultTable(result: BenchResult): string {
  const rows: string[][] = [
    ['metric', 'value', 'unit / target', ''],
    ...result.metrics.map((metric) => [metric.name, formatNumber(metric.value), metric.unit, '']),
    ...result.ratios.map((ratio) => [ratio.name, formatNumber(ratio.value), `≥ ${ratio.target}`, ratioPasses(ratio) ? 'pass' : 'FAIL']),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 1 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  const { machine } = result;
  return [
    `${result.suite} — ${machine.cpu}, ${machine.cores} cores, ${machine.memGiB} GiB, node ${machine.node}, ${machine.platform}`,
    line(rows[0]),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}
