import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { simUrl } from '../sim/install';
import { shopByKey, tabRequests } from '../sim/world';
import { capturedAfter, readDb } from './browser';
import { BADGE, clickTab, expectOneBadgePerRow, nextPage, open, openExtensionPage, startEnv, tabIdOf, type Env } from './pages';
import { allRows, rowOf } from './side-panel';

/** What the seller sees outside the page: the popup's summary for the shop and the side panel's review queue. */

let env: Env;
let page: Page;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.session.close());

describe('before anything is captured', () => {
  it('the popup says so plainly and links to Affiliate Center', async () => {
    const popup = await openExtensionPage(env, 'popup.html');
    const empty = popup.getByTestId('empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('Nothing captured yet');
    const links = popup.getByRole('navigation', { name: 'Open Affiliate Center' }).getByRole('link');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'https://affiliate-us.tiktok.com/product/sample-request',
      'https://affiliate.tiktok.com/product/sample-request',
      'https://affiliate-id.tokopedia.com/product/sample-request',
    ]);
    await popup.close();
  });
});

describe('after browsing Sample requests', () => {
  const us = () => shopByKey(env.world, 'us');
  const visitedTabs = [10, 30];

  beforeAll(async () => {
    page = await open(env, simUrl(us(), 'sample-request', { tab: 10 }));
    const pending = tabRequests(us(), 10).length;
    for (let p = 1; p < Math.ceil(pending / 50); p++) await nextPage(page);
    await clickTab(page, 'Shipped');
    await clickTab(page, 'To review');
    await expectOneBadgePerRow(page, 'table', Math.min(50, pending));
  });

  const seen = () => visitedTabs.flatMap((t) => tabRequests(us(), t).slice(0, t === 10 ? undefined : 50));

  it('the popup counts requests by status, creators and products for this shop, and when it last captured', async () => {
    const popup = await openExtensionPage(env, `popup.html?tabId=${await tabIdOf(env, page)}`);
    await popup.getByRole('tab', { name: 'Samples' }).click();
    await popup.getByTestId('summary').waitFor();
    const requests = seen();
    await expect.poll(() => popup.getByTestId('requests').textContent()).toBe(String(requests.length));
    expect(await popup.getByTestId('creators').textContent()).toBe(String(new Set(requests.map((r) => r.creatorId)).size));
    expect(await popup.getByTestId('products').textContent()).toBe(String(new Set(requests.map((r) => r.productId)).size));
    const byStatus = new Map<string, number>();
    for (const r of requests) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    const rows = await popup.locator('tr[data-status]').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-status'), Number(tr.querySelector('td')?.textContent)]));
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(byStatus));
    expect(await popup.getByTestId('last-captured').textContent()).toContain('affiliate-us.tiktok.com');
    await popup.close();
  });

  it('the side panel lists every pending request, soonest deadline first when asked, with the badge figures', async () => {
    const panel = await openExtensionPage(env, `sidepanel.html?tabId=${await tabIdOf(env, page)}`);
    const pending = tabRequests(us(), 10);
    await panel.getByTestId('order').selectOption('deadline');
    await expect.poll(() => panel.getByTestId('count').textContent()).toBe(`${pending.length} to review, soonest deadline first`);
    const order = (await allRows(panel)).map((r) => r.applyId);
    const bySoonest = [...pending].sort((a, b) => (a.deadline ?? Infinity) - (b.deadline ?? Infinity)).map((r) => r.applyId);
    expect(order).toEqual(bySoonest);
    const first = await rowOf(panel, bySoonest[0] ?? '');
    expect(await first.locator('.source').textContent()).toMatch(/^Source: Sample requests, seen /);
    expect(await first.locator('.figures').textContent()).toMatch(/Fulfil (\d+%|n\/a) · \d+ sent · \d+ posted \(of \d+ seen\)/);
    expect(await first.locator('.deadline').getAttribute('class')).toContain('urgent');
    await panel.close();
  });

  it('clicking a request scrolls the page to its row and highlights it, and says so when it is not on the page', async () => {
    const panel = await openExtensionPage(env, `sidepanel.html?tabId=${await tabIdOf(env, page)}`);
    const onPage = tabRequests(us(), 10).slice(0, 50);
    const target = onPage[onPage.length - 1];
    const offPage = tabRequests(us(), 10)[60];
    await page.evaluate(() => window.scrollTo(0, 0));
    await (await rowOf(panel, target?.applyId ?? '')).locator('button.item').click();
    const badge = page.locator(`${BADGE}[data-apply-ids~="${target?.applyId}"]`);
    await expect.poll(() => badge.locator('.badge').getAttribute('class')).toContain('highlighted');
    // The highlight frames the row for a moment: both boxes are measured in one go while it shows.
    const framed = await page.evaluate((id) => {
      const flash = document.querySelector('[data-collab-lens="highlight"]');
      const row = [...document.querySelectorAll('table tbody tr')].find((tr) => tr.querySelector(`[data-apply-ids~="${id}"]`));
      if (!flash || !row) return `highlight ${Boolean(flash)}, row ${Boolean(row)}`;
      const [f, r] = [flash.getBoundingClientRect(), row.getBoundingClientRect()];
      return Math.abs(f.y + 3 - r.y) < 2 && Math.abs(f.height - 6 - r.height) < 2 ? 'frames the row' : `highlight ${f.y},${f.height}; row ${r.y},${r.height}`;
    }, target?.applyId);
    expect(framed).toBe('frames the row');
    const box = await badge.boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.y > 0 && box.y + box.height < viewport.height).toBe(true);
    await (await rowOf(panel, offPage?.applyId ?? '')).locator('button.item').click();
    await expect.poll(() => panel.locator(`[data-apply-id="${offPage?.applyId}"] [role="status"]`).textContent()).toContain('not on the page');
    expect(await page.evaluate(() => (window as unknown as { __simActions: unknown[] }).__simActions)).toEqual([]);
    await panel.close();
  });

  it('reloading the page stores nothing twice', async () => {
    const before = await readDb(env.session);
    await capturedAfter(env.session, undefined, () => page.reload());
    await expectOneBadgePerRow(page, 'table', 50);
    const after = await readDb(env.session);
    for (const table of Object.keys(before)) expect(after[table]?.length, table).toBe(before[table]?.length);
    const facts = (rows: Record<string, unknown>[] | undefined) =>
      JSON.stringify(rows, (k, v: unknown) => (k === 'lastSeenAt' || k === 'seenAt' ? undefined : v));
    expect(facts(after.sampleRequests)).toBe(facts(before.sampleRequests));
    expect(facts(after.statusHistory)).toBe(facts(before.statusHistory));
  });
});
