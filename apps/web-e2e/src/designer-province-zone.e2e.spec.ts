import type { Browser } from 'playwright-core';
import type { DefinitionView, DeploymentView } from '@banjie/contracts';
import { get, loginAs, post } from './support/api';
import { launchChromium, screenshot, signIn, withWatchedPage } from './support/browser';
import { zoneFlowRenamed } from './support/cases';
import { fillPanelField, shapeOf } from './journeys/designer-canvas';

/** Changzi's flow key, which Linfen deploys as its own flow here, so two zones hold it. */
const KEY = 'changzi-rongque';
const TASK_ID = 'Task_PreReview';
const LF_NAME = '临汾 同键流程 Linfen flow under the same key';
const NEW_TASK_NAME = '预审预验（省级修订）Pre-review, revised by the province';

describe('the province admin works in the designer in a zone it picks', () => {
  let browser: Browser;
  let linfenDeployed: DeploymentView;

  beforeAll(async () => {
    browser = await launchChromium();
    // given Linfen's designer deployed a flow under Changzi's key (over HTTP: the designer's own journey has its tests)
    linfenDeployed = await post<DeploymentView>((await loginAs('lf-designer')).accessToken, '/api/definitions', zoneFlowRenamed(KEY, LF_NAME));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("picks 长子 Changzi, opens Changzi's flow of a key two zones hold, renames a task and deploys a new Changzi version; Linfen's flow is untouched", async () => {
    const admin = await loginAs('admin');
    const changziBefore = await get<DefinitionView>(admin.accessToken, `/api/definitions/${KEY}?zoneId=cz`);
    const linfenBefore = await get<DefinitionView>(admin.accessToken, `/api/definitions/${KEY}?zoneId=lf`);
    expect(linfenBefore.version).toBe(linfenDeployed.version);

    await withWatchedPage(browser, undefined, 'designer-province-zone-failure.png', async ({ page, consoleErrors, failedCalls }) => {
      // given the province admin signed in, in the designer
      await signIn(page, 'admin');
      await page.getByRole('link', { name: '流程设计 Designer' }).click();
      await page.locator('.djs-container').waitFor();
      await screenshot(page, 'designer-province-zone-1-designer.png');

      // when the admin picks 长子 Changzi and opens Changzi's flow of the shared key
      await page.getByLabel('区域 Zone').selectOption('cz');
      const openDeployed = page.getByLabel('打开已部署 Open deployed');
      const option = openDeployed.locator(`option[value="${KEY}"]`);
      await option.waitFor({ state: 'attached' });
      expect(await option.textContent()).toContain('cz 长子 Changzi');
      await screenshot(page, 'designer-province-zone-2-changzi-picked.png');
      await openDeployed.selectOption(KEY);
      await page.locator('.source', { hasText: `${KEY} v${changziBefore.version}` }).waitFor();
      await shapeOf(page, TASK_ID).waitFor();
      await screenshot(page, 'designer-province-zone-3-changzi-flow-open.png');

      // and renames the pre-review task in the panel and deploys
      await shapeOf(page, TASK_ID).click();
      await fillPanelField(page, 'name', NEW_TASK_NAME);
      await page.locator('.dirty').waitFor();
      await screenshot(page, 'designer-province-zone-4-task-renamed.png');
      await page.getByRole('button', { name: /部署 Deploy/ }).click();
      const result = page.getByRole('status').filter({ hasText: KEY });
      await result.waitFor();
      await screenshot(page, 'designer-province-zone-5-deployed.png');

      // then the deploy made a new Changzi version holding the new name
      expect(await result.textContent()).toContain(`v${changziBefore.version + 1} (201`);
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    });

    const changziAfter = await get<DefinitionView>(admin.accessToken, `/api/definitions/${KEY}?zoneId=cz`);
    expect([changziAfter.zoneId, changziAfter.version]).toEqual(['cz', changziBefore.version + 1]);
    expect(changziAfter.xml).toContain(NEW_TASK_NAME);
    // and Linfen's flow under the same key is as Linfen's designer deployed it
    const linfenAfter = await get<DefinitionView>(admin.accessToken, `/api/definitions/${KEY}?zoneId=lf`);
    expect([linfenAfter.version, linfenAfter.xml]).toEqual([linfenBefore.version, linfenBefore.xml]);
    expect(linfenAfter.xml).not.toContain(NEW_TASK_NAME);
  });
});
