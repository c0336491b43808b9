import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CaseView } from '@banjie/contracts';
import { get, loginAs, post } from './support/api';
import { baseUrl, launchChromium, openPage, screenshot, watchFailedApiCalls } from './support/browser';

/** A Linfen flow of one window task whose form asks for a number of working days. */
const FIXTURE = readFileSync(join(__dirname, 'role-landing.e2e.bpmn'), 'utf8');
const FLOW = 'e2e-number-field';
const TASK = 'Task_SetLimit';
const NUMBER_FORM = {
  id: 'e2e-number-field',
  type: 'default',
  components: [
    { type: 'number', key: 'statutoryDays', label: '法定时限（工作日）Statutory limit (WD)', defaultValue: 20, validate: { min: 1 } },
    { type: 'textarea', key: 'limitNote', label: '说明 Note' },
  ],
};

const INBOX = '待办 Inbox';
const CASES = '案件 Cases';
const OPERATIONS = '运维 Operations';
const DESIGNER = '流程设计 Designer';
const CALENDAR = '节假日 Calendar';
const DASHBOARD = '看板 Dashboard';
const USERS = '用户 Users';
const ADMIN_MENU = [INBOX, CASES, DASHBOARD, OPERATIONS, DESIGNER, CALENDAR, USERS];

/** Each demo user, the page they land on, and exactly the links of their menu. */
const ROLES: { username: string; landing: string; heading: RegExp; menu: string[] }[] = [
  { username: 'lf-applicant', landing: '/my-applications', heading: /我的申请/, menu: ['我的申请 My applications'] },
  { username: 'lf-clerk', landing: '/inbox', heading: /待办 Inbox/, menu: [INBOX, CASES] },
  { username: 'lf-agent', landing: '/inbox', heading: /待办 Inbox/, menu: [INBOX, CASES] },
  // a leader lands on the inbox, where the work is; the dashboard is one click away
  { username: 'lf-leader', landing: '/inbox', heading: /待办 Inbox/, menu: [INBOX, CASES, DASHBOARD, OPERATIONS] },
  { username: 'lf-designer', landing: '/designer', heading: /流程设计 Designer/, menu: [CASES, DESIGNER] },
  { username: 'auditor', landing: '/cases', heading: /案件 Cases/, menu: [CASES, DASHBOARD] },
  { username: 'admin', landing: '/operations', heading: /运维/, menu: ADMIN_MENU },
  { username: 'lf-admin', landing: '/operations', heading: /运维/, menu: ADMIN_MENU },
];

describe('every role lands on its own page, with a menu of only what it may do', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    const designer = await loginAs('lf-designer');
    await post(designer.accessToken, '/api/definitions', { xml: FIXTURE, forms: { [NUMBER_FORM.id]: NUMBER_FORM } });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(ROLES)('$username signs in, lands on $landing and sees only its links', async ({ username, landing, heading, menu }) => {
    const { page, consoleErrors } = await openPage(browser);
    const failedCalls = watchFailedApiCalls(page);

    try {
      // when the user signs in through the login page
      await signIn(page, username);

      // then they land on their page, whose calls all answer
      await page.waitForURL(new RegExp(`${landing}$`));
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await settle(page);
      await screenshot(page, `role-landing-${username}.png`);

      // and their menu holds exactly their links
      const labels = (await page.locator('header nav a').allTextContents()).map((label) => label.trim());
      expect(labels).toEqual(menu);
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    } catch (error) {
      await screenshot(page, `failure-role-landing-${username}.png`).catch(() => undefined);
      throw new Error(`${(error as Error).message}\nbrowser console errors: ${JSON.stringify(consoleErrors)}\nfailed api calls: ${JSON.stringify(failedCalls)}`);
    } finally {
      await page.close();
    }
  });

  it('signs out: 退出 revokes the token on the server, so a copy of it is refused afterwards', async () => {
    const { page, consoleErrors } = await openPage(browser);
    const failedCalls = watchFailedApiCalls(page);
    try {
      // given a clerk signed in through the login page
      await signIn(page, 'lf-clerk');
      await page.getByRole('heading', { level: 1, name: /待办 Inbox/ }).waitFor();
      await settle(page);
      const token = await page.evaluate(() => sessionStorage.getItem('banjie.accessToken'));
      expect(token).toBeTruthy();
      await screenshot(page, 'sign-out-1-signed-in.png');

      // when the clerk signs out
      const logout = page.waitForResponse((response) => response.url().endsWith('/api/auth/logout'));
      await page.getByRole('button', { name: '退出 Sign out' }).click();
      expect((await logout).status()).toBe(204);
      await page.waitForURL(/\/login/);
      await screenshot(page, 'sign-out-2-login-page.png');

      // then the token the tab held is refused by the server
      const after = await fetch(`${baseUrl()}/api/tasks`, { headers: { authorization: `Bearer ${token}` } });
      expect(after.status).toBe(401);
      expect(await page.evaluate(() => sessionStorage.getItem('banjie.accessToken'))).toBeNull();
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    } catch (error) {
      await screenshot(page, 'failure-sign-out.png').catch(() => undefined);
      throw new Error(`${(error as Error).message}\nbrowser console errors: ${JSON.stringify(consoleErrors)}\nfailed api calls: ${JSON.stringify(failedCalls)}`);
    } finally {
      await page.close();
    }
  });

  it('sends a designer who opens the inbox to the designer, without a 403', async () => {
    const { page, consoleErrors } = await openPage(browser);
    const failedCalls = watchFailedApiCalls(page);

    try {
      // given
      await signIn(page, 'lf-designer');
      await page.waitForURL(/\/designer$/);

      // when
      await page.goto(`${baseUrl()}/inbox`);

      // then
      await page.waitForURL(/\/designer$/);
      await page.getByRole('heading', { level: 1, name: /流程设计 Designer/ }).waitFor();
      await settle(page);
      expect(await page.locator('[role=alert]').count()).toBe(0);
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('refuses text in a number field of a task form, in Chinese with English beside it', async () => {
    // given a case waiting at a window task whose form asks for a number
    const businessKey = `E2E-NUM-${Date.now()}`;
    const clerk = await loginAs('lf-clerk');
    const started = await post<CaseView>(clerk.accessToken, '/api/cases', { definitionKey: FLOW, businessKey });
    const { page, consoleErrors } = await openPage(browser);
    const failedCalls = watchFailedApiCalls(page);

    try {
      await signIn(page, 'lf-clerk');
      await page.waitForURL(/\/inbox$/);
      await page.getByRole('tab', { name: /待认领/ }).click();
      const row = page.locator(`tr[data-element-id="${TASK}"]`, { hasText: businessKey });
      await row.getByRole('button', { name: /认领 Claim/ }).click();
      await page.getByRole('status').filter({ hasText: '已认领' }).waitFor();
      const workbench = page.locator('bj-task-workbench');
      const days = workbench.locator('.fjs-form-field-number input');
      await days.waitFor();

      // when the clerk types text into the number field and tries to complete the task
      await days.fill('二十天');
      await workbench.locator('.fjs-form-field-textarea textarea').fill('按法定时限 As the law says');
      await workbench.getByRole('button', { name: /办结 Complete/ }).click();

      // then the field says it wants a number, in Chinese with English beside it, and the task stays open
      const fieldError = workbench.locator('.fjs-form-field-number .fjs-form-field-error');
      await fieldError.filter({ hasText: '请输入数字 Value is not a number.' }).waitFor();
      await workbench.getByRole('alert').filter({ hasText: '请检查表单 Please check the form' }).waitFor();
      await screenshot(page, 'role-landing-number-field-refuses-text.png');
      const after = await get<CaseView>(clerk.accessToken, `/api/cases/${started.id}`);
      expect(after.tasks.map((task) => task.elementId)).toContain(TASK);
      expect(after.variables['statutoryDays']).toBeUndefined();

      // when the clerk writes a number instead (and leaves the field, so form-js takes the value it debounces)
      await days.fill('15');
      await days.press('Tab');
      await fieldError.waitFor({ state: 'detached' });
      await workbench.getByRole('button', { name: /办结 Complete/ }).click();

      // then the task completes with the number
      await page.getByRole('status').filter({ hasText: '已办结' }).waitFor();
      const done = await get<CaseView>(clerk.accessToken, `/api/cases/${started.id}`);
      expect(done.variables).toMatchObject({ statutoryDays: 15 });
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    } catch (error) {
      await screenshot(page, 'failure-role-landing-number-field.png').catch(() => undefined);
      throw new Error(`${(error as Error).message}\nbrowser console errors: ${JSON.stringify(consoleErrors)}\nfailed api calls: ${JSON.stringify(failedCalls)}`);
    } finally {
      await page.close();
    }
  });
});

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill('banjie');
  await page.getByRole('button', { name: /登录/ }).click();
}

/** Gives the page's first calls time to answer (live streams stay open, so no network-idle wait). */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(1_500);
}

