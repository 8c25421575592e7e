import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dump, freshDb, withoutSeenTimes } from '../../../test/db';
import { agency, API_URL, DAY, NOW, PAGE_URL, order, ordersPage, realLine, realOrder, realOrdersPage, requestBody, SHOP_ID, skuRow, withRateForm } from '../../../test/fixtures/orders';
import * as samples from '../../../test/fixtures/sample-group-list';
import type { Capture } from '../../capture/schema';
import type { AppDB } from '../../db/app-db';
import { ingestCaptures } from '../ingest';
import { SEEN_RESOLUTION_MS } from '../repeat';

let n = 0;
const capture = (json: unknown, overrides: Partial<Capture> = {}): Capture => ({
  v: 1,
  id: `orders-capture-${++n}`,
  url: API_URL,
  method: 'POST',
  status: 200,
  requestBody: requestBody(),
  responseText: JSON.stringify(json),
  pageUrl: PAGE_URL,
  seenAt: NOW,
  ...overrides,
});

const page = (...orders: unknown[]) => ({ code: 0, data: { orders } });
const KEY = '5770000000000000001|1729600000000000001';
const usd = (minor: number) => ({ minor, currency: 'USD' });
const source = { endpoint: 'orders.list', page: PAGE_URL };

const bySeen = <T extends { seenAt: number }>(rows: T[]) => rows.sort((a, b) => a.seenAt - b.seenAt);
const transitionsOf = async (db: AppDB, key = KEY) => bySeen(await db.transitions.where('[entity+key]').equals(['orderSku', key]).toArray());
const snapshotsOf = async (db: AppDB, key = KEY) => bySeen(await db.snapshots.where('[entity+key+seenAt]').between(['orderSku', key, 0], ['orderSku', key, Infinity]).toArray());

let db: AppDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('orders and order SKU sinks', () => {
  it('stores orders, SKU rows, creators, products and SKUs under the shop, with provenance', async () => {
    const summary = await ingestCaptures(db, [capture(ordersPage())]);
    expect(summary).toMatchObject({ accepted: 5, rejected: 0, shops: [`US:${SHOP_ID}`], handles: ['glowwithmaya', 'lee.reviews'] });
    expect(summary.changes.orderSkus).toHaveLength(await db.orderSkus.count());
    expect(summary.changes.orders).toHaveLength(4);
    expect(await db.orders.count()).toBe(4);
    expect(await db.orders.get('5770000000000000002')).toEqual({
      orderId: '5770000000000000002',
      shopKey: `US:${SHOP_ID}`,
      createdAt: NOW - 3 * DAY,
      skuRows: 2,
      deliveredAt: undefined,
      statusRaw: undefined,
      source,
      firstSeenAt: NOW,
      lastSeenAt: NOW,
    });
    expect(await db.orderSkus.count()).toBe(5);
    expect(await db.orderSkus.get(KEY)).toMatchObject({
      orderId: '5770000000000000001',
      skuId: '1729600000000000001',
      shopKey: `US:${SHOP_ID}`,
      productId: '1729500000000000001',
      creatorHandle: 'glowwithmaya',
      contentType: 'VIDEO',
      contentId: '7431000000000000001',
      collaboration: { kind: 'target', id: '7300000000000000001' },
      commissionBps: 1500,
      price: usd(2499),
      estimatedCommission: usd(375),
      settlement: 'TO_SETTLE',
      settlementRaw: 'To-SETTLE',
      settlementField: 'settlement_status',
      refunded: 0,
      source,
    });
    expect((await db.orderSkus.where('creatorHandle').equals('lee.reviews').toArray()).map((s) => s.skuId)).toEqual(['1729600000000000002', '1729600000000000003']);
    expect(await db.orderSkus.where('[shopKey+createdAt]').between([`US:${SHOP_ID}`, NOW - 3 * DAY], [`US:${SHOP_ID}`, NOW - 3 * DAY], true, true).count()).toBe(2);
    expect(await db.creators.get('lee.reviews')).toMatchObject({ nickname: 'Lee', aliases: [] });
    expect(await db.products.get('1729500000000000002')).toMatchObject({ title: 'Vitamin C Glow Cream', shopKey: `US:${SHOP_ID}` });
    expect(await db.skus.get('1729600000000000003')).toMatchObject({ productId: '1729500000000000002', description: 'Travel size' });
    expect(await db.contacts.count()).toBe(0);
    const obs = await db.observations.toArray();
    expect(obs).toHaveLength(1);
    expect(obs[0]?.recordKeys).toEqual(expect.arrayContaining([`orderSkus:${KEY}`, 'orders:5770000000000000001', 'creators:glowwithmaya']));
  });

  it('records the first settlement status of each row and a first snapshot of its commission', async () => {
    await ingestCaptures(db, [capture(ordersPage())]);
    expect((await db.transitions.toArray()).map((t) => [t.entity, t.from, t.to, t.raw])).toEqual([
      ['orderSku', undefined, 'TO_SETTLE', 'To-SETTLE'],
      ['orderSku', undefined, 'SETTLED', 'SETTLED'],
      ['orderSku', undefined, 'AWAITING_PAYMENT', 'AWAITING PAYMENT'],
      ['orderSku', undefined, 'INELIGIBLE', 'INELIGIBLE'],
      ['orderSku', undefined, 'UNKNOWN', 'Unknown'],
    ]);
    const [snap] = await snapshotsOf(db);
    expect(snap).toMatchObject({ seenAt: NOW, at: NOW, source, values: { estimatedCommission: usd(375), estimatedAdsCommission: usd(0), refunded: 0 } });
    expect(snap?.values.actualCommission).toBeUndefined();
  });

  it('is idempotent: the same page seen again adds no row and changes no fact, only the seen times', async () => {
    await ingestCaptures(db, [capture(ordersPage())]);
    const before = await dump(db);
    await ingestCaptures(db, [capture(ordersPage(), { seenAt: NOW + 60_000 })]);
    expect({ ...(await dump(db)), endpointStats: before.endpointStats }).toEqual(before);
    await ingestCaptures(db, [capture(ordersPage(), { seenAt: NOW + SEEN_RESOLUTION_MS })]);
    await ingestCaptures(db, [capture(ordersPage())]);
    const after = await dump(db);
    for (const name of Object.keys(before)) expect(after[name]?.length, name).toBe(before[name]?.length);
    expect(withoutSeenTimes(after)).toEqual(withoutSeenTimes(before));
    expect((await db.orderSkus.get(KEY))?.lastSeenAt).toBe(NOW + SEEN_RESOLUTION_MS);
  });

  it('records settlement changes as transitions and estimated → actual commission as snapshots, each once', async () => {
    await ingestCaptures(db, [capture(ordersPage())]);
    const settled = page(order({}, [skuRow({ settlement_status: 'SETTLED', actual_cos_fee: '3.50' })]));
    await ingestCaptures(db, [capture(settled, { seenAt: NOW + 5 * DAY })]);
    await ingestCaptures(db, [capture(settled, { seenAt: NOW + 6 * DAY })]);
    expect((await transitionsOf(db)).map((t) => [t.from, t.to, t.seenAt])).toEqual([
      [undefined, 'TO_SETTLE', NOW],
      ['TO_SETTLE', 'SETTLED', NOW + 5 * DAY],
    ]);
    const snaps = await snapshotsOf(db);
    expect(snaps.map((s) => [s.seenAt, s.values.estimatedCommission, s.values.actualCommission])).toEqual([
      [NOW, usd(375), undefined],
      [NOW + 5 * DAY, usd(375), usd(350)],
    ]);
    expect(await db.orderSkus.get(KEY)).toMatchObject({ settlement: 'SETTLED', estimatedCommission: usd(375), actualCommission: usd(350), lastSeenAt: NOW + 6 * DAY });
  });

  it('snapshots a later full return, which pays no commission', async () => {
    await ingestCaptures(db, [capture(ordersPage())]);
    await ingestCaptures(db, [capture(page(order({}, [skuRow({ fully_return: 'yes', settlement_status: 'INELIGIBLE' })])), { seenAt: NOW + DAY })]);
    expect(await db.orderSkus.get(KEY)).toMatchObject({ refunded: 1, settlement: 'INELIGIBLE', actualCommission: usd(0) });
    expect((await snapshotsOf(db)).map((s) => [s.values.refunded, s.values.actualCommission])).toEqual([
      [0, undefined],
      [1, usd(0)],
    ]);
  });

  it('never lets a late, older capture overwrite a newer settlement or amount', async () => {
    await ingestCaptures(db, [capture(page(order({}, [skuRow({ settlement_status: 'SETTLED', actual_cos_fee: '3.50' })])), { seenAt: NOW + DAY })]);
    await ingestCaptures(db, [capture(ordersPage(), { seenAt: NOW })]);
    expect(await db.orderSkus.get(KEY)).toMatchObject({ settlement: 'SETTLED', actualCommission: usd(350), firstSeenAt: NOW, lastSeenAt: NOW + DAY });
    expect((await transitionsOf(db)).map((t) => t.to)).toEqual(['SETTLED']);
    expect(await snapshotsOf(db)).toHaveLength(1);
  });

  it('keeps a known settlement when a later sighting sends one it cannot read, but takes its other changes', async () => {
    await ingestCaptures(db, [capture(ordersPage())]);
    await ingestCaptures(db, [capture(page(order({}, [skuRow({ settlement_status: 'FROZEN', estimated_cos_fee: '4.00' })])), { seenAt: NOW + DAY })]);
    expect(await db.orderSkus.get(KEY)).toMatchObject({ settlement: 'TO_SETTLE', settlementRaw: 'To-SETTLE', estimatedCommission: usd(400) });
    expect(await transitionsOf(db)).toHaveLength(1);
  });

  it('prices bare decimals in the currency of the shop the URL names, and stores none where the region is unknown', async () => {
    const bare = page(order({}, [skuRow({ price: undefined, estimated_cos_fee: '3.75' })]));
    const gb = (url: string) => url.replace('shop_region=US', 'shop_region=GB').replace('affiliate-us.tiktok.com', 'affiliate.tiktok.com');
    await ingestCaptures(db, [capture(bare, { url: gb(API_URL), pageUrl: gb(PAGE_URL) })]);
    expect(await db.orderSkus.get(KEY)).toMatchObject({ shopKey: `GB:${SHOP_ID}`, estimatedCommission: { minor: 375, currency: 'GBP' } });

    const other = freshDb();
    const unknown = (url: string) => url.replace('shop_region=US', 'shop_region=ZZ').replace('affiliate-us.tiktok.com', 'affiliate.tiktok.com');
    await ingestCaptures(other, [capture(bare, { url: unknown(API_URL), pageUrl: unknown(PAGE_URL) })]);
    const row = await other.orderSkus.get(KEY);
    expect(row?.shopKey).toBe(`ZZ:${SHOP_ID}`);
    expect(row?.estimatedCommission).toBeUndefined();
    expect(row?.commissionBps).toBe(1500);
    other.close();
  });

  it('joins the creator seen on an order with the one seen on Sample requests', async () => {
    await ingestCaptures(db, [{ ...capture(samples.toReviewPage()), url: samples.API_URL, pageUrl: samples.PAGE_URL, requestBody: samples.requestBody(), seenAt: NOW - DAY }]);
    await ingestCaptures(db, [capture(ordersPage())]);
    const maya = await db.creators.get('glowwithmaya');
    expect(maya).toMatchObject({ aliases: ['cid:7494000000000000001'], nickname: 'Maya ✨ Skincare', firstSeenAt: NOW - DAY, lastSeenAt: NOW });
    expect(maya?.fulfillmentBps?.value).toBe(6085);
    // Both creators on the orders were already known from Sample requests: one identity each, aliases kept.
    expect(await db.creators.count()).toBe(3);
    expect((await db.creators.get('lee.reviews'))?.aliases).toEqual(['cid:7494000000000003']);
  });

  it('stores none of a rejected row, counts it per endpoint with its path, and counts a sighting once', async () => {
    const broken = ordersPage();
    (broken.data.orders[0]!.sku_detail as Record<string, unknown>[])[0] = skuRow({ cos_ratio: { value: '15%' } });
    await ingestCaptures(db, [capture(broken)]);
    await ingestCaptures(db, [capture(broken)]);
    expect(await db.orderSkus.get(KEY)).toBeUndefined();
    expect(await db.orders.get('5770000000000000001')).toBeUndefined();
    expect(await db.orderSkus.count()).toBe(4);
    expect(await db.endpointStats.get('orders.list')).toMatchObject({
      accepted: 4,
      rejected: 1,
      failures: { 'data.orders[].sku_detail[].cos_ratio: invalid_union': 1 },
      lastRejectedAt: NOW,
    });
  });

  it('records nothing for an error envelope, and writes all of a batch or none of it', async () => {
    await ingestCaptures(db, [capture({ code: 98001004, message: 'invalid parameters' })]);
    expect(Object.values(await dump(db)).every((rows) => rows.length === 0)).toBe(true);
    vi.spyOn(db.snapshots, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(ingestCaptures(db, [capture(ordersPage())])).rejects.toThrow('disk full');
    expect(Object.values(await dump(db)).every((rows) => rows.length === 0)).toBe(true);
  });
});

describe('order lines in the real shape (real-shapes.md §2)', () => {
  const SHOP = `US:${SHOP_ID}`;
  const real = (...orders: unknown[]) => ({ code: 0, message: 'success', orders });
  const product = (productId: string, title: string, shopKey = SHOP) => ({ productId, shopKey, title, firstSeenAt: NOW, lastSeenAt: NOW, source });

  it('stores every line, keyed by order and position, priced in the shop currency, with channel, agency and rate forms', async () => {
    const summary = await ingestCaptures(db, [capture(realOrdersPage())]);
    expect(summary).toMatchObject({ accepted: 5, rejected: 0 });
    expect((await db.orderSkus.toCollection().primaryKeys()).sort()).toEqual([
      '5770000000000000101|#1',
      '5770000000000000101|#2',
      '5770000000000000102|#1',
      '5770000000000000103|#1',
      '5770000000000000104|#1',
    ]);
    expect(await db.orderSkus.get('5770000000000000101|#2')).toMatchObject({ orderId: '5770000000000000101', line: 2, shopKey: SHOP, contentType: 'LIVE', contentTypeRaw: '3', commissionBps: 1500, estimatedCommission: usd(300), settlement: 'UNKNOWN' });
    const viaAgency = await db.orderSkus.get('5770000000000000102|#1');
    expect(viaAgency).toMatchObject({
      creatorHandle: 'lee.reviews',
      contentType: 'SHOP',
      partner: { id: '7260000000000000001', name: 'Glow Partners Agency' },
      partnerCommissionBps: 500,
      estimatedPartnerCommission: usd(125),
      rateForms: { commission: 'bps', ads: 'bps', partner: 'bps' },
    });
    expect(viaAgency?.skuId).toBeUndefined();
    expect(viaAgency?.productId).toBeUndefined();
    expect(await db.orders.get('5770000000000000101')).toMatchObject({ skuRows: 2, createdAt: NOW - 2 * DAY });
    // The commission snapshot holds the agency's fee too.
    expect((await snapshotsOf(db, '5770000000000000103|#1'))[0]?.values).toMatchObject({ estimatedPartnerCommission: usd(400), actualPartnerCommission: usd(360), actualCommission: usd(360) });
  });

  it('stores the same line once across reloads and rate forms, and never mixes it with a SKU-keyed line', async () => {
    await ingestCaptures(db, [capture(realOrdersPage())]);
    await ingestCaptures(db, [capture(withRateForm(realOrdersPage(), 'percent'), { seenAt: NOW + DAY })]);
    expect(await db.orderSkus.count()).toBe(5);
    expect(await db.orderSkus.get('5770000000000000101|#1')).toMatchObject({ commissionBps: 1000, rateForms: { commission: 'percent', ads: 'percent' }, lastSeenAt: NOW + DAY });
    await ingestCaptures(db, [capture(real(realOrder({}, [realLine({ sku_id: '1729600000000000001' })])), { seenAt: NOW + 2 * DAY })]);
    expect(await db.orderSkus.get('5770000000000000101|1729600000000000001')).toMatchObject({ line: 1, skuId: '1729600000000000001' });
    expect(await db.orderSkus.count()).toBe(6);
  });

  it('joins a line sent with a product name but no id to the shop’s product of that name', async () => {
    await db.products.bulkPut([
      product('1729500000000000001', 'Rose Hydrating Serum 30ml'),
      product('1729500000000000002', 'Twin Cream'),
      product('1729500000000000003', 'twin  cream'),
      product('1729500000000000004', 'Vitamin C Glow Cream', `GB:${SHOP_ID}`),
    ]);
    const titled = (title: string, line = {}) => realLine({ product_name: title, ...line });
    await ingestCaptures(db, [capture(real(realOrder({}, [titled(' rose hydrating   serum 30ML '), titled('Twin Cream'), titled('Vitamin C Glow Cream'), titled('Unseen Balm')])))]);
    const rows = await db.orderSkus.where('orderId').equals('5770000000000000101').sortBy('line');
    expect(rows.map((r) => [r.line, r.productTitle, r.productId])).toEqual([
      [1, 'rose hydrating   serum 30ML', '1729500000000000001'],
      // A name two products share, one of another shop, one never seen: no product.
      [2, 'Twin Cream', undefined],
      [3, 'Vitamin C Glow Cream', undefined],
      [4, 'Unseen Balm', undefined],
    ]);
    // The join is kept when a later sighting sends the same line again.
    await ingestCaptures(db, [capture(real(realOrder({}, [titled('Rose Hydrating Serum 30ml')])), { seenAt: NOW + DAY })]);
    expect((await db.orderSkus.get('5770000000000000101|#1'))?.productId).toBe('1729500000000000001');
  });

  it('keeps a full return an earlier answer reported when a later one says nothing about returns', async () => {
    const key = '5770000000000000001|1729600000000000001';
    await ingestCaptures(db, [capture(page(order({}, [skuRow({ fully_return: 'yes' })])))]);
    expect(await db.orderSkus.get(key)).toMatchObject({ refunded: 1, refundedField: 'fully_return' });
    await ingestCaptures(db, [capture(page(order({}, [skuRow({ fully_return: undefined })])), { seenAt: NOW + DAY })]);
    expect(await db.orderSkus.get(key)).toMatchObject({ refunded: 1, refundedField: 'fully_return' });
  });

  it('counts an agency line whose rate is ambiguous as a rejection with its path, and stores the others', async () => {
    const json = real(realOrder({}, [realLine(), realLine({ ...agency({ sponsor_service_ratio: '0.05' }) })]));
    await ingestCaptures(db, [capture(json)]);
    expect(await db.orderSkus.count()).toBe(1);
    expect(await db.endpointStats.get('orders.list')).toMatchObject({ accepted: 1, rejected: 1, failures: { 'orders[].sku_detail[].sponsor_service_ratio: ambiguous_rate': 1 } });
  });
});

