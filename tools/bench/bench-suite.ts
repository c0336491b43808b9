/** One measured figure, e.g. `{ name: 'durable single appends', value: 6100, unit: 'appends/s' }`. */
export interface BenchMetric {
  name: string;
  value: number;
  unit: string;
}

/** A ratio between two figures of the same run, with the least value it should reach. */
export interface BenchRatio {
  name: string;
  value: number;
  /** The ratio passes when `value >= target`. */
  target: number;
}

/** What one run of a suite measured. */
export interface BenchOutcome {
  metrics: BenchMetric[];
  ratios: BenchRatio[];
}

/**
 * A benchmark suite, default-exported by a `libs/**\/bench/<suite>.bench.ts` or
 * `apps/**\/bench/<suite>.bench.ts` file; `suite` must equal the file's `<suite>` name.
 */
export interface BenchSuite {
  suite: string;
  run(): Promise<BenchOutcome>;
}

/** The machine a result was measured on, written with every result. */
export interface BenchMachine {
  cpu: string;
  cores: number;
  memGiB: number;
  node: string;
  platform: string;
}

/** The file `bench-results/<suite>.json`. */
export interface BenchResult extends BenchOutcome {
  suite: string;
  machine: BenchMachine;
}
