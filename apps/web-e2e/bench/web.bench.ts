/**
 * Web figures of issue 10, measured in Debian's Chromium (playwright-core) against the built api
 * serving the built web app (`npx nx run api:build && npx nx run web:build` first), on a fresh
 * data dir with the manual clock:
 *
 * - one scrub step (← Previous event) on the case page of a 1,000-event case, from the click to
 *   the page showing that revision (its markers, tasks and variables folded in the browser);
 * - from the `200` of a task completion to the completed marker on another open case page, which
 *   learns of it over the case's live stream (SSE);
 * - the zone dashboard's first render (figures and the three charts) over 10,000 cases, from the
 *   navigation's start;
 * - issue 11's designer figures: opening MIWG `C.8.0.bpmn` from disk until every shape is drawn.
 *
 * The cases are started over HTTP (the api's own write path, `BENCH_WEB_CASES`, default 10,000).
 */
import type { BenchSuite } from '@banjie/bench';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBuiltApi } from '../src/support/built-api';
import { apiClient } from '../src/support/api';
import { filledZoneForm } from '../src/support/cases';
import { OPEN_MODEL_FILE, OPEN_MODEL_TARGET_MS, measureOpenModel } from './designer-open.measure';
import { PLAY_STEP_TARGET_MS, measurePlayStep } from './play-step.measure';

const CHROMIUM = '/usr/bin/chromium';
const FLOW = 'linfen-123-closure';
const CASES = Number(process.env['BENCH_WEB_CASES'] ?? 10_000);
const EVENTS = 1_000;
const SCRUB_STEPS = 30;
const LIVE_ROUNDS = 7;
const DASHBOARD_LOADS = 5;
const DESIGNER_OPENS = 7;
const PLAY_STEPS = 20;
/** The targets of issue 10, item 8. */
const SCRUB_TARGET_MS = 50;
const LIVE_TARGET_MS = 500;
const DASHBOARD_TARGET_MS = 1_500;

interface Api {
  url: string;
  stop(): Promise<void>;
}

const suite: BenchSuite = {
  suite: 'web',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'banjie-bench-web-'));
    const api = await startApi(dataDir);
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
      const http = client(api.url);
      const scrub = await scrubStep(browser, http);
      log(`scrub step on a ${EVENTS + 1}-event case: median ${scrub.median.toFixed(1)} ms, p90 ${scrub.p90.toFixed(1)} ms`);
      const live = await completionToMarker(browser, http);
      log(`completion 200 → marker on another page: median ${live.median} ms, max ${live.max} ms`);
      const seeded = await seedCases(http, CASES);
      log(`seeded ${seeded} cases`);
      const dashboard = await dashboardFirstRender(browser, api.url);
      log(`dashboard first render over ${seeded} cases: median ${dashboard.median.toFixed(0)} ms`);
      const opened = await designerOpens(browser, api.url);
      log(`designer opens C.8.0.bpmn: median ${opened.median.toFixed(0)} ms, slowest ${opened.max.toFixed(0)} ms`);
      const played = await designerPlays(browser, api.url);
      log(`one Play step: median ${played.median.toFixed(1)} ms, p90 ${played.p90.toFixed(1)} ms`);
      return {
        metrics: [
          { name: `one scrub step on a ${EVENTS + 1}-event case, median of ${SCRUB_STEPS} (Chromium)`, value: round(scrub.median), unit: 'ms' },
          { name: `one scrub step on a ${EVENTS + 1}-event case, p90`, value: round(scrub.p90), unit: 'ms' },
          { name: `task completion 200 → marker on another open case page (SSE), median of ${LIVE_ROUNDS}`, value: live.median, unit: 'ms' },
          { name: 'task completion 200 → marker on another open case page (SSE), max', value: live.max, unit: 'ms' },
          { name: `dashboard first render (figures and 3 charts) over ${seeded} cases, median of ${DASHBOARD_LOADS}`, value: round(dashboard.median), unit: 'ms' },
          { name: 'dashboard first render, slowest', value: round(dashboard.max), unit: 'ms' },
          { name: `designer opens MIWG C.8.0.bpmn from disk until drawn, median of ${DESIGNER_OPENS}`, value: round(opened.median), unit: 'ms' },
          { name: 'designer opens C.8.0.bpmn, slowest (the first, cold)', value: round(opened.max), unit: 'ms' },
          { name: `one 试运行 Play step (complete a task / clock +1 working day), median of ${PLAY_STEPS} (Chromium)`, value: round(played.median), unit: 'ms' },
          { name: 'one Play step, p90', value: round(played.p90), unit: 'ms' },
        ],
        ratios: [
          { name: `scrub step: ${SCRUB_TARGET_MS} ms target / median`, value: round(SCRUB_TARGET_MS / scrub.median), target: 1 },
          { name: `completion → marker: ${LIVE_TARGET_MS} ms target / max`, value: round(LIVE_TARGET_MS / Math.max(live.max, 1)), target: 1 },
          { name: `dashboard first render: ${DASHBOARD_TARGET_MS} ms target / median`, value: round(DASHBOARD_TARGET_MS / dashboard.median), target: 1 },
          { name: `designer opens C.8.0.bpmn: ${OPEN_MODEL_TARGET_MS} ms target / median`, value: round(OPEN_MODEL_TARGET_MS / opened.median), target: 1 },
          { name: `Play step: ${PLAY_STEP_TARGET_MS} ms target / median`, value: round(PLAY_STEP_TARGET_MS / played.median), target: 1 },
        ],
      };
    } finally {
      await browser.close();
      await api.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;

/** A case with 1,001 events (a start and 1,000 variable changes), scrubbed back one event at a time on its page. */
async function scrubStep(browser: Browser, http: Client): Promise<{ median: number; p90: number }> {
  const clerk = await http.login('lf-clerk');
  const leader = await http.login('lf-leader');
  const started = await http.call<{ id: string; revision: number }>('POST', '/api/cases', clerk, { definitionKey: FLOW, businessKey: 'BENCH-SCRUB', variables: { applicantName: '晋南新材料' } });
  for (let n = started.revision; n < EVENTS; n++) {
    await http.call('POST', `/api/cases/${started.id}/variables`, leader, { variables: { step: n, note: `第 ${n} 次补正 correction ${n}` } });
  }
  const page = await signedInPage(browser, http.url, 'lf-leader');
  await page.goto(`${http.url}/cases/${started.id}`);
  await page.locator('.bj-active').first().waitFor({ timeout: 60_000 });
  await page.locator('.position').waitFor();
  // Start in the middle, between two kept states, so a step folds as many events as it can.
  const middle = Math.floor(EVENTS / 2) + 40;
  await page.evaluate((to) => {
    const scrubber = document.querySelector<HTMLInputElement>('#bj-case-scrubber');
    if (!scrubber) throw new Error('no scrubber');
    scrubber.value = String(to);
    scrubber.dispatchEvent(new Event('input', { bubbles: true }));
  }, middle);
  await page.waitForFunction((expected) => document.querySelector('.position')?.textContent?.startsWith(expected), `#${middle} `);
  const samples = await page.evaluate(async (steps) => {
    const previous = document.querySelector<HTMLButtonElement>('button[aria-label="上一个事件 Previous event"]');
    const position = document.querySelector('.position');
    if (!previous || !position) throw new Error('no scrubber');
    const times: number[] = [];
    for (let i = 0; i < steps; i++) {
      const before = position.textContent;
      const shown = new Promise<void>((done) => {
        const observer = new MutationObserver(() => {
          if (position.textContent !== before) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(position, { characterData: true, childList: true, subtree: true });
      });
      const t0 = performance.now();
      previous.click();
      await shown;
      times.push(performance.now() - t0);
    }
    return times;
  }, SCRUB_STEPS);
  await page.close();
  return { median: quantile(samples, 0.5), p90: quantile(samples, 0.9) };
}

/** A leader watches a case page while the window clerk completes its task over HTTP elsewhere. */
async function completionToMarker(browser: Browser, http: Client): Promise<{ median: number; max: number }> {
  const clerk = await http.login('lf-clerk');
  const page = await signedInPage(browser, http.url, 'lf-leader');
  const latencies: number[] = [];
  for (let round = 0; round < LIVE_ROUNDS; round++) {
    const started = await http.call<{ id: string; tasks: { id: string; elementId: string; formId?: string }[] }>('POST', '/api/cases', clerk, { definitionKey: FLOW, businessKey: `BENCH-LIVE-${round}` });
    const task = started.tasks[0];
    await page.goto(`${http.url}/cases/${started.id}`);
    const selector = `bj-case-diagram g.djs-element[data-element-id="${task.elementId}"]`;
    await page.locator(`${selector}.bj-active`).waitFor({ timeout: 30_000 });
    await page.locator('.following').waitFor();
    // No named functions inside: tsx would wrap them in a helper the page does not have.
    await page.evaluate((watched) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector(watched)?.classList.contains('bj-completed')) {
          (window as unknown as { markedAt?: number }).markedAt = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { attributes: true, attributeFilter: ['class'], subtree: true });
    }, selector);
    await http.call('POST', `/api/tasks/${task.id}/claim`, clerk, {});
    const answered = await http.completeAt(task.id, clerk, { ...filledZoneForm(task.formId), materialsComplete: true });
    await page.waitForFunction(() => (window as unknown as { markedAt?: number }).markedAt !== undefined, undefined, { timeout: 10_000 });
    const markedAt = await page.evaluate(() => (window as unknown as { markedAt: number }).markedAt);
    latencies.push(markedAt - answered);
  }
  await page.close();
  return { median: quantile(latencies, 0.5), max: Math.max(...latencies) };
}

/** Starts cases until the zone holds `total` (over HTTP, 16 at a time, as clerks at 16 windows would). */
async function seedCases(http: Client, total: number): Promise<number> {
  const clerk = await http.login('lf-clerk');
  const leader = await http.login('lf-leader');
  const stats = await http.call<{ cases: { active: number; completed: number } }>('GET', '/api/stats', leader);
  const have = stats.cases.active + stats.cases.completed;
  let next = have;
  const worker = async () => {
    while (next < total) {
      const n = next++;
      // A loaded machine can reset a kept-alive connection; the case is started again (the count is what matters).
      await http.call('POST', '/api/cases', clerk, { definitionKey: FLOW, businessKey: `BENCH-DASH-${n}` }).catch(() => http.call('POST', '/api/cases', clerk, { definitionKey: FLOW, businessKey: `BENCH-DASH-${n}-again` }));
    }
  };
  await Promise.all(Array.from({ length: 16 }, () => worker()));
  const after = await http.call<{ cases: { active: number; completed: number } }>('GET', '/api/stats', leader);
  return after.cases.active + after.cases.completed;
}

/** Loads the dashboard afresh and answers the time from navigation start to figures and charts drawn. */
async function dashboardFirstRender(browser: Browser, url: string): Promise<{ median: number; max: number }> {
  const page = await signedInPage(browser, url, 'lf-leader');
  // One load warms the api's statement cache and the browser's code cache, as a leader's second visit would.
  const times: number[] = [];
  for (let load = 0; load <= DASHBOARD_LOADS; load++) {
    await page.goto(`${url}/dashboard`);
    const rendered = await page.waitForFunction(
      () => {
        const active = document.querySelector('[data-figure="active"]')?.textContent?.trim();
        return active && active !== '0' && document.querySelectorAll('.chart canvas').length >= 3 ? performance.now() : null;
      },
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    const at = (await rendered.jsonValue()) as number;
    if (load > 0) times.push(at);
  }
  await page.close();
  return { median: quantile(times, 0.5), max: Math.max(...times) };
}

/** A designer opens MIWG C.8.0.bpmn from disk again and again on one designer page (issue 11, item 8). */
async function designerOpens(browser: Browser, url: string): Promise<{ median: number; max: number }> {
  const page = await signedInPage(browser, url, 'lf-designer');
  await page.goto(`${url}/designer`);
  await page.locator('.djs-container').waitFor();
  const times: number[] = [];
  for (let open = 0; open < DESIGNER_OPENS; open++) times.push(await measureOpenModel(page, OPEN_MODEL_FILE));
  await page.close();
  return { median: quantile(times, 0.5), max: Math.max(...times) };
}

/** One Play step in the designer, again and again on one test case (issue 11, item 8). */
async function designerPlays(browser: Browser, url: string): Promise<{ median: number; p90: number }> {
  const page = await signedInPage(browser, url, 'lf-designer');
  await page.goto(`${url}/designer`);
  await page.locator('.djs-container').waitFor();
  const figures = await measurePlayStep(page, PLAY_STEPS);
  await page.close();
  return figures;
}

/** A page of a user signed in through the login form. */
async function signedInPage(browser: Browser, url: string, username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await page.goto(`${url}/login`);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill('banjie');
  await page.getByRole('button', { name: /登录/ }).click();
  await page.waitForURL((address) => !address.pathname.startsWith('/login'));
  return page;
}

type Client = ReturnType<typeof client>;

/** The suite's JSON client, and the time a task completion's `200` arrived. */
function client(url: string) {
  const http = apiClient(url);
  return {
    ...http,
    /** Completes a task; answers `Date.now()` when the `200` arrived. */
    completeAt: async (taskId: string, token: string, variables: Record<string, unknown>): Promise<number> => {
      const response = await fetch(`${url}/api/tasks/${taskId}/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ variables }),
      });
      const at = Date.now();
      if (!response.ok) throw new Error(`complete ${taskId} → ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
      return at;
    },
  };
}

async function startApi(dataDir: string): Promise<Api> {
  const api = await startBuiltApi(dataDir, { LOG_LEVEL: 'warn' });
  return { url: api.baseUrl, stop: () => api.stop() };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function log(line: string): void {
  process.stdout.write(`  ${line}\n`);
}
