import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loginAs } from './support/api';
import { baseUrl, launchChromium, screenshot, withWatchedPage } from './support/browser';

const FIXTURE = join(__dirname, 'designer-templates.e2e.bpmn');

/** The palette entry of a zone step template. */
const paletteEntry = (page: Page, templateId: string) => page.locator(`.djs-palette .entry[data-action="banjie-template-${templateId}"]`);

/** Places the shape the palette started creating at a point of the canvas. */
async function dropOnCanvas(page: Page, dx: number, dy: number): Promise<void> {
  const canvas = await page.locator('.djs-container').boundingBox();
  if (!canvas) throw new Error('the designer shows no canvas');
  await page.mouse.move(canvas.x + dx, canvas.y + dy, { steps: 5 });
  await page.mouse.click(canvas.x + dx, canvas.y + dy);
  // a named shape opens its label for editing: leave it as the template named it
  await page.keyboard.press('Escape');
}

/** The XML the designer's XML 源码 view shows now. */
async function shownXml(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'XML 源码 Source' }).click();
  return page.getByLabel('BPMN XML 源码 Source').inputValue();
}

describe('a designer draws zone steps from templates and finds what a refused deploy names', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('places a department review and a supplement wait from the palette, each with the limits, assignee and timer the engine reads', async () => {
    // given a designer of Linfen on a new diagram
    const designer = await loginAs('lf-designer');
    await withWatchedPage(browser, designer, 'failure-designer-templates.png', async ({ page, consoleErrors, failedCalls }) => {
      await page.goto(`${baseUrl()}/designer`);
      await page.locator('.djs-container').waitFor();
      await paletteEntry(page, 'banjie.department-review').waitFor();
      await screenshot(page, 'designer-templates-1-palette.png');

      // when the department review is taken from the palette and placed on the canvas
      await paletteEntry(page, 'banjie.department-review').click();
      await dropOnCanvas(page, 420, 220);
      const review = page.locator('g.djs-element.djs-shape', { hasText: '部门审查' });
      await review.waitFor();
      await review.click();

      // then the panel shows the template and the 办结 Banjie group its legal limit
      await page.locator('.bio-properties-panel-header', { hasText: '部门审查' }).waitFor();
      await page.locator('.bio-properties-panel-group-header', { hasText: '办结 Banjie' }).click();
      const limit = page.locator('#bio-properties-panel-banjie-legalLimit-workingDays');
      await limit.waitFor();
      expect(await limit.inputValue()).toBe('5');
      await screenshot(page, 'designer-templates-2-department-review.png');

      // when a supplement wait is taken from the palette and placed
      await paletteEntry(page, 'banjie.supplement-wait').click();
      await dropOnCanvas(page, 620, 220);
      await page.locator('g.djs-element.djs-shape', { hasText: '补正等待' }).waitFor();
      await screenshot(page, 'designer-templates-3-supplement-wait.png');

      // then the model holds both steps as the engine reads them, with the deadline attached
      const xml = await shownXml(page);
      await screenshot(page, 'designer-templates-4-xml-view.png');
      expect(xml).toMatch(/<zeebe:assignmentDefinition candidateGroups="approval"\s*\/>/);
      expect(xml).toMatch(/<banjie:legalLimit workingDays="5" escalateTo="leaders"\s*\/>/);
      expect(xml).toMatch(/<bpmn:receiveTask id="[^"]+" name="补正等待 Await supplement"/);
      expect(xml).toMatch(/<banjie:clockControl pause="true"\s*\/>/);
      expect(xml).toMatch(/<bpmn:boundaryEvent id="[^"]+" name="补正期限届满 Supplement lapsed"[^>]* attachedToRef="[^"]+"/);
      expect(xml).toMatch(/<banjie:workingDayTimer workingDays="5"\s*\/>/);
      expect(xml).not.toContain('<zeebe:property ');
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    });
  });

  it('applies a template to a drawn task from the properties panel', async () => {
    // given a designer with a plain task on the canvas
    const designer = await loginAs('lf-designer');
    await withWatchedPage(browser, designer, 'failure-designer-templates-panel.png', async ({ page, consoleErrors, failedCalls }) => {
      await page.goto(`${baseUrl()}/designer`);
      await page.locator('.djs-container').waitFor();
      await page.locator('.djs-palette .entry[data-action="create.task"]').click();
      await dropOnCanvas(page, 420, 220);
      const task = page.locator('g.djs-element.djs-shape[data-element-id^="Activity_"]').first();
      await task.waitFor();
      await task.click();

      // when the template chooser of the panel is opened and the leader sign-off chosen
      await page.locator('.bio-properties-panel-group-header', { hasText: 'Template' }).click();
      await page.getByRole('button', { name: 'Select' }).click();
      await page.locator('.djs-popup', { hasText: '选择模板 Choose a template' }).waitFor();
      await screenshot(page, 'designer-templates-5-chooser.png');
      await page.locator('.djs-popup .entry', { hasText: '领导签批 Leader sign-off' }).click();

      // then the task is a leader's user task with a two-day limit
      await page.locator('.bio-properties-panel-header', { hasText: '领导签批' }).waitFor();
      await screenshot(page, 'designer-templates-6-template-applied.png');
      const xml = await shownXml(page);
      expect(xml).toMatch(/<bpmn:userTask id="Activity_[^"]+"[^>]* zeebe:modelerTemplate="banjie.leader-sign-off"/);
      expect(xml).toMatch(/<zeebe:assignmentDefinition candidateGroups="leaders"\s*\/>/);
      expect(xml).toMatch(/<banjie:legalLimit workingDays="2"\s*\/>/);
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    });
  });

  it('selects the failing element on the canvas when the designer clicks a problem of a refused deploy', async () => {
    // given a designer with a model whose exclusive gateway has neither a default nor a condition on every flow
    const designer = await loginAs('lf-designer');
    await withWatchedPage(browser, designer, 'failure-designer-refused-selects.png', async ({ page, consoleErrors, failedCalls }) => {
      await page.goto(`${baseUrl()}/designer`);
      await page.locator('.djs-container').waitFor();
      await page.locator('input[type=file]').setInputFiles(FIXTURE);
      await page.locator('.source', { hasText: 'designer-templates.e2e.bpmn' }).waitFor();

      // when it is deployed and refused
      await page.getByRole('button', { name: /部署 Deploy/ }).click();
      await page.locator('p.error', { hasText: '422' }).waitFor();
      await screenshot(page, 'designer-templates-7-refused.png');

      // and the designer clicks the gateway named in the problems
      await page.getByRole('button', { name: '在图中选中 Select Gateway_Fork in the diagram' }).first().click();

      // then the gateway is selected on the canvas and shown in the panel
      await page.locator('g.djs-element.selected[data-element-id="Gateway_Fork"]').waitFor();
      await page.locator('.bio-properties-panel-header-label', { hasText: '齐全? Complete?' }).first().waitFor();
      await screenshot(page, 'designer-templates-8-gateway-selected.png');
      expect(failedCalls).toEqual(['POST /api/definitions → 422']);
      expect(consoleErrors.filter((message) => !message.includes('status of 422'))).toEqual([]);
    });
  });

  it('reports XML it cannot read in the XML view and keeps the diagram', async () => {
    // given a designer with the XML view open
    const designer = await loginAs('lf-designer');
    await withWatchedPage(browser, designer, 'failure-designer-bad-xml.png', async ({ page, consoleErrors, failedCalls }) => {
      await page.goto(`${baseUrl()}/designer`);
      await page.locator('.djs-container').waitFor();
      await page.locator('input[type=file]').setInputFiles(FIXTURE);
      await page.locator('.source', { hasText: 'designer-templates.e2e.bpmn' }).waitFor();
      const xml = await shownXml(page);

      // when the XML is broken and applied
      await page.getByLabel('BPMN XML 源码 Source').fill(xml.replace('</bpmn:process>', ''));
      await page.getByRole('button', { name: '应用到流程图 Apply to diagram' }).click();

      // then the designer names the problem and the diagram is unchanged
      await page.locator('p.error', { hasText: 'XML 无法读取' }).waitFor();
      await screenshot(page, 'designer-templates-9-bad-xml.png');
      await page.getByRole('button', { name: '流程图 Diagram' }).click();
      await page.locator('g.djs-element[data-element-id="Gateway_Fork"]').waitFor();
      expect(failedCalls).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  });
});
