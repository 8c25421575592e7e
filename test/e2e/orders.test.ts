import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { simUrl } from '../sim/install';
import { DEFAULT_RANGE_DAYS, FAULT_BROKEN_ROW_COUNT, ORDERS_PAGE_SIZE, faultPlan, ordersInRange, shopOrders, type OrdersBody, type SimOrder } from '../sim/surfaces/orders';
import { HOSTILE, shopByKey, type SimShop } from '../sim/world';
import { readDb, waitFor } from './browser';
import { afterRender, nextPage, open, startEnv, type Env } from './pages';

/** Affiliate orders in both markups and both route generations, on four hosts: what the extension stores, against the world. */

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.session.close());

const DAY = 86_400_000;
const SETTLEMENT = { Unknown: 'UNKNOWN', 'AWAITING PAYMENT': 'AWAITING_PAYMENT', 'To-SETTLE': 'TO_SETTLE', SETTLED: 'SETTLED', INELIGIBLE: 'INELIGIBLE' } as const;
const ROWS = { table: 'table tbody tr', cards: 'article.m-ord-card' } as const;

type Row = Record<string, unknown>;
const shopKeyOf = (shop: SimShop) => `${shop.region}:${shop.sellerId}`;
const keysOf = (orders: SimOrder[]) => orders.flatMap((o) => o.skus.map((s) => `${o.orderId}|${s.skuId}`));
const range = (e: Env, days: number, page = 1): OrdersBody => ({ begin: e.world.now - days * DAY, end: e.world.now, page, pageSize: ORDERS_PAGE_SIZE });
const pageOf = (e: Env, shop: SimShop, body: OrdersBody) => ordersInRange(e.world, shop, body.begin, body.end).slice((body.page - 1) * body.pageSize, body.page * body.pageSize);

/** Waits until every SKU row of `orders` is stored, then returns the database. */
async function stored(e: Env, orders: SimOrder[]): Promise<Record<string, Row[]>> {
  const keys = keysOf(orders);
  return waitFor(async () => {
    const db = await readDb(e.session);
    const have = new Set((db.orderSkus ?? []).map((r) => r.key));
    return keys.every((k) => have.has(k)) && db;
  }, `${keys.length} order SKU rows stored`);
}

/** Minor digits the browser's Intl gives a currency: the extension stores Money in those. */
const browserDigits = (page: Page, currency: string) =>
  page.evaluate((c) => new Intl.NumberFormat('en', { style: 'currency', currency: c }).resolvedOptions().maximumFractionDigits ?? 2, currency);

/** Every stored row of `orders` matches the world: ids, creator, content, attribution, rates, amounts, settlement, refund. */
async function expectStoredAsInWorld(e: Env, page: Page, shop: SimShop, orders: SimOrder[], db: Record<string, Row[]>): Promise<void> {
  const scale = 10 ** ((await browserDigits(page, shop.currency)) - (shop.currency === 'IDR' ? 0 : 2));
  const money = (minor: number | null) => (minor === null ? undefined : { minor: minor * scale, currency: shop.currency });
  const byKey = new Map((db.orderSkus ?? []).map((r) => [r.key as string, r]));
  const orderById = new Map((db.orders ?? []).map((o) => [o.orderId as string, o]));
  const creators = new Map((db.creators ?? []).map((c) => [c.handle as string, c]));
  const rowsSent = new Map(shopOrders(e.world, shop).map((o) => [o.orderId, o.skus.length]));
  for (const o of orders) {
    expect(orderById.get(o.orderId)).toMatchObject({ shopKey: shopKeyOf(shop), createdAt: o.createTime, skuRows: rowsSent.get(o.orderId) });
    for (const s of o.skus) {
      const creator = shop.creators.find((c) => c.creatorId === s.creatorId)!;
      const row = byKey.get(`${o.orderId}|${s.skuId}`);
      expect(row).toMatchObject({
        shopKey: shopKeyOf(shop),
        createdAt: o.createTime,
        productId: s.productId,
        quantity: s.quantity,
        price: money(s.unitPriceMinor),
        creatorHandle: creator.handle,
        contentType: s.contentType,
        collaboration: s.collaboration,
        commissionBps: s.commissionBps,
        adsCommissionBps: s.adsBps,
        estimatedCommission: money(s.estimatedMinor),
        estimatedAdsCommission: money(s.estimatedAdsMinor),
        settlement: SETTLEMENT[s.settlement],
        settlementRaw: s.settlement,
        settlementField: 'settlement_status',
        refunded: s.refunded ? 1 : 0,
      });
      expect(row?.contentId).toBe(s.contentId || undefined);
      expect(row?.actualCommission).toEqual(money(s.actualMinor));
      expect(row?.partnerCommissionBps).toBe(s.partnerBps || undefined);
      expect(creators.get(creator.handle)).toMatchObject({ nickname: creator.nickname });
    }
  }
  const firstSettlements = (db.transitions ?? []).filter((t) => t.entity === 'orderSku' && t.from === undefined).map((t) => t.key);
  expect(firstSettlements).toEqual(expect.arrayContaining(keysOf(orders)));
}

const renderedRows = (page: Page, markup: keyof typeof ROWS) => page.locator(ROWS[markup]).count();

describe('US shop', () => {
  it('table markup, legacy route: stores each page, follows the pager and a custom date range', async () => {
    const us = shopByKey(env.world, 'us');
    const page = await open(env, simUrl(us, 'orders', { markup: 'table' }));
    const first = pageOf(env, us, range(env, DEFAULT_RANGE_DAYS));
    expect(await renderedRows(page, 'table')).toBe(keysOf(first).length);
    await expectStoredAsInWorld(env, page, us, first, await stored(env, first));

    await nextPage(page);
    const second = pageOf(env, us, range(env, DEFAULT_RANGE_DAYS, 2));
    await expectStoredAsInWorld(env, page, us, second, await stored(env, second));

    const from = new Date(env.world.now - 60 * DAY).toISOString().slice(0, 10);
    const to = new Date(env.world.now - 45 * DAY).toISOString().slice(0, 10);
    await page.fill('input[name="from"]', from);
    await page.fill('input[name="to"]', to);
    await afterRender(page, () => page.getByRole('button', { name: 'Apply' }).click());
    const custom = ordersInRange(env.world, us, Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`) + DAY - 1).slice(0, ORDERS_PAGE_SIZE);
    expect(custom.length).toBeGreaterThan(0);
    expect(await renderedRows(page, 'table')).toBe(keysOf(custom).length);
    await expectStoredAsInWorld(env, page, us, custom, await stored(env, custom));
    expect(page.url()).toContain(`from=${from}`);
    expect(await page.evaluate(() => (window as unknown as { __simActions: unknown[] }).__simActions)).toEqual([]);
    await page.close();
  });

  it('cards markup, migrated route, XHR: a preset range, every settlement status, hostile text kept as text', async () => {
    const us = shopByKey(env.world, 'us');
    const page = await open(env, simUrl(us, 'orders', { markup: 'cards', generation: 'migrated', transport: 'xhr' }));
    const first = pageOf(env, us, range(env, DEFAULT_RANGE_DAYS));
    expect(await renderedRows(page, 'cards')).toBe(first.length);
    await afterRender(page, () => page.getByRole('button', { name: 'Last 90 days' }).click());
    const ninety = pageOf(env, us, range(env, 90));
    await nextPage(page);
    const ninetySecond = pageOf(env, us, range(env, 90, 2));
    expect(await renderedRows(page, 'cards')).toBe(ninetySecond.length);
    const db = await stored(env, [...ninety, ...ninetySecond]);
    await expectStoredAsInWorld(env, page, us, ninetySecond, db);
    const mine = (db.orderSkus ?? []).filter((r) => r.shopKey === shopKeyOf(us));
    expect(new Set(mine.map((r) => r.settlement))).toEqual(new Set(Object.values(SETTLEMENT)));
    expect(mine.some((r) => r.refunded === 1)).toBe(true);
    const hostile = (db.creators ?? []).find((c) => c.handle === HOSTILE.handle);
    expect(hostile?.nickname).toBe(HOSTILE.nickname);
    expect((db.products ?? []).find((p) => p.productId === HOSTILE.productId)?.title).toBe(HOSTILE.productTitle);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned === undefined && document.querySelectorAll('img[src="x"]').length)).toBe(0);
    await page.close();
  });
});

describe('every other Affiliate Center host, in its currency', () => {
  it.each([
    ['gb', 'legacy', 'cards'],
    ['id', 'migrated', 'table'],
    ['global', 'migrated', 'cards'],
  ] as const)('%s shop (%s route, %s markup): rows stored under the shop from the URL, money in the shop currency', async (key, generation, markup) => {
    const shop = shopByKey(env.world, key);
    const page = await open(env, simUrl(shop, 'orders', { generation, markup, params: { range: '90' } }));
    const first = pageOf(env, shop, range(env, 90));
    expect(await renderedRows(page, markup)).toBe(markup === 'cards' ? first.length : keysOf(first).length);
    const db = await stored(env, first);
    await expectStoredAsInWorld(env, page, shop, first, db);
    const mine = (db.orderSkus ?? []).filter((r) => r.shopKey === shopKeyOf(shop));
    expect(mine.every((r) => (r.estimatedCommission as { currency: string }).currency === shop.currency)).toBe(true);
    await page.close();
  });
});

describe('a changed response shape', () => {
  // A browser of its own, so no clean response of the same orders has been stored before.
  let faultEnv: Env;
  beforeAll(async () => {
    faultEnv = await startEnv();
  });
  afterAll(() => faultEnv?.session.close());

  it('stores none of the broken rows, keeps the rest, and counts the rejections per endpoint', async () => {
    const env = faultEnv;
    const shop = shopByKey(env.world, 'global');
    const body = range(env, DEFAULT_RANGE_DAYS);
    const plan = faultPlan(env.world, shop, body);
    expect(plan.brokenRows).toHaveLength(FAULT_BROKEN_ROW_COUNT);
    const before = (await readDb(env.session)).endpointStats?.find((s) => s.endpoint === 'orders.list');
    const page = await open(env, simUrl(shop, 'orders', { generation: 'legacy', fault: 'shape' }));
    const list = pageOf(env, shop, body);
    const brokenOrder = plan.missingOrderId!.split('|')[0]!;
    const intact = list.map((o) => ({ ...o, skus: o.skus.filter((s) => !plan.brokenRows.includes(`${o.orderId}|${s.skuId}`)) })).filter((o) => o.skus.length);
    const db = await stored(env, intact);
    const stat = await waitFor(async () => {
      const s = (await readDb(env.session)).endpointStats?.find((x) => x.endpoint === 'orders.list');
      return (s?.rejected as number) >= ((before?.rejected as number | undefined) ?? 0) + FAULT_BROKEN_ROW_COUNT && s;
    }, 'the rejections counted');
    expect((stat.rejected as number) - ((before?.rejected as number | undefined) ?? 0)).toBe(FAULT_BROKEN_ROW_COUNT);
    expect(Object.keys(stat.failures as Record<string, number>)).toEqual(
      expect.arrayContaining([
        'orders[].sku_detail[].cos_ratio: invalid_union',
        'orders[].sku_detail[].estimated_cos_fee: invalid_union',
        expect.stringMatching(/^orders\[\]\.sku_detail\[\]\.sku_id: /),
        'orders[].main_order_id: custom',
      ]),
    );
    const keys = new Set((db.orderSkus ?? []).map((r) => r.key));
    for (const k of plan.brokenRows) expect(keys.has(k), k).toBe(false);
    expect((db.orders ?? []).some((o) => o.orderId === brokenOrder)).toBe(false);
    const mine = (db.orderSkus ?? []).filter((r) => r.shopKey === shopKeyOf(shop));
    expect(mine.map((r) => r.key).sort()).toEqual(keysOf(intact).sort());
    for (const r of mine) {
      expect(Object.values(SETTLEMENT)).toContain(r.settlement);
      expect(Number.isInteger((r.estimatedCommission as { minor: number }).minor)).toBe(true);
      expect(Number.isInteger(r.commissionBps)).toBe(true);
    }
    await expectStoredAsInWorld(env, page, shop, intact, db);
    await page.close();
  });
});
