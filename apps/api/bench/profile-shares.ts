/**
 * Where a `--cpu-prof` profile of the api spends its CPU, by layer: express and its body parsing
 * (what `@nestjs/platform-fastify` would replace), Nest's own routing, guards, pipes and
 * interceptors (which stay on fastify), Node's HTTP and sockets, the store (better-sqlite3),
 * the engine, the rest of the api, and GC. A function without a script (a builtin such as
 * `JSON.parse`) counts for the layer of its caller. Only the samples from the first to the last
 * one inside a task completion's code count (the load, not the start-up), and shares are of the
 * busy time (idle left out).
 * `npx tsx apps/api/bench/profile-shares.ts <file.cpuprofile> [completions]`, after
 * `BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=<dir>' npm run bench -- api`; with the number of
 * completions the run made, it also prints each layer's CPU per completion.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const EXPRESS_FAMILY = /node_modules\/(express|body-parser|raw-body|router|finalhandler|send|serve-static|qs|iconv-lite|type-is|on-finished|content-type|cookie|accepts|negotiator|mime|mime-types|mime-db|depd|debug|parseurl|path-to-regexp|encodeurl|escape-html|etag|fresh|proxy-addr|vary|statuses|http-errors|content-disposition|merge-descriptors|range-parser|utils-merge|methods|media-typer|unpipe|bytes|forwarded|ipaddr\.js|@nestjs\/platform-express)\//;

/** The layer a script belongs to, or undefined for a function without a script. */
function layerOf(node: ProfileNode): string | undefined {
  const { url, functionName } = node.callFrame;
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(program)') return 'V8/native (program)';
  if (!url) return undefined;
  if (EXPRESS_FAMILY.test(url)) return 'express + body parsing (platform-express)';
  if (/node_modules\/@nestjs\//.test(url)) return 'Nest core (routing, guards, pipes, interceptors, cqrs)';
  if (/node_modules\/(class-validator|class-transformer)\//.test(url)) return 'class-validator / class-transformer';
  if (/node_modules\/helmet\//.test(url)) return 'helmet';
  if (/^node:(_http|http|net|stream|internal\/(http|streams|stream_base|net|timers|async_hooks|process\/task_queues))/.test(url) || /^node:internal\/(http|streams)/.test(url)) return 'Node http, sockets, streams, timers';
  if (/node_modules\/better-sqlite3\//.test(url)) return 'better-sqlite3';
  if (/libs\/engine\//.test(url) || /webpack:.*engine/.test(url)) return 'engine';
  if (/libs\/event-store\//.test(url)) return 'event store';
  if (/libs\/api\/|apps\/api\//.test(url)) return 'api code (handlers, read models, auth)';
  if (/\/main\.js$/.test(url)) return 'Banjie code in the built bundle (api, engine, event store, read models)';
  if (/node_modules\//.test(url)) return `other package: ${/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? url}`;
  if (/^node:/.test(url)) return 'other Node internals';
  return 'other';
}

export function profileShares(profile: Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const layers = new Map<number, string>();
  const layerOfId = (id: number): string => {
    const known = layers.get(id);
    if (known) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const layer = (node && layerOf(node)) ?? (up !== undefined ? layerOfId(up) : 'other');
    layers.set(id, layer);
    return layer;
  };
  // the load's window: from the first to the last sample under the task completion's code
  const inCompletion = new Map<number, boolean>();
  const underCompletion = (id: number): boolean => {
    const known = inCompletion.get(id);
    if (known !== undefined) return known;
    const { url = '', functionName = '' } = byId.get(id)?.callFrame ?? {};
    const up = parent.get(id);
    // the sources' path, or (in the webpack bundle) the engine's and the command's own names
    const here = /complete-task/.test(url) || /^(completeTask|applyTaskCompleted|CompleteTaskCommand)$/.test(functionName) || (up !== undefined && underCompletion(up));
    inCompletion.set(id, here);
    return here;
  };
  const hits = profile.samples.map((id, i) => (underCompletion(id) ? i : -1)).filter((i) => i >= 0);
  const first = hits[0] ?? 0;
  const last = hits.at(-1) ?? profile.samples.length - 1;
  const micros = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (i < first || i > last) return;
    const layer = layerOfId(id);
    micros.set(layer, (micros.get(layer) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return micros;
}

if (require.main === module) {
  const [file, completionsArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-shares.ts <file.cpuprofile> [completions]');
  const micros = profileShares(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  const busy = [...micros].filter(([layer]) => layer !== 'idle').reduce((sum, [, us]) => sum + us, 0);
  const completions = completionsArg ? Number(completionsArg) : undefined;
  console.log(`busy ${(busy / 1e6).toFixed(1)} s of ${([...micros.values()].reduce((a, b) => a + b, 0) / 1e6).toFixed(1)} s profiled${completions ? `, ${completions} completions` : ''}`);
  for (const [layer, us] of [...micros].filter(([l]) => l !== 'idle').sort((a, b) => b[1] - a[1])) {
    console.log(`  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${completions ? `${(us / 1000 / completions).toFixed(3)} ms/completion  ` : ''}${layer}`);
  }
}
