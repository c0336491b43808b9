import type { Locator, Page } from 'playwright-core';

/** A shape of the designer's canvas by its BPMN element id. */
export const shapeOf = (page: Page, elementId: string): Locator => page.locator(`g.djs-element.djs-shape[data-element-id="${elementId}"]`);

/** The id of the one shape selected on the canvas. */
export async function selectedShapeId(page: Page): Promise<string> {
  const selected = page.locator('g.djs-element.djs-shape.selected');
  await selected.first().waitFor();
  const id = await selected.first().getAttribute('data-element-id');
  if (!id) throw new Error('the selected shape has no element id');
  return id;
}

/**
 * Clicks an entry of the context pad of the selected element (`append.append-task`, `replace`, …),
 * as a user does after clicking a shape.
 */
export async function contextPadEntry(page: Page, action: string): Promise<void> {
  await page.locator(`.djs-context-pad .entry[data-action="${action}"]`).click();
}

/**
 * Appends a shape to `fromId` with its context pad (selecting it first unless it is) and answers
 * the new shape's id; a new task
 * opens its label for editing, which Escape leaves empty (the panel names it).
 */
export async function appendFrom(page: Page, fromId: string, action: string): Promise<string> {
  const from = shapeOf(page, fromId);
  if (!((await from.getAttribute('class')) ?? '').split(' ').includes('selected')) await from.click();
  await contextPadEntry(page, action);
  await page.keyboard.press('Escape');
  return selectedShapeId(page);
}

/** Opens a group of the properties panel by its header (a no-op when it is open). */
export async function openPanelGroup(page: Page, header: string | RegExp): Promise<void> {
  const group = page.locator('.properties .bio-properties-panel-group', { has: page.locator('.bio-properties-panel-group-header', { hasText: header }) }).first();
  await group.waitFor();
  if (!(await group.locator('.bio-properties-panel-group-entries.open').count())) await group.locator('.bio-properties-panel-group-header').click();
}

/**
 * Fills a field of the diagram's properties panel (`#bio-properties-panel-<entry>`), opening its group first when it is closed.
 */
export async function fillPanelField(page: Page, entryId: string, value: string): Promise<void> {
  const field = page.locator(`.properties #bio-properties-panel-${entryId}`);
  await field.waitFor({ state: 'attached' });
  if (!(await field.isVisible())) {
    await page.locator('.properties .bio-properties-panel-group', { has: page.locator(`#bio-properties-panel-${entryId}`) }).locator('.bio-properties-panel-group-header').click();
    await field.waitFor();
  }
  // no Tab out: the panel applies a typed value on its own (debounced), and Tab would focus the next field
  await field.fill(value);
}

/**
 * Drags an entry of the form-js palette onto the form, as a user does: form-js drags with
 * dragula, so press on the entry, move in steps onto the form, release.
 */
export async function dragFormField(page: Page, fieldType: string): Promise<void> {
  const from = await page.locator(`.fjs-palette-field[data-field-type="${fieldType}"]`).boundingBox();
  const to = await page.locator('.fjs-empty-editor, .fjs-drop-container').first().boundingBox();
  if (!from || !to) throw new Error('the form editor shows no palette or no form to drop on');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 3, { steps: 15 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 3 + 5, { steps: 5 });
  await page.mouse.up();
}
