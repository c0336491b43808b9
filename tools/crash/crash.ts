/**
 * The crash suite, `npm run test:crash [-- --kills N] [--clients N] [--no-disk] [--soak SECONDS] [--health [MiB|all]] [--health-doors]`:
 * SIGKILLs the built api under load and checks that nothing acknowledged was lost, then fails its
 * disk (injected EIO; a full tmpfs when run as root); with `--soak`, only a steady load instead;
 * with `--health`, only the answer times of `/api/health` while big models deploy; with
 * `--health-doors`, the same while each heavy input of issue 16 (a FEEL loop, wide and deep bodies,
 * a deeply nested model) arrives.
 * Exits 0 when every check holds, 1 when one fails. docs/reliability.md has the figures.
 */
import { ensureBuiltApi } from './built-api';
import { runDiskPhase, type DiskReport } from './disk-phase';
import { runHealthDoors } from './health-doors';
import { runHealthLatency } from './health-latency';
import { runKillPhase, type KillReport } from './kill-phase';
import { runSoak } from './soak';

interface Options {
  kills: number;
  clients: number;
  disk: boolean;
  soakSeconds?: number;
  /** `--health [MiB]`: the model size to deploy while `/api/health` is polled. */
  healthMiB?: number;
  /** `--health-doors` (or `--health all`, with the big model too): `/api/health` while each heavy input arrives. */
  healthDoors: boolean;
}

function parse(args: string[]): Options {
  const value = (name: string) => {
    const at = args.indexOf(name);
    if (at < 0) return undefined;
    const n = Number(args[at + 1]);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} needs a whole number, got "${args[at + 1]}"`);
    return n;
  };
  const health = args.indexOf('--health');
  const healthMiB = health < 0 ? undefined : /^\d+(\.\d+)?$/.test(args[health + 1] ?? '') ? Number(args[health + 1]) : 4.5;
  return { kills: value('--kills') ?? 20, clients: value('--clients') ?? 7, disk: !args.includes('--no-disk'), soakSeconds: value('--soak'), healthMiB, healthDoors: args.includes('--health-doors') || args[health + 1] === 'all' };
}

/** The problems of a kill report (none: it passed). */
export function killProblems(report: KillReport): string[] {
  return [
    ...report.lost.map((l) => `lost: ${l}`),
    ...report.duplicated.map((d) => `duplicated: ${d}`),
    ...(report.chains.intact ? [] : [`hash chains: ${report.chains.summary}`]),
    ...report.readModels.differing.map((t) => `read model ${t} differs from a clean rebuild`),
  ];
}

function printKillReport(report: KillReport): void {
  console.log(`
== kills: ${report.kills} SIGKILLs (during load ${report.killsDuring.load}, deploys ${report.killsDuring.deploy}, timer firing ${report.killsDuring.timers}, message delivery ${report.killsDuring.message})
   acknowledged ${report.acknowledged}: cases ${report.cases}, task completions ${report.completions}, deploys ${report.deploys}, messages ${report.messages}, clock moves ${report.clockAdvances}
   not acknowledged: refused ${JSON.stringify(report.refusedBy)}, no answer (api down or killed mid-request) ${report.unanswered}
   store: ${report.events} events, ${report.timersFired} timers fired; ${report.chains.summary}
   read models: ${report.readModels.tables} tables, ${report.readModels.rows} rows, differing from a clean rebuild: ${report.readModels.differing.length}
   lost = ${report.lost.length}, duplicated = ${report.duplicated.length}`);
}

function printDiskReport(report: DiskReport): void {
  for (const phase of report.phases) {
    console.log(`
== disk fault: ${phase.fault}${phase.skipped ? ` — skipped: ${phase.skipped}` : ''}`);
    if (phase.skipped) continue;
    console.log(`   acknowledged before ${phase.acknowledgedBefore}, refused with 503 store_unavailable ${phase.refused503}, other answers while failing ${JSON.stringify(phase.otherWhileFailing)}
   reads while failing: ${phase.readsOk} ok; health while failing: ${phase.healthWhileFailing}; after recovery: ${phase.healthAfter}
   acknowledged after recovery ${phase.acknowledgedAfter}; lost = ${phase.lost.length}, duplicated = ${phase.duplicated.length}; ${phase.chains}`);
  }
}

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  ensureBuiltApi();
  if (options.healthDoors) {
    for (const report of await runHealthDoors()) {
      console.log(`
== /api/health while: ${report.input}, 3 times (answers ${report.answers.map((a) => `${a.status} in ${a.ms} ms${a.problem ? ` "${a.problem}"` : ''}`).join('; ')})
   ${report.polls} polls every 50 ms: median ${report.medianMs} ms, p99 ${report.p99Ms} ms, worst ${report.worstMs} ms (target: worst ≤ 200 ms); api RSS ${report.rssBeforeMiB} → ${report.rssAfterMiB} MiB`);
    }
    if (options.healthMiB === undefined) return 0;
  }
  if (options.healthMiB !== undefined) {
    const report = await runHealthLatency(options.healthMiB);
    console.log(`
== /api/health while deploying a ${(report.modelBytes / 1024 / 1024).toFixed(2)} MiB model 3 times (answers ${report.deploys.map((d) => `${d.status} in ${d.ms} ms`).join(', ')})
   ${report.polls} polls every 50 ms: median ${report.medianMs} ms, p99 ${report.p99Ms} ms, worst ${report.worstMs} ms (target: worst ≤ 200 ms)`);
    return 0;
  }
  if (options.soakSeconds !== undefined) {
    await runSoak(options.soakSeconds, options.clients);
    return 0;
  }
  const started = Date.now();
  const problems: string[] = [];
  const kills = await runKillPhase(options.kills, options.clients);
  printKillReport(kills);
  problems.push(...killProblems(kills));
  if (options.disk) {
    const disk = await runDiskPhase();
    printDiskReport(disk);
    problems.push(...disk.problems);
  }
  console.log(`\n${problems.length === 0 ? 'PASS' : 'FAIL'} in ${((Date.now() - started) / 1000).toFixed(0)} s${problems.map((p) => `\n  - ${p}`).join('')}`);
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
