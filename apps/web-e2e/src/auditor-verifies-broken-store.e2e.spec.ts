import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import type { CaseEventView, CaseView, VerifyView } from '@banjie/contracts';
import { apiClient } from './support/api';
import { launchChromium, openPage, screenshot, watchFailedApiCalls } from './support/browser';
import { eventually, filledZoneForm } from './support/cases';
import { startExtraApi, type ExtraApi } from './support/extra-api';
import { runVerifier } from './support/verifier';

const FLOW = 'linfen-123-closure';

describe('an auditor verifies a case on a copy of the store with one byte altered', () => {
  let browser: Browser;
  const dirs: string[] = [];
  let running: ExtraApi | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await running?.stop();
    await browser?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('the offline verifier and 校验 Verify in the browser both name the altered revision, and the page highlights it', async () => {
    // given a Linfen case whose window check 王丽 completed, on a store of its own
    const original = tempDir('banjie-e2e-store-');
    running = await startExtraApi(original);
    const api = apiClient(running.baseUrl);
    const clerk = await api.login('lf-clerk');
    const started = await api.call<CaseView>('POST', '/api/cases', clerk, { definitionKey: FLOW, businessKey: `LF-TAMPER-${Date.now()}`, variables: { applicantName: '晋南新材料' } });
    const windowCheck = started.tasks[0];
    await api.call('POST', `/api/tasks/${windowCheck.id}/claim`, clerk, {});
    await api.call('POST', `/api/tasks/${windowCheck.id}/complete`, clerk, { variables: { ...filledZoneForm(windowCheck.formId), materialsComplete: true } });
    const auditor = await api.login('auditor');
    await eventually(() => api.call<CaseView>('GET', `/api/cases/${started.id}`, auditor), (view) => view.tasks.length > 0 && view.tasks[0].id !== windowCheck.id);
    expect(await api.call<VerifyView>('GET', `/api/cases/${started.id}/verify`, auditor)).toMatchObject({ valid: true });
    await running.stop();
    running = undefined;

    // and a copy of that store where one byte of the completion's payload is altered ("Agreed" → "Bgreed")
    const copy = tempDir('banjie-e2e-store-copy-');
    cpSync(original, copy, { recursive: true });
    const stream = `case-${started.id}`;
    const db = new Database(join(copy, 'events.sqlite'));
    const completion = db.prepare("SELECT revision, data FROM events WHERE stream = ? AND type = 'TaskCompleted' ORDER BY revision LIMIT 1").get(stream) as { revision: number; data: string };
    const at = completion.data.indexOf('Agreed');
    expect(at).toBeGreaterThan(0);
    db.prepare('UPDATE events SET data = ? WHERE stream = ? AND revision = ?').run(`${completion.data.slice(0, at)}B${completion.data.slice(at + 1)}`, stream, completion.revision);
    db.close();
    const altered = completion.revision;

    // when the offline verifier checks both stores
    const intactRun = runVerifier(['--data', original]);
    const brokenRun = runVerifier(['--data', copy]);

    // then the original is intact and the copy is broken at the altered revision
    expect(intactRun.status).toBe(0);
    expect(intactRun.output).toContain(`完整 intact  ${stream}`);
    expect(brokenRun.status).toBe(1);
    expect(brokenRun.output).toContain(`断链 BROKEN  ${stream}: at revision ${altered}`);

    // when an api serves the altered copy and the auditor opens the case there and verifies it
    running = await startExtraApi(copy);
    const events = await apiClient(running.baseUrl).call<CaseEventView[]>('GET', `/api/cases/${started.id}/events`, await apiClient(running.baseUrl).login('auditor'));
    const head = events.length - 1;
    const { page, consoleErrors } = await openPage(browser);
    const failedCalls = watchFailedApiCalls(page);
    try {
      await page.goto(`${running.baseUrl}/login`);
      await page.locator('input[name=username]').fill('auditor');
      await page.locator('input[name=password]').fill('banjie');
      await page.getByRole('button', { name: /登录/ }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await screenshot(page, 'broken-store-1-signed-in.png');
      await page.goto(`${running.baseUrl}/cases/${started.id}`);
      await page.getByLabel('历史回放 Replay').waitFor();
      await page.locator('.bj-active').first().waitFor({ timeout: 20_000 });
      await screenshot(page, 'broken-store-2-case.png');
      await page.getByRole('button', { name: /校验 Verify/ }).click();

      // then the page says the chain breaks at the altered revision, and the timeline marks it
      const broken = page.locator('.verify.broken');
      await broken.waitFor();
      expect(await broken.textContent()).toContain(`the hash chain breaks at revision #${altered}`);
      await page.locator('bj-event-timeline .broken').first().waitFor();
      await screenshot(page, 'broken-store-3-verify-broken.png');

      // when the auditor asks to see that revision
      await broken.getByRole('button', { name: /查看 Show/ }).click();

      // then the replay stands at it and its timeline row is the highlighted, selected one
      await page.waitForFunction((expected) => document.querySelector('.position')?.textContent?.trim() === expected, `#${altered} / #${head}`);
      const highlighted = page.locator(`bj-event-timeline button.event.broken[data-revision="${altered}"]`);
      await highlighted.waitFor();
      expect(await highlighted.getAttribute('class')).toContain('selected');
      await screenshot(page, 'broken-store-4-broken-revision.png');
      expect(failedCalls).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } catch (error) {
      await screenshot(page, 'broken-store-failure.png').catch(() => undefined);
      throw new Error(`${(error as Error).message}\nbrowser console errors: ${JSON.stringify(consoleErrors)}\nfailed api calls: ${JSON.stringify(failedCalls)}`);
    } finally {
      await page.close();
    }
  });

  function tempDir(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  }
});


