import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '../../lib/domain/money';
import { simUrl } from '../sim/install';
import { canBeApproved, currStatusOf, mainOrderIdOf, sampleCreatorFigures, scoresOf, type SampleVariant } from '../sim/surfaces/sample-wire';
import { HOSTILE, creatorOf, pageElements, productOf, shopByKey, skuOf, tabRequests, type SimRequest, type SimShop } from '../sim/world';
import { readDb, waitFor } from './browser';
import { BADGE, clickTab, expectOneBadgePerRow, freshEnv, nextPage, open, ROW, startEnv, type Env, type Markup } from './pages';

/**
 * Sample requests in both markups and both route generations: a badge on every row, exactly once, through paging and
 * tabs; on the simulator's real-shape default (research/real-shapes.md §1) every request of a group stored with
 * TikTok's own view and the creator's figures, shown on the badge; and each wire variant the simulator serves.
 */

type Row = Record<string, unknown>;
const shopKeyOf = (shop: SimShop) => `${shop.region}:${shop.sellerId}`;
/** TikTok's predicted ROI as the badge writes it (en-US, two decimals at most). */
const roiText = (r: SimRequest, world: Env['world']) => new Intl.NumberFormat('en-US').format(Math.round(Number(scoresOf(world, r)?.predictRoi) * 100) / 100);
const usd = (major: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(major);

async function storedWhen(env: Env, ready: (db: Record<string, Row[]>) => boolean, what: string): Promise<Record<string, Row[]>> {
  return waitFor(async () => {
    const db = await readDb(env.session);
    return ready(db) && db;
  }, what, 20_000);
}

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
    await page.getByRole('link', { name: 'Home', exact: true }).click();
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

describe('the real shape (research/real-shapes.md §1), as the simulator serves it by default', () => {
  it('stores every request of every group on the page, with TikTok’s view, the order, and the creator’s figures as metrics', async () => {
    const us = shopByKey(env.world, 'us');
    const page = await open(env, simUrl(us, 'sample-request', { tab: 30 }));
    await expectOneBadgePerRow(page, 'table', rowsOn('table', 30, 1));
    await clickTab(page, 'To review');
    await expectOneBadgePerRow(page, 'table', rowsOn('table', 10, 1));
    const groups = [10, 30].flatMap((tab) => pageElements(us, tab, 1, 50)).filter((e) => e.requests.length > 1);
    const inGroups = groups.flatMap((e) => e.requests);
    expect(groups.length).toBeGreaterThan(1);
    const db = await storedWhen(env, (d) => inGroups.every((r) => d.sampleRequests?.some((x) => x.applyId === r.applyId)), 'every request of every group');
    const byId = new Map((db.sampleRequests ?? []).map((x) => [x.applyId as string, x]));
    for (const r of inGroups) {
      const code = currStatusOf(r.status, new Set());
      const scores = scoresOf(env.world, r);
      expect(byId.get(r.applyId), r.applyId).toMatchObject({
        shopKey: shopKeyOf(us),
        groupId: r.groupId,
        creatorHandle: creatorOf(us, r.creatorId).handle,
        productId: r.productId,
        status: r.status,
        statusRaw: `curr_status:${code}`,
        reviewStatusRaw: '10',
        appliedAt: r.applyTime,
        tiktok: {
          value: {
            canBeApproved: canBeApproved(r),
            ...(scores && { predictedRoi: Number(scores.predictRoi), finalScore: Number(scores.finalScore), exposureScore: Number(scores.exposureScore) }),
          },
          source: { endpoint: 'sample.group.list' },
        },
        ...(r.status === 'SHIPPED' && { mainOrderId: mainOrderIdOf(r) }),
      });
    }
    // The creators' figures, read from display strings: a creator never opened in Find creators is known.
    for (const c of new Set(groups.map((e) => e.creator))) {
      const f = sampleCreatorFigures(env.world, us, c);
      const stored = db.creators?.find((x) => x.handle === c.handle);
      expect(stored?.metrics, c.handle).toMatchObject({
        value: { followers: c.followers, contentVideoViews: f.videoViews, ...(f.authorised && { gmv: money(f.gmv.toFixed(2), 'USD'), unitsSold: f.itemsSold }) },
        source: { endpoint: 'sample.group.list' },
      });
    }
    const product = productOf(us, inGroups[0]!.productId);
    expect(db.products?.find((p) => p.productId === product.productId)?.price).toEqual(money(skuOf(us, inGroups[0]!.skuId).price.toFixed(2), 'USD'));
    await page.close();
  });

  it('puts TikTok’s flag and predicted ROI and the creator’s GMV on the badge, each labelled as TikTok’s and sourced', async () => {
    const us = shopByKey(env.world, 'us');
    const page = await open(env, simUrl(us, 'sample-request', { tab: 10 }));
    await expectOneBadgePerRow(page, 'table', rowsOn('table', 10, 1));
    const onPage = pageElements(us, 10, 1, 50);
    const lead = onPage.find((e) => e.requests.length > 1 && e.creator.creatorId !== HOSTILE.creatorId)!.requests[0]!;
    const blocked = onPage.flatMap((e) => e.requests).find((r) => r.wire.blocked)!;
    const figures = sampleCreatorFigures(env.world, us, creatorOf(us, lead.creatorId));
    const badge = page.locator(`${BADGE}[data-apply-ids~="${lead.applyId}"]`);
    await expect.poll(() => badge.locator('button').getAttribute('aria-label')).toContain(`TikTok ROI ${roiText(lead, env.world)}`);
    const label = await badge.locator('button').getAttribute('aria-label');
    if (figures.authorised) expect(label).toContain(`GMV ${usd(figures.gmv)}`);
    expect(await page.locator(`${BADGE}[data-apply-ids~="${blocked.applyId}"] button`).getAttribute('aria-label')).toContain('TikTok: cannot approve');
    await badge.locator('button').focus();
    const tip = badge.locator('[role="tooltip"]');
    await expect.poll(() => tip.evaluate((el) => el.matches(':popover-open'))).toBe(true);
    const text = await tip.textContent();
    expect(text).toContain(`TikTok says this request can be approved. TikTok’s predicted ROI: ${roiText(lead, env.world)} (TikTok’s own estimate, not Collab Lens’s). Source: Sample requests, seen`);
    const creator = creatorOf(us, lead.creatorId);
    const shown = [`${creator.followers.toLocaleString('en-US')} followers`, ...(figures.authorised ? [`GMV ${usd(figures.gmv)}`, `${figures.itemsSold.toLocaleString('en-US')} items sold`] : [])];
    expect(text).toContain(`As TikTok shows the creator: ${shown.join(' · ')}. Source: Sample requests, seen`);
    await page.close();
  });
});

/**
 * Each wire form the simulator serves besides its default (`SAMPLE_VARIANTS`), on a fresh profile: what a seller's
 * visit stores, counted against the simulated world.
 */
const VARIANTS: readonly { variant: SampleVariant; tab: number; expect: (r: SimRequest, lead: boolean) => Row }[] = [
  { variant: 'sample-request.list-under-data', tab: 10, expect: (r) => ({ status: 'PENDING', statusRaw: 'curr_status:10', commissionBps: r.commissionBps }) },
  { variant: 'sample-request.apply-detail-spelling', tab: 10, expect: () => ({ status: 'PENDING', statusRaw: 'curr_status:10' }) },
  {
    variant: 'sample-request.apply-infos-ids-only',
    tab: 10,
    // A request named by its ids alone takes its state from the tab; only the row's own request has its details.
    expect: (r, lead) => (lead ? { status: 'PENDING', statusRaw: 'curr_status:10', commissionBps: r.commissionBps } : { status: 'PENDING', statusRaw: 'tab:10', commissionBps: undefined, deadline: undefined }),
  },
  { variant: 'sample-request.status-names', tab: 60, expect: (r) => ({ status: r.status, statusRaw: `curr_status:60 ${r.status}`, sampleType: r.sampleType }) },
  { variant: 'sample-request.end-status-codes', tab: 60, expect: (r) => ({ status: 'CANCELLED', statusRaw: `curr_status:${currStatusOf(r.status, new Set(['sample-request.end-status-codes']))}` }) },
  { variant: 'sample-request.end-status-codes', tab: 50, expect: (r) => ({ status: 'COMPLETED', statusRaw: `curr_status:${currStatusOf(r.status, new Set(['sample-request.end-status-codes']))}` }) },
  // Tab codes Collab Lens has no mapping for: the requests are stored, their state unknown, the codes kept.
  { variant: 'sample-request.end-tab-codes', tab: 60, expect: () => ({ status: 'UNKNOWN', statusRaw: 'curr_status:60' }) },
  { variant: 'sample-request.end-tab-codes', tab: 50, expect: () => ({ status: 'UNKNOWN', statusRaw: 'curr_status:50' }) },
];

describe.each(VARIANTS)('wire variant $variant, tab $tab', ({ variant, tab, expect: expected }) => {
  const fresh = freshEnv();

  it('stores every request of the page as the variant says, none lost', async () => {
    const us = shopByKey(fresh.world, 'us');
    const page = await open(fresh, simUrl(us, 'sample-request', { tab, variant }));
    const elements = pageElements(us, tab, 1, 50);
    const requests = elements.flatMap((e) => e.requests);
    await expectOneBadgePerRow(page, 'table', requests.length);
    const db = await storedWhen(fresh, (d) => requests.every((r) => d.sampleRequests?.some((x) => x.applyId === r.applyId)), 'every request of the page');
    const stored = (db.sampleRequests ?? []).filter((x) => x.shopKey === shopKeyOf(us));
    expect(stored.map((x) => x.applyId).sort()).toEqual(requests.map((r) => r.applyId).sort());
    const leads = new Set(elements.map((e) => e.requests[0]!.applyId));
    for (const r of requests) expect(stored.find((x) => x.applyId === r.applyId), r.applyId).toMatchObject({ creatorHandle: creatorOf(us, r.creatorId).handle, productId: r.productId, ...expected(r, leads.has(r.applyId)) });
    expect(db.endpointStats?.find((x) => x.endpoint === 'sample.group.list')).toMatchObject({ accepted: requests.length, rejected: 0 });
    await page.close();
  });
});
