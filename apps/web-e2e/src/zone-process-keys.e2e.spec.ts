import type { Browser, Page } from 'playwright-core';
import type { CaseSummary, CaseView, DeploymentView } from '@banjie/contracts';
import { get, loginAs, post } from './support/api';
import { baseUrl, launchChromium, screenshot, withWatchedPage } from './support/browser';
import { eventually, zoneFlowRenamed } from './support/cases';

/** Linfen's flow key, which Changzi deploys as its own flow here. */
const KEY = 'linfen-123-closure';
const CZ_NAME = '长子 同键流程 Changzi flow under the same key';

describe("process keys belong to their zone: Changzi's flow under Linfen's key, in the browser", () => {
  let browser: Browser;
  let deployed: DeploymentView;

  beforeAll(async () => {
    browser = await launchChromium();
    // given the Changzi designer deployed a flow under the key Linfen uses (over HTTP: the designer's own journey has its tests)
    deployed = await post<DeploymentView>((await loginAs('cz-designer')).accessToken, '/api/definitions', zoneFlowRenamed(KEY, CZ_NAME));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("a Changzi applicant applies under Changzi's flow, a Linfen applicant still sees Linfen's, and the auditor opens the Changzi case on its diagram", async () => {
    expect(deployed.key).toBe(KEY);
    let businessKey = '';

    await withWatchedPage(browser, await loginAs('cz-applicant'), 'zone-keys-failure-cz.png', async ({ page, consoleErrors, failedCalls }) => {
      // when the Changzi applicant chooses the flow in 我的申请 and submits the start form
      await page.goto(`${baseUrl()}/my-applications`);
      await page.getByRole('heading', { name: /我的申请/ }).waitFor();
      const newApplication = page.locator('bj-new-application');
      await newApplication.locator('select').selectOption(KEY);
      expect(await newApplication.locator(`select option[value="${KEY}"]`).textContent()).toBe(CZ_NAME);
      await newApplication.locator('.fjs-form').waitFor();
      await fillStartForm(page);
      await screenshot(page, 'zone-keys-1-changzi-start-form.png');
      await newApplication.getByRole('button', { name: /提交申请 Submit application/ }).click();
      const submitted = await page.getByRole('status').filter({ hasText: '已提交申请' }).textContent();
      businessKey = /CZ-\d{8}-[0-9A-Z]{4}/.exec(submitted ?? '')?.[0] ?? '';
      await page.locator('bj-application-card', { hasText: businessKey }).waitFor();
      await screenshot(page, 'zone-keys-2-changzi-submitted.png');

      // then the case is Changzi's, on Changzi's version of the key
      expect(businessKey).not.toBe('');
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    });

    await withWatchedPage(browser, await loginAs('lf-applicant'), 'zone-keys-failure-lf.png', async ({ page, consoleErrors, failedCalls }) => {
      // when the Linfen applicant opens 我的申请
      await page.goto(`${baseUrl()}/my-applications`);
      await page.getByRole('heading', { name: /我的申请/ }).waitFor();
      const option = page.locator(`bj-new-application select option[value="${KEY}"]`);
      await option.waitFor({ state: 'attached' });
      await screenshot(page, 'zone-keys-3-linfen-flow-unchanged.png');

      // then the key is Linfen's own flow, with its Linfen name
      expect(await option.textContent()).toMatch(/^临汾经开区 123办结制/);
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    });

    const auditor = await loginAs('auditor');
    const [summary] = await eventually(() => get<CaseSummary[]>(auditor.accessToken, `/api/cases?businessKey=${businessKey}`), (found) => found.length === 1);
    const changziCase = await get<CaseView>(auditor.accessToken, `/api/cases/${summary.id}`);
    expect([changziCase.zoneId, changziCase.definitionKey, changziCase.version]).toEqual(['cz', KEY, deployed.version]);

    await withWatchedPage(browser, auditor, 'zone-keys-failure-auditor.png', async ({ page, consoleErrors, failedCalls }) => {
      // when the province auditor opens the Changzi case (two zones have its key)
      await page.goto(`${baseUrl()}/cases/${summary.id}`);
      await page.locator('.bj-active').first().waitFor({ timeout: 20_000 });
      await page.getByText(businessKey).first().waitFor();
      await screenshot(page, 'zone-keys-4-auditor-changzi-case.png');

      // then the diagram of Changzi's version is drawn, with the open window check marked, and no call failed
      expect(await page.locator('[data-element-id="Task_WindowCheck"].bj-active').count()).toBe(1);
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    });
  });
});

/** Fills the Linfen application form's text fields and text areas, as the applicant journey does. */
async function fillStartForm(page: Page): Promise<void> {
  const form = page.locator('bj-new-application .fjs-form');
  const values = ['长子示范企业', '长子新材料厂房', '0355-1234567'];
  const fields = await form.locator('.fjs-form-field-textfield input').all();
  for (const [index, input] of fields.entries()) await input.fill(values[index] ?? '材料 Materials');
  for (const area of await form.locator('.fjs-form-field-textarea textarea').all()) await area.fill('营业执照、用地批复 Licence, land approval');
}
