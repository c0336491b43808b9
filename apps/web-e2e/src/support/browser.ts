import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { LoginResponse } from '@banjie/contracts';
import { OUTPUT_DIR, suiteStateFile, type SuiteState } from './suite-state';

const CHROMIUM = '/usr/bin/chromium';

/** Chromium's switches for a quiet headless run on CI: no GPU, no sandbox, no calls home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The address of the api (and web app) the global setup started. */
export function baseUrl(): string {
  return (JSON.parse(readFileSync(suiteStateFile(), 'utf8')) as SuiteState).baseUrl;
}

/** Starts Debian's Chromium; the suite never downloads a browser. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (the browser suite never downloads a browser).`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A new page at a desk-sized viewport that reports the app's console errors on failure. */
export async function openPage(browser: Browser): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { page, consoleErrors };
}

/** Saves a full-page screenshot under `apps/web-e2e/output/`, answering its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Records the app's own api calls that answered 4xx or 5xx, as `METHOD path → status`. */
export function watchFailedApiCalls(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/') && response.status() >= 400) failed.push(`${response.request().method()} ${url.pathname} → ${response.status()}`);
  });
  return failed;
}

/** {@link openPage}, also recording every 4xx/5xx answer to the app's own api calls. */
export async function watchedPage(browser: Browser): Promise<{ page: Page; consoleErrors: string[]; failedCalls: string[] }> {
  const { page, consoleErrors } = await openPage(browser);
  return { page, consoleErrors, failedCalls: watchFailedApiCalls(page) };
}

/** A page opened by {@link watchedPage}. */
export type WatchedPage = Awaited<ReturnType<typeof watchedPage>>;

/**
 * Runs a test's `steps` on a new {@link watchedPage}, signed in with `login` (from `loginAs`) when
 * given. On failure it saves `failureShot` and rethrows with the console errors and failed api
 * calls; the page is always closed.
 */
export async function withWatchedPage(browser: Browser, login: LoginResponse | undefined, failureShot: string, steps: (watched: WatchedPage) => Promise<void>): Promise<void> {
  const watched = await watchedPage(browser);
  if (login) await signInWithToken(watched.page, login);
  try {
    await steps(watched);
  } catch (error) {
    await screenshot(watched.page, failureShot).catch(() => undefined);
    throw new Error(`${(error as Error).message}\nbrowser console errors: ${JSON.stringify(watched.consoleErrors)}\nfailed api calls: ${JSON.stringify(watched.failedCalls)}`);
  } finally {
    await watched.page.close();
  }
}

/** Signs in through the login page and waits until the app leaves it for the user's landing page. */
export async function signIn(page: Page, username: string, password = 'banjie'): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.getByRole('button', { name: /登录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Signs `page` in with a token the spec already has (from `loginAs`), as the login page would leave
 * it in session storage, before the app's first script runs; the next navigation is signed in.
 */
export async function signInWithToken(page: Page, login: LoginResponse): Promise<void> {
  await page.addInitScript(
    ([token, user]) => {
      sessionStorage.setItem('banjie.accessToken', token);
      sessionStorage.setItem('banjie.user', user);
    },
    [login.accessToken, JSON.stringify(login.user)],
  );
}
