import 'reflect-metadata';
import { DEMO_PASSWORD } from '@banjie/api-auth';
import { ConfigError, loadConfig } from './config/load-config';
import { openEventStore } from './server/open-event-store';
import { rebuildProjections, startApi } from './server/start-api';
import { isForkedWorker, isWorkerPrimary, runWorkers } from './server/workers';

/** Entry point: `node dist/apps/api/main.js [--rebuild-projections]`, run from the workspace root. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (process.argv.includes('--rebuild-projections')) {
    const { events, seconds } = await rebuildProjections(config);
    console.log(`Read models rebuilt from ${events} events in ${seconds.toFixed(2)} s (${Math.round(events / Math.max(seconds, 1e-6))} events/s)`);
    return;
  }
  if (isWorkerPrimary(config.workers ?? 1)) {
    const workers = config.workers ?? 1;
    // The primary is the SQLite store's only writer: the workers send it their appends (single-writer.ts).
    const writer = config.store === 'sqlite' ? openEventStore(config) : undefined;
    runWorkers(
      workers,
      config.dataDir,
      (port) => {
        console.log(banner(`http://localhost:${port}`, config.store, config.dataDir, config.seedDemo));
        console.log(`  ${workers} api workers share the port over one store (BANJIE_WORKERS=${workers}); this process is its only writer\n`);
      },
      writer,
    );
    return;
  }
  const api = await startApi(config);
  const stop = (signal: string) => {
    console.log(`${signal}: finishing in-flight requests, then closing the store…`);
    api.shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  // Forked workers stay quiet: the primary prints the banner once all of them listen.
  if (!isForkedWorker()) console.log(banner(api.url, config.store, config.dataDir, config.seedDemo));
}

function banner(url: string, store: string, dataDir: string, seedDemo: boolean): string {
  const lines = [
    '',
    `  办结 Banjie is running at ${url}`,
    `  API ${url}/api · docs ${url}/api/docs · health ${url}/api/health`,
    `  store ${store}${store === 'memory' ? '' : ` in ${dataDir}`}`,
  ];
  if (seedDemo) {
    lines.push(
      `  demo logins (password "${DEMO_PASSWORD}", change it on any real deployment):`,
      '    <zone>-designer | -clerk | -agent | -leader | -applicant  for zones lf cz yp az xy tg sd',
      '    e.g. lf-clerk (王丽), lf-housing (张强), lf-planning (李娜), lf-leader (赵军), lf-applicant, auditor (孙浩), admin',
    );
  }
  return `${lines.join('\n')}\n`;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Banjie cannot start: ${error.message}`);
    process.exit(2);
  }
  console.error('Banjie cannot start:', error);
  process.exit(1);
});
