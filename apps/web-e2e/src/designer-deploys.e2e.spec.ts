import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { DefinitionView } from '@banjie/contracts';
import { get, loginAs } from './support/api';
import { baseUrl, launchChromium, screenshot, withWatchedPage } from './support/browser';

const FIXTURE = join(__dirname, 'designer-deploys.e2e.bpmn');

describe('a designer deploys a flow from a file', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens a .bpmn file in the modeler and deploys it as version 1', async () => {
    // given a designer signed in
    const designer = await loginAs('lf-designer');
    await withWatchedPage(browser, designer, 'failure-designer.png', async ({ page, consoleErrors, failedCalls }) => {
      // when the file is opened in the designer and deployed
      await page.goto(`${baseUrl()}/designer`);
      await page.locator('.djs-container').waitFor();
      await page.locator('input[type=file]').setInputFiles(FIXTURE);
      await page.locator('.source', { hasText: 'designer-deploys.e2e.bpmn' }).waitFor();
      await page.locator('g.djs-element[data-element-id="Task_Check"]').waitFor();
      await page.getByRole('button', { name: /部署 Deploy/ }).click();
      const result = page.getByRole('status').filter({ hasText: 'e2e-designer-demo' });
      await result.waitFor();

      // then the deploy is reported as a new version, and the api serves it
      expect(await result.textContent()).toContain('201');
      await screenshot(page, 'designer.png');
      const deployed = await get<DefinitionView>(designer.accessToken, '/api/definitions/e2e-designer-demo');
      expect(deployed.version).toBe(1);
      expect(deployed.xml).toContain('Task_Check');
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    });
  });
});
