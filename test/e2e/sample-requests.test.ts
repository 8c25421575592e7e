import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simUrl } from '../sim/install';
import { pageElements, shopByKey, tabRequests } from '../sim/world';
import { readDb, waitFor } from './browser';
import { BADGE, clickTab, expectOneBadgePerRow, nextPage, open, ROW, startEnv, type Env, type Markup } from './pages';

/** Sample requests in both markups and both route generations: a badge on every row, exactly once, through paging and tabs. */

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.session.close());

const rowsOn = (markup: Markup, tab: number, page: number) => {
  const els = pageElements(shopByKey(env.world, 'us'), tab, page, 50);
  return markup === 'table' ? els.reduce((n, e) => n + e.requests.length, 0) : els.length;
};

describe.each([
  ['table', 'legacy', 'fetch'],
  ['cards', 'migrated', 'fetch'],
  ['cards', 'legacy', 'xhr'],
  ['table', 'migrated', 'xhr'],
] as const)('%s markup, %s route, %s transport', (markup, generation, transport) => {
  it('badges every row exactly once while paging and switching tabs', async () => {
    const us = shopByKey(env.world, 'us');
    const page = await open(env, simUrl(us, 'sample-request', { markup, generation, transport, tab: 10 }));
    await expectOneBadgePerRow(page, markup, rowsOn(markup, 10, 1));
    await nextPage(page);
    await expectOneBadgePerRow(page, markup, rowsOn(markup, 10, 2));
    await clickTab(page, 'Shipped');
    await expectOneBadgePerRow(page, markup, rowsOn(markup, 30, 1));
    // A shipped request has no review countdown; its badge still carries the creator's figures.
    const text = await page.locator(BADGE).first().locator('button').textContent();
    expect(text).toMatch(/\d+ sent · \d+ posted|No samples sent yet/);
    expect(text).not.toMatch(/left|overdue/);
    // Each badge is about the requests of its own row: the row shows the product of every request the badge names.
    const shipped = tabRequests(us, 30).slice(0, 50);
    const productOf = Object.fromEntries(shipped.map((r) => [r.applyId, r.productId]));
    const mismatched = await page.$$eval(
      ROW[markup],
      (rows, [badge, products]) =>
        rows.filter((row) => {
          const ids = row.querySelector(badge)?.getAttribute('data-apply-ids')?.split(' ') ?? [];
          return ids.length === 0 || ids.some((id) => !row.textContent?.includes(products[id] ?? '\u0000'));
        }).length,
      [BADGE, productOf] as const,
    );
    expect(mismatched).toBe(0);
    const badgeIds = await page.locator(BADGE).evaluateAll((els) => els.flatMap((e) => e.getAttribute('data-apply-ids')?.split(' ') ?? []));
    expect(new Set(badgeIds)).toEqual(new Set(shipped.map((r) => r.applyId)));
    await page.close();
  });
});

describe('badge content', () => {
  it('shows fulfilment, this shop\'s history and a review countdown, red under 24 hours, with provenance on focus', async () => {
    const us = shopByKey(env.world, 'us');
    const page = await open(env, simUrl(us, 'sample-request', { tab: 10 }));
    await expectOneBadgePerRow(page, 'table', rowsOn('table', 10, 1));
    const first = tabRequests(us, 10)[0];
    const creator = us.creators.find((c) => c.creatorId === first?.creatorId);
    expect(first?.deadline).toBeTypeOf('number');
    // The first row is the most urgent review in the simulated data, by a creator who shares their fulfilment rate.
    expect((first?.deadline ?? 0) - Date.now()).toBeLessThan(86_400_000);
    expect(creator?.fulfillmentPercentage).toMatch(/%$/);
    const badge = page.locator(BADGE).first();
    await expect.poll(() => badge.locator('.badge').getAttribute('class')).toContain('urgent');
    const label = await badge.locator('button').getAttribute('aria-label');
    expect(label).toMatch(/left|overdue/);
    expect(label).toContain(`Fulfil ${Math.round(Number.parseFloat(creator?.fulfillmentPercentage ?? ''))}%`);
    await badge.locator('button').focus();
    const tip = badge.locator('[role="tooltip"]');
    await expect.poll(() => tip.evaluate((el) => el.matches(':popover-open'))).toBe(true);
    const tipText = await tip.textContent();
    expect(tipText).toContain(`@${creator?.handle}`);
    expect(tipText).toContain(`(90 days, from TikTok): ${creator?.fulfillmentPercentage}`);
    expect(tipText).toContain('Source: Sample requests, seen');
    expect(tipText).toContain('Estimated from the time left Affiliate Center showed');
    await page.close();
  });

  it('never clicks Approve or Reject, and survives the page re-rendering its rows', async () => {
    const us = shopByKey(env.world, 'us');
    const page = await open(env, simUrl(us, 'sample-request', { tab: 10, rerender: true, markup: 'cards' }));
    await expectOneBadgePerRow(page, 'cards', rowsOn('cards', 10, 1));
    const renders = await page.evaluate(() => Number(document.documentElement.dataset.simReady));
    await waitFor(async () => (await page.evaluate(() => Number(document.documentElement.dataset.simReady))) >= renders + 2, 'two re-renders', 10_000);
    await expectOneBadgePerRow(page, 'cards', rowsOn('cards', 10, 1));
    expect(await page.evaluate(() => (window as unknown as { __simActions: unknown[] }).__simActions)).toEqual([]);
    await page.close();
  });
});

describe('SPA navigation', () => {
  it('removes badges when the seller leaves Sample requests without a reload, and brings them back on return', async () => {
    const us = shopByKey(env.world, 'us');
    const page = await open(env, simUrl(us, 'sample-request', { tab: 10 }));
    await expectOneBadgePerRow(page, 'table', rowsOn('table', 10, 1));
    const marker = await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = 1));
    await page.getByRole('link', { name: 'Home' }).click();
    await waitFor(async () => (await page.locator(BADGE).count()) === 0 && page.url().includes('homepage'), 'badges gone on Home');
    await page.getByRole('link', { name: 'Sample requests' }).click();
    await expectOneBadgePerRow(page, 'table', rowsOn('table', 10, 1));
    expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(marker);
    await page.close();
  });
});

describe('every Affiliate Center host', () => {
  it.each([
    ['gb', 'legacy'],
    ['id', 'migrated'],
    ['global', 'legacy'],
  ] as const)('%s shop (%s route): badges, and records stored under the shop from the URL and the data', async (key, generation) => {
    const shop = shopByKey(env.world, key);
    const page = await open(env, simUrl(shop, 'sample-request', { tab: 10, generation }));
    const els = pageElements(shop, 10, 1, 50);
    await expectOneBadgePerRow(page, 'table', els.reduce((n, e) => n + e.requests.length, 0));
    const db = await readDb(env.session);
    const stored = db.sampleRequests?.filter((r) => r.shopKey === `${shop.region}:${shop.sellerId}`) ?? [];
    expect(stored.map((r) => r.applyId).sort()).toEqual(els.flatMap((e) => e.requests.map((r) => r.applyId)).sort());
    await page.close();
  });
});
