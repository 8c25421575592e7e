import { isDeepStrictEqual } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '../../lib/domain/money';
import { faultPlan } from '../sim/api';
import { simUrl } from '../sim/install';
import { advanceRequest, amountText, contentsOf, refundableFaultPlan, refundableOf, refundableTabRequests, refundableTabs, type ContentFormat } from '../sim/surfaces/sample-lifecycle';
import { currStatusOf } from '../sim/surfaces/sample-wire';
import { HOSTILE, SAMPLE_TABS, creatorOf, pageElements, shopByKey, tabByCode, type SampleStatus, type SimRequest, type SimShop, type World } from '../sim/world';
import { readDb, waitFor, type Session } from './browser';
import { afterRender, clickTab, expectOneBadgePerRow, freshEnv, navigate, open, startEnv, type Env, type Markup } from './pages';

/**
 * Sample requests over a request's whole life: every tab of the free list, the refundable view with its progress, and
 * the content creators posted (video and LIVE), in both markups and route generations on every host, on the real-shape
 * default and on the wire variants the simulator serves; then a request watched over time, and responses whose shape
 * changed.
 */

type Row = Record<string, unknown>;
const shopKeyOf = (shop: SimShop) => `${shop.region}:${shop.sellerId}`;
const actions = (page: Page) => page.evaluate(() => (window as unknown as { __simActions: { action: string; applyId: string }[] }).__simActions);

/** The page's row (table) or item (cards) of one request: its creator's handle and its product id. */
function rowOf(page: Page, markup: Markup, shop: SimShop, r: SimRequest): Locator {
  const handle = creatorOf(shop, r.creatorId).handle;
  if (markup === 'table') return page.locator('table tbody tr').filter({ has: page.getByText(`@${handle}`, { exact: true }) }).filter({ hasText: r.productId });
  return page.locator('article').filter({ has: page.getByText(handle, { exact: true }) }).locator('li.m-sr-item').filter({ hasText: r.productId });
}

/**
 * What Collab Lens can know of a request's state from the wire form served: its own code where the code is one we know
 * (10–40), else the tab it is listed under (50 completed, 60 cancelled without a reason), unless the form names it.
 */
function seenStatus(r: SimRequest, variants: ReadonlySet<string>): SampleStatus | 'CANCELLED' {
  if (variants.has('sample-request.status-names')) return r.status;
  const tab = SAMPLE_TABS.find((t) => t.statuses.includes(r.status))!;
  return tab.code <= 40 ? r.status : tab.code === 50 ? 'COMPLETED' : 'CANCELLED';
}
const seenRaw = (r: SimRequest, variants: ReadonlySet<string>) =>
  `curr_status:${currStatusOf(r.status, variants)}${variants.has('sample-request.status-names') ? ` ${r.status}` : ''}`;

const FORMATS: readonly { tab: string; format: ContentFormat }[] = [
  { tab: 'Videos', format: 'VIDEO' },
  { tab: 'LIVE', format: 'LIVE' },
];

/** Open a request's content panel, check each format's posts against the world, and close it with Escape. */
async function viewContent(page: Page, markup: Markup, world: World, shop: SimShop, r: SimRequest): Promise<void> {
  const row = rowOf(page, markup, shop, r);
  expect(await row.count()).toBe(1);
  await afterRender(page, () => row.getByRole('button', { name: 'View content' }).click());
  const dialog = page.getByRole('dialog', { name: 'Sample content' });
  expect(await dialog.getAttribute('data-apply-id')).toBe(r.applyId);
  for (const [i, f] of FORMATS.entries()) {
    if (i > 0) await afterRender(page, () => dialog.getByRole('tab', { name: f.tab }).click());
    const expected = contentsOf(world, shop, r).filter((c) => c.format === f.format);
    expect(await dialog.locator('li[data-content-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-content-id')))).toEqual(expected.map((c) => c.contentId));
  }
  await page.keyboard.press('Escape');
  await waitFor(async () => (await dialog.count()) === 0, 'the content panel to close');
}

/** Requests of a free tab's first page whose row can be told apart (one request per creator and product) and that have posts. */
function withContent(world: World, shop: SimShop, tab: number): SimRequest[] {
  const onPage = pageElements(shop, tab, 1, 50).flatMap((e) => e.requests);
  const pair = (r: SimRequest) => `${r.creatorId}|${r.productId}`;
  return onPage.filter((r) => onPage.filter((x) => pair(x) === pair(r)).length === 1 && contentsOf(world, shop, r).length > 0);
}

async function storedWhen(session: Session, ready: (db: Record<string, Row[]>) => boolean, what: string): Promise<Record<string, Row[]>> {
  return waitFor(async () => {
    const db = await readDb(session);
    return ready(db) && db;
  }, what, 20_000);
}

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.session.close());

describe.each([
  ['us', 'table', 'legacy', ''],
  ['gb', 'cards', 'migrated', 'sample-request.status-names'],
  ['id', 'cards', 'legacy', 'sample-request.list-under-data,sample-request.apply-detail-spelling'],
  ['global', 'table', 'migrated', 'sample-request.end-status-codes,sample-request.content-top-level'],
] as const)('%s shop, %s markup, %s route, wire variants [%s]', (key, markup, generation, variant) => {
  it('stores every tab, the refundable view with its progress, and the content of the requests viewed, as the world has them', async () => {
    const world = env.world;
    const shop = shopByKey(world, key);
    const variants = new Set(variant ? variant.split(',') : []);
    const page = await open(env, simUrl(shop, 'sample-request', { markup, generation, tab: 10, ...(variant && { variant }) }));

    // Every tab of the free list; content panels on in-progress and completed rows.
    const viewed: SimRequest[] = [];
    for (const tab of SAMPLE_TABS) {
      if (tab.code !== 10) await clickTab(page, tab.label);
      if (tab.code === 40) viewed.push(...withContent(world, shop, 40).slice(0, 1));
      if (tab.code === 50) {
        const completed = withContent(world, shop, 50);
        const hostile = completed.find((r) => contentsOf(world, shop, r).some((c) => c.description === HOSTILE.nickname));
        viewed.push(...new Set([...completed.slice(0, 2), ...(hostile ? [hostile] : [])]));
      }
      for (const r of viewed.filter((x) => tab.statuses.includes(x.status))) await viewContent(page, markup, world, shop, r);
    }
    expect(viewed.length).toBeGreaterThanOrEqual(2);
    if (key === 'us') expect(viewed.some((r) => contentsOf(world, shop, r).some((c) => c.description === HOSTILE.nickname))).toBe(true);
    expect(await actions(page)).toEqual(viewed.map((r) => ({ action: 'view-content', applyId: r.applyId })));

    // The refundable view: its own tabs with counts, badges on its rows, every tab.
    await afterRender(page, () => page.getByRole('radio', { name: 'Refundable samples' }).click());
    expect(new URL(page.url()).searchParams.get('sample_type')).toBe('refundable');
    const counts = refundableTabs(shop);
    await waitFor(
      async () => {
        const shown = await page.getByRole('tab').evaluateAll((els) => els.map((e) => e.textContent));
        return counts.every((t) => shown.includes(`${tabByCode(t.tab)?.label} ${t.count}`));
      },
      'the refundable tab counts',
    );
    const refundableFirst = refundableTabRequests(shop, 10).slice(0, 50);
    await expectOneBadgePerRow(page, markup, markup === 'table' ? refundableFirst.length : new Set(refundableFirst.map((r) => r.creatorId)).size);
    for (const tab of SAMPLE_TABS.slice(1)) await clickTab(page, tab.label);

    // What was stored: exactly the requests shown, in their world status and type, with the refundable terms.
    const free = SAMPLE_TABS.flatMap((t) => pageElements(shop, t.code, 1, 50).flatMap((e) => e.requests));
    const refundable = SAMPLE_TABS.flatMap((t) => refundableTabRequests(shop, t.code).slice(0, 50));
    const shown = new Map([...free, ...refundable].map((r) => [r.applyId, r]));
    const contentIds = viewed.flatMap((r) => contentsOf(world, shop, r).map((c) => c.contentId));
    const db = await storedWhen(
      env.session,
      (d) => {
        const ids = new Set(d.sampleRequests?.map((r) => r.applyId));
        const withTerms = new Set(d.sampleRequests?.filter((r) => r.refundable).map((r) => r.applyId));
        const contents = new Set(d.sampleContents?.map((c) => c.contentId));
        return [...shown.keys()].every((id) => ids.has(id)) && refundable.every((r) => withTerms.has(r.applyId)) && contentIds.every((id) => contents.has(id));
      },
      'every request, refundable term and content shown to be stored',
    );
    const requests = (db.sampleRequests ?? []).filter((r) => r.shopKey === shopKeyOf(shop));
    expect(requests.map((r) => r.applyId).sort()).toEqual([...shown.keys()].sort());
    const inRefundableView = new Set(refundable.map((r) => r.applyId));
    for (const stored of requests) {
      const r = shown.get(stored.applyId as string)!;
      // The free list names a request's type only where the form sends it; the refundable view always does.
      const sampleType = variants.has('sample-request.status-names') ? r.sampleType : inRefundableView.has(r.applyId) ? 'REFUNDABLE_SAMPLE' : undefined;
      expect(stored, r.applyId).toMatchObject({ status: seenStatus(r, variants), statusRaw: seenRaw(r, variants), sampleType, creatorHandle: creatorOf(shop, r.creatorId).handle, productId: r.productId });
    }
    for (const r of refundable) {
      const p = refundableOf(world, shop, r);
      expect(requests.find((x) => x.applyId === r.applyId)?.refundable, r.applyId).toEqual({
        goalUnits: p.goalUnits,
        soldUnits: p.soldUnits,
        windowEndAt: p.windowEndAt,
        deposit: money(amountText(shop, p.deposit), shop.currency),
      });
    }
    // The world stood still while we browsed: one transition per request (its first status), one snapshot per refundable request.
    const keys = new Set(requests.map((r) => r.applyId));
    const transitions = (db.transitions ?? []).filter((t) => t.entity === 'sampleRequest' && keys.has(t.key as string));
    expect(transitions.length).toBe(requests.length);
    const progress = (db.snapshots ?? []).filter((s) => s.entity === 'sampleRequest' && keys.has(s.key as string));
    expect(progress.length).toBe(refundable.length);

    // The content of the requests viewed, tied to the request, the creator and the shop.
    const contents = (db.sampleContents ?? []).filter((c) => c.shopKey === shopKeyOf(shop));
    expect(contents.map((c) => c.contentId).sort()).toEqual([...contentIds].sort());
    for (const r of viewed) {
      for (const c of contentsOf(world, shop, r)) {
        expect(contents.find((x) => x.contentId === c.contentId)).toMatchObject({
          applyId: r.applyId,
          creatorHandle: creatorOf(shop, r.creatorId).handle,
          productId: r.productId,
          format: c.format,
          description: c.description,
          postedAt: c.createTime,
          views: c.views,
          likes: c.likes,
          comments: c.comments,
          paidOrders: c.paidOrders,
          source: { endpoint: 'sample.performance' },
          ...(c.format === 'VIDEO' ? { url: c.url } : { liveEndAt: c.liveEndTime }),
        });
      }
    }
    // A hostile caption stayed text: nothing ran on the page.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned === undefined && document.querySelectorAll('img[src="x"]').length)).toBe(0);
    await page.close();
  });
});

describe('a request watched over time', () => {
  it('records each stage once, in order, when it is first seen, from whichever list shows it, and dates the refundable progress', { timeout: 180_000 }, async () => {
    const world = env.world;
    const us = shopByKey(world, 'us');
    const onFirstPage = pageElements(us, 10, 1, 50).flatMap((e) => e.requests).filter((r) => r.creatorId !== HOSTILE.creatorId);
    const free = onFirstPage.find((r) => r.sampleType === 'FREE_SAMPLE')!;
    const refundable = onFirstPage.find((r) => r.sampleType === 'REFUNDABLE_SAMPLE')!;
    const cancelled = onFirstPage.find((r) => r !== free && r !== refundable && r.sampleType === 'FREE_SAMPLE')!;
    const watched = [free, refundable];
    const statusOf = (db: Record<string, Row[]>, r: SimRequest) => db.sampleRequests?.find((x) => x.applyId === r.applyId)?.status;
    const page = await open(env, simUrl(us, 'sample-request', { markup: 'cards', tab: 10, params: { sample_type: 'refundable' } }));

    /**
     * The seller comes back later: the requests' current tab in the free list, then in the refundable view (switching
     * views opens To review first). Wait until what was shown is stored.
     */
    const expectedProgress: unknown[] = [];
    const visit = async () => {
      const tab = SAMPLE_TABS.find((t) => t.statuses.includes(free.status))!;
      for (const view of ['Free samples', 'Refundable samples']) {
        await afterRender(page, () => page.getByRole('radio', { name: view }).click());
        if (tab.code !== 10) await clickTab(page, tab.label);
      }
      const p = refundableOf(world, us, refundable);
      const values = { goalUnits: p.goalUnits, soldUnits: p.soldUnits, windowEndAt: p.windowEndAt, deposit: money(amountText(us, p.deposit), us.currency) };
      if (!isDeepStrictEqual(expectedProgress.at(-1), values)) expectedProgress.push(values);
      const progressStored = (db: Record<string, Row[]>) => isDeepStrictEqual(db.sampleRequests?.find((x) => x.applyId === refundable.applyId)?.refundable, values);
      await storedWhen(env.session, (db) => watched.every((r) => statusOf(db, r) === r.status) && progressStored(db), `the requests stored as ${free.status}`);
    };

    const stages = [free.status];
    await visit();
    for (let i = 0; i < 4; i++) {
      for (const r of watched) advanceRequest(r, Date.now());
      stages.push(free.status);
      expect(refundable.status).toBe(free.status);
      await visit();
    }
    expect(stages).toEqual(['PENDING', 'AWAITING_SHIPMENT', 'SHIPPED', 'CONTENT_PENDING', 'COMPLETED']);

    // One of the other requests ends without being shipped: the Cancelled tab lists it, without saying why; a page
    // that names the ending (the status-names form) gives the reason, which a later listing without one keeps.
    cancelled.status = 'OVERDUE_CANCELLED';
    cancelled.deadline = null;
    await navigate(page, simUrl(us, 'sample-request', { tab: 60 }));
    await storedWhen(env.session, (db) => statusOf(db, cancelled) === 'CANCELLED', 'the cancellation');
    await navigate(page, simUrl(us, 'sample-request', { tab: 60, variant: 'sample-request.status-names' }));
    await storedWhen(env.session, (db) => statusOf(db, cancelled) === 'OVERDUE_CANCELLED', 'the cancelled ending');
    await navigate(page, simUrl(us, 'sample-request', { tab: 60 }));
    await storedWhen(env.session, (db) => db.sampleRequests?.find((x) => x.applyId === cancelled.applyId)?.statusRaw === 'curr_status:60', 'the listing without a reason');
    expect(statusOf(await readDb(env.session), cancelled)).toBe('OVERDUE_CANCELLED');

    // Completed now: its content can be viewed and is stored against it.
    await navigate(page, simUrl(us, 'sample-request', { tab: 50 }));
    await viewContent(page, 'table', world, us, free);
    const posts = contentsOf(world, us, free).map((c) => c.contentId);
    expect(posts.length).toBeGreaterThanOrEqual(1);
    const db = await storedWhen(env.session, (d) => posts.every((id) => d.sampleContents?.some((c) => c.contentId === id && c.applyId === free.applyId)), 'the posts of the completed request');

    const historyOf = (r: SimRequest) =>
      (db.transitions ?? []).filter((t) => t.entity === 'sampleRequest' && t.key === r.applyId).sort((a, b) => (a.seenAt as number) - (b.seenAt as number));
    for (const r of watched) {
      const history = historyOf(r);
      expect(history.map((t) => [t.from, t.to])).toEqual(stages.map((s, i) => [stages[i - 1], s]));
      const times = history.map((t) => t.seenAt as number);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(new Set(times).size).toBe(times.length);
    }
    // Each stage of the free request was first seen on the free list; the refundable one on whichever list came first.
    expect(historyOf(free).every((t) => (t.source as { endpoint: string }).endpoint === 'sample.group.list')).toBe(true);
    expect(historyOf(cancelled).map((t) => [t.from, t.to, t.raw])).toEqual([
      [undefined, 'PENDING', 'curr_status:10'],
      ['PENDING', 'CANCELLED', 'curr_status:60'],
      ['CANCELLED', 'OVERDUE_CANCELLED', 'curr_status:60 OVERDUE_CANCELLED'],
      ['OVERDUE_CANCELLED', 'OVERDUE_CANCELLED', 'curr_status:60'],
    ]);
    const progress = (db.snapshots ?? [])
      .filter((s) => s.entity === 'sampleRequest' && s.key === refundable.applyId)
      .sort((a, b) => (a.seenAt as number) - (b.seenAt as number))
      .map((s) => (s.values as { refundable: unknown }).refundable);
    expect(progress).toEqual(expectedProgress);
    expect(db.sampleRequests?.find((r) => r.applyId === refundable.applyId)).toMatchObject({ status: 'COMPLETED', sampleType: 'REFUNDABLE_SAMPLE', refundable: expectedProgress.at(-1) });
    await page.close();
  });
});

describe('responses whose shape changed', () => {
  const faultEnv = freshEnv();

  it('store nothing invalid from the refundable list or the content, count the rejects, and leave the page rendering', async () => {
    const world = faultEnv.world;
    const shop = shopByKey(world, 'id');
    const plan = refundableFaultPlan(shop, 10, 1, 50);
    expect(plan.brokenApplyIds).toHaveLength(2);
    const page = await open(faultEnv, simUrl(shop, 'sample-request', { tab: 10, fault: 'shape', params: { sample_type: 'refundable' } }));
    const listed = refundableTabRequests(shop, 10).slice(0, 50);
    // The page tolerates the change: every row it received is rendered.
    expect(await page.locator('table tbody tr').count()).toBe(listed.length);

    // A completed request whose row the free list (also faulty) still renders readably, with at least one video.
    await navigate(page, simUrl(shop, 'sample-request', { tab: 50, fault: 'shape' }));
    const broken = new Set(faultPlan(shop, 50, 1, 50).brokenApplyIds);
    const r = withContent(world, shop, 50).find((x) => !broken.has(x.applyId) && contentsOf(world, shop, x).some((c) => c.format === 'VIDEO'))!;
    const videos = contentsOf(world, shop, r).filter((c) => c.format === 'VIDEO');
    const row = rowOf(page, 'table', shop, r);
    await afterRender(page, () => row.getByRole('button', { name: 'View content' }).click());
    // The first video's count is unreadable; the page shows what it can.
    expect(await page.getByRole('dialog').locator('li[data-content-id]').count()).toBe(videos.length);

    const db = await storedWhen(
      faultEnv.session,
      (d) => d.endpointStats?.some((s) => s.endpoint === 'sample.performance') === true && d.endpointStats.some((s) => s.endpoint === 'sample.refundable.list'),
      'the refundable list and the content to be counted',
    );
    const stat = (endpoint: string) => db.endpointStats?.find((s) => s.endpoint === endpoint);
    expect(stat('sample.refundable.list')).toMatchObject({ accepted: listed.length - plan.brokenApplyIds.length, rejected: plan.brokenApplyIds.length });
    // One failure per broken record, named by where the shape broke: the units sold as text, the deposit without a currency.
    const failures = Object.entries(stat('sample.refundable.list')?.failures as Record<string, number>);
    expect(failures.map(([path]) => path.replace(/^agg_info\[\]\.[a-z_.]+(\[\])?\.refundable_info/, 'refundable_info')).sort()).toEqual([
      'refundable_info.deposit.currency: custom',
      'refundable_info.sales_count: invalid_union',
    ]);
    expect(failures.reduce((n, [, count]) => n + count, 0)).toBe(plan.brokenApplyIds.length);
    expect(stat('sample.performance')).toMatchObject({ accepted: videos.length - 1, rejected: 1, failures: { 'data.content_list[].content.view_count: invalid_union': 1 } });

    // Broken refundable records are not stored at all; the rest are, with their refundable terms.
    const withTerms = new Set(db.sampleRequests?.filter((x) => x.refundable).map((x) => x.applyId));
    const storedIds = new Set(db.sampleRequests?.map((x) => x.applyId));
    for (const id of plan.brokenApplyIds) expect(storedIds.has(id)).toBe(false);
    for (const x of listed.filter((l) => !plan.brokenApplyIds.includes(l.applyId))) expect(withTerms.has(x.applyId), x.applyId).toBe(true);
    // The broken post is not stored; the others are.
    const stored = new Set(db.sampleContents?.map((c) => c.contentId));
    expect(stored.has(videos[0]!.contentId)).toBe(false);
    for (const c of videos.slice(1)) expect(stored.has(c.contentId)).toBe(true);
    await page.close();
  });
});
