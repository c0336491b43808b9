import type { Browser } from 'playwright-core';
import type { StatsView } from '@banjie/contracts';
import { get, loginAs, startCase } from './support/api';
import { baseUrl, launchChromium, screenshot, watchedPage } from './support/browser';

const FLOW = 'linfen-123-closure';

/** A share as the page shows it: a percent with at most one decimal, or a dash. */
function percent(share: number | null): string {
  return share === null ? '—' : `${Number((share * 100).toFixed(1))}%`;
}

/** Working days as the page shows them: at most one decimal, or a dash. */
function days(value: number | null): string {
  return value === null ? '—' : String(Number(value.toFixed(1)));
}

describe('a leader sees the zone at a glance', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('赵军 opens 看板 Dashboard: the charts draw and the figures are those of /api/stats for Linfen', async () => {
    // given a few Linfen cases started over HTTP
    const clerk = await loginAs('lf-clerk');
    for (const n of [1, 2, 3]) {
      await startCase(clerk.accessToken, { definitionKey: FLOW, businessKey: `DASH-${Date.now()}-${n}`, variables: { applicantName: '临汾看板企业' } });
    }
    const leader = await loginAs('lf-leader');
    const stats = await get<StatsView>(leader.accessToken, '/api/stats?zoneId=lf');
    const { page, consoleErrors, failedCalls } = await watchedPage(browser);
    try {
      // when the leader signs in and opens the dashboard from the menu
      await page.goto(`${baseUrl()}/login`);
      await page.locator('input[name=username]').fill('lf-leader');
      await page.locator('input[name=password]').fill('banjie');
      await page.getByRole('button', { name: /登录/ }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await screenshot(page, 'leader-dashboard-1-signed-in.png');
      await page.getByRole('link', { name: '看板 Dashboard' }).click();
      await page.getByRole('heading', { name: '看板 Dashboard' }).waitFor();
      await page.locator('[data-figure="active"]').waitFor();
      await page.locator('.chart canvas').nth(2).waitFor();
      await screenshot(page, 'leader-dashboard-2-figures.png');

      // then the three charts draw on canvas
      expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(3);
      // and every figure is the one /api/stats gives for Linfen
      const figure = async (name: string) => (await page.locator(`[data-figure="${name}"]`).textContent())?.trim();
      expect(stats.cases.active).toBeGreaterThanOrEqual(3);
      expect(await figure('active')).toBe(String(stats.cases.active));
      expect(await figure('completed')).toBe(String(stats.cases.completed));
      expect(await figure('onTimeRate')).toBe(percent(stats.onTimeRate));
      expect(await figure('yellow')).toBe(String(stats.yellow));
      expect(await figure('red')).toBe(String(stats.red));
      expect(await figure('meanWorkingDays')).toBe(days(stats.meanWorkingDays));
      expect(await figure('satisfaction')).toBe(percent(stats.satisfaction));
      // and the flow table counts the test's flow as the API does
      const flow = stats.flows?.find((row) => row.definitionKey === FLOW);
      expect(flow?.active).toBeGreaterThanOrEqual(3);
      const flowRow = page.locator('tr', { has: page.getByRole('link', { name: FLOW, exact: true }) });
      expect((await flowRow.locator('td').nth(1).textContent())?.trim()).toBe(String(flow?.active));
      await page.getByRole('heading', { name: /每周案件/ }).scrollIntoViewIfNeeded();
      await screenshot(page, 'leader-dashboard-3-charts.png');

      // when the leader clicks the active count, the case list opens filtered to active cases
      await page.locator('[data-figure="active"]').click();
      await page.waitForURL((url) => url.pathname === '/cases' && url.searchParams.get('status') === 'active');
      await page.getByRole('heading', { name: /案件/ }).first().waitFor();
      await screenshot(page, 'leader-dashboard-4-case-list.png');
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    } catch (error) {
      await screenshot(page, 'leader-dashboard-failure.png').catch(() => undefined);
      throw new Error(`${(error as Error).message}\nconsole errors: ${JSON.stringify(consoleErrors)}\nfailed calls: ${JSON.stringify(failedCalls)}`);
    } finally {
      await page.close();
    }
  });
});
