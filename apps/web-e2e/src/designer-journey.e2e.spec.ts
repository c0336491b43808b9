import type { Browser, Page } from 'playwright-core';
import { createWorkingCalendar } from '@banjie/calendar';
import type { CaseView, DefinitionView } from '@banjie/contracts';
import { get, loginAs } from './support/api';
import { launchChromium, screenshot, signIn, withWatchedPage } from './support/browser';
import { appendFrom, contextPadEntry, dragFormField, fillPanelField, openPanelGroup, selectedShapeId, shapeOf } from './journeys/designer-canvas';
import { beijingInstant, shownDeadline, zoneCalendar } from './journeys/zone-deadline';

/** A key no earlier run of the suite's api has deployed. */
const KEY = `e2e-journey-${Date.now().toString(36)}`;
const FLOW_NAME = '设计旅程 Designer journey';
const TASK_ID = 'Task_WindowReview';
const TASK_NAME = '窗口审查 Window review';
/** The group of the Linfen window, where 王丽 (lf-clerk) works. */
const WINDOW_GROUP = 'window';
const END_NAME = '办结 Closed';
const LIMIT_WORKING_DAYS = 3;
const FORM_ID = `${KEY}-review`;
/** The label form-js gives a text field dropped from its palette. */
const FIELD_LABEL = 'Text field';

describe('a designer draws, plays and deploys a flow, and a clerk works it', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws a user task with a 3-working-day limit and its form, plays it, deploys it, and the clerk sees the task with that limit in the inbox', async () => {
    await withWatchedPage(browser, undefined, 'failure-designer-journey.png', async ({ page, consoleErrors, failedCalls }) => {
      // given the Linfen designer signed in through the login page, on a new diagram
      await signIn(page, 'lf-designer');
      await page.getByRole('link', { name: '流程设计 Designer' }).click();
      await page.locator('.djs-container').waitFor();
      await page.getByRole('button', { name: '新建 New' }).click();
      await shapeOf(page, 'StartEvent_1').waitFor();
      await screenshot(page, 'designer-journey-01-new.png');

      // when the process is named in the panel
      const canvas = await page.locator('.djs-container').boundingBox();
      if (!canvas) throw new Error('the designer shows no canvas');
      await page.mouse.click(canvas.x + canvas.width - 60, canvas.y + canvas.height - 60);
      await fillPanelField(page, 'id', KEY);
      await fillPanelField(page, 'name', FLOW_NAME);

      // and start → user task → end is drawn with the context pad
      const taskId = await appendFrom(page, 'StartEvent_1', 'append.append-task');
      await contextPadEntry(page, 'replace');
      await page.locator('.djs-popup .entry[data-id="replace-with-user-task"]').click();
      await shapeOf(page, taskId).and(page.locator('.selected')).waitFor();
      const endId = await appendFrom(page, taskId, 'append.end-event');
      await fillPanelField(page, 'name', END_NAME);
      await screenshot(page, 'designer-journey-02-drawn.png');

      // and the user task gets its id, name, the window's group and a legal limit of 3 working days in the panel
      await shapeOf(page, taskId).click();
      await fillPanelField(page, 'id', TASK_ID);
      await fillPanelField(page, 'name', TASK_NAME);
      await openPanelGroup(page, 'Assignment');
      await fillPanelField(page, 'assignmentDefinitionCandidateGroups', WINDOW_GROUP);
      await openPanelGroup(page, '办结 Banjie');
      await fillPanelField(page, 'banjie-legalLimit-workingDays', String(LIMIT_WORKING_DAYS));
      await page.locator('.djs-overlays[data-container-id="' + TASK_ID + '"] .bjsl-overlay').waitFor({ state: 'detached' });
      await screenshot(page, 'designer-journey-03-task-limit.png');

      // then the canvas holds the three shapes, the task under its new id, with no lint error
      expect(await selectedShapeId(page)).toBe(TASK_ID);
      await shapeOf(page, endId).waitFor();
      expect(await page.locator('.bjsl-overlay .bjsl-icon-error').count()).toBe(0);

      // when a form is built in the form editor from the palette and linked to the task
      await page.getByRole('button', { name: /表单 Forms/ }).click();
      await page.getByLabel('新表单编号 New form id').fill(FORM_ID);
      await page.getByRole('button', { name: '新建表单 New form' }).click();
      await page.locator('.fjs-editor-container').waitFor();
      await dragFormField(page, 'textfield');
      await page.locator('.fjs-editor-container .fjs-form-field-textfield', { hasText: FIELD_LABEL }).waitFor();
      await page.getByLabel('关联到 Link to').selectOption(TASK_ID);
      await page.locator('.linked code', { hasText: TASK_ID }).waitFor();
      await screenshot(page, 'designer-journey-04-form.png');

      // and the draft is played in the browser
      await playsTheDraft(page);

      // when the flow is deployed
      await page.getByRole('button', { name: /流程图 Diagram/ }).click();
      await page.getByRole('button', { name: /部署 Deploy|发布 Deploy/ }).click();
      const deployed = page.getByRole('status').filter({ hasText: KEY });
      await deployed.waitFor();
      await screenshot(page, 'designer-journey-09-deployed.png');

      // then it is version 1 with no problem, holding the limit, the group and the form
      expect(await deployed.textContent()).toContain('201');
      expect(await page.locator('.messages bj-problem-list li').count()).toBe(0);
      const designer = await loginAs('lf-designer');
      const definition = await get<DefinitionView>(designer.accessToken, `/api/definitions/${KEY}`);
      expect(definition.version).toBe(1);
      expect(definition.name).toBe(FLOW_NAME);
      expect(definition.xml).toMatch(new RegExp(`<banjie:legalLimit workingDays="${LIMIT_WORKING_DAYS}"\\s*/>`));
      expect(definition.xml).toMatch(new RegExp(`<zeebe:assignmentDefinition candidateGroups="${WINDOW_GROUP}"\\s*/>`));
      expect(definition.xml).toMatch(new RegExp(`<zeebe:formDefinition formId="${FORM_ID}"\\s*/>`));
      expect(definition.forms[FORM_ID]).toMatchObject({ components: [expect.objectContaining({ type: 'textfield', label: FIELD_LABEL })] });

      // when the designer signs out and 王丽 of the window signs in and starts a case of the new flow
      await page.getByRole('button', { name: '退出 Sign out' }).click();
      await page.waitForURL(/\/login/);
      await signIn(page, 'lf-clerk');
      await page.getByRole('link', { name: '案件 Cases' }).click();
      const businessKey = `E2E-JOURNEY-${Date.now().toString(36).toUpperCase()}`;
      const startForm = page.locator('form.start');
      await startForm.getByLabel('流程 Flow').selectOption(KEY);
      await startForm.getByLabel('业务编号 Business key').fill(businessKey);
      await screenshot(page, 'designer-journey-10-clerk-starts.png');
      await page.getByRole('button', { name: '发起 Start case' }).click();
      await page.waitForURL(/\/cases\/[^/]+$/);
      const caseId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');

      // and opens the inbox's 待认领 To claim queue
      await page.getByRole('link', { name: '待办 Inbox' }).click();
      await page.getByRole('tab', { name: /待认领/ }).click();
      const row = page.locator(`tr[data-element-id="${TASK_ID}"]`, { hasText: businessKey });
      await row.waitFor();
      await screenshot(page, 'designer-journey-11-clerk-inbox.png');

      // then the task is there, with its 3-working-day limit and the deadline the zone calendar gives
      const clerk = await loginAs('lf-clerk');
      const started = await get<CaseView>(clerk.accessToken, `/api/cases/${encodeURIComponent(caseId)}`);
      const task = started.tasks.find((open) => open.elementId === TASK_ID);
      if (!task) throw new Error(`case ${caseId} has no open ${TASK_ID}`);
      const calendar = await calendarAround(task.createdAt);
      const rowText = (await row.textContent()) ?? '';
      expect(rowText).toContain(TASK_NAME);
      expect(rowText).toContain(`时限 ${LIMIT_WORKING_DAYS} 工作日`);
      expect(rowText).toContain(`截止 ${shownDeadline(calendar.addWorkingDays(task.createdAt, LIMIT_WORKING_DAYS))}`);
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    });
  });
});

/**
 * 试运行 Play: a test case whose task shows its deadline and is completed through its form, then a
 * second one left 4 working days on the test clock until its task is red; no request is made.
 */
async function playsTheDraft(page: Page): Promise<void> {
  // nothing may reach the server while playing
  const playRequests: string[] = [];
  const recordRequest = (request: { url(): string; method(): string }) => playRequests.push(`${request.method()} ${request.url()}`);
  page.on('request', recordRequest);
  await page.getByRole('button', { name: '试运行 Play' }).click();
  const play = page.locator('[data-testid=play]');
  await play.waitFor();
  await play.getByRole('button', { name: '启动测试案件 Start test case' }).click();
  const playTask = play.locator('[data-testid=play-task]', { hasText: TASK_NAME });
  await playTask.waitFor();
  const playStart = beijingInstant((await play.locator('[data-testid=play-clock]').textContent()) ?? '');
  // Play counts on the national calendar the web app ships: it asks the server nothing, not even the zone's own days
  const playCalendar = createWorkingCalendar();
  await screenshot(page, 'designer-journey-05-play-started.png');

  // then the test task shows the deadline 3 working days after the start, on time
  expect(await playTask.textContent()).toContain(shownDeadline(playCalendar.addWorkingDays(playStart, LIMIT_WORKING_DAYS)));
  expect(await playTask.textContent()).not.toMatch(/黄|红/);

  // when it is completed through its form
  await playTask.getByRole('button', { name: '办理 Complete' }).click();
  const playForm = play.locator('[data-testid=play-task-form]');
  await playForm.getByLabel(FIELD_LABEL).fill('材料齐全 Complete');
  await screenshot(page, 'designer-journey-06-play-form.png');
  await playForm.getByRole('button', { name: '完成任务 Complete task' }).click();

  // then the test case is completed, and the event list says so
  await play.locator('[data-testid=play-status]', { hasText: '已办结' }).waitFor();
  const events = await play.locator('[data-testid=play-events] li').allTextContents();
  expect(events.join('\n')).toMatch(/CaseStarted[\s\S]*TaskCompleted[\s\S]*CaseCompleted/);
  await screenshot(page, 'designer-journey-07-play-completed.png');

  // when a second test case waits 4 working days on the test clock
  await play.getByRole('button', { name: '重新开始 Restart' }).click();
  await play.getByRole('button', { name: '启动测试案件 Start test case' }).click();
  await playTask.waitFor();
  await play.getByLabel('推进工作日 Working days').fill('4');
  await play.getByRole('button', { name: '推进时钟 Move clock' }).click();

  // then its task is red, the 3 working days over, after the yellow warning on the way
  await playTask.filter({ hasText: /红/ }).waitFor();
  expect(await play.locator('[data-testid=play-events] li', { hasText: 'DeadlineWarned' }).count()).toBe(2);
  await screenshot(page, 'designer-journey-08-play-overdue.png');
  page.off('request', recordRequest);
  expect(playRequests).toEqual([]);
}

/** Linfen's calendar over the year of `instant` and the next, as the api counts it. */
async function calendarAround(instant: string) {
  const year = Number(instant.slice(0, 4));
  const reader = await loginAs('lf-clerk');
  return zoneCalendar(reader.accessToken, 'lf', [year, year + 1]);
}
