import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CaseEventView, CaseView, VerifyView } from '@banjie/contracts';
import { get, loginAs, startCase } from './support/api';
import { baseUrl, launchChromium, openPage, screenshot, signIn, watchFailedApiCalls } from './support/browser';
import { workToEnd } from './support/cases';
import { runVerifier } from './support/verifier';
import { OUTPUT_DIR } from './support/suite-state';

const FLOW = 'linfen-123-closure';
/** The four reviews of the construction stage, run in parallel (bpmn/README.md). */
const REVIEWS = ['Task_PlanningPermit', 'Task_DesignReview', 'Task_CivilAirDefence', 'Task_FireDesign'];
/** The Linfen demo users who work each candidate group of the flow (bpmn/README.md). */
/** What each step sets beyond its filled form: complete materials, every review requested, no staged permit, approved. */
const VARIABLES_BY_ELEMENT: Record<string, Record<string, unknown>> = {
  Task_WindowCheck: { materialsComplete: true },
  Task_ClassifyTier: { needsCivilAirDefence: true, needsFireDesign: true, stagedPermit: false },
  Task_LeaderSignOff: { approved: true },
};

describe('an auditor replays a finished case on its diagram, verifies it and exports its case file', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('scrubs back to the parallel reviews, forward again, verifies the chain and checks the export offline', async () => {
    // given a Linfen case worked over HTTP to its end, remembering the revision when the four reviews were open
    const clerk = await loginAs('lf-clerk');
    const started = await startCase(clerk.accessToken, { definitionKey: FLOW, businessKey: `LF-AUDIT-${Date.now()}`, variables: { applicantName: '晋南新材料' } });
    const reviewsOpen = await workToEndNotingReviews(started.id);
    const auditor = await loginAs('auditor');
    const atReviews = await get<CaseView>(auditor.accessToken, `/api/cases/${started.id}/state?revision=${reviewsOpen}`);
    expect(atReviews.tasks.map((task) => task.elementId).sort()).toEqual([...REVIEWS].sort());
    const events = await get<CaseEventView[]>(auditor.accessToken, `/api/cases/${started.id}/events`);
    const head = events.length - 1;
    const final = await get<CaseView>(auditor.accessToken, `/api/cases/${started.id}`);
    expect(final.status).toBe('completed');

    const { page, consoleErrors } = await openPage(browser);
    const failedCalls = watchFailedApiCalls(page);
    try {
      // when the auditor signs in and opens the case
      await signIn(page, 'auditor');
      await page.goto(`${baseUrl()}/cases/${started.id}`);
      const scrubber = page.getByLabel('历史回放 Replay');
      await scrubber.waitFor();
      await page.locator('.bj-completed').first().waitFor({ timeout: 20_000 });
      await expectText(page, '.position', (shown) => shown === `#${head} / #${head}`, `#${head} / #${head}`);
      await screenshot(page, 'auditor-1-finished-case.png');

      // and scrubs with the keyboard to the start, then forward to when the reviews were open
      await scrubber.focus();
      await page.keyboard.press('Home');
      await expectText(page, '.position', (shown) => shown === `#0 / #${head}`, `#0 / #${head}`);
      for (let revision = 0; revision < reviewsOpen; revision++) await page.keyboard.press('ArrowRight');
      await expectText(page, '.position', (shown) => shown === `#${reviewsOpen} / #${head}`, `#${reviewsOpen} / #${head}`);

      // then the diagram marks exactly what the server's replay of that revision says, and shows its variables
      await expectMarkers(page, atReviews);
      for (const review of REVIEWS) expect(await classesOf(page, review)).toContain('bj-active');
      expect(await classesOf(page, 'Task_LeaderSignOff')).not.toMatch(/bj-(active|completed)/);
      const openTasks = await page.locator('.side .task').evaluateAll((tasks) => tasks.map((task) => task.getAttribute('data-element-id')));
      expect(openTasks.sort()).toEqual([...REVIEWS].sort());
      for (const [name, value] of Object.entries(atReviews.variables)) {
        await expectText(page, `.side [data-variable="${name}"] dd`, (shown) => shown === JSON.stringify(value, null, 2), JSON.stringify(value, null, 2));
      }
      expect(await page.locator('.side [data-variable]').count()).toBe(Object.keys(atReviews.variables).length);
      expect(await page.locator('.side [data-variable="approved"]').count()).toBe(0);
      await page.getByText('回放中 Replaying').waitFor();
      await screenshot(page, 'auditor-2-parallel-reviews.png');

      // when the auditor clicks the timeline row of the classification's completion
      const classified = events.find((event) => event.type === 'TaskCompleted' && event.revision < reviewsOpen && (event.data as { variables?: { tier?: string } }).variables?.tier);
      await page.locator(`bj-event-timeline button.event[data-revision="${classified?.revision}"]`).click();

      // then the page shows that moment, and what the step changed
      await expectText(page, '.position', (shown) => shown === `#${classified?.revision} / #${head}`, `#${classified?.revision} / #${head}`);
      await expectText(page, '.change-closed li', (shown) => shown.includes('lf-clerk'), 'lf-clerk');
      await screenshot(page, 'auditor-3-timeline-click.png');

      // when the auditor scrubs forward to the end
      await scrubber.focus();
      await page.keyboard.press('End');

      // then the finished case is marked again
      await expectText(page, '.position', (shown) => shown === `#${head} / #${head}`, `#${head} / #${head}`);
      await expectMarkers(page, final);
      for (const review of REVIEWS) expect(await classesOf(page, review)).toContain('bj-completed');
      await page.getByRole('button', { name: /回到实时 Back to live/ }).click();
      await page.locator('.following').waitFor();
      await screenshot(page, 'auditor-4-back-to-live.png');

      // when the auditor verifies the case
      await page.getByRole('button', { name: /校验 Verify/ }).click();

      // then the chain is intact up to the server's head hash
      const verified = await get<VerifyView>(auditor.accessToken, `/api/cases/${started.id}/verify`);
      expect(verified).toMatchObject({ valid: true, events: head + 1 });
      const intact = page.locator('.verify.intact');
      await intact.waitFor();
      expect(await intact.textContent()).toContain('完整 Intact');
      await screenshot(page, 'auditor-5-verified.png');

      // when the auditor exports the case file
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出案卷 Export case file/ }).click()]);
      mkdirSync(OUTPUT_DIR, { recursive: true });
      const exported = join(OUTPUT_DIR, 'auditor-case-file.json');
      await download.saveAs(exported);
      await screenshot(page, 'auditor-6-exported.png');

      // then the offline verifier finds it intact, anchored to the head hash the server reported
      const headHash = (verified as { headHash: string }).headHash;
      const intactRun = runVerifier(['--file', exported, '--head', headHash]);
      expect(intactRun.status).toBe(0);
      expect(intactRun.output).toContain(`完整 intact  case-${started.id}: ${head + 1} events, head hash ${headHash}`);

      // and a copy with one byte of one event altered is named broken at that revision
      const tampered = join(OUTPUT_DIR, 'auditor-case-file-tampered.json');
      const file = JSON.parse(readFileSync(exported, 'utf8')) as { events: CaseEventView[] };
      const victim = file.events[reviewsOpen];
      victim.recordedAt = victim.recordedAt.replace(/\d(?=\D*$)/, (digit) => String((Number(digit) + 1) % 10));
      writeFileSync(tampered, JSON.stringify(file, null, 2));
      const brokenRun = runVerifier(['--file', tampered, '--head', headHash]);
      expect(brokenRun.status).toBe(1);
      expect(brokenRun.output).toContain(`at revision ${reviewsOpen}`);

      expect(failedCalls).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } catch (error) {
      await screenshot(page, 'failure-auditor.png').catch(() => undefined);
      throw new Error(`${(error as Error).message}\nbrowser console errors: ${JSON.stringify(consoleErrors)}\nfailed api calls: ${JSON.stringify(failedCalls)}`);
    } finally {
      await page.close();
    }
  });
});

/** Works the case to its end; answers the revision at which the parallel reviews were all open. */
async function workToEndNotingReviews(caseId: string): Promise<number> {
  let reviewsOpen: number | undefined;
  await workToEnd(caseId, {
    variablesByElement: VARIABLES_BY_ELEMENT,
    onView: (view) => {
      if (view.status === 'active' && reviewsOpen === undefined && view.tasks.length === REVIEWS.length) reviewsOpen = view.revision;
    },
  });
  if (reviewsOpen === undefined) throw new Error('the parallel reviews never opened');
  return reviewsOpen;
}

/** The diagram's bj-active and bj-completed marks are exactly the view's active and completed elements. */
async function expectMarkers(page: Page, view: CaseView): Promise<void> {
  const marked = async (marker: string) =>
    (await page.locator(`bj-case-diagram g.djs-element.${marker}`).evaluateAll((elements) => elements.map((element) => element.getAttribute('data-element-id')))).sort();
  const unique = (ids: string[]) => [...new Set(ids)].sort();
  await expect(marked('bj-active')).resolves.toEqual(unique(view.active.map((element) => element.elementId)));
  await expect(marked('bj-completed')).resolves.toEqual(unique(view.completed.map((element) => element.elementId)));
  await expect(marked('bj-taken')).resolves.toEqual(unique(view.takenFlows));
}

async function classesOf(page: Page, elementId: string): Promise<string> {
  return (await page.locator(`bj-case-diagram g.djs-element[data-element-id="${elementId}"]`).first().getAttribute('class')) ?? '';
}

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

/**
 * Waits (up to 10 s) until the text of `selector` satisfies `ok`, then asserts it: the page
 * re-renders after a key press or a click, so one immediate read can see the moment before.
 */
async function expectText(page: Page, selector: string, ok: (shown: string) => boolean, expected: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let shown = await text(page, selector);
  while (!ok(shown) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    shown = await text(page, selector);
  }
  if (!ok(shown)) expect(shown).toBe(expected);
}


