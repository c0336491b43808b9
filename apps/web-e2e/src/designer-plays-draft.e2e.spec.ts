import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Request } from 'playwright-core';
import { loginAs, post } from './support/api';
import { baseUrl, launchChromium, screenshot, withWatchedPage } from './support/browser';

const KEY = 'e2e-play-draft';
const BPMN = readFileSync(join(__dirname, 'designer-plays-draft.e2e.bpmn'), 'utf8');
const FORMS = {
  'e2e-play-apply': { id: 'e2e-play-apply', type: 'default', components: [{ type: 'textfield', key: 'applicationNo', label: '申请编号 Application no.', validate: { required: true } }] },
  'e2e-play-review': { id: 'e2e-play-review', type: 'default', components: [{ type: 'textfield', key: 'opinion', label: '审查意见 Opinion' }] },
};

describe('a designer plays a flow in the designer before deploying it (试运行 Play)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('starts a test case through its start form, watches the deadline turn yellow and red, completes the task through its form, correlates the fee, and asks the server nothing', async () => {
    // given a designer of Linfen with the flow and its forms open in the designer
    const designer = await loginAs('lf-designer');
    await post(designer.accessToken, '/api/definitions', { xml: BPMN, forms: FORMS });
    await withWatchedPage(browser, designer, 'failure-designer-plays-draft.png', async ({ page, consoleErrors, failedCalls }) => {
      await page.goto(`${baseUrl()}/designer`);
      await page.locator('.djs-container').waitFor();
      await page.getByLabel('打开已部署 Open deployed').selectOption(KEY);
      await page.locator('.source', { hasText: KEY }).waitFor();
      const requests: string[] = [];
      const recordRequest = (request: Request) => requests.push(`${request.method()} ${request.url()}`);
      page.on('request', recordRequest);

      // when Play is opened
      await page.getByRole('button', { name: '试运行 Play' }).click();
      const play = page.locator('[data-testid=play]');
      const startForm = play.locator('[data-testid=play-start-form]');
      await startForm.getByLabel('申请编号 Application no.').waitFor();
      await screenshot(page, 'designer-plays-draft-1-start-form.png');

      // then a start without the required field is refused by the form
      await play.getByRole('button', { name: '启动测试案件 Start test case' }).click();
      await play.locator('[role=alert]', { hasText: 'The form has errors' }).waitFor();
      expect(await play.locator('[data-testid=play-status]').textContent()).toContain('未启动');
      await screenshot(page, 'designer-plays-draft-2-start-refused.png');

      // when the start form is filled and the test case started
      await startForm.getByLabel('申请编号 Application no.').fill('LF-TEST-7');
      await play.getByRole('button', { name: '启动测试案件 Start test case' }).click();

      // then the review is open with its 5-working-day deadline (Monday 2026-03-02 09:00 → end of 03-09), on time
      const task = play.locator('[data-testid=play-task]', { hasText: '窗口审查 Window review' });
      await task.waitFor();
      expect(await play.locator('[data-testid=play-clock]').textContent()).toContain('2026-03-02 09:00');
      expect(await task.textContent()).toContain('2026-03-09 24:00');
      expect(await task.textContent()).toContain('正常 On time');
      expect(await play.locator('[data-testid=play-status]').textContent()).toContain('运行中 running');
      await screenshot(page, 'designer-plays-draft-3-started.png');

      // when the test clock moves 4 working days
      await play.getByLabel('推进工作日 Working days').fill('4');
      await play.getByRole('button', { name: '推进时钟 Move clock' }).click();

      // then the deadline is yellow
      await task.filter({ hasText: '黄牌' }).waitFor();
      expect(await play.locator('[data-testid=play-clock]').textContent()).toContain('2026-03-07 00:00');
      await screenshot(page, 'designer-plays-draft-4-yellow.png');

      // when it moves 2 more: then it is red
      await play.getByLabel('推进工作日 Working days').fill('2');
      await play.getByRole('button', { name: '推进时钟 Move clock' }).click();
      await task.filter({ hasText: '红牌' }).waitFor();
      await screenshot(page, 'designer-plays-draft-5-red.png');

      // when the review is completed through its form
      await task.getByRole('button', { name: '办理 Complete' }).click();
      const taskForm = play.locator('[data-testid=play-task-form]');
      await taskForm.getByLabel('审查意见 Opinion').fill('材料齐全 Complete');
      await screenshot(page, 'designer-plays-draft-6-task-form.png');
      await taskForm.getByRole('button', { name: '完成任务 Complete task' }).click();

      // then the case waits for the fee, keyed by the application number of the start form
      const message = play.locator('[data-testid=play-message]', { hasText: 'fee-paid' });
      await message.waitFor();
      expect(await message.textContent()).toContain('LF-TEST-7');
      expect(await play.locator('[data-testid=play-task]').count()).toBe(0);
      await screenshot(page, 'designer-plays-draft-7-waits-for-fee.png');

      // when the fee message is sent: then the test case is completed, every step in the event list
      await message.getByRole('button', { name: '发送消息 Correlate' }).click();
      await play.locator('[data-testid=play-status]', { hasText: '已办结 completed' }).waitFor();
      const events = (await play.locator('[data-testid=play-events] li').allTextContents()).join('\n');
      expect(events).toMatch(/CaseStarted[\s\S]*TaskCreated[\s\S]*TaskCompleted[\s\S]*MessageCorrelated[\s\S]*CaseCompleted/);
      await screenshot(page, 'designer-plays-draft-8-completed.png');

      // and nothing of it reached the server
      page.off('request', recordRequest);
      expect(requests).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    });
  });

  it('lists the problems of a draft that cannot run and offers no start', async () => {
    // given a draft whose task links a form the flow does not have (opened from disk, without forms)
    const designer = await loginAs('lf-designer');
    await withWatchedPage(browser, designer, 'failure-designer-plays-draft-problems.png', async ({ page, consoleErrors, failedCalls }) => {
      await page.goto(`${baseUrl()}/designer`);
      await page.locator('.djs-container').waitFor();
      await page.locator('input[type=file][data-testid="open-file"]').setInputFiles(join(__dirname, 'designer-plays-draft.e2e.bpmn'));
      await page.locator('.source', { hasText: 'designer-plays-draft.e2e.bpmn' }).waitFor();

      // when Play is opened
      await page.getByRole('button', { name: '试运行 Play' }).click();

      // then the problems are listed, naming the missing form, and there is no start
      const play = page.locator('[data-testid=play]');
      await play.locator('bj-problem-list', { hasText: 'e2e-play-review' }).waitFor();
      expect(await play.getByRole('button', { name: '启动测试案件 Start test case' }).count()).toBe(0);
      await screenshot(page, 'designer-plays-draft-9-problems.png');
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    });
  });
});
