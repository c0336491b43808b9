import { startBuiltApi, type BuiltApi } from './built-api';

/** An api besides the suite's own, on a data dir of the spec's choosing (a copied store, say). */
export type ExtraApi = Pick<BuiltApi, 'baseUrl' | 'dataDir' | 'stop'>;

/**
 * Starts the built api (serving the built web app) on a free port with `dataDir` and the manual
 * test clock, as the global setup starts the suite's api, and waits until `/api/health` answers.
 */
export function startExtraApi(dataDir: string): Promise<ExtraApi> {
  return startBuiltApi(dataDir);
}
