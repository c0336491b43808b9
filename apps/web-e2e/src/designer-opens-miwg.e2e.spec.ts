import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loginAs } from './support/api';
import { baseUrl, launchChromium, screenshot, withWatchedPage } from './support/browser';

const MIWG = '/work/shared/conformance/bpmn-miwg';
const MODELS = readdirSync(MIWG).filter((name) => name.endsWith('.bpmn')).sort();

describe('the designer opens every BPMN MIWG model', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the 21 reference models without an error, and one stripped of its diagram laid out', async () => {
    // given a designer of Linfen, and C.8.0 without its diagram interchange
    const designer = await loginAs('lf-designer');
    const stripped = join(mkdtempSync(join(tmpdir(), 'banjie-miwg-')), 'C.8.0-without-di.bpmn');
    writeFileSync(stripped, readFileSync(join(MIWG, 'C.8.0.bpmn'), 'utf8').replace(/<(\w+:)?BPMNDiagram[\s\S]*<\/(\w+:)?BPMNDiagram>/, ''));
    const opened: string[] = [];

    await withWatchedPage(browser, designer, 'failure-designer-miwg.png', async ({ page, consoleErrors, failedCalls }) => {
      await page.goto(`${baseUrl()}/designer`);
      await page.locator('.djs-container').waitFor();

      // when each model is opened from disk
      for (const name of MODELS) {
        await page.locator('input[type=file]').setInputFiles(join(MIWG, name));
        await page.locator('.source', { hasText: name }).waitFor();
        if ((await page.locator('p.error').count()) === 0) opened.push(name);
      }
      await screenshot(page, 'designer-miwg-1-last-model.png');
      await page.locator('input[type=file]').setInputFiles(stripped);
      await page.locator('.source', { hasText: 'C.8.0-without-di.bpmn' }).waitFor();
      await page.locator('g.djs-shape').first().waitFor();
      await screenshot(page, 'designer-miwg-2-laid-out-without-di.png');

      // then every model opened, the stripped one has shapes again, and nothing failed
      expect(MODELS).toHaveLength(21);
      expect(opened).toEqual(MODELS);
      expect(await page.locator('p.error').count()).toBe(0);
      expect(await page.locator('g.djs-shape').count()).toBeGreaterThan(3);
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    });
  });
});
