import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DefinitionView } from '@banjie/contracts';
import { get, loginAs } from './support/api';
import { baseUrl, launchChromium, screenshot, withWatchedPage } from './support/browser';

const FIXTURE = join(__dirname, 'designer-banjie-properties.e2e.bpmn');
const KEY = 'e2e-designer-banjie';

/** The lint overlay bpmn-js-bpmnlint puts on an element of the canvas. */
const lintOverlay = (page: Page, elementId: string, level: 'warning' | 'error') =>
  page.locator(`.djs-overlays[data-container-id="${elementId}"] .bjsl-overlay .bjsl-icon-${level}`);

describe('a designer sets a legal limit in the 办结 Banjie group, builds a form and deploys', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens a model without diagram interchange laid out, sees the missing limit on the canvas, sets it, links a new form, deploys both, withdraws and restores the flow', async () => {
    // given a designer of Linfen signed in
    const designer = await loginAs('lf-designer');
    await withWatchedPage(browser, designer, 'failure-designer-banjie.png', async ({ page, consoleErrors, failedCalls }) => {
      // when a model without diagram interchange is opened
      await page.goto(`${baseUrl()}/designer`);
      await page.locator('.djs-container').waitFor();
      await page.locator('input[type=file]').setInputFiles(FIXTURE);
      await page.locator('.source', { hasText: 'designer-banjie-properties.e2e.bpmn' }).waitFor();

      // then it is laid out, and the canvas warns that its user task has no legal limit
      const task = page.locator('g.djs-element[data-element-id="Task_Review"]');
      await task.waitFor();
      await lintOverlay(page, 'Task_Review', 'warning').waitFor();
      await screenshot(page, 'designer-banjie-1-opened-without-di.png');

      // when the designer selects the task and sets its legal limit in the 办结 Banjie group
      await task.click();
      const group = page.locator('.bio-properties-panel-group-header', { hasText: '办结 Banjie' });
      await group.waitFor();
      await group.click();
      const limit = page.locator('#bio-properties-panel-banjie-legalLimit-workingDays');
      await limit.waitFor();
      await limit.fill('5');
      await page.locator('#bio-properties-panel-banjie-legalLimit-escalateTo').fill('leader');
      await page.getByText('未部署的修改 unsaved changes').waitFor();

      // then the warning leaves the canvas
      await lintOverlay(page, 'Task_Review', 'warning').waitFor({ state: 'detached' });
      await screenshot(page, 'designer-banjie-2-legal-limit-set.png');

      // when a form is created in the form editor and linked to the task
      await page.getByRole('button', { name: /表单 Forms/ }).click();
      await page.getByLabel('新表单编号 New form id').fill('e2e-review-form');
      await page.getByRole('button', { name: '新建表单 New form' }).click();
      await page.locator('.fjs-editor-container').waitFor();
      // form-js drags with dragula: press on the palette entry, move in steps onto the empty form, release
      const from = await page.locator('.fjs-palette-field[data-field-type="textfield"]').boundingBox();
      const to = await page.locator('.fjs-empty-editor').boundingBox();
      if (!from || !to) throw new Error('the form editor shows no palette or no empty form');
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 3, { steps: 15 });
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 3 + 5, { steps: 5 });
      await page.mouse.up();
      await page.locator('.fjs-editor-container .fjs-form-field-textfield').first().waitFor();
      await screenshot(page, 'designer-banjie-3-form-edited.png');
      await page.getByLabel('关联到 Link to').selectOption('Task_Review');
      await page.locator('.linked code', { hasText: 'Task_Review' }).waitFor();
      await page.getByRole('button', { name: '预览 Preview' }).click();
      await page.locator('.viewer .fjs-form-field-textfield').waitFor();
      await screenshot(page, 'designer-banjie-4-form-preview.png');
      await page.getByRole('button', { name: /流程图 Diagram/ }).click();

      // when it is deployed
      await page.getByRole('button', { name: /部署 Deploy/ }).click();
      const result = page.getByRole('status').filter({ hasText: KEY });
      await result.waitFor();
      await screenshot(page, 'designer-banjie-5-deployed.png');

      // then the api serves the version with the limit, and nothing failed on the way
      expect(await result.textContent()).toContain('201');
      const deployed = await get<DefinitionView>(designer.accessToken, `/api/definitions/${KEY}`);
      expect(deployed.version).toBe(1);
      expect(deployed.xml).toMatch(/<banjie:legalLimit workingDays="5" escalateTo="leader"\s*\/>/);
      expect(deployed.xml).toContain('bpmndi:BPMNShape');
      expect(deployed.xml).toMatch(/<zeebe:formDefinition formId="e2e-review-form"\s*\/>/);
      expect(deployed.forms['e2e-review-form']).toMatchObject({ id: 'e2e-review-form', components: [expect.objectContaining({ type: 'textfield' })] });

      // when the designer withdraws the flow, then restores it
      await page.locator('.versions select').filter({ hasText: 'v1 · 运行中 0 running' }).waitFor();
      await page.getByRole('button', { name: '撤回 Withdraw' }).click();
      await page.getByText('已撤回 Withdrawn').waitFor();
      await screenshot(page, 'designer-banjie-6-withdrawn.png');
      const whileWithdrawn = await get<{ key: string; withdrawn?: boolean }[]>(designer.accessToken, '/api/definitions');
      await page.getByRole('button', { name: '恢复 Restore' }).click();
      await page.getByRole('button', { name: '撤回 Withdraw' }).waitFor();
      await screenshot(page, 'designer-banjie-7-restored.png');

      // then the list showed it withdrawn, and serves it restored
      expect(whileWithdrawn.find((d) => d.key === KEY)?.withdrawn).toBe(true);
      const restored = await get<{ key: string; withdrawn?: boolean }[]>(designer.accessToken, '/api/definitions');
      expect(restored.find((d) => d.key === KEY)?.withdrawn).toBeUndefined();
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    });
  });
});
