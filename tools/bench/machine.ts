import { availableParallelism, cpus, totalmem } from 'node:os';
import type { BenchMachine } from './bench-suite';

/** Describes this machine for a bench result, so figures from different machines are not compared blindly. */
export function describeMachine(): BenchMachine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}
