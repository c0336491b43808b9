/**
 * The designer's figure of issue 11, item 8: the time to open a `.bpmn` file from disk, from the
 * file input's `change` to the canvas drawing every shape and edge of the model's diagram, timed
 * in the page (`performance.now()`), so the bench's round trips to Chromium do not count.
 * `web.bench.ts` runs it on `../shared/conformance/bpmn-miwg/C.8.0.bpmn` (target ≤ 1.5 s).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from 'playwright-core';

/** The target of issue 11, item 8, for `C.8.0.bpmn`. */
export const OPEN_MODEL_TARGET_MS = 1_500;

/** The MIWG model the bench opens. */
export const OPEN_MODEL_FILE = '/work/shared/conformance/bpmn-miwg/C.8.0.bpmn';

/** The ids of the elements a model's diagram draws (`bpmnElement` of each shape and edge). */
function drawnElementIds(xml: string): string[] {
  return [...new Set([...xml.matchAll(/<(?:\w+:)?BPMN(?:Shape|Edge)\b[^>]*\bbpmnElement="([^"]+)"/g)].map((match) => match[1]))];
}

// The in-page parts are plain JavaScript text: the bench runs under tsx, whose compiled functions
// call a helper (`__name`) the page does not have.

/** Marks what the canvas shows as stale (a second open of the same file must draw afresh) and times the input's next `change`, in the capture phase, before the designer reads the file. */
const MARK_STALE = `(() => {
  delete window.__banjieOpenStarted;
  document.querySelectorAll('.djs-element').forEach((drawn) => drawn.setAttribute('data-bench-stale', ''));
  document.querySelector('input[type=file][data-testid="open-file"]').addEventListener('change', () => { window.__banjieOpenStarted = performance.now(); }, { capture: true, once: true });
})()`;

/** Resolves with the milliseconds from the `change` to the file's name in the toolbar and a fresh graphic for each of `ids`. */
const WAIT_FOR_DRAWN = `({ ids, name }) => new Promise((resolve, reject) => {
  const deadline = performance.now() + 30000;
  const check = () => {
    const started = window.__banjieOpenStarted;
    const named = (document.querySelector('.source')?.textContent ?? '').includes(name);
    const drawn = ids.every((id) => document.querySelector('.djs-element[data-element-id="' + CSS.escape(id) + '"]:not([data-bench-stale])') !== null);
    if (started !== undefined && named && drawn) resolve(performance.now() - started);
    else if (performance.now() > deadline) reject(new Error(name + ' was not drawn within 30 s'));
    else requestAnimationFrame(check);
  };
  check();
})`;

/**
 * Opens `file` with the designer's 打开文件 Open .bpmn input and answers the milliseconds until
 * the designer shows it: its name in the toolbar and a new graphic for every element its diagram
 * draws. `page` must be signed in as a designer and show the designer (`/designer`, canvas ready)
 * with no unsaved changes (else the designer asks before it discards them); it may be called again
 * on the same page for the next sample.
 * Throws naming the file when it does not render within 30 s.
 */
export async function measureOpenModel(page: Page, file: string): Promise<number> {
  const ids = drawnElementIds(readFileSync(file, 'utf8'));
  const name = basename(file);
  const input = page.locator('input[type=file][data-testid="open-file"]');
  await page.evaluate(MARK_STALE);
  await input.setInputFiles(file);
  const elapsed = (await page.evaluate(`(${WAIT_FOR_DRAWN})(${JSON.stringify({ ids, name })})`)) as number;
  return Math.round(elapsed * 10) / 10;
}
