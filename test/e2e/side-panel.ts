import type { Locator, Page } from 'playwright-core';
import { waitFor } from './browser';

/**
 * Helpers for the side panel's virtualised queue: only the rows in view exist in the DOM, so a test scrolls the list
 * to reach a row, and scrolls it through to read every row.
 */

export const SCROLLER = '[data-testid="scroller"]';

/** Every row of the queue in list order, read by scrolling the list from top to bottom: apply id and score. */
export async function allRows(panel: Page): Promise<{ applyId: string; score: number }[]> {
  const seen = new Map<number, { applyId: string; score: number }>();
  await panel.locator(SCROLLER).evaluate((el) => el.scrollTo(0, 0));
  for (;;) {
    const rows = await panel.locator(`${SCROLLER} li[data-apply-id]`).evaluateAll((lis) =>
      lis.map((li) => ({ index: Number(li.getAttribute('data-index')), applyId: li.getAttribute('data-apply-id') ?? '', score: Number(li.querySelector('.score')?.textContent) })),
    );
    for (const r of rows) seen.set(r.index, { applyId: r.applyId, score: r.score });
    const done = await panel.locator(SCROLLER).evaluate((el) => {
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return true;
      el.scrollBy(0, el.clientHeight / 2);
      return false;
    });
    if (done) break;
    await panel.waitForTimeout(30);
  }
  return [...seen].sort(([a], [b]) => a - b).map(([, r]) => r);
}

/**
 * The row of a request, scrolled to the middle of the list's view: the list is scrolled down from the top, half a
 * view at a time (letting the virtual list render each step), until the row is rendered.
 */
export async function rowOf(panel: Page, applyId: string): Promise<Locator> {
  const row = panel.locator(`${SCROLLER} li[data-apply-id="${applyId}"]`);
  await panel.locator(SCROLLER).evaluate((el) => el.scrollTo(0, 0));
  await waitFor(async () => {
    await panel.waitForTimeout(50);
    if ((await row.count()) > 0) return true;
    const end = await panel.locator(SCROLLER).evaluate((el) => {
      const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      if (!atEnd) el.scrollBy(0, el.clientHeight / 2);
      return atEnd;
    });
    if (end && (await row.count()) === 0) throw new Error(`no row for ${applyId} in the queue`);
    return false;
  }, `the row of ${applyId}`);
  await row.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await panel.waitForTimeout(50);
  return row;
}
