import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { AppDB } from '../db/app-db';
import type { SampleStatus } from '../domain/sample-status';
import type { OrderSku, ProductCost, SampleContent, SampleRequest } from '../domain/types';
import { creatorCards } from './creator-card';

const SHOP = 'US:7400000000000000001';
const OTHER = 'GB:7400000000000000002';
const NOW = Date.UTC(2025, 5, 1);
const SRC = { endpoint: 'sample/group_list', page: 'https://affiliate-us.tiktok.com/product/sample-request' };
const ORDERS_SRC = { endpoint: 'orders', page: 'https://affiliate-us.tiktok.com/product/order' };
const usd = (minor: number) => ({ minor, currency: 'USD' });

let db: AppDB;
beforeEach(async () => {
  db = freshDb();
  await db.creators.bulkPut([
    { handle: 'glowwithmaya', nickname: 'Maya', aliases: [], firstSeenAt: NOW, lastSeenAt: NOW, fulfillmentBps: { value: 8200, seenAt: NOW, source: SRC } },
    { handle: 'quiet.one', aliases: [], firstSeenAt: NOW, lastSeenAt: NOW },
  ]);
});

const request = (applyId: string, status: SampleStatus, over: Partial<SampleRequest> = {}): SampleRequest => ({
  applyId,
  shopKey: SHOP,
  creatorHandle: 'glowwithmaya',
  productId: 'p1',
  skuId: 's1',
  status,
  statusRaw: status,
  statusSeenAt: NOW,
  firstSeenAt: NOW,
  lastSeenAt: NOW + Number(applyId),
  source: SRC,
  ...over,
});

const order = (key: string, over: Partial<OrderSku> = {}): OrderSku => ({
  key,
  orderId: key.split('|')[0] as string,
  shopKey: SHOP,
  createdAt: NOW,
  productId: 'p1',
  skuId: 's1',
  quantity: 1,
  price: usd(2000),
  creatorHandle: 'glowwithmaya',
  estimatedCommission: usd(300),
  settlement: 'TO_SETTLE',
  settlementRaw: 'To-SETTLE',
  refunded: 0,
  firstSeenAt: NOW,
  lastSeenAt: NOW,
  source: ORDERS_SRC,
  ...over,
});

const content = (contentId: string, format: 'VIDEO' | 'LIVE'): SampleContent => ({
  contentId,
  shopKey: SHOP,
  creatorHandle: 'glowwithmaya',
  format,
  firstSeenAt: NOW,
  lastSeenAt: NOW + 5,
  source: { endpoint: 'sample/performance', page: SRC.page },
});

const cost = (skuId: string, goods: number, shipping?: number): ProductCost => ({
  key: `${SHOP}|${skuId}`,
  shopKey: SHOP,
  productId: 'p1',
  skuId,
  costOfGoods: usd(goods),
  shipping: shipping === undefined ? undefined : usd(shipping),
  updatedAt: NOW + 9,
});

describe('creatorCards', () => {
  it('joins samples, content and orders of this shop only, with where each figure was seen', async () => {
    await db.sampleRequests.bulkPut([
      request('1', 'COMPLETED'),
      request('2', 'SHIPPED'),
      request('3', 'PENDING'),
      request('4', 'COMPLETED', { shopKey: OTHER }),
    ]);
    await db.sampleContents.bulkPut([content('c1', 'VIDEO'), content('c2', 'VIDEO'), content('c3', 'LIVE'), { ...content('c4', 'VIDEO'), shopKey: OTHER }]);
    await db.orderSkus.bulkPut([
      order('o1|s1', { quantity: 2, settlement: 'SETTLED', actualCommission: usd(500), estimatedCommission: usd(600) }),
      order('o2|s1', { estimatedAdsCommission: usd(100), lastSeenAt: NOW + 50 }),
      order('o3|s1', { refunded: 1 }),
      order('o4|s1', { shopKey: OTHER }),
      order('o5|s1', { creatorHandle: 'quiet.one' }),
    ]);

    const [maya, quiet] = await creatorCards(db, SHOP, ['glowwithmaya', 'quiet.one', 'never.seen', 'glowwithmaya']);
    expect(maya).toMatchObject({
      handle: 'glowwithmaya',
      nickname: 'Maya',
      fulfillment: { value: 8200 },
      samples: { seen: 3, sent: 2, withContent: 1, last: { seenAt: NOW + 3, source: SRC } },
      content: { videos: 2, lives: 1, last: { seenAt: NOW + 5 } },
      gmv: { amount: usd(6000), skuOrders: 2, fromCommission: 0, settled: 1, commission: usd(500 + 300 + 100), last: { seenAt: NOW + 50, source: ORDERS_SRC } },
    });
    expect(maya?.roi).toBeUndefined();
    expect(quiet).toMatchObject({ handle: 'quiet.one', samples: { seen: 0, sent: 0 }, content: { videos: 0, lives: 0 }, gmv: { skuOrders: 1 } });
    expect(quiet?.samples.last).toBeUndefined();
  });

  it('computes full-cost ROI from the seller\'s costs, counting the samples sent', async () => {
    await db.sampleRequests.bulkPut([request('1', 'COMPLETED', { skuId: 's2' }), request('2', 'PENDING', { skuId: 's3' })]);
    await db.orderSkus.bulkPut([order('o1|s1', { quantity: 3, price: usd(2000), estimatedCommission: usd(900) })]);
    await db.costs.bulkPut([cost('s1', 500, 100), cost('s2', 700)]);

    const [maya] = await creatorCards(db, SHOP, ['glowwithmaya']);
    // GMV 6000 − goods and shipping 3 × 600 − commission 900 − sample 700 = 2600, over 900 + 700 invested.
    expect(maya?.roi).toEqual({ kind: 'value', ratio: 2600 / 1600, profit: usd(2600), invested: usd(1600), costsUpdatedAt: NOW + 9 });
  });

  it('says how many SKUs lack a cost instead of a partial ROI', async () => {
    await db.sampleRequests.bulkPut([request('1', 'SHIPPED', { skuId: 's2' })]);
    await db.orderSkus.bulkPut([order('o1|s1'), order('o2|s9', { skuId: 's9' })]);
    await db.costs.bulkPut([cost('s1', 500)]);
    const [maya] = await creatorCards(db, SHOP, ['glowwithmaya']);
    expect(maya?.roi).toEqual({ kind: 'missing-costs', skus: 2, unidentified: 0 });
  });

  it('shows no ROI when the seller entered no cost at all', async () => {
    await db.orderSkus.bulkPut([order('o1|s1')]);
    const [maya] = await creatorCards(db, SHOP, ['glowwithmaya']);
    expect(maya?.gmv?.amount).toEqual(usd(2000));
    expect(maya?.roi).toBeUndefined();
  });

  it('reads lines in the real shape: no SKU, no price; GMV from commission ÷ rate, the agency fee paid on top', async () => {
    // Two lines of the Affiliate orders page: 10% creator commission, one through an agency at 5%, one final.
    const line = (key: string, over: Partial<OrderSku>) =>
      order(key, { skuId: undefined, productId: undefined, price: undefined, quantity: undefined, line: 1, commissionBps: 1000, settlement: 'UNKNOWN', settlementRaw: '', ...over });
    await db.orderSkus.bulkPut([
      line('o1|#1', { estimatedCommission: usd(300), estimatedPartnerCommission: usd(150), partnerCommissionBps: 500, partner: { name: 'Glow Partners' } }),
      line('o2|#1', { estimatedCommission: usd(200), actualCommission: usd(180) }),
    ]);
    const [maya] = await creatorCards(db, SHOP, ['glowwithmaya']);
    // GMV 3000 + 2000 (estimated as ordered); commission 300 + 150 (estimated) + 180 (actual, final).
    expect(maya?.gmv).toMatchObject({ amount: usd(5000), skuOrders: 2, fromCommission: 2, settled: 1, commission: usd(630) });
  });

  it('costs a line without a SKU by its product’s only cost, and names the lines no cost can be matched to', async () => {
    const line = (key: string, over: Partial<OrderSku>) => order(key, { skuId: undefined, price: undefined, quantity: undefined, commissionBps: 1000, settlement: 'UNKNOWN', ...over });
    await db.orderSkus.bulkPut([line('o1|#1', { estimatedCommission: usd(300), estimatedPartnerCommission: usd(150) })]);
    await db.costs.bulkPut([cost('s1', 1000, 200)]);
    const [maya] = await creatorCards(db, SHOP, ['glowwithmaya']);
    // GMV 3000 − goods and shipping 1200 − commission 450 (creator 300 + agency 150) = 1350 on 450 invested.
    expect(maya?.roi).toEqual({ kind: 'value', ratio: 1350 / 450, profit: usd(1350), invested: usd(450), costsUpdatedAt: NOW + 9 });

    await db.orderSkus.put(line('o2|#1', { productId: undefined, estimatedCommission: usd(100) }));
    await db.costs.put({ ...cost('s2', 900), productId: 'p1' });
    const [again] = await creatorCards(db, SHOP, ['glowwithmaya']);
    // The product has two SKU costs now (which one was sold is not known), and one line names no product at all.
    expect(again?.roi).toEqual({ kind: 'missing-costs', skus: 2, unidentified: 1 });
  });
});

