import type { Browser, Locator, Page } from 'playwright-core';
import type { CaseView, LoginResponse, StartCaseRequest } from '@banjie/contracts';
import { loginAs, setClock, startCase } from './support/api';
import { baseUrl, launchChromium, openPage, screenshot, signInWithToken } from './support/browser';

const FLOW = 'linfen-123-closure';
const WINDOW_CHECK = 'Task_WindowCheck';
/** A Thursday: the window check's one working day ends after New Year's Day 2027, in a year without a notice. */
const NEW_YEARS_EVE_MORNING = '2026-12-31T10:00:00+08:00';

/** A sample State Council notice for 2027: New Year, the Spring Festival, and one adjusted working Saturday. */
const NOTICE_DAYS_OFF = ['2027-01-01..2027-01-03 元旦', '2027-02-05..2027-02-11 春节'].join('\n');
const NOTICE_WORKING_DAYS = '2027-02-20 春节调休';

describe('the province admin loads the 2027 holiday notice in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sees 2027 provisional, pastes the notice, saves it, and the deadlines into 2027 are no longer provisional', async () => {
    // given a window task whose deadline runs into 2027, started on New Year's Eve by the test clock
    const admin = await loginAs('admin');
    const businessKey = `E2E-CAL-${Date.now()}`;
    await setClock(admin.accessToken, NEW_YEARS_EVE_MORNING);
    const clerk = await loginAs('lf-clerk');
    const clerkPage = await openPage(browser);
    const adminPage = await openPage(browser);

    try {
      await startLinfenCase(clerk, businessKey);

      // then the clerk's inbox marks its deadline 暂定 before the notice is loaded
      await signInWithToken(clerkPage.page, clerk);
      await clerkPage.page.goto(`${baseUrl()}/inbox`);
      const provisionalMark = await windowCheckRow(clerkPage.page, businessKey).then((row) => row.locator('bj-due-date .provisional'));
      await provisionalMark.waitFor();
      expect(await provisionalMark.getAttribute('title')).toContain('2027');
      await screenshot(clerkPage.page, 'calendar-1-inbox-provisional.png');

      // when the province admin signs in and opens 节假日 Calendar
      const page = adminPage.page;
      await signInThroughLoginPage(page, 'admin');
      await page.getByRole('link', { name: '节假日 Calendar' }).click();
      await page.waitForURL(/\/admin\/calendar$/);
      const year2027 = page.locator('button.year[data-year="2027"]');
      await year2027.waitFor();

      // then 2027 is counted on the law alone, marked provisional
      expect(await page.title()).toBe('节假日 Calendar · 办结');
      expect(await year2027.locator('.source').textContent()).toBe('仅按法定节假日推算 law');
      expect(await year2027.locator('.provisional').getAttribute('title')).toContain('2027');
      await year2027.click();
      await page.locator('section.national[data-year="2027"]').waitFor();
      await screenshot(page, 'calendar-2-2027-law.png');

      // when the admin pastes the sample notice and saves it
      const edit = page.locator('section.edit');
      await pasteLines(edit.locator('bj-calendar-days-editor').nth(0), NOTICE_DAYS_OFF, 10);
      await pasteLines(edit.locator('bj-calendar-days-editor').nth(1), NOTICE_WORKING_DAYS, 1);
      await edit.getByLabel('依据 Note').fill('2027 年部分节假日安排（样例 sample）');
      await screenshot(page, 'calendar-3-notice-pasted.png');
      await edit.getByRole('button', { name: /保存全国安排/ }).click();

      // then the page reports the recompute, and 2027 now comes from the notice, not provisional
      const result = edit.getByRole('status');
      await result.waitFor();
      expect(await result.textContent()).toMatch(/已重算 \d+ 个案件的 \d+ 个时限/);
      await year2027.locator('.source[data-source="notice"]').waitFor();
      expect(await year2027.locator('.source').textContent()).toBe('国务院通知 notice');
      expect(await year2027.locator('.provisional').count()).toBe(0);
      const national = page.locator('section.national[data-year="2027"]');
      expect(await national.locator('[data-list="daysOff"] h3 .count').textContent()).toBe('10 天 days');
      expect(await national.locator('[data-list="workingDays"] li').textContent()).toContain('2027-02-20');
      await screenshot(page, 'calendar-4-notice-loaded.png');

      // and the clerk's inbox shows the same deadline without the mark
      await clerkPage.page.reload();
      const row = await windowCheckRow(clerkPage.page, businessKey);
      await row.locator('bj-due-date time').waitFor();
      expect(await row.locator('bj-due-date .provisional').count()).toBe(0);
      expect(await row.locator('bj-due-date').textContent()).toContain('截止 2027-01-04 24:00');
      await screenshot(clerkPage.page, 'calendar-5-inbox-confirmed.png');

      expect(adminPage.consoleErrors).toEqual([]);
      expect(clerkPage.consoleErrors).toEqual([]);
    } catch (error) {
      await screenshot(adminPage.page, 'failure-calendar-admin.png').catch(() => undefined);
      await screenshot(clerkPage.page, 'failure-calendar-clerk.png').catch(() => undefined);
      const consoleErrors = [...adminPage.consoleErrors, ...clerkPage.consoleErrors];
      throw new Error(`${(error as Error).message}\nbrowser console errors: ${JSON.stringify(consoleErrors)}`);
    } finally {
      await adminPage.page.close();
      await clerkPage.page.close();
      // Later specs expect the test clock near the wall clock.
      await setClock(admin.accessToken, new Date().toISOString());
    }
  });
});

/** Starts a Linfen case as its applicant, or as the window clerk when the api lets only staff start it. */
async function startLinfenCase(clerk: LoginResponse, businessKey: string): Promise<CaseView> {
  const request: StartCaseRequest = { definitionKey: FLOW, businessKey, variables: { applicantName: '临汾示范企业' } };
  try {
    const applicant = await loginAs('lf-applicant');
    return await startCase(applicant.accessToken, request);
  } catch (error) {
    if (!String(error).includes('→ 403')) throw error;
    return startCase(clerk.accessToken, request);
  }
}

/** The case's window check in the clerk's 待认领 queue. */
async function windowCheckRow(page: Page, businessKey: string): Promise<Locator> {
  await page.getByRole('tab', { name: /待认领/ }).click();
  const row = page.locator(`tr[data-element-id="${WINDOW_CHECK}"]`, { hasText: businessKey });
  await row.waitFor();
  return row;
}

async function signInThroughLoginPage(page: Page, username: string): Promise<void> {
  await page.goto(`${baseUrl()}/inbox`);
  await page.waitForURL(/\/login/);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill('banjie');
  await page.getByRole('button', { name: /登录/ }).click();
  await page.waitForURL(/\/inbox/);
}

/** Pastes lines into a days editor, lets them replace its rows, and waits for the rows to count `days`. */
async function pasteLines(editor: Locator, lines: string, days: number): Promise<void> {
  await editor.locator('textarea').fill(lines);
  await editor.getByRole('button', { name: /替换列表 Replace list/ }).click();
  await editor.locator('legend .count', { hasText: `${days} 天` }).waitFor();
}
