import type { Browser, Page } from 'playwright-core';
import type { CaseSummary, CaseView, TaskView } from '@banjie/contracts';
import { get, loginAs, post } from './support/api';
import { baseUrl, launchChromium, openPage, screenshot } from './support/browser';
import { eventually, workToEnd } from './support/cases';

const FLOW = 'linfen-123-closure';

/** The Linfen demo users who work each candidate group of the flow (bpmn/README.md). */
describe('an applicant applies, supplies material, sees the certificate and rates the service, in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('walks the Linfen 123 closure from the start form to the 好差评 rating', async () => {
    const { page, consoleErrors } = await openPage(browser);
    const failedCalls: string[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(`${baseUrl()}/api/`) && response.status() >= 400) failedCalls.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });

    try {
      // given the Linfen applicant signs in and lands on 我的申请
      await page.goto(`${baseUrl()}/`);
      await page.waitForURL(/\/login/);
      await page.locator('input[name=username]').fill('lf-applicant');
      await page.locator('input[name=password]').fill('banjie');
      await page.getByRole('button', { name: /登录/ }).click();
      await page.waitForURL(/\/my-applications/);
      await page.getByRole('heading', { name: /我的申请/ }).waitFor();
      expect(await page.locator('nav a').allTextContents()).toEqual(['我的申请 My applications']);
      await screenshot(page, 'applicant-1-landing.png');

      // when the applicant fills the application form of the Linfen flow and submits it
      const newApplication = page.locator('bj-new-application');
      await newApplication.locator('select').selectOption(FLOW);
      await newApplication.locator('.fjs-form').waitFor();
      await fillStartForm(page);
      await screenshot(page, 'applicant-2-start-form.png');
      await newApplication.getByRole('button', { name: /提交申请 Submit application/ }).click();
      const submitted = await page.getByRole('status').filter({ hasText: '已提交申请' }).textContent();
      const businessKey = /LF-\d{8}-[0-9A-Z]{4}/.exec(submitted ?? '')?.[0] ?? '';
      expect(businessKey).not.toBe('');
      const card = page.locator('bj-application-card', { hasText: businessKey });
      await card.locator('.steps', { hasText: '窗口完整性审查' }).waitFor();
      expect(await card.locator('bj-due-date').first().textContent()).toContain('截止');
      await screenshot(page, 'applicant-3-submitted.png');

      // and the window clerk finds the materials incomplete and sends the one-time notice (over HTTP)
      const clerk = (await loginAs('lf-clerk')).accessToken;
      const [summary] = await get<CaseSummary[]>(clerk, `/api/cases?businessKey=${businessKey}`);
      const started = await get<CaseView>(clerk, `/api/cases/${summary.id}`);
      expect(started.variables).toMatchObject({ applicantName: '临汾示范企业', projectName: '晋南新材料厂房' });
      await work(clerk, summary.id, 'Task_WindowCheck', { materialsComplete: false, windowCheckNote: '缺环评批复' });
      await work(clerk, summary.id, 'Task_OneTimeNotice', { missingMaterials: '环评批复、消防设计文件', noticeDelivered: true });

      // then the applicant sees the one-time notice and supplies the material in the browser
      await page.getByRole('button', { name: /刷新 Refresh/ }).click();
      const supplement = card.locator('.supplement');
      await supplement.locator('.notice', { hasText: '环评批复、消防设计文件' }).waitFor();
      await supplement.getByLabel(/补正材料说明 Supplied material/).fill('已补交环评批复和消防设计文件 Supplied');
      await screenshot(page, 'applicant-4-supplement.png');
      await supplement.getByRole('button', { name: /提交补正 Submit supplement/ }).click();
      await page.getByRole('status').filter({ hasText: '已提交补正' }).waitFor();
      await card.locator('.steps', { hasText: '窗口完整性审查' }).waitFor();
      expect(await card.locator('.supplement').count()).toBe(0);
      await screenshot(page, 'applicant-5-supplied.png');
      expect((await get<CaseView>(clerk, `/api/cases/${summary.id}`)).variables['suppliedMaterials']).toBe('已补交环评批复和消防设计文件 Supplied');

      // when the clerks and the leader work the case to its end (over HTTP)
      const ended = await workToEnd(summary.id);
      expect(ended.status).toBe('completed');
      const certificateNo = String(ended.variables['certificateNo']);
      expect(certificateNo).toMatch(/^LF-\d{8}-[0-9A-F]{8}$/);

      // then the applicant sees the result and the certificate number
      await page.getByRole('button', { name: /刷新 Refresh/ }).click();
      await card.locator('bj-case-status-chip', { hasText: '已办结' }).waitFor();
      expect(await card.locator('.results [data-key=certificateNo] dd').textContent()).toBe(certificateNo);
      expect(await card.locator('.results [data-key=approved] dd').textContent()).toBe('准予许可 Approved');
      await screenshot(page, 'applicant-6-result.png');

      // when the applicant rates the service with five stars and a comment
      const rating = card.locator('bj-service-rating');
      await rating.getByLabel(/5 非常满意/).check();
      await rating.getByLabel(/评价意见 Comment/).fill('办事快捷，一次办好 Fast and done in one go');
      await screenshot(page, 'applicant-7-rating.png');
      await rating.getByRole('button', { name: /提交评价 Submit rating/ }).click();

      // then the rating given is shown
      await page.getByRole('status').filter({ hasText: '感谢评价' }).waitFor();
      await rating.locator('.given', { hasText: '★★★★★' }).waitFor();
      expect(await rating.locator('.given').textContent()).toContain('办事快捷，一次办好');
      expect((await get<CaseView>(clerk, `/api/cases/${summary.id}`)).evaluation).toMatchObject({ rating: 5, userId: 'lf-applicant' });
      await screenshot(page, 'applicant-8-rated.png');

      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    } catch (error) {
      await screenshot(page, 'failure-applicant.png').catch(() => undefined);
      throw new Error(`${(error as Error).message}\nbrowser console errors: ${JSON.stringify(consoleErrors)}\nfailed api calls: ${JSON.stringify(failedCalls)}`);
    } finally {
      await page.close();
    }
  });
});

/** Fills the application form (lf-application) as an enterprise would. */
async function fillStartForm(page: Page): Promise<void> {
  const form = page.locator('bj-new-application .fjs-form');
  const values = ['临汾示范企业', '晋南新材料厂房', '0357-1234567'];
  const fields = await form.locator('.fjs-form-field-textfield input').all();
  for (const [index, input] of fields.entries()) await input.fill(values[index] ?? '材料 Materials');
  for (const area of await form.locator('.fjs-form-field-textarea textarea').all()) await area.fill('营业执照、用地批复 Licence, land approval');
}

/** Claims and completes the case's open task at the element, as the given user. */
async function work(token: string, caseId: string, elementId: string, variables: Record<string, unknown>): Promise<CaseView> {
  const task = await eventuallyTask(token, caseId, elementId);
  if (!task.assignee) await post(token, `/api/tasks/${task.id}/claim`, {});
  return post<CaseView>(token, `/api/tasks/${task.id}/complete`, { variables });
}

async function eventuallyTask(token: string, caseId: string, elementId: string): Promise<TaskView> {
  const view = await eventually(() => get<CaseView>(token, `/api/cases/${caseId}`), (v) => v.tasks.some((task) => task.elementId === elementId));
  return view.tasks.find((task) => task.elementId === elementId) as TaskView;
}

