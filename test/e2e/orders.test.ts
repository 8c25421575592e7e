import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { orderSkuKey } from '../../lib/adapters/orders';
import { isoWeek, recentWeeks } from '../../lib/aggregates/model';
import { orderCommissionSanity } from '../../lib/rules/order-commission-sanity';
import { simUrl } from '../sim/install';
import {
  DEFAULT_RANGE_DAYS,
  FAULT_BROKEN_ROW_COUNT,
  ORDER_VARIANTS,
  ORDERS_PAGE_SIZE,
  PROMOTION_POSITION,
  commissionOddities,
  faultPlan,
  lineKey,
  ordersInRange,
  shopOrders,
  type OrderVariant,
  type OrdersBody,
  type SimOrder,
  type SimOrderSku,
} from '../sim/surfaces/orders';
import { HOSTILE, shopByKey, type SimShop } from '../sim/world';
import { readDb, waitFor } from './browser';
import { afterRender, freshEnv, nextPage, open, openExtensionPage, startEnv, tabIdOf, type Env } from './pages';

/**
 * Affiliate orders as a seller opens them, on the simulator's real shape (research/real-shapes.md §2: orders at the top
 * level, lines without SKU ids or prices, channel codes, agency fees) and on each wire variant: what the extension
 * stores against the world, the commission findings on the page, and the popup's orders by channel.
 */

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.session.close());

const DAY = 86_400_000;
const SETTLEMENT = { Unknown: 'UNKNOWN', 'AWAITING PAYMENT': 'AWAITING_PAYMENT', 'To-SETTLE': 'TO_SETTLE', SETTLED: 'SETTLED', INELIGIBLE: 'INELIGIBLE' } as const;
const ROWS = { table: 'table tbody tr', cards: 'article.m-ord-card' } as const;
const CHANNEL = { 1: 'SHOP', 2: 'VIDEO', 3: 'LIVE' } as const;

type Row = Record<string, unknown>;
const shopKeyOf = (shop: SimShop) => `${shop.region}:${shop.sellerId}`;
const has = (variant: string | undefined, v: OrderVariant) => (variant ?? '').split(',').includes(v);
/** The key the extension stores a line under: by SKU when the answer sends SKU ids, else by position. */
const keyOf = (o: SimOrder, s: SimOrderSku, variant?: string) => orderSkuKey({ orderId: o.orderId, line: s.line, ...(has(variant, 'orders.sku-ids') && { skuId: s.skuId }) });
const keysOf = (orders: SimOrder[], variant?: string) => orders.flatMap((o) => o.skus.map((s) => keyOf(o, s, variant)));
const lineCount = (orders: SimOrder[]) => orders.reduce((n, o) => n + o.skus.length, 0);
const range = (e: Env, days: number, page = 1): OrdersBody => ({ begin: e.world.now - days * DAY, end: e.world.now, page, pageSize: ORDERS_PAGE_SIZE });
const pageOf = (e: Env, shop: SimShop, body: OrdersBody) => ordersInRange(e.world, shop, body.begin, body.end).slice((body.page - 1) * body.pageSize, body.page * body.pageSize);

/** Waits until every line of `orders` is stored, then returns the database. */
async function stored(e: Env, orders: SimOrder[], variant?: string): Promise<Record<string, Row[]>> {
  const keys = keysOf(orders, variant);
  return waitFor(async () => {
    const db = await readDb(e.session);
    const have = new Set((db.orderSkus ?? []).map((r) => r.key));
    return keys.every((k) => have.has(k)) && db;
  }, `${keys.length} order lines stored`);
}

/** Minor digits the browser's Intl gives a currency: the extension stores Money in those. */
const browserDigits = (page: Page, currency: string) =>
  page.evaluate((c) => new Intl.NumberFormat('en', { style: 'currency', currency: c }).resolvedOptions().maximumFractionDigits ?? 2, currency);

/** The form each variant writes rates in (the default: basis points). */
const formOf = (variant?: string) =>
  has(variant, 'orders.rate-fraction') ? 'fraction' : has(variant, 'orders.rate-percent') || has(variant, 'orders.rate-percent-sign') ? 'percent' : 'bps';

/**
 * Every stored line of `orders` matches the world: its order and position, creator, channel (with its code), rates and
 * the form they came in, creator, Shop Ads and agency amounts priced in the shop currency, and what the variant adds.
 */
async function expectStoredAsInWorld(e: Env, page: Page, shop: SimShop, orders: SimOrder[], db: Record<string, Row[]>, variant?: string): Promise<void> {
  const scale = 10 ** ((await browserDigits(page, shop.currency)) - (shop.currency === 'IDR' ? 0 : 2));
  const money = (minor: number | null) => (minor === null ? undefined : { minor: minor * scale, currency: shop.currency });
  const byKey = new Map((db.orderSkus ?? []).map((r) => [r.key as string, r]));
  const orderById = new Map((db.orders ?? []).map((o) => [o.orderId as string, o]));
  const creators = new Map((db.creators ?? []).map((c) => [c.handle as string, c]));
  const form = formOf(variant);
  const openApi = has(variant, 'orders.open-api-fields');
  const linesSent = new Map(shopOrders(e.world, shop).map((o) => [o.orderId, o.skus.length]));
  for (const o of orders) {
    expect(orderById.get(o.orderId)).toMatchObject({ shopKey: shopKeyOf(shop), createdAt: o.createTime, skuRows: linesSent.get(o.orderId) });
    for (const s of o.skus) {
      const creator = shop.creators.find((c) => c.creatorId === s.creatorId)!;
      const row = byKey.get(keyOf(o, s, variant));
      expect(row, keyOf(o, s, variant)).toMatchObject({
        orderId: o.orderId,
        line: s.line,
        shopKey: shopKeyOf(shop),
        createdAt: o.createTime,
        creatorHandle: creator.handle,
        contentType: s.channel,
        commissionBps: s.commissionBps,
        adsCommissionBps: s.adsBps,
        estimatedCommission: money(s.estimatedMinor),
        estimatedAdsCommission: money(s.estimatedAdsMinor),
      });
      // The channel code is kept beside the channel, unless the line also names its content type.
      expect(row?.contentTypeRaw).toBe(openApi ? undefined : String(PROMOTION_POSITION[s.channel]));
      expect(row?.actualCommission).toEqual(money(s.actualMinor));
      expect(row?.partner).toEqual(s.agency && { id: s.agency.id, name: s.agency.name });
      expect(row?.partnerCommissionBps).toBe(s.agency ? s.partnerBps : undefined);
      expect(row?.estimatedPartnerCommission).toEqual(s.agency ? money(s.estimatedPartnerMinor) : undefined);
      expect(row?.actualPartnerCommission).toEqual(s.agency ? money(s.actualPartnerMinor) : undefined);
      const forms = row?.rateForms as Record<string, string>;
      expect(forms.commission).toBe(form);
      if (s.agency) expect(forms.partner).toBe(form);
      expect(row?.skuId).toBe(has(variant, 'orders.sku-ids') ? s.skuId : undefined);
      if (has(variant, 'orders.sku-ids')) expect(row?.productId).toBe(s.productId);
      if (has(variant, 'orders.product-name')) expect(row?.productTitle).toBe(shop.products.find((p) => p.productId === s.productId)!.title.trim());
      if (openApi) {
        expect(row).toMatchObject({ quantity: s.quantity, price: money(s.unitPriceMinor), settlement: SETTLEMENT[s.settlement], settlementRaw: s.settlement, refunded: s.refunded ? 1 : 0 });
        expect(row?.collaboration).toEqual(s.collaboration);
      } else {
        // The real shape says nothing of settlement or returns: nothing is made up.
        expect(row).toMatchObject({ settlement: 'UNKNOWN', settlementRaw: '', refunded: 0 });
        expect(row?.price).toBeUndefined();
      }
      expect(creators.get(creator.handle)).toMatchObject({ nickname: creator.nickname });
    }
  }
}

const renderedRows = (page: Page, markup: keyof typeof ROWS) => page.locator(ROWS[markup]).count();

describe('US shop, the real shape', () => {
  it('table markup, legacy route: stores every line of each page (no SKU ids), follows the pager and a custom date range', async () => {
    const us = shopByKey(env.world, 'us');
    const page = await open(env, simUrl(us, 'orders', { markup: 'table' }));
    const first = pageOf(env, us, range(env, DEFAULT_RANGE_DAYS));
    expect(await renderedRows(page, 'table')).toBe(lineCount(first));
    const db = await stored(env, first);
    await expectStoredAsInWorld(env, page, us, first, db);
    const mine = (db.orderSkus ?? []).filter((r) => r.shopKey === shopKeyOf(us));
    // Lines without SKU ids, agency lines and every channel are among them.
    expect(mine.every((r) => r.skuId === undefined && /\|#\d+$/.test(r.key as string))).toBe(true);
    expect(mine.some((r) => r.partner !== undefined)).toBe(true);
    expect(new Set(mine.map((r) => r.contentType))).toEqual(new Set(['VIDEO', 'LIVE', 'SHOP']));
    const agencyName = first.flatMap((o) => o.skus).find((s) => s.agency)!.agency!.name;
    expect(await page.locator('table tbody').textContent()).toContain(agencyName);

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
    expect(await renderedRows(page, 'table')).toBe(lineCount(custom));
    await expectStoredAsInWorld(env, page, us, custom, await stored(env, custom));
    expect(page.url()).toContain(`from=${from}`);
    expect(await page.evaluate(() => (window as unknown as { __simActions: unknown[] }).__simActions)).toEqual([]);
    await page.close();
  });

  it('cards markup, migrated route, XHR: a preset range, hostile text kept as text', async () => {
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
    const hostile = (db.creators ?? []).find((c) => c.handle === HOSTILE.handle);
    expect(hostile?.nickname).toBe(HOSTILE.nickname);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned === undefined && document.querySelectorAll('img[src="x"]').length)).toBe(0);
    await page.close();
  });
});

describe('every other Affiliate Center host, in its currency', () => {
  it.each([
    ['gb', 'legacy', 'cards'],
    ['id', 'migrated', 'table'],
    ['global', 'migrated', 'cards'],
  ] as const)('%s shop (%s route, %s markup): lines stored under the shop from the URL, money in the shop currency', async (key, generation, markup) => {
    const shop = shopByKey(env.world, key);
    const page = await open(env, simUrl(shop, 'orders', { generation, markup, params: { range: '90' } }));
    const first = pageOf(env, shop, range(env, 90));
    expect(await renderedRows(page, markup)).toBe(markup === 'cards' ? first.length : lineCount(first));
    const db = await stored(env, first);
    await expectStoredAsInWorld(env, page, shop, first, db);
    const mine = (db.orderSkus ?? []).filter((r) => r.shopKey === shopKeyOf(shop));
    expect(mine.every((r) => (r.estimatedCommission as { currency: string }).currency === shop.currency)).toBe(true);
    await page.close();
  });
});

describe('each wire variant the evidence leaves open', () => {
  // A browser of its own per variant: what one form stored (a settlement status, a SKU key) is not there for the next.
  const variants = [...(Object.keys(ORDER_VARIANTS) as OrderVariant[]), 'orders.sku-ids,orders.product-name,orders.open-api-fields'];
  it.each(variants)('%s: every line of the page stored as in the world', async (variant) => {
    const e = await startEnv();
    onTestFinished(() => e.session.close());
    const shop = shopByKey(e.world, 'gb');
    const page = await open(e, simUrl(shop, 'orders', { markup: 'table', variant, params: { range: '90' } }));
    const first = pageOf(e, shop, range(e, 90));
    expect(await renderedRows(page, 'table')).toBe(lineCount(first));
    await expectStoredAsInWorld(e, page, shop, first, await stored(e, first, variant), variant);
  });

  it('orders.product-name: a line joins the product of its name, once Collab Lens has seen the product elsewhere', async () => {
    const e = await startEnv();
    onTestFinished(() => e.session.close());
    const shop = shopByKey(e.world, 'id');
    // Sample requests show products with their ids and names.
    const samples = await open(e, simUrl(shop, 'sample-request', { tab: 10 }));
    const products = await waitFor(async () => {
      const list = ((await readDb(e.session)).products ?? []).filter((p) => p.shopKey === shopKeyOf(shop));
      return list.length > 0 && list;
    }, 'products stored');
    await samples.close();
    const known = new Map(products.map((p) => [p.productId as string, p]));
    const page = await open(e, simUrl(shop, 'orders', { variant: 'orders.product-name', params: { range: '90' } }));
    const first = pageOf(e, shop, range(e, 90));
    const db = await stored(e, first, 'orders.product-name');
    const byKey = new Map((db.orderSkus ?? []).map((r) => [r.key as string, r]));
    const lines = first.flatMap((o) => o.skus.map((s) => ({ o, s })));
    const joined = lines.filter(({ s }) => known.has(s.productId));
    expect(joined.length).toBeGreaterThan(0);
    for (const { o, s } of lines) expect(byKey.get(keyOf(o, s))?.productId, `${o.orderId} line ${s.line}`).toBe(known.has(s.productId) ? s.productId : undefined);
    await page.close();
  });
});

describe('the order findings on the page', () => {
  it.each([
    ['table', 'table tbody tr', undefined],
    ['cards', 'article', undefined],
    ['table', 'table tbody tr', 'orders.product-name'],
  ] as const)('%s markup (%s): the zero commission and the far-apart estimate on the lines of their order', async (markup, items, variant) => {
    const us = shopByKey(env.world, 'us');
    const { zero, gap } = commissionOddities(env.world, us);
    expect(zero && gap).toBeTruthy();
    const page = await open(env, simUrl(us, 'orders', { markup, ...(variant && { variant }) }));
    const first = pageOf(env, us, range(env, DEFAULT_RANGE_DAYS));
    for (const odd of [
      { ...zero!, variant: 'zero-line' },
      { ...gap!, variant: 'gap-line' },
    ]) {
      const id = `${orderCommissionSanity.id}|${orderSkuKey({ orderId: odd.orderId, line: odd.line })}|${odd.variant}`;
      const host = page.locator(`[data-collab-lens="order-findings"][data-findings*="${id}"]`);
      await waitFor(async () => (await host.count()) > 0, `the ${odd.variant} annotation`);
      const texts = await host.evaluateAll((els, sel) => els.map((el) => el.closest(sel)?.textContent ?? ''), items);
      expect(texts.every((t) => t.includes(odd.orderId))).toBe(true);
      const order = first.find((o) => o.orderId === odd.orderId)!;
      const line = order.skus.find((s) => s.line === odd.line)!;
      if (variant) {
        // The page shows each line's product: the annotation stands on the line(s) of that product only.
        const title = us.products.find((p) => p.productId === line.productId)!.title;
        expect(texts.length).toBe(order.skus.filter((s) => s.productId === line.productId).length);
        expect(texts.every((t) => t.includes(title))).toBe(true);
      } else {
        // Nothing on the page tells the order's lines apart: the order carries it, on each of its lines in the table.
        expect(texts.length).toBe(markup === 'table' ? order.skus.length : 1);
      }
    }
    await page.close();
  });
});

describe('the popup’s orders by channel', () => {
  it('shows SKU orders, orders and GMV per channel of the lines stored, saying what each counts and where it came from', async () => {
    const us = shopByKey(env.world, 'us');
    const page = await open(env, simUrl(us, 'orders', { params: { range: '90' } }));
    const all = ordersInRange(env.world, us, env.world.now - 90 * DAY, env.world.now);
    for (let p = 2; (p - 1) * ORDERS_PAGE_SIZE < all.length; p++) await nextPage(page);
    await stored(env, all);
    const popup = await openExtensionPage(env, `popup.html?tabId=${await tabIdOf(env, page)}`);
    await popup.getByRole('tab', { name: 'Outreach' }).click();
    const weeks = new Set(recentWeeks(Date.now(), 12).map((w) => w.week));
    const lines = all.flatMap((o) => o.skus.map((s) => ({ o, s }))).filter(({ o }) => weeks.has(isoWeek(o.createTime)));
    const expected = (['VIDEO', 'LIVE', 'SHOP'] as const).map((channel) => {
      const mine = lines.filter(({ s }) => s.channel === channel);
      return [String(mine.length), String(new Set(mine.map(({ o }) => o.orderId)).size)];
    });
    const table = popup.getByTestId('channels');
    await expect
      .poll(async () => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((c) => c.textContent))), { timeout: 15_000 })
      .toEqual(expected);
    expect(await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-channel')))).toEqual(['video', 'live', 'showcase']);
    expect(await table.locator('tbody tr th').allTextContents()).toEqual(['Video', 'LIVE', 'Showcase / product card']);
    // GMV as money, with the SKU orders it rests on; the real shape has no price, so it is commission ÷ rate.
    expect(await table.locator('tbody tr').first().locator('td').nth(2).innerText()).toMatch(/^\$[\d,.]+\nover \d+ SKU orders$/);
    const withRate = lines.filter(({ s }) => s.commissionBps > 0).length;
    expect((await popup.getByTestId('channels-note').textContent()) ?? '').toContain(`${withRate.toLocaleString('en-US')} of the ${withRate.toLocaleString('en-US')} SKU orders with GMV show no price`);
    expect((await popup.getByTestId('channels-source').textContent()) ?? '').toMatch(new RegExp(`^From the ${lines.length.toLocaleString('en-US')} SKU orders Collab Lens saw on the Affiliate orders pages you opened, created .+ to .+; last seen .+\\.$`));
    await popup.close();
    await page.close();
  });
});

describe('a changed response shape', () => {
  const faultEnv = freshEnv();

  it('stores none of the broken lines, keeps the rest, and counts the rejections per endpoint', async () => {
    const env = faultEnv;
    const shop = shopByKey(env.world, 'global');
    const body = range(env, DEFAULT_RANGE_DAYS);
    const plan = faultPlan(env.world, shop, body);
    expect(plan.brokenRows).toHaveLength(FAULT_BROKEN_ROW_COUNT);
    const before = (await readDb(env.session)).endpointStats?.find((s) => s.endpoint === 'orders.list');
    const page = await open(env, simUrl(shop, 'orders', { generation: 'legacy', fault: 'shape' }));
    const list = pageOf(env, shop, body);
    const brokenOrder = plan.missingOrderId!.split('#')[0]!;
    const intact = list.map((o) => ({ ...o, skus: o.skus.filter((s) => !plan.brokenRows.includes(lineKey(o.orderId, s.line))) })).filter((o) => o.skus.length);
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
        expect.stringMatching(/^orders\[\]\.sku_detail\[\]\.shop_ads_commission_ratio: /),
        'orders[].main_order_id: custom',
      ]),
    );
    const keys = new Set((db.orderSkus ?? []).map((r) => r.key));
    for (const o of list) for (const s of o.skus) if (plan.brokenRows.includes(lineKey(o.orderId, s.line))) expect(keys.has(keyOf(o, s))).toBe(false);
    expect((db.orders ?? []).some((o) => o.orderId === brokenOrder)).toBe(false);
    const mine = (db.orderSkus ?? []).filter((r) => r.shopKey === shopKeyOf(shop));
    expect(mine.map((r) => r.key).sort()).toEqual(keysOf(intact).sort());
    for (const r of mine) {
      expect(Number.isInteger((r.estimatedCommission as { minor: number }).minor)).toBe(true);
      expect(Number.isInteger(r.commissionBps)).toBe(true);
      expect(CHANNEL[Number(r.contentTypeRaw) as 1 | 2 | 3]).toBe(r.contentType);
    }
    await expectStoredAsInWorld(env, page, shop, intact, db);
    await page.close();
  });
});
