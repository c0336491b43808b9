import type { Browser } from 'playwright-core';
import { launchChromium, screenshot, signIn, watchedPage } from './support/browser';

const PASSWORD = 'window-2026';

describe('the province admin manages users in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('creates a Linfen clerk who signs in, then deactivates the clerk, whose next page load lands on the login page', async () => {
    const clerkId = `lf-e2e-${Date.now()}`;
    const admin = await watchedPage(browser);
    const clerk = await watchedPage(browser);

    try {
      // given the province admin on 用户 Users
      await signIn(admin.page, 'admin', 'banjie');
      await admin.page.getByRole('link', { name: '用户 Users' }).click();
      await admin.page.waitForURL(/\/admin\/users$/);
      await admin.page.locator('tr[data-user-id="lf-clerk"]').waitFor();
      expect(await admin.page.title()).toBe('用户 Users · 办结');
      await screenshot(admin.page, 'users-1-list.png');

      // when the admin creates a clerk of lf
      const create = admin.page.locator('section.create');
      await create.getByLabel('用户名 User id').fill(clerkId);
      await create.getByLabel('姓名 Name').fill('周婷');
      await create.getByLabel(/初始密码 Initial password/).fill(PASSWORD);
      await create.getByLabel('区域 Zone').selectOption('lf');
      await create.getByLabel(/用户组 Groups/).fill('window, approval');
      await create.getByLabel('窗口受理 Clerk').check();
      await screenshot(admin.page, 'users-2-form-filled.png');
      await create.getByRole('button', { name: '创建用户 Create user' }).click();

      // then the page confirms it and lists the new clerk as active
      await create.getByRole('status').waitFor();
      expect(await create.getByRole('status').textContent()).toContain(`已创建用户 ${clerkId}`);
      const row = admin.page.locator(`tr[data-user-id="${clerkId}"]`);
      await row.waitFor();
      expect(await row.locator('.status').textContent()).toBe('启用 Active');
      expect(await row.textContent()).toContain('窗口受理 Clerk');
      expect(await row.textContent()).toContain('window, approval');
      await screenshot(admin.page, 'users-3-created.png');

      // when the new clerk signs in in a browser of its own
      await signIn(clerk.page, clerkId, PASSWORD);

      // then the clerk lands on its inbox, named in the header
      await clerk.page.waitForURL(/\/inbox/);
      await clerk.page.locator('.user', { hasText: '周婷' }).waitFor();
      await screenshot(clerk.page, 'users-4-clerk-signed-in.png');
      expect(clerk.failedCalls).toEqual([]);

      // when the admin deactivates the clerk
      await row.getByRole('button', { name: `停用 Deactivate ${clerkId}` }).click();
      await row.locator('.status', { hasText: '已停用 Deactivated' }).waitFor();
      await screenshot(admin.page, 'users-5-deactivated.png');

      // then the clerk's next page load is refused (401) and lands on the login page
      const refused = clerk.page.waitForResponse((response) => new URL(response.url()).pathname.startsWith('/api/') && response.status() === 401);
      await clerk.page.reload();
      expect((await refused).status()).toBe(401);
      await clerk.page.waitForURL(/\/login/);
      await clerk.page.locator('input[name=username]').waitFor();
      await screenshot(clerk.page, 'users-6-clerk-refused.png');

      expect(admin.failedCalls).toEqual([]);
      expect(admin.consoleErrors).toEqual([]);
      // The only failures are the intended 401s of the deactivated clerk's calls, and Chromium's note of them.
      expect(clerk.failedCalls.length).toBeGreaterThan(0);
      expect(clerk.failedCalls.every((call) => call.endsWith('→ 401'))).toBe(true);
      expect(clerk.consoleErrors.every((message) => /status of 401/.test(message))).toBe(true);
    } catch (error) {
      await screenshot(admin.page, 'failure-users-admin.png').catch(() => undefined);
      await screenshot(clerk.page, 'failure-users-clerk.png').catch(() => undefined);
      const consoleErrors = [...admin.consoleErrors, ...clerk.consoleErrors];
      const failedCalls = [...admin.failedCalls, ...clerk.failedCalls];
      throw new Error(`${(error as Error).message}\nbrowser console errors: ${JSON.stringify(consoleErrors)}\nfailed api calls: ${JSON.stringify(failedCalls)}`);
    } finally {
      await admin.page.close();
      await clerk.page.close();
    }
  });
});
