/**
 * The Play figure of issue 11, item 8: one step of 试运行 Play in the designer, timed in the page
 * (`performance.now()`) from the click to the panel showing what the step changed, so the bench's
 * round trips to Chromium do not count. Two kinds of step alternate on one test case of
 * `play-step.bpmn` (a 5-working-day window review worked again and again):
 * - 完成任务 Complete task: until the event list has grown and the next task is open;
 * - 推进时钟 Move clock by 1 working day: until the test clock shows the new time (and any warning
 *   event it fired is listed).
 * Target ≤ 50 ms per step.
 */
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';

/** The target of issue 11, item 8, for one Play step. */
export const PLAY_STEP_TARGET_MS = 50;

/** The flow the bench plays. */
export const PLAY_STEP_FILE = join(__dirname, 'play-step.bpmn');

/** The times of one run: every step, and each kind on its own. */
export interface PlayStepFigures {
  median: number;
  p90: number;
  completeTask: number[];
  moveClock: number[];
}

// The in-page parts are plain JavaScript text: the bench runs under tsx, whose compiled functions
// call a helper (`__name`) the page does not have.

/**
 * Clicks the button named `label` inside `[data-testid=play]` and resolves with the milliseconds
 * until the panel changed: more event rows, and a clock text other than before (`clock`) or an open
 * task other than before (`task`).
 */
const TIMED_CLICK = `({ label, expect }) => new Promise((resolve, reject) => {
  const play = document.querySelector('[data-testid=play]');
  const events = () => play.querySelectorAll('[data-testid=play-events] li').length;
  const clock = () => play.querySelector('[data-testid=play-clock] time')?.textContent ?? '';
  const tasks = () => play.querySelectorAll('[data-testid=play-task]').length;
  const button = [...play.querySelectorAll('button')].find((candidate) => candidate.textContent.includes(label));
  if (!button) { reject(new Error('no button ' + label)); return; }
  const before = { events: events(), clock: clock() };
  const started = performance.now();
  button.click();
  const deadline = started + 10000;
  const check = () => {
    const done = expect === 'clock'
      ? clock() !== before.clock
      : events() > before.events && tasks() === 1 && play.querySelector('[data-testid=play-task-form]') === null;
    if (done) resolve(performance.now() - started);
    else if (performance.now() > deadline) reject(new Error(label + ' showed nothing within 10 s'));
    else requestAnimationFrame(check);
  };
  check();
})`;

/**
 * Opens `file` in the designer, opens 试运行 Play, starts a test case and answers the times of
 * `steps` single steps (completing the open task and moving the clock one working day, in turn),
 * with their median and p90. `page` must be signed in as a designer and show the designer
 * (`/designer`, canvas ready) with no unsaved changes. Throws when a step shows nothing within 10 s.
 */
export async function measurePlayStep(page: Page, steps: number, file: string = PLAY_STEP_FILE): Promise<PlayStepFigures> {
  await page.locator('input[type=file][data-testid="open-file"]').setInputFiles(file);
  await page.locator('.source', { hasText: basename(file) }).waitFor();
  await page.getByRole('button', { name: '试运行 Play' }).click();
  const play = page.locator('[data-testid=play]');
  await play.getByRole('button', { name: '启动测试案件 Start test case' }).click();
  await play.locator('[data-testid=play-task]').waitFor();
  const completeTask: number[] = [];
  const moveClock: number[] = [];
  for (let step = 0; step < steps; step++) {
    if (step % 2 === 0) {
      await play.getByRole('button', { name: '办理 Complete' }).click();
      await play.locator('[data-testid=play-task-form]').waitFor();
      completeTask.push(await timedClick(page, '完成任务 Complete task', 'task'));
    } else {
      moveClock.push(await timedClick(page, '推进时钟 Move clock', 'clock'));
    }
  }
  const all = [...completeTask, ...moveClock];
  return { median: quantile(all, 0.5), p90: quantile(all, 0.9), completeTask, moveClock };
}

async function timedClick(page: Page, label: string, expect: 'clock' | 'task'): Promise<number> {
  const elapsed = (await page.evaluate(`(${TIMED_CLICK})(${JSON.stringify({ label, expect })})`)) as number;
  return Math.round(elapsed * 10) / 10;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
