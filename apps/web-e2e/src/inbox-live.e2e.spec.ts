import type { Browser, Page } from 'playwright-core';
import type { CaseView } from '@banjie/contracts';
import { loginAs, post, startCase } from './support/api';
import { baseUrl, launchChromium, screenshot, watchedPage } from './support/browser';

const FLOW = 'linfen-123-closure';
const WINDOW_CHECK = 'Task_WindowCheck';

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill('banjie');
  await page.getByRole('button', { name: /登录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  if (!new URL(page.url()).pathname.startsWith('/inbox')) await page.goto(`${baseUrl()}/inbox`);
  await page.getByRole('heading', { name: /待办 Inbox/ }).waitFor();
}

/** A Linfen case started over HTTP by the window clerk, waiting at its completeness check. */
async function linfenCase(businessKey: string): Promise<CaseView> {
  const clerk = await loginAs('lf-clerk');
  return startCase(clerk.accessToken, { definitionKey: FLOW, businessKey, variables: { applicantName: '临汾示范企业' } });
}

describe('the inbox follows the zone live, and a leader hands tasks on', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a clerk’s open inbox shows a task of a case started elsewhere, without a reload', async () => {
    // given the window clerk's inbox, open at the tasks to claim
    const { page, consoleErrors, failedCalls } = await watchedPage(browser);
    const businessKey = `LIVE-${Date.now()}`;
    try {
      const streamOpen = page.waitForResponse((response) => response.url().includes('/api/zones/lf/live') && response.status() === 200);
      await signIn(page, 'lf-clerk');
      await page.getByRole('tab', { name: /待认领/ }).click();
      await page.getByText('实时 Live').waitFor();
      await streamOpen;
      await screenshot(page, 'inbox-live-1-before.png');

      // when a case is started over HTTP while the page stays open
      await linfenCase(businessKey);

      // then its window task appears in the list
      const row = page.locator(`tr[data-element-id="${WINDOW_CHECK}"]`, { hasText: businessKey });
      await row.waitFor({ timeout: 15_000 });
      await screenshot(page, 'inbox-live-2-new-task.png');
      expect(await row.getByRole('button', { name: /认领 Claim/ }).count()).toBe(1);
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    } catch (error) {
      await screenshot(page, 'inbox-live-failure.png').catch(() => undefined);
      throw new Error(`${(error as Error).message}\nconsole errors: ${JSON.stringify(consoleErrors)}\nfailed calls: ${JSON.stringify(failedCalls)}`);
    } finally {
      await page.close();
    }
  });

  it('the leader 赵军 hands a clerk’s task to 李娜, whose inbox then shows it with the case’s data', async () => {
    // given a case whose window task the clerk 王丽 has claimed
    const businessKey = `REASSIGN-${Date.now()}`;
    const started = await linfenCase(businessKey);
    const taskId = started.tasks.find((task) => task.elementId === WINDOW_CHECK)?.id as string;
    await post((await loginAs('lf-clerk')).accessToken, `/api/tasks/${encodeURIComponent(taskId)}/claim`, {});
    const leader = await watchedPage(browser);
    const colleague = await watchedPage(browser);
    try {
      // when the leader opens the zone's tasks, picks the task and hands it to 李娜
      await signIn(leader.page, 'lf-leader');
      await leader.page.getByRole('tab', { name: /全区 Zone/ }).click();
      const row = leader.page.locator(`tr[data-task-id="${taskId}"]`);
      await row.waitFor();
      await screenshot(leader.page, 'inbox-reassign-1-zone.png');
      await row.getByRole('button', { name: /转办 Reassign/ }).click();
      await leader.page.getByLabel('转办给 Reassign to').selectOption('lf-planning');
      await screenshot(leader.page, 'inbox-reassign-2-choose.png');
      await leader.page.getByRole('button', { name: /确定转办 Assign/ }).click();
      await leader.page.getByRole('status').filter({ hasText: '已转办 Reassigned' }).waitFor();
      await row.filter({ hasText: '办理人 lf-planning' }).waitFor();
      await screenshot(leader.page, 'inbox-reassign-3-done.png');

      // then 李娜 finds it among her own tasks and sees the case's data beside its form
      await signIn(colleague.page, 'lf-planning');
      const mine = colleague.page.locator(`tr[data-task-id="${taskId}"]`);
      await mine.waitFor({ timeout: 15_000 });
      await mine.getByRole('button', { name: /办理 Open/ }).click();
      const record = colleague.page.locator('bj-case-record');
      await record.getByText('临汾示范企业').waitFor();
      await screenshot(colleague.page, 'inbox-reassign-4-colleague.png');
      expect(await record.locator('.variables').textContent()).toContain('申请企业 Applicant');
      expect(leader.consoleErrors).toEqual([]);
      expect(colleague.consoleErrors).toEqual([]);
      expect(leader.failedCalls).toEqual([]);
      expect(colleague.failedCalls).toEqual([]);
    } catch (error) {
      await screenshot(leader.page, 'inbox-reassign-failure-leader.png').catch(() => undefined);
      await screenshot(colleague.page, 'inbox-reassign-failure-colleague.png').catch(() => undefined);
      const report = { leader: [leader.consoleErrors, leader.failedCalls], colleague: [colleague.consoleErrors, colleague.failedCalls] };
      throw new Error(`${(error as Error).message}\n${JSON.stringify(report)}`);
    } finally {
      await leader.page.close();
      await colleague.page.close();
    }
  });
});
