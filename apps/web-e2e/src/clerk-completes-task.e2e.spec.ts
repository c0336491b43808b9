import type { Browser, Page } from 'playwright-core';
import { get, loginAs, startCase } from './support/api';
import { baseUrl, launchChromium, openPage, screenshot } from './support/browser';
import type { CaseView } from '@banjie/contracts';

const FLOW = 'linfen-123-closure';
const WINDOW_CHECK = 'Task_WindowCheck';

describe('a window clerk works the Linfen flow in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('claims and completes the completeness check, and the case page marks it completed', async () => {
    // given a Linfen case started over HTTP
    const businessKey = `E2E-${Date.now()}`;
    const { starter, started } = await startLinfenCase(businessKey);
    const { page, consoleErrors } = await openPage(browser);

    try {
      // when the clerk signs in, claims the task in the inbox, fills its form and completes it
      await signInThroughLoginPage(page, 'lf-clerk');
      await page.getByRole('tab', { name: /待认领/ }).click();
      const row = page.locator(`tr[data-element-id="${WINDOW_CHECK}"]`, { hasText: businessKey });
      await row.getByRole('button', { name: /认领 Claim/ }).click();
      await page.getByRole('status').filter({ hasText: '已认领' }).waitFor();
      const workbench = page.locator('bj-task-workbench');
      await workbench.locator('.actions button.primary:not([disabled])').waitFor();
      await fillTaskForm(page);
      await screenshot(page, 'inbox.png');
      await workbench.getByRole('button', { name: /办结 Complete/ }).click();
      await page.getByRole('status').filter({ hasText: '已办结' }).waitFor();

      // then the case page marks the completed element on the diagram
      await page.goto(`${baseUrl()}/cases/${started.id}`);
      const completedShape = page.locator(`g.djs-element[data-element-id="${WINDOW_CHECK}"]`);
      await completedShape.and(page.locator('.bj-completed')).waitFor({ timeout: 20_000 });
      expect(await completedShape.getAttribute('class')).toContain('bj-completed');
      await screenshot(page, 'case.png');

      const after = await get<CaseView>(starter.accessToken, `/api/cases/${started.id}`);
      expect(after.completed.map((element) => element.elementId)).toContain(WINDOW_CHECK);
      expect(after.tasks.map((task) => task.elementId)).not.toContain(WINDOW_CHECK);
    } catch (error) {
      await screenshot(page, 'failure-clerk.png').catch(() => undefined);
      throw new Error(`${(error as Error).message}\nbrowser console errors: ${JSON.stringify(consoleErrors)}`);
    } finally {
      await page.close();
    }
  });
});

/** The applicant starts the case; the window clerk does when the api lets only staff start it. */
async function startLinfenCase(businessKey: string) {
  const request = { definitionKey: FLOW, businessKey, variables: { applicantName: '临汾示范企业' } };
  const applicant = await loginAs('lf-applicant');
  try {
    return { starter: applicant, started: await startCase(applicant.accessToken, request) };
  } catch (error) {
    if (!String(error).includes('→ 403')) throw error;
    const clerk = await loginAs('lf-clerk');
    return { starter: clerk, started: await startCase(clerk.accessToken, request) };
  }
}

async function signInThroughLoginPage(page: Page, username: string): Promise<void> {
  await page.goto(`${baseUrl()}/inbox`);
  await page.waitForURL(/\/login/);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill('banjie');
  await page.getByRole('button', { name: /登录/ }).click();
  await page.waitForURL(/\/inbox/);
}

/** Fills whatever fields the task's form-js form (or the variables editor) shows. */
async function fillTaskForm(page: Page): Promise<void> {
  const form = page.locator('bj-task-form .fjs-form');
  await page.locator('bj-task-form .fjs-form, bj-variables-editor').first().waitFor();
  if ((await form.count()) === 0) {
    await page.locator('bj-variables-editor input').nth(0).fill('materialsComplete');
    await page.locator('bj-variables-editor input').nth(1).fill('true');
    return;
  }
  for (const checkbox of await form.locator('.fjs-form-field-checkbox input[type=checkbox]').all()) await checkbox.check();
  for (const group of await form.locator('.fjs-form-field-radio').all()) await group.locator('input[type=radio]').first().check();
  for (const input of await form.locator('.fjs-form-field-number input').all()) {
    if (!(await input.inputValue())) await input.fill('1');
  }
  for (const input of await form.locator('.fjs-form-field-textfield input, .fjs-form-field-textarea textarea').all()) {
    if (!(await input.inputValue())) await input.fill('材料齐全，予以受理 Complete');
  }
  // form-js draws selects as its own dropdown, not a native <select>.
  for (const field of await form.locator('.fjs-form-field-select').all()) {
    await field.locator('.fjs-input-group').click();
    await field.locator('.fjs-dropdownlist-item').first().click();
  }
}
