import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DefinitionView, DeploymentView } from '@banjie/contracts';
import { get, loginAs, post, startCase } from './support/api';
import { baseUrl, launchChromium, screenshot, withWatchedPage } from './support/browser';

const KEY = 'e2e-decision-route';
const BPMN = readFileSync(join(__dirname, 'designer-decisions.e2e.bpmn'), 'utf8');
const DMN = readFileSync(join(__dirname, 'designer-decisions.e2e.dmn'), 'utf8');

/** Opens the latest deployed version of a flow from the designer's toolbar. */
async function openDeployed(page: Page, key: string): Promise<void> {
  await page.getByLabel('打开已部署 Open deployed').selectOption(key);
  await page.locator('.source', { hasText: key }).waitFor();
}

/** The open task of a case started with `area` (m²) on the latest version of the flow. */
async function laneFor(clerkToken: string, area: number): Promise<string[]> {
  const started = await startCase(clerkToken, { definitionKey: KEY, variables: { area } });
  return started.tasks.map((task) => task.elementId);
}

/** Replaces the text of a contenteditable cell of the dmn-js decision table. */
async function editCell(page: Page, cell: ReturnType<Page['locator']>, text: string): Promise<void> {
  await cell.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  // leave the cell so that the table keeps the edit
  await page.locator('.decision-list').click({ position: { x: 5, y: 5 } });
}

describe('a designer edits the DMN decision table of a flow and deploys it with the flow', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the flow’s decision in the dmn-js table, edits a rule, deploys, and a case then takes the path the new rule decides', async () => {
    // given a flow of Linfen whose business rule task routes sites under 1000 m² to the fast review
    const designer = await loginAs('lf-designer');
    const clerk = await loginAs('lf-clerk');
    await post<DeploymentView>(designer.accessToken, '/api/definitions', { xml: BPMN, decisions: { 'review-lanes.dmn': DMN } });
    expect(await laneFor(clerk.accessToken, 5000)).toEqual(['FullReview']);

    await withWatchedPage(browser, designer, 'failure-designer-decisions.png', async ({ page, consoleErrors, failedCalls }) => {
      await page.goto(`${baseUrl()}/designer`);
      await page.locator('.djs-container').waitFor();
      await openDeployed(page, KEY);
      await page.locator(`g.djs-element[data-element-id="Decide"]`).waitFor();
      await screenshot(page, 'designer-decisions-1-flow.png');

      // when the designer opens 决策 Decisions and the review lane decision
      await page.getByRole('button', { name: '决策 Decisions (1)' }).click();
      await page.getByRole('button', { name: /审查路径 Review lane/ }).click();
      const table = page.locator('.dmn-decision-table-container');
      await table.waitFor();
      await page.locator('.tjs-table td.input-cell', { hasText: '< 1000' }).waitFor();
      await screenshot(page, 'designer-decisions-2-table.png');

      // and changes the fast lane's rule to sites under 10000 m²
      await editCell(page, page.locator('.tjs-table td.input-cell', { hasText: '< 1000' }).first(), '< 10000');
      await page.locator('.tjs-table td.input-cell', { hasText: '< 10000' }).waitFor();
      await page.locator('.dirty').waitFor();
      await screenshot(page, 'designer-decisions-3-edited.png');

      // and deploys
      await page.getByRole('button', { name: /部署 Deploy/ }).click();
      const result = page.getByRole('status').filter({ hasText: KEY });
      await result.waitFor();
      await screenshot(page, 'designer-decisions-4-deployed.png');

      // then a new version is deployed with the edited table, and a 5000 m² site now takes the fast review
      expect(await result.textContent()).toContain('201');
      const deployed = await get<DefinitionView>(designer.accessToken, `/api/definitions/${KEY}`);
      expect(deployed.version).toBe(2);
      expect(deployed.decisions?.['review-lanes.dmn']).toContain('&lt; 10000');
      expect(await laneFor(clerk.accessToken, 5000)).toEqual(['FastReview']);
      expect(await laneFor(clerk.accessToken, 50000)).toEqual(['FullReview']);
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    });
  });

  it('adds a new decision table from the template to a flow and deploys them together', async () => {
    // given the designer on the flow with its decision
    const designer = await loginAs('lf-designer');
    await withWatchedPage(browser, designer, 'failure-designer-decisions-new.png', async ({ page, consoleErrors, failedCalls }) => {
      await page.goto(`${baseUrl()}/designer`);
      await page.locator('.djs-container').waitFor();
      await openDeployed(page, KEY);
      await page.getByRole('button', { name: '决策 Decisions (1)' }).click();

      // when a decision table "fee-tier" is created
      await page.getByLabel('新决策编号 New decision id').fill('fee-tier');
      await page.getByRole('button', { name: '新建决策表 New decision table' }).click();
      await page.locator('.dmn-decision-table-container').waitFor();
      await page.locator('button.decision.active', { hasText: 'fee-tier' }).waitFor();
      await screenshot(page, 'designer-decisions-5-new-table.png');

      // and the flow is deployed
      await page.getByRole('button', { name: /部署 Deploy/ }).click();
      const result = page.getByRole('status').filter({ hasText: KEY });
      await result.waitFor();
      await screenshot(page, 'designer-decisions-6-deployed-with-new.png');

      // then both DMN files deploy with the flow
      const deployed = await get<DefinitionView>(designer.accessToken, `/api/definitions/${KEY}`);
      expect(Object.keys(deployed.decisions ?? {}).sort()).toEqual(['fee-tier.dmn', 'review-lanes.dmn']);
      expect(await page.getByRole('button', { name: '决策 Decisions (2)' }).count()).toBe(1);
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    });
  });
});
