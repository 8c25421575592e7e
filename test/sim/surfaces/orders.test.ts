import { describe, expect, it } from 'vitest';
import { handleApi } from '../api';
import { CODE_INVALID_PARAMS } from '../surface';
import { HOSTILE, generateWorld, shopByKey, type SimShop } from '../world';
import {
  DEFAULT_RANGE_DAYS,
  FAULT_BROKEN_ROW_COUNT,
  ORDERS_PAGE_SIZE,
  PROMOTION_POSITION,
  SETTLEMENT_SPELLINGS,
  commissionOddities,
  decimalOf,
  faultPlan,
  ordersInRange,
  shopOrders,
  type OrdersBody,
} from './orders';

const NOW = Date.UTC(2025, 10, 20, 9, 30);
const DAY = 86_400_000;
const world = generateWorld({ seed: 1, now: NOW });
const us = shopByKey(world, 'us');

type Json = Record<string, any>;

const body = (days = DEFAULT_RANGE_DAYS, page = 1, pageSize = ORDERS_PAGE_SIZE): OrdersBody => ({ begin: NOW - days * DAY, end: NOW, page, pageSize });

function ordersUrl(shop: SimShop, extra = ''): URL {
  return new URL(
    `https://${shop.host}/api/v1/affiliate/orders?user_language=en&aid=4331&app_name=i18n_ecom_alliance&device_platform=web` +
      `&shop_region=${shop.region}&oec_seller_id=${shop.sellerId}${extra}&msToken=abc&X-Bogus=DFSx`,
  );
}

function list(shop: SimShop, b: OrdersBody = body(), fault = false): Json {
  const res = handleApi(world, {
    url: ordersUrl(shop, fault ? '&cl_fault=shape' : ''),
    method: 'POST',
    body: JSON.stringify({ conditions: { time_period: { beginning_time: String(b.begin), ending_time: String(b.end) } }, page: b.page, page_size: b.pageSize }),
    now: NOW,
  });
  expect(res?.status).toBe(200);
  const json = res!.json as Json;
  expect(json).toMatchObject({ code: 0, message: 'success' });
  return json.data as Json;
}

const rowsOf = (data: Json): Json[] => (data.orders as Json[]).flatMap((o) => o.sku_detail as Json[]);

describe('POST /api/v1/affiliate/orders', () => {
  it('pages by order, newest first, and returns every order of the range exactly once', () => {
    const expected = ordersInRange(world, us, NOW - 90 * DAY, NOW).map((o) => o.orderId);
    expect(expected).toHaveLength(shopOrders(world, us).length);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const data = list(us, body(90, page));
      expect(data.total_count).toBe(expected.length);
      const ids = (data.orders as Json[]).map((o) => o.main_order_id as string);
      expect(ids.length).toBe(Math.min(ORDERS_PAGE_SIZE, expected.length - (page - 1) * ORDERS_PAGE_SIZE));
      seen.push(...ids);
      expect(data.has_more).toBe(page * ORDERS_PAGE_SIZE < expected.length);
      if (!data.has_more) break;
    }
    expect(seen).toEqual(expected);
    const times = (list(us).orders as Json[]).map((o) => Number(o.create_time));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('has several hundred SKU rows for the US shop and fewer elsewhere, over the last 90 days', () => {
    const rows = (shop: SimShop) => shopOrders(world, shop).reduce((n, o) => n + o.skus.length, 0);
    expect(rows(us)).toBeGreaterThanOrEqual(300);
    for (const key of ['gb', 'id', 'global'] as const) expect(rows(shopByKey(world, key))).toBeLessThan(rows(us) / 2);
    for (const shop of world.shops) for (const o of shopOrders(world, shop)) expect(o.createTime > NOW - 90 * DAY && o.createTime <= NOW).toBe(true);
  });

  it('filters by the date range, both ends included', () => {
    const week = list(us, body(7, 1, 100));
    const times = (week.orders as Json[]).map((o) => Number(o.create_time));
    expect(times.length).toBe(week.total_count);
    expect(times.every((t) => t >= NOW - 7 * DAY && t <= NOW)).toBe(true);
    expect(week.total_count).toBe(shopOrders(world, us).filter((o) => o.createTime >= NOW - 7 * DAY).length);
    const newest = shopOrders(world, us)[0]!.createTime;
    expect(list(us, { begin: newest, end: newest, page: 1, pageSize: 10 }).total_count).toBe(1);
    expect(list(us, { begin: NOW - 200 * DAY, end: NOW - 120 * DAY, page: 1, pageSize: 50 })).toEqual({ orders: [], total_count: 0, has_more: false });
    expect(list(us, body(30, 99))).toMatchObject({ orders: [], has_more: false });
  });

  it('sends rows in the real units and types, from the world’s creators and products', () => {
    for (const shop of world.shops) {
      for (const o of list(shop, body(90, 1, 100)).orders as Json[]) {
        expect(o.main_order_id).toMatch(/^\d{19}$/);
        expect(String(o.create_time)).toMatch(/^\d{13}$/);
        for (const r of o.sku_detail as Json[]) {
          const product = shop.products.find((p) => p.productId === r.product_id)!;
          expect(product.title).toBe(r.product_name);
          const sku = product.skus.find((s) => s.skuId === r.sku_id)!;
          expect(sku.desc).toBe(r.sku_name);
          const creator = shop.creators.find((c) => c.handle === r.creator_username)!;
          expect(creator.nickname).toBe(r.creator_nickname);
          expect(r.price).toEqual({ amount: decimalOf(shop, Math.round(sku.price * (shop.currency === 'IDR' ? 1 : 100))), currency: shop.currency });
          const decimal = shop.currency === 'IDR' ? /^\d+$/ : /^\d+\.\d{2}$/;
          expect(r.estimated_cos_fee).toMatch(decimal);
          expect(r.estimated_shop_ads_commission).toMatch(decimal);
          for (const rate of [r.cos_ratio, r.shop_ads_commission_ratio]) expect(String(rate)).toMatch(/^\d{1,4}$/);
          const base = Number(r.price.amount) * r.quantity;
          const odd = commissionOddities(world, shop).zero;
          const expected = odd && odd.skuId === r.sku_id && odd.orderId === o.main_order_id ? 0 : (base * Number(r.cos_ratio)) / 10_000;
          expect(Number(r.estimated_cos_fee)).toBeCloseTo(expected, shop.currency === 'IDR' ? -1 : 1);
          expect(SETTLEMENT_SPELLINGS).toContain(r.settlement_status);
          expect(r.promotion_position).toEqual({ promotion_position_type: PROMOTION_POSITION[r.content_type as keyof typeof PROMOTION_POSITION] });
          const ids = [r.open_collaboration_id, r.target_collaboration_id, r.campaign_id].filter((x) => x !== '');
          expect(ids).toHaveLength(1);
          expect(ids[0]).toMatch(/^\d{19}$/);
          if (r.settlement_status === 'SETTLED') expect(r.actual_cos_fee).toMatch(decimal);
          if (['AWAITING PAYMENT', 'To-SETTLE', 'Unknown'].includes(r.settlement_status)) expect(r.actual_cos_fee).toBe('');
          if (r.fully_return === 'yes') expect([r.settlement_status, Number(r.actual_cos_fee)]).toEqual(['INELIGIBLE', 0]);
          if (r.campaign_id) expect(String(r.partner_commission_rate)).toMatch(/^\d+$/);
          else expect(r.partner_commission_rate).toBe('');
        }
      }
    }
  });

  it('shows every settlement status, a refund, a zero commission and an adjusted payout on the first page', () => {
    const rows = rowsOf(list(us));
    expect(new Set(rows.map((r) => r.settlement_status))).toEqual(new Set(SETTLEMENT_SPELLINGS));
    expect(rows.some((r) => r.fully_return === 'yes')).toBe(true);
    expect(rows.some((r) => Number(r.cos_ratio) === 0 && Number(r.estimated_cos_fee) === 0)).toBe(true);
    expect(rows.some((r) => r.settlement_status === 'SETTLED' && r.actual_cos_fee !== r.estimated_cos_fee)).toBe(true);
    expect(rows.some((r) => typeof r.cos_ratio === 'string') && rows.some((r) => typeof r.cos_ratio === 'number')).toBe(true);
    expect(rows.some((r) => Number(r.shop_ads_commission_ratio) > 0)).toBe(true);
    expect(new Set(rows.map((r) => r.content_type)).size).toBeGreaterThanOrEqual(3);
    for (const shop of world.shops) {
      const all = shopOrders(world, shop).flatMap((o) => o.skus);
      expect(new Set(all.map((s) => s.settlement))).toEqual(new Set(SETTLEMENT_SPELLINGS));
    }
  });

  it('carries hostile text on the first page of the US shop', () => {
    const row = rowsOf(list(us)).find((r) => r.creator_username === HOSTILE.handle)!;
    expect(row).toMatchObject({ creator_nickname: '<img src=x onerror=alert(1)>', product_id: HOSTILE.productId, product_name: HOSTILE.productTitle });
  });

  it('serves the other shops in their region and currency', () => {
    for (const key of ['gb', 'id', 'global'] as const) {
      const shop = shopByKey(world, key);
      const data = list(shop);
      expect(data.total_count).toBe(ordersInRange(world, shop, NOW - DEFAULT_RANGE_DAYS * DAY, NOW).length);
      expect(rowsOf(data)[0]!.price.currency).toBe(shop.currency);
    }
  });

  it('is deterministic for a seed', () => {
    const again = generateWorld({ seed: 1, now: NOW });
    expect(shopOrders(again, shopByKey(again, 'us'))).toEqual(shopOrders(world, us));
    const other = generateWorld({ seed: 2, now: NOW });
    expect(shopOrders(other, shopByKey(other, 'us'))[0]?.orderId).not.toBe(shopOrders(world, us)[0]?.orderId);
  });

  it.each([
    ['no body', null],
    ['not JSON', '{page:1'],
    ['no conditions', JSON.stringify({ page: 1, page_size: 50 })],
    ['seconds, not ms', JSON.stringify({ conditions: { time_period: { beginning_time: '1763000000', ending_time: '1763600000' } }, page: 1, page_size: 50 })],
    ['end before beginning', JSON.stringify({ conditions: { time_period: { beginning_time: String(NOW), ending_time: String(NOW - DAY) } }, page: 1, page_size: 50 })],
    ['over three months', JSON.stringify({ conditions: { time_period: { beginning_time: String(NOW - 120 * DAY), ending_time: String(NOW) } }, page: 1, page_size: 50 })],
    ['page 0', JSON.stringify({ conditions: { time_period: { beginning_time: String(NOW - DAY), ending_time: String(NOW) } }, page: 0, page_size: 50 })],
    ['page size over 100', JSON.stringify({ conditions: { time_period: { beginning_time: String(NOW - DAY), ending_time: String(NOW) } }, page: 1, page_size: 101 })],
  ])('answers a malformed body (%s) with 98001004 over HTTP 200', (_name, raw) => {
    const res = handleApi(world, { url: ordersUrl(us), method: 'POST', body: raw, now: NOW });
    expect(res).toEqual({ status: 200, json: { code: CODE_INVALID_PARAMS, message: 'invalid parameters' } });
  });

  it('answers GET with 405', () => {
    expect(handleApi(world, { url: ordersUrl(us), method: 'GET', body: null, now: NOW })?.status).toBe(405);
  });
});

describe('fault mode (cl_fault=shape)', () => {
  it(`breaks ${FAULT_BROKEN_ROW_COUNT} SKU rows on the first page of every shop`, () => {
    for (const shop of world.shops) expect(faultPlan(world, shop, body()).brokenRows).toHaveLength(FAULT_BROKEN_ROW_COUNT);
  });

  it('changes exactly the planned rows and keeps the envelope', () => {
    const plan = faultPlan(world, us, body());
    const clean = list(us);
    const broken = list(us, body(), true);
    expect(broken.total_count).toBe(clean.total_count);
    expect(broken.orders).toHaveLength(clean.orders.length);
    const rows = rowsOf(broken);
    expect(rows.filter((r) => typeof r.cos_ratio === 'object')).toHaveLength(1);
    expect(rows.filter((r) => /^[A-Z]{3} /.test(r.estimated_cos_fee))).toHaveLength(1);
    expect(rows.filter((r) => !('sku_id' in r))).toHaveLength(1);
    const nameless = (broken.orders as Json[]).filter((o) => !('main_order_id' in o));
    expect(nameless).toHaveLength(1);
    expect(nameless[0]!.sku_detail).toHaveLength(1);
    expect(`${plan.missingOrderId}`).toContain(`|${nameless[0]!.sku_detail[0].sku_id}`);
    const hostile = rows.find((r) => r.creator_username === HOSTILE.handle)!;
    expect(plan.brokenRows.some((k) => k.endsWith(`|${hostile.sku_id}`))).toBe(false);
    // Every other row is as in the clean response.
    const changed = rowsOf(clean).filter((r, i) => JSON.stringify(r) !== JSON.stringify(rows[i]));
    expect(changed).toHaveLength(3);
  });

  it('is off unless asked for', () => {
    const rows = rowsOf(list(us));
    expect(rows.every((r) => typeof r.sku_id === 'string' && typeof r.cos_ratio !== 'object' && /^\d/.test(r.estimated_cos_fee))).toBe(true);
    expect((list(us).orders as Json[]).every((o) => typeof o.main_order_id === 'string')).toBe(true);
  });
});
