import { describe, expect, it } from 'vitest';
import { ordersList, orderSkuKey } from '../../../lib/adapters/orders';
import { expectNoSilentDrop, expectReadsCover } from '../../adapter-harness';
import { handleApi } from '../api';
import { CODE_INVALID_PARAMS } from '../surface';
import { HOSTILE, generateWorld, shopByKey, type SimShop } from '../world';
import {
  DEFAULT_RANGE_DAYS,
  FAULT_BROKEN_ROW_COUNT,
  ORDER_VARIANTS,
  ORDERS_PAGE_SIZE,
  PROMOTION_POSITION,
  SETTLEMENT_SPELLINGS,
  commissionOddities,
  decimalOf,
  faultPlan,
  lineKey,
  ordersInRange,
  shopOrders,
  type OrderVariant,
  type OrdersBody,
} from './orders';

const NOW = Date.UTC(2025, 10, 20, 9, 30);
const DAY = 86_400_000;
const world = generateWorld({ seed: 1, now: NOW });
const us = shopByKey(world, 'us');

type Json = Record<string, any>;

const body = (days = DEFAULT_RANGE_DAYS, page = 1, pageSize = ORDERS_PAGE_SIZE): OrdersBody => ({ begin: NOW - days * DAY, end: NOW, page, pageSize });
const requestOf = (b: OrdersBody) =>
  JSON.stringify({ conditions: { time_period: { beginning_time: String(b.begin), ending_time: String(b.end) } }, page: b.page, page_size: b.pageSize });

function ordersUrl(shop: SimShop, extra = ''): URL {
  return new URL(
    `https://${shop.host}/api/v1/affiliate/orders?user_language=en&aid=4331&app_name=i18n_ecom_alliance&device_platform=web` +
      `&shop_region=${shop.region}&oec_seller_id=${shop.sellerId}${extra}&msToken=abc&X-Bogus=DFSx`,
  );
}

/** The whole answer (orders are at its top level). */
function answer(shop: SimShop, b: OrdersBody = body(), opts: { fault?: boolean; variant?: string } = {}): Json {
  const extra = `${opts.fault ? '&cl_fault=shape' : ''}${opts.variant ? `&cl_variant=${opts.variant}` : ''}`;
  const res = handleApi(world, { url: ordersUrl(shop, extra), method: 'POST', body: requestOf(b), now: NOW });
  expect(res?.status).toBe(200);
  const json = res!.json as Json;
  expect(json).toMatchObject({ code: 0, message: 'success' });
  return json;
}

const linesOf = (json: Json): Json[] => (json.orders as Json[]).flatMap((o) => o.sku_detail as Json[]);

/** The keys the public parsers read [parser] (real-shapes.md §2). */
const LINE_KEYS = [
  'creator_username',
  'creator_nickname',
  'cos_ratio',
  'estimated_cos_fee',
  'actual_cos_fee',
  'shop_ads_commission_ratio',
  'estimated_shop_ads_commission',
  'actual_shop_ads_commission',
  'promotion_position',
];
const SPONSOR_KEYS = ['sponsor_id', 'sponsor_name', 'sponsor_service_ratio', 'estimated_sponsor_cos_fee', 'actual_sponsor_cos_fee'];

describe('POST /api/v1/affiliate/orders: the default, real shape', () => {
  it('pages by order, newest first, until an empty page, and returns every order of the range exactly once', () => {
    const expected = ordersInRange(world, us, NOW - 90 * DAY, NOW).map((o) => o.orderId);
    expect(expected).toHaveLength(shopOrders(world, us).length);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const ids = (answer(us, body(90, page)).orders as Json[]).map((o) => o.main_order_id as string);
      if (!ids.length) break;
      expect(ids.length).toBe(Math.min(ORDERS_PAGE_SIZE, expected.length - (page - 1) * ORDERS_PAGE_SIZE));
      seen.push(...ids);
    }
    expect(seen).toEqual(expected);
    const times = (answer(us).orders as Json[]).map((o) => o.create_time as number);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('sends exactly the fields the parsers read: orders at the top level, no ids, no price, no totals', () => {
    const json = answer(us, body(90, 1, 100));
    expect(Object.keys(json).sort()).toEqual(['code', 'message', 'orders']);
    for (const o of json.orders as Json[]) {
      expect(Object.keys(o).sort()).toEqual(['create_time', 'main_order_id', 'sku_detail']);
      expect(o.main_order_id).toMatch(/^\d{19}$/);
      expect(typeof o.create_time).toBe('number');
      for (const line of o.sku_detail as Json[]) {
        const agency = 'sponsor_id' in line;
        expect(Object.keys(line).sort()).toEqual([...LINE_KEYS, ...(agency ? SPONSOR_KEYS : [])].sort());
        expect(Object.keys(line.promotion_position)).toEqual(['promotion_position_type']);
      }
    }
  });

  it('writes the world’s lines in the real units: channel codes 1 showcase / 2 video / 3 LIVE, bps rates, decimal amounts', () => {
    for (const shop of world.shops) {
      const json = answer(shop, body(90, 1, 100));
      const byId = new Map(shopOrders(world, shop).map((o) => [o.orderId, o]));
      const decimal = shop.currency === 'IDR' ? /^\d+$/ : /^\d+\.\d{2}$/;
      const odd = commissionOddities(world, shop);
      for (const o of json.orders as Json[]) {
        const order = byId.get(o.main_order_id)!;
        expect(o.create_time).toBe(order.createTime);
        expect((o.sku_detail as Json[]).length).toBe(order.skus.length);
        for (const [i, line] of (o.sku_detail as Json[]).entries()) {
          const s = order.skus[i]!;
          expect(s.line).toBe(i + 1);
          const creator = shop.creators.find((c) => c.creatorId === s.creatorId)!;
          expect([line.creator_username, line.creator_nickname]).toEqual([creator.handle, creator.nickname]);
          expect(line.promotion_position.promotion_position_type).toBe(PROMOTION_POSITION[s.channel]);
          expect(Number(line.cos_ratio)).toBe(s.commissionBps);
          expect(String(line.cos_ratio)).toMatch(/^\d{1,4}$/);
          expect(Number(line.shop_ads_commission_ratio)).toBe(s.adsBps);
          expect(line.estimated_cos_fee).toMatch(decimal);
          expect(line.estimated_shop_ads_commission).toMatch(decimal);
          const zeroed = odd.zero?.orderId === order.orderId && odd.zero.line === s.line;
          const expected = zeroed ? 0 : (s.unitPriceMinor * s.quantity * s.commissionBps) / 10_000;
          expect(Number(line.estimated_cos_fee)).toBeCloseTo(expected / (shop.currency === 'IDR' ? 1 : 100), shop.currency === 'IDR' ? -1 : 1);
          expect(line.actual_cos_fee).toBe(s.actualMinor === null ? '' : decimalOf(shop, s.actualMinor));
          if (s.agency) {
            expect(s.collaboration.kind).toBe('campaign');
            expect(line).toMatchObject({ sponsor_id: s.agency.id, sponsor_name: s.agency.name, estimated_sponsor_cos_fee: decimalOf(shop, s.estimatedPartnerMinor) });
            expect(Number(line.sponsor_service_ratio)).toBe(s.partnerBps);
            expect(line.sponsor_id).toMatch(/^\d{19}$/);
          }
        }
      }
    }
  });

  it('shows on the first page every channel, agency lines, a zero commission, an adjusted payout and a full return', () => {
    const lines = linesOf(answer(us));
    expect(new Set(lines.map((r) => r.promotion_position.promotion_position_type))).toEqual(new Set([1, 2, 3]));
    expect(lines.filter((r) => 'sponsor_id' in r).length).toBeGreaterThanOrEqual(2);
    expect(new Set(lines.flatMap((r) => (r.sponsor_name ? [r.sponsor_name] : []))).size).toBeGreaterThanOrEqual(1);
    expect(lines.some((r) => Number(r.cos_ratio) === 0 && Number(r.estimated_cos_fee) === 0)).toBe(true);
    expect(lines.some((r) => r.actual_cos_fee !== '' && r.actual_cos_fee !== r.estimated_cos_fee && Number(r.actual_cos_fee) > 0)).toBe(true);
    // A full return: nothing paid of a non-zero estimate.
    expect(lines.some((r) => r.actual_cos_fee !== '' && Number(r.actual_cos_fee) === 0 && Number(r.estimated_cos_fee) > 0)).toBe(true);
    expect(lines.some((r) => typeof r.cos_ratio === 'string') && lines.some((r) => typeof r.cos_ratio === 'number')).toBe(true);
    expect(lines.some((r) => Number(r.shop_ads_commission_ratio) > 0)).toBe(true);
    const world90 = shopOrders(world, us).flatMap((o) => o.skus);
    expect(new Set(world90.map((s) => s.settlement))).toEqual(new Set(SETTLEMENT_SPELLINGS));
  });

  it('filters by the date range, both ends included', () => {
    const week = answer(us, body(7, 1, 100));
    const times = (week.orders as Json[]).map((o) => o.create_time as number);
    expect(times.every((t) => t >= NOW - 7 * DAY && t <= NOW)).toBe(true);
    expect(times.length).toBe(shopOrders(world, us).filter((o) => o.createTime >= NOW - 7 * DAY).length);
    const newest = shopOrders(world, us)[0]!.createTime;
    expect(answer(us, { begin: newest, end: newest, page: 1, pageSize: 10 }).orders).toHaveLength(1);
    expect(answer(us, { begin: NOW - 200 * DAY, end: NOW - 120 * DAY, page: 1, pageSize: 50 })).toEqual({ code: 0, message: 'success', orders: [] });
    expect(answer(us, body(30, 99)).orders).toEqual([]);
  });

  it('has several hundred lines for the US shop and fewer elsewhere, over the last 90 days', () => {
    const rows = (shop: SimShop) => shopOrders(world, shop).reduce((n, o) => n + o.skus.length, 0);
    expect(rows(us)).toBeGreaterThanOrEqual(300);
    for (const key of ['gb', 'id', 'global'] as const) expect(rows(shopByKey(world, key))).toBeLessThan(rows(us) / 2);
    for (const shop of world.shops) for (const o of shopOrders(world, shop)) expect(o.createTime > NOW - 90 * DAY && o.createTime <= NOW).toBe(true);
  });

  it('carries hostile text on the first page of the US shop', () => {
    expect(linesOf(answer(us)).find((r) => r.creator_username === HOSTILE.handle)).toMatchObject({ creator_nickname: '<img src=x onerror=alert(1)>' });
    const named = linesOf(answer(us, body(), { variant: 'orders.product-name' })).find((r) => r.creator_username === HOSTILE.handle);
    expect(named?.product_name).toBe(HOSTILE.productTitle);
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

describe('wire variants', () => {
  const lines = (variant: string) => linesOf(answer(us, body(), { variant }));
  const worldLines = () => shopOrders(world, us).slice(0, ORDERS_PAGE_SIZE).flatMap((o) => o.skus);

  it('declares each with the evidence it rests on', () => {
    for (const [name, evidence] of Object.entries(ORDER_VARIANTS)) expect(evidence, name).toMatch(/^\[(unknown|parser)\] /);
  });

  it('orders.sku-ids: every line carries its SKU and product id, and nothing else changes', () => {
    const plain = lines('');
    const withIds = lines('orders.sku-ids');
    expect(withIds.map((r) => [r.sku_id, r.product_id])).toEqual(worldLines().map((s) => [s.skuId, s.productId]));
    expect(withIds.map(({ sku_id: _s, product_id: _p, ...rest }) => rest)).toEqual(plain);
  });

  it('orders.product-name: every line carries its product’s title, and no id', () => {
    const named = lines('orders.product-name');
    expect(named.map((r) => r.product_name)).toEqual(worldLines().map((s) => us.products.find((p) => p.productId === s.productId)!.title));
    expect(named.some((r) => 'sku_id' in r || 'product_id' in r)).toBe(false);
  });

  it('orders.open-api-fields: the first map’s fields, consistent with the world', () => {
    const rows = lines('orders.open-api-fields');
    const truth = worldLines();
    for (const [i, r] of rows.entries()) {
      const s = truth[i]!;
      expect(r).toMatchObject({ quantity: s.quantity, content_type: s.channel, content_id: s.contentId, settlement_status: s.settlement, fully_return: s.refunded ? 'yes' : 'no' });
      expect(r.price).toEqual({ amount: decimalOf(us, s.unitPriceMinor), currency: us.currency });
      expect([r.open_collaboration_id, r.target_collaboration_id, r.campaign_id].filter(Boolean)).toEqual([s.collaboration.id]);
    }
    expect(new Set(rows.map((r) => r.settlement_status))).toEqual(new Set(SETTLEMENT_SPELLINGS));
  });

  it.each([
    ['orders.rate-percent', /^\d{1,3}\.\d{2}$/, (bps: number) => (bps / 100).toFixed(2)],
    ['orders.rate-percent-sign', /^\d{1,3}(\.\d+)?%$/, (bps: number) => `${bps / 100}%`],
    ['orders.rate-fraction', /^(0|0\.\d+|1)$/, (bps: number) => String(bps / 10_000)],
  ] as const)('%s: every rate in that form, the same rate', (variant, form, write) => {
    const rows = lines(variant);
    const truth = worldLines();
    for (const [i, r] of rows.entries()) {
      for (const rate of [r.cos_ratio, r.shop_ads_commission_ratio, ...(r.sponsor_service_ratio === undefined ? [] : [r.sponsor_service_ratio])]) expect(rate).toMatch(form);
      expect(r.cos_ratio).toBe(write(truth[i]!.commissionBps));
    }
  });

  it('orders.create-time-string: create_time as a string of ms', () => {
    const json = answer(us, body(), { variant: 'orders.create-time-string' });
    expect((json.orders as Json[]).map((o) => o.create_time)).toEqual(shopOrders(world, us).slice(0, ORDERS_PAGE_SIZE).map((o) => String(o.createTime)));
  });

  it('combines, and an unknown variant fails the call', () => {
    const all = lines('orders.sku-ids,orders.product-name,orders.open-api-fields');
    expect(all.every((r) => r.sku_id && r.product_name && r.settlement_status)).toBe(true);
    expect(handleApi(world, { url: ordersUrl(us, '&cl_variant=orders.nope'), method: 'POST', body: requestOf(body()), now: NOW })?.status).toBe(400);
  });

  const forms: (OrderVariant | '')[] = ['', ...(Object.keys(ORDER_VARIANTS) as OrderVariant[])];
  it.each(forms)('the adapter stores every line of the answer %s with the world’s rates and channels, and drops nothing', (variant) => {
    for (const shop of world.shops) {
      const json = answer(shop, body(90, 1, 100), { variant });
      const r = ordersList.parse(json, JSON.parse(requestOf(body(90, 1, 100))));
      expect(r.rejections).toEqual([]);
      const truth = shopOrders(world, shop).slice(0, 100).flatMap((o) => o.skus.map((s) => ({ o, s })));
      expect(r.accepted).toBe(truth.length);
      const stored = new Map((r.records.orderSkus ?? []).map((f) => [`${f.orderId}#${f.line}`, f]));
      for (const { o, s } of truth) {
        const f = stored.get(lineKey(o.orderId, s.line));
        expect(f).toMatchObject({ commissionBps: s.commissionBps, adsCommissionBps: s.adsBps, contentType: s.channel });
        expect(f?.partnerCommissionBps).toBe(s.agency ? s.partnerBps : undefined);
        expect(f?.partner).toEqual(s.agency && { id: s.agency.id, name: s.agency.name });
        expect(orderSkuKey(f!)).toBe(variant === 'orders.sku-ids' ? `${o.orderId}|${s.skuId}` : `${o.orderId}|#${s.line}`);
      }
      expectReadsCover(ordersList, json);
    }
    expectNoSilentDrop(ordersList, answer(us, body(), { variant }), 'orders');
  });
});

describe('fault mode (cl_fault=shape)', () => {
  it(`breaks ${FAULT_BROKEN_ROW_COUNT} lines on the first page of every shop`, () => {
    for (const shop of world.shops) expect(faultPlan(world, shop, body()).brokenRows).toHaveLength(FAULT_BROKEN_ROW_COUNT);
  });

  it('changes exactly the planned lines and keeps the envelope', () => {
    const plan = faultPlan(world, us, body());
    const clean = answer(us);
    const broken = answer(us, body(), { fault: true });
    expect(broken.orders).toHaveLength(clean.orders.length);
    const rows = linesOf(broken);
    expect(rows.filter((r) => typeof r.cos_ratio === 'object')).toHaveLength(1);
    expect(rows.filter((r) => /^[A-Z]{3} /.test(r.estimated_cos_fee))).toHaveLength(1);
    expect(rows.filter((r) => r.shop_ads_commission_ratio === 'n/a')).toHaveLength(1);
    const nameless = (broken.orders as Json[]).filter((o) => !('main_order_id' in o));
    expect(nameless).toHaveLength(1);
    expect(nameless[0]!.sku_detail).toHaveLength(1);
    const namelessIndex = (broken.orders as Json[]).indexOf(nameless[0]!);
    expect(plan.missingOrderId).toBe(lineKey((clean.orders as Json[])[namelessIndex]!.main_order_id, 1));
    const hostileOrder = (clean.orders as Json[]).find((o) => (o.sku_detail as Json[]).some((r) => r.creator_username === HOSTILE.handle))!;
    expect(plan.brokenRows.some((k) => k.startsWith(`${hostileOrder.main_order_id}#`))).toBe(false);
    // Every other line is as in the clean answer.
    const changed = linesOf(clean).filter((r, i) => JSON.stringify(r) !== JSON.stringify(rows[i]));
    expect(changed).toHaveLength(3);
  });

  it('is off unless asked for', () => {
    const rows = linesOf(answer(us));
    expect(rows.every((r) => typeof r.cos_ratio !== 'object' && /^\d/.test(r.estimated_cos_fee) && r.shop_ads_commission_ratio !== 'n/a')).toBe(true);
    expect((answer(us).orders as Json[]).every((o) => typeof o.main_order_id === 'string')).toBe(true);
  });
});
