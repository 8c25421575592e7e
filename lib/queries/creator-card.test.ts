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
    // GMV 2 × 20 + 20 + 20 (the refunded order counts, and is the refunds); commission 5 (actual, settled) + 3 + 1 (Shop Ads) + 3.
    expect(maya).toMatchObject({
      handle: 'glowwithmaya',
      nickname: 'Maya',
      fulfillment: { value: 8200 },
      samples: { seen: 3, sent: 2, withContent: 1, last: { seenAt: NOW + 3, source: SRC } },
      content: { videos: 2, lives: 1, last: { seenAt: NOW + 5 } },
      gmv: { amount: usd(8000), orders: 3, skuOrders: 3, fromCommission: 0, settled: 1, commission: usd(1200), refunds: usd(2000), last: { seenAt: NOW + 50, source: ORDERS_SRC } },
    });
    // Two samples sent and no cost for them: the cash ROI only.
    expect(maya?.roi).toEqual({ cash: 8000 / 1200, samplesSent: 2, needsCost: true });
    expect(maya?.marks).toBeUndefined();
    expect(quiet).toMatchObject({ handle: 'quiet.one', samples: { seen: 0, sent: 0 }, content: { videos: 0, lives: 0 }, gmv: { skuOrders: 1 } });
    expect(quiet?.samples.last).toBeUndefined();
  });

  it('computes the full-cost ROI from the cost of the samples sent, at their SKU cost', async () => {
    await db.sampleRequests.bulkPut([request('1', 'COMPLETED', { skuId: 's2' }), request('2', 'PENDING', { skuId: 's3' })]);
    await db.orderSkus.bulkPut([order('o1|s1', { quantity: 3, price: usd(2000), estimatedCommission: usd(900) })]);
    await db.costs.bulkPut([cost('s1', 500, 100), cost('s2', 700)]);

    const [maya] = await creatorCards(db, SHOP, ['glowwithmaya']);
    // GMV 60 ÷ commission 9; 60 ÷ (9 + the one sample sent, 7). The request still pending costs nothing yet.
    expect(maya?.roi).toEqual({ cash: 6000 / 900, fullCost: 6000 / 1600, sampleCost: usd(700), samplesSent: 1, needsCost: false });
  });

  it('costs the samples without a SKU cost at the flat cost per sample, else says the full-cost ROI needs one', async () => {
    await db.sampleRequests.bulkPut([request('1', 'SHIPPED', { skuId: 's2' }), request('2', 'COMPLETED', { skuId: 's1' })]);
    await db.orderSkus.bulkPut([order('o1|s1')]);
    await db.costs.bulkPut([cost('s1', 500)]);
    const [maya] = await creatorCards(db, SHOP, ['glowwithmaya']);
    expect(maya?.roi).toEqual({ cash: 2000 / 300, samplesSent: 2, needsCost: true });

    const [flat] = await creatorCards(db, SHOP, ['glowwithmaya'], usd(250));
    // s1 at its cost 5, s2 at the flat 2.50.
    expect(flat?.roi).toEqual({ cash: 2000 / 300, fullCost: 2000 / (300 + 750), sampleCost: usd(750), samplesSent: 2, needsCost: false });
  });

  it('costs a sample request without a SKU by its product’s only cost', async () => {
    await db.sampleRequests.bulkPut([request('1', 'SHIPPED', { skuId: undefined })]);
    await db.orderSkus.bulkPut([order('o1|s1')]);
    await db.costs.bulkPut([cost('s1', 1000, 200)]);
    const [maya] = await creatorCards(db, SHOP, ['glowwithmaya']);
    expect(maya?.roi).toMatchObject({ sampleCost: usd(1200), fullCost: 2000 / 1500 });

    await db.costs.put({ ...cost('s2', 900), productId: 'p1' });
    const [again] = await creatorCards(db, SHOP, ['glowwithmaya']);
    // The product has two SKU costs now, and which one was sent is not known.
    expect(again?.roi).toEqual({ cash: 2000 / 300, samplesSent: 1, needsCost: true });
  });

  it('with orders and no sample sent, the full-cost ROI is the cash ROI once the shop’s sample requests were seen', async () => {
    await db.orderSkus.bulkPut([order('o1|s1')]);
    const [maya] = await creatorCards(db, SHOP, ['glowwithmaya']);
    expect(maya?.gmv?.amount).toEqual(usd(2000));
    // No sample request of the shop was ever seen: what samples cost is unknown, not nothing.
    expect(maya?.roi).toEqual({ cash: 2000 / 300, samplesSent: 0, needsCost: false });

    await db.sampleRequests.put(request('1', 'SHIPPED', { creatorHandle: 'quiet.one' }));
    const [seen] = await creatorCards(db, SHOP, ['glowwithmaya']);
    expect(seen?.roi).toEqual({ cash: 2000 / 300, fullCost: 2000 / 300, sampleCost: usd(0), samplesSent: 0, needsCost: false });
  });

  it('carries the seller’s marks', async () => {
    await db.creatorMarks.put({ handle: 'quiet.one', tags: ['vip'], note: 'Slow to post', watch: 1, blocked: 1, updatedAt: NOW });
    const [maya, quiet] = await creatorCards(db, SHOP, ['glowwithmaya', 'quiet.one']);
    expect(maya?.marks).toBeUndefined();
    expect(quiet?.marks).toEqual({ tags: ['vip'], note: 'Slow to post', watch: 1, blocked: 1 });
    expect(quiet?.roi).toBeUndefined();
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
    expect(maya?.roi?.cash).toBe(5000 / 630);
  });
});
