import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { CaseView, IncidentView } from '@banjie/contracts';
import { get, loginAs, post } from './support/api';
import { baseUrl, launchChromium, openPage, screenshot, watchFailedApiCalls } from './support/browser';

/** A flow whose fee script (`=area * 2.5`) fails while the case has no `area`; its next step is 复核规费. */
const FIXTURE = readFileSync(join(__dirname, 'admin-repairs-incident.e2e.bpmn'), 'utf8');
const FLOW = 'e2e-incident-repair';

describe('an admin repairs a case stuck on an incident', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    const designer = await loginAs('lf-designer');
    await post(designer.accessToken, '/api/definitions', { xml: FIXTURE });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lands on 运维 Operations, fixes the variable, retries, and the case goes on to its next step', async () => {
    // given a Linfen case stuck at its fee script
    const businessKey = `E2E-OPS-${Date.now()}`;
    const clerk = await loginAs('lf-clerk');
    const stuck = await post<CaseView>(clerk.accessToken, '/api/cases', { definitionKey: FLOW, businessKey });
    expect(stuck.incidents.map((incident) => incident.elementId)).toEqual(['Task_Fee']);
    const { page, consoleErrors } = await openPage(browser);
    const failedCalls = watchFailedApiCalls(page);

    try {
      // when the province admin signs in
      await page.goto(`${baseUrl()}/login`);
      await page.locator('input[name=username]').fill('admin');
      await page.locator('input[name=password]').fill('banjie');
      await page.getByRole('button', { name: /登录/ }).click();

      // then the admin lands on 运维 Operations and sees the incident
      await page.waitForURL(/\/operations$/);
      const row = page.locator('tr[data-incident-id]', { hasText: businessKey });
      await row.waitFor();
      expect(await row.textContent()).toContain('Task_Fee');
      await screenshot(page, 'operations-1-incidents.png');

      // when the admin opens the repair, sets the missing variable and retries
      await row.getByRole('button', { name: /处理 Repair/ }).click();
      const repair = page.locator('bj-incident-repair');
      await repair.locator('bj-variables-editor').waitFor();
      await repair.getByLabel('变量名 Variable name').last().fill('area');
      await repair.getByLabel('值 Value').last().fill('1200');
      await screenshot(page, 'operations-2-variable-fixed.png');
      await repair.getByRole('button', { name: /重试 Retry/ }).click();

      // then the page says the case goes on, at its next step
      const notice = page.getByRole('status').filter({ hasText: '已重试' });
      await notice.waitFor();
      expect(await notice.textContent()).toContain('复核规费');
      await page.locator('tr[data-incident-id]', { hasText: businessKey }).waitFor({ state: 'detached' });
      await screenshot(page, 'operations-3-retried.png');

      // when the admin opens the case
      await notice.getByRole('link', { name: /查看案件 Open case/ }).click();

      // then the case page shows the next step open and the fee computed
      await page.waitForURL(new RegExp(`/cases/${stuck.id}$`));
      await page.locator('.task[data-element-id="Task_Review"]').waitFor();
      await screenshot(page, 'operations-4-case-goes-on.png');
      const after = await get<CaseView>(clerk.accessToken, `/api/cases/${stuck.id}`);
      expect(after.incidents).toEqual([]);
      expect(after.variables).toMatchObject({ area: 1200, fee: 3000 });
      const open = await get<IncidentView[]>((await loginAs('lf-leader')).accessToken, '/api/incidents');
      expect(open.map((incident) => incident.caseId)).not.toContain(stuck.id);
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    } catch (error) {
      await screenshot(page, 'failure-operations.png').catch(() => undefined);
      throw new Error(`${(error as Error).message}\nbrowser console errors: ${JSON.stringify(consoleErrors)}\nfailed api calls: ${JSON.stringify(failedCalls)}`);
    } finally {
      await page.close();
    }
  });
});

