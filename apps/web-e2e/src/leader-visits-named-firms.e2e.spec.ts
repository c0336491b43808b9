import type { Browser } from 'playwright-core';
import type { CaseView } from '@banjie/contracts';
import { loginAs, startCase } from './support/api';
import { baseUrl, launchChromium, screenshot, signIn, watchedPage } from './support/browser';

/**
 * Xiangyuan's leader 陈刚 sees one visit per paired firm in his inbox, each named by its firm
 * (`banjie:taskName` over the multi-instance item), and reads the case's diagram fitted to the
 * page width, zooming in and back.
 */
describe('a Xiangyuan leader sees his visits named by firm and reads the diagram', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the inbox rows name 襄垣煤机 and 襄垣新能源材料; the case page fits the diagram and zooms', async () => {
    // given a ledger with two firms paired with 陈刚, started by the task force
    const businessKey = `XY-E2E-${Date.now()}`;
    const taskforce = await loginAs('xy-taskforce');
    const started: CaseView = await startCase(taskforce.accessToken, {
      definitionKey: 'xiangyuan-demand-ledger',
      businessKey,
      variables: { pairs: [{ leader: 'xy-leader', firm: '襄垣煤机' }, { leader: 'xy-leader', firm: '襄垣新能源材料' }] },
    });
    const { page, consoleErrors, failedCalls } = await watchedPage(browser);

    try {
      // when the leader opens his inbox
      await signIn(page, 'xy-leader');
      await page.goto(`${baseUrl()}/inbox`);
      await page.getByRole('tab', { name: /我的 Mine/ }).click();
      const rows = page.locator('tr[data-element-id="Task_LeaderVisit"]', { hasText: businessKey });
      await rows.nth(1).waitFor();
      await screenshot(page, 'xy-leader-inbox-named-visits.png');
      const names = (await rows.locator('.name').allTextContents()).map((n) => n.trim()).sort();

      // and the case page, where the diagram fits the width and zooms
      await page.goto(`${baseUrl()}/cases/${started.id}`);
      const visit = page.locator('bj-case-diagram g.djs-element[data-element-id="Task_LeaderVisit"]');
      await visit.waitFor({ timeout: 20_000 });
      await screenshot(page, 'xy-case-diagram-fitted.png');
      const fitted = await visit.boundingBox();
      await page.getByRole('button', { name: '放大 Zoom in' }).click();
      await screenshot(page, 'xy-case-diagram-zoomed.png');
      const zoomed = await visit.boundingBox();
      await page.getByRole('button', { name: '适应宽度 Fit width' }).click();
      const refitted = await visit.boundingBox();
      await screenshot(page, 'xy-case-diagram-refitted.png');

      // then
      expect(names).toEqual(['襄垣新能源材料 · 领导包联走访', '襄垣煤机 · 领导包联走访'].sort());
      expect(zoomed?.width).toBeGreaterThan(fitted?.width ?? Infinity);
      expect(refitted?.width).toBeCloseTo(fitted?.width ?? 0, 0);
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    } catch (error) {
      await screenshot(page, 'failure-xy-leader.png').catch(() => undefined);
      throw new Error(`${(error as Error).message}\nbrowser console errors: ${JSON.stringify(consoleErrors)}`);
    } finally {
      await page.close();
    }
  });
});
