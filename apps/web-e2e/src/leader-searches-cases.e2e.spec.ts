import type { Browser, Page } from 'playwright-core';
import type { CaseSummary, HeatView } from '@banjie/contracts';
import { loginAs, startCase } from './support/api';
import { baseUrl, launchChromium, screenshot, signIn, watchedPage } from './support/browser';

/** Taigu's zero-approval flow: its first step, the e-list, waits for the window (bpmn/README.md, section 5). */
const FLOW = 'taigu-zero-approval';
const FIRST_STEP = 'Task_ENotice';
/** More cases than one page of the case list holds (50), so 加载更多 Load more has a page to add. */
const APPLICATIONS = 52;

describe('a leader searches the zone’s cases and sees where they wait', () => {
  let browser: Browser;
  const stamp = Date.now();

  beforeAll(async () => {
    browser = await launchChromium();
    // given 52 Taigu applications of the applicant and 2 cases the window started, all waiting at the e-list
    const applicant = await loginAs('tg-applicant');
    for (let n = 0; n < APPLICATIONS; n += 4) {
      await Promise.all([0, 1, 2, 3].filter((i) => n + i < APPLICATIONS).map((i) => startCase(applicant.accessToken, { definitionKey: FLOW, businessKey: `TG-SEARCH-${stamp}-${n + i}` })));
    }
    const clerk = await loginAs('tg-clerk');
    for (const n of [1, 2]) await startCase(clerk.accessToken, { definitionKey: FLOW, businessKey: `TG-WINDOW-${stamp}-${n}` });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the filters narrow the list to what GET /api/cases answers, and 加载更多 Load more adds the next page', async () => {
    const leader = await loginAs('tg-leader');
    const expected = await allCases(leader.accessToken, `definitionKey=${FLOW}&status=active&applicant=tg-applicant`);
    expect(expected.length).toBeGreaterThanOrEqual(APPLICATIONS);
    const { page, consoleErrors, failedCalls } = await watchedPage(browser);
    try {
      // when the leader opens 案件 Cases from the menu
      await signIn(page, 'tg-leader');
      await page.getByRole('link', { name: '案件 Cases' }).click();
      await page.getByRole('search', { name: '案件查询 Case search' }).waitFor();
      await page.locator('tr[data-case-id]').first().waitFor();
      await screenshot(page, 'case-search-1-list.png');

      // and searches the active applications of the applicant in the zero-approval flow
      await page.getByLabel('流程 Flow').selectOption(FLOW);
      await page.getByLabel('状态 Status').selectOption('active');
      await page.getByLabel('申请人 Applicant').fill('tg-applicant');
      await page.getByRole('button', { name: '查询 Search' }).click();
      await page.waitForURL((url) => url.searchParams.get('applicant') === 'tg-applicant' && url.searchParams.get('definitionKey') === FLOW);

      // then the first page holds the first 50 of those cases, newest first, and offers more
      await rowCount(page, 50);
      expect(await shownIds(page)).toEqual(expected.slice(0, 50).map((c) => c.id));
      await screenshot(page, 'case-search-2-filtered.png');

      // when the leader loads more
      await page.getByRole('button', { name: '加载更多 Load more' }).click();

      // then the next page follows, none twice
      await rowCount(page, Math.min(100, expected.length));
      expect(await shownIds(page)).toEqual(expected.slice(0, 100).map((c) => c.id));
      await screenshot(page, 'case-search-3-load-more.png');

      // when the leader narrows to one business key
      await page.locator('form.search input[name=businessKey]').fill(`TG-SEARCH-${stamp}-7`);
      await page.getByRole('button', { name: '查询 Search' }).click();

      // then only that case is listed
      await rowCount(page, 1);
      expect(await page.locator('tr[data-case-id] a').first().textContent()).toBe(`TG-SEARCH-${stamp}-7`);
      expect(await page.getByRole('button', { name: '加载更多 Load more' }).count()).toBe(0);
      await screenshot(page, 'case-search-4-one-case.png');
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    } catch (error) {
      await screenshot(page, 'case-search-failure.png').catch(() => undefined);
      throw new Error(`${(error as Error).message}\nconsole errors: ${JSON.stringify(consoleErrors)}\nfailed calls: ${JSON.stringify(failedCalls)}`);
    } finally {
      await page.close();
    }
  });

  it('the heat view marks the e-list, where the test’s cases wait, with their count from /api/stats/heat', async () => {
    const leader = await loginAs('tg-leader');
    const { page, consoleErrors, failedCalls } = await watchedPage(browser);
    try {
      // when the leader opens 看板 Dashboard and picks the zero-approval flow for the heat view
      await signIn(page, 'tg-leader');
      await page.getByRole('link', { name: '看板 Dashboard' }).click();
      await page.getByRole('heading', { name: '热力图 Heat on the diagram' }).waitFor();
      await page.locator('select[name=heatFlow]').selectOption(FLOW);
      const badge = page.locator(`.bj-heat-badge[data-heat-element="${FIRST_STEP}"]`);
      await badge.waitFor({ timeout: 20_000 });
      await page.getByRole('heading', { name: '热力图 Heat on the diagram' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'case-search-5-heat.png');

      // then the e-list carries the count of active cases the api reports, the test's 54 among them
      const heat = await (await fetch(`${baseUrl()}/api/stats/heat?definitionKey=${FLOW}`, { headers: { authorization: `Bearer ${leader.accessToken}` } })).json() as HeatView;
      const atFirstStep = heat.elements.find((element) => element.elementId === FIRST_STEP);
      expect(atFirstStep?.activeCases).toBeGreaterThanOrEqual(APPLICATIONS + 2);
      expect((await badge.textContent())?.trim()).toMatch(new RegExp(`^${atFirstStep?.activeCases}( · 超时 \\d+)?$`));
      expect(await page.locator(`bj-flow-heat-diagram g.djs-element[data-element-id="${FIRST_STEP}"]`).first().getAttribute('class')).toMatch(/bj-heat-(active|yellow|overdue)/);
      const row = page.locator(`tr[data-heat-element="${FIRST_STEP}"]`);
      expect((await row.locator('td').first().textContent())?.trim()).toBe('一次性告知电子清单 One-time notification e-list');
      expect((await row.locator('td').nth(1).textContent())?.trim()).toBe(String(atFirstStep?.activeCases));

      // when the leader follows the step to its cases
      await row.getByRole('link').click();

      // then the case list opens with the flow's active cases, due first
      await page.waitForURL((url) => url.pathname === '/cases' && url.searchParams.get('definitionKey') === FLOW && url.searchParams.get('sort') === 'due');
      await page.locator('tr[data-case-id]').first().waitFor();
      await screenshot(page, 'case-search-6-from-heat.png');
      expect(consoleErrors).toEqual([]);
      expect(failedCalls).toEqual([]);
    } catch (error) {
      await screenshot(page, 'case-search-heat-failure.png').catch(() => undefined);
      throw new Error(`${(error as Error).message}\nconsole errors: ${JSON.stringify(consoleErrors)}\nfailed calls: ${JSON.stringify(failedCalls)}`);
    } finally {
      await page.close();
    }
  });
});

/** Every case the filter matches, following X-Next-Cursor as the case list does. */
async function allCases(token: string, query: string): Promise<CaseSummary[]> {
  const cases: CaseSummary[] = [];
  let cursor: string | null = null;
  do {
    const response: Response = await fetch(`${baseUrl()}/api/cases?${query}&limit=50${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET /api/cases?${query} → ${response.status}`);
    cases.push(...((await response.json()) as CaseSummary[]));
    cursor = response.headers.get('x-next-cursor');
  } while (cursor);
  return cases;
}

async function rowCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('tr[data-case-id]').length === n, count, { timeout: 20_000 });
}

async function shownIds(page: Page): Promise<(string | null)[]> {
  return page.locator('tr[data-case-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-case-id')));
}
