import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { AppDB } from '../db/app-db';
import type { CreatorPerformance, OrderSku, SampleContent, SampleRequest } from '../domain/types';
import { capturedPeriods, dayOf, DAY_MS, headlineKey, readHeadline, readPeriods, rowsMetaKey, storedMeta } from './figures';
import { rebuildCreatorRows } from './maintain';
import { SORT_MISSING, type CreatorRow } from './model';
import { roundRatio } from './terms';

const SHOP = 'US:7400000000000000001';
const NOW = Date.UTC(2025, 5, 15, 12);
const DAY = DAY_MS;
const usd = (minor: number) => ({ minor, currency: 'USD' });
const SAMPLES = { endpoint: 'sample/group_list', page: 'https://affiliate-us.tiktok.com/product/sample-request' };
const ORDERS = { endpoint: 'orders', page: 'https://affiliate-us.tiktok.com/product/order' };
const FIND = { endpoint: 'creator/search', page: 'https://affiliate-us.tiktok.com/connection/creator' };

let db: AppDB;
beforeEach(async () => {
  db = freshDb();
  await db.shops.put({ key: SHOP, region: 'US', sellerId: '7400000000000000001', host: 'affiliate-us.tiktok.com', firstSeenAt: NOW - 200 * DAY, lastSeenAt: NOW });
});
afterEach(() => db.close());

const row = (period: string, handle: string) => db.creatorRows.get([SHOP, period, handle]) as Promise<CreatorRow | undefined>;

describe('the headline of an imported creator analysis export, checked by hand', () => {
  /**
   * A small export of eight creators, its figures as the export writes them:
   *
   *   creator  GMV      est. commission  est. flat fee  samples shipped  sample content
   *   ana      $120.00  $12.00           —              2                2
   *   budi     $30.00   $4.50            $3.00          1                1
   *   cici     $0.00    $0.00            —              3                0
   *   dodi     $0.00    $0.00            —              2                1
   *   eka      $0.00    $0.00            —              1                0
   *   fani     $0.00    —                —              1                0
   *   gita     $0.00    $0.00            —              1                0
   *   hadi     $0.00    $0.00            —              1                0
   *
   * GMV = 120 + 30 = $150.00. Commission = 12 + 4.50 + 3 (budi's flat fee) = $19.50.
   * Cash ROI = 150 ÷ 19.50 = 7.6923… → 7.69×.
   * Samples shipped = 2 + 1 + 3 + 2 + 1 + 1 + 1 + 1 = 12; at $5 a sample the sample cost is $60.00.
   * Full-cost ROI = 150 ÷ (19.50 + 60) = 150 ÷ 79.50 = 1.8867… → 1.89×.
   * Creators with zero GMV: cici, dodi, eka, fani, gita, hadi = 6 of 8 = 75%.
   */
  const EXPORT: [string, number, number | undefined, number | undefined, number, number][] = [
    ['ana', 12_000, 1200, undefined, 2, 2],
    ['budi', 3000, 450, 300, 1, 1],
    ['cici', 0, 0, undefined, 3, 0],
    ['dodi', 0, 0, undefined, 2, 1],
    ['eka', 0, 0, undefined, 1, 0],
    ['fani', 0, undefined, undefined, 1, 0],
    ['gita', 0, 0, undefined, 1, 0],
    ['hadi', 0, 0, undefined, 1, 0],
  ];
  const period = { start: Date.UTC(2025, 4, 1), end: Date.UTC(2025, 4, 31) };

  beforeEach(async () => {
    await db.imports.put({ id: 'imp1', kind: 'creator-analysis', fileName: 'Creator analysis May.xlsx', shopKey: SHOP, period, rows: EXPORT.length, importedAt: NOW - DAY });
    await db.creatorPerformance.bulkPut(
      EXPORT.map(([handle, gmv, commission, flatFee, shipped, content]): CreatorPerformance => ({
        key: `${SHOP}|${handle}|${period.start}|${period.end}`,
        shopKey: SHOP,
        handle,
        period,
        gmv: usd(gmv),
        ...(commission !== undefined && { estCommission: usd(commission) }),
        ...(flatFee !== undefined && { estFlatFee: usd(flatFee) }),
        samplesShipped: shipped,
        sampleContent: content,
        importId: 'imp1',
      })),
    );
  });

  it('cash ROI 7.69×, full-cost ROI 1.89× at $5 a sample, 75% of creators with zero GMV', async () => {
    await rebuildCreatorRows(db, { now: NOW, flatCosts: { [SHOP]: usd(500) } });
    const headline = await readHeadline(db, SHOP, 'import:imp1');
    expect(headline).toMatchObject({
      creators: 8,
      engaged: 8,
      gmv: usd(15_000),
      commission: usd(1950),
      sampleCost: usd(6000),
      samplesSent: 12,
      contentPosted: 4,
      zeroGmvShareBps: 7500,
      periodInfo: { key: 'import:imp1', source: 'import', start: period.start, end: period.end, fileName: 'Creator analysis May.xlsx' },
    });
    expect(roundRatio(headline?.cashRoi ?? NaN)).toBe(7.69);
    expect(roundRatio(headline?.fullCostRoi ?? NaN)).toBe(1.89);
    expect(headline?.needsSampleCost).toBeUndefined();
    expect(headline?.sources.cashRoi).toEqual({ source: 'import', period: 'import:imp1', seenAt: NOW - DAY });

    // One creator's row: ana's cash ROI 120 ÷ 12 = 10, full-cost 120 ÷ (12 + 2 × 5) = 5.4545…
    const ana = await row('import:imp1', 'ana');
    expect(ana).toMatchObject({ gmv: usd(12_000), commission: usd(1200), samplesSent: 2, contentPosted: 2, postingRateBps: 10_000, sampleCost: usd(1000), cashRoi: 10, engaged: 1 });
    expect(ana?.fullCostRoi).toBeCloseTo(12_000 / 2200, 12);
    expect(ana?.sort).toMatchObject({ gmv: 12_000, cashRoi: 10, fulfilment: SORT_MISSING, lastSeen: SORT_MISSING });
    // fani's export has no commission cell: her commission is unknown, not zero.
    expect((await row('import:imp1', 'fani'))?.commission).toBeUndefined();
  });

  it('says the full-cost ROI needs a sample cost when no flat cost per sample is set', async () => {
    await rebuildCreatorRows(db, { now: NOW });
    const headline = await readHeadline(db, SHOP, 'import:imp1');
    expect(headline?.fullCostRoi).toBeUndefined();
    expect(headline?.sampleCost).toBeUndefined();
    expect(headline?.needsSampleCost).toBe(true);
    expect(roundRatio(headline?.cashRoi ?? NaN)).toBe(7.69);
    expect(await readPeriods(db, SHOP)).toEqual([...capturedPeriods(dayOf(NOW)), expect.objectContaining({ key: 'import:imp1', source: 'import' })]);
  });
});

describe('captured periods', () => {
  const request = (applyId: string, status: SampleRequest['status'], appliedAt: number, skuId: string, handle = 'maya'): SampleRequest => ({
    applyId,
    shopKey: SHOP,
    creatorHandle: handle,
    productId: 'p1',
    skuId,
    status,
    statusRaw: status,
    statusSeenAt: NOW,
    appliedAt,
    firstSeenAt: appliedAt,
    lastSeenAt: NOW - Number(applyId),
    source: SAMPLES,
  });
  const line = (orderId: string, createdAt: number, over: Partial<OrderSku> = {}): OrderSku => ({
    key: `${orderId}|s1`,
    orderId,
    shopKey: SHOP,
    createdAt,
    skuId: 's1',
    productId: 'p1',
    creatorHandle: 'maya',
    settlement: 'TO_SETTLE',
    settlementRaw: 'To-SETTLE',
    refunded: 0,
    firstSeenAt: createdAt,
    lastSeenAt: NOW - 2 * DAY,
    source: ORDERS,
    ...over,
  });
  const video = (contentId: string, applyId: string, postedAt: number): SampleContent => ({
    contentId,
    applyId,
    shopKey: SHOP,
    creatorHandle: 'maya',
    format: 'VIDEO',
    postedAt,
    firstSeenAt: postedAt,
    lastSeenAt: NOW - 3 * DAY,
    source: SAMPLES,
  });

  beforeEach(async () => {
    // maya: a sample 10 days ago whose video came, one 60 days ago still shipped; an order 3 days ago, a refunded one 40 days ago.
    await db.sampleRequests.bulkPut([request('1', 'COMPLETED', NOW - 10 * DAY, 's1'), request('2', 'SHIPPED', NOW - 60 * DAY, 's2')]);
    await db.sampleContents.put(video('v1', '1', NOW - 5 * DAY));
    await db.orderSkus.bulkPut([
      line('o1', NOW - 3 * DAY, { price: usd(2000), quantity: 2, estimatedCommission: usd(300) }),
      line('o2', NOW - 40 * DAY, { price: usd(1000), refunded: 1, estimatedCommission: usd(100), lastSeenAt: NOW - 4 * DAY }),
    ]);
    await db.creators.bulkPut([
      { handle: 'maya', nickname: 'Maya', aliases: [], firstSeenAt: NOW - 90 * DAY, lastSeenAt: NOW - DAY, fulfillmentBps: { value: 8200, seenAt: NOW - 6 * DAY, source: FIND } },
      // Seen in this region's Find creators 45 days ago, never worked with.
      { handle: 'rex', aliases: [], region: 'US', firstSeenAt: NOW - 45 * DAY, lastSeenAt: NOW - 45 * DAY },
      // Another region's creator: not this shop's.
      { handle: 'ola', aliases: [], region: 'ID', firstSeenAt: NOW - DAY, lastSeenAt: NOW - DAY },
    ]);
    // lee was invited 100 days ago; nova was shown by the shop's marketplace yesterday.
    await db.invitations.put({ id: 'inv1', shopKey: SHOP, name: 'Spring', status: 'COMPLETED', statusRaw: 'ended', startAt: NOW - 100 * DAY, counts: {}, contactChannels: [], firstSeenAt: NOW - 100 * DAY, lastSeenAt: NOW - 50 * DAY, source: SAMPLES });
    await db.invitationCreators.put({ invitationId: 'inv1', handle: 'lee', shopKey: SHOP, accepted: 1, statusRaw: '2', lastSeenAt: NOW - 50 * DAY });
    await db.shopCreators.put({ shopKey: SHOP, handle: 'nova', flags: { value: { hasCollaborated: false }, seenAt: NOW - DAY, source: FIND }, firstSeenAt: NOW - DAY, lastSeenAt: NOW - DAY });
    await db.costs.put({ key: `${SHOP}|s1`, shopKey: SHOP, productId: 'p1', skuId: 's1', costOfGoods: usd(700), shipping: usd(300), updatedAt: NOW });
    await db.creatorMarks.put({ handle: 'maya', tags: ['vip'], watch: 0, blocked: 1, updatedAt: NOW });
  });

  it('count the records of each window, with where each figure was seen and the seller’s marks copied in', async () => {
    await rebuildCreatorRows(db, { now: NOW });
    const d30 = await row('d30', 'maya');
    expect(d30).toMatchObject({
      nickname: 'Maya',
      lastSeenAt: NOW - DAY,
      engaged: 1,
      orders: 1,
      skuOrders: 1,
      gmv: usd(4000),
      commission: usd(300),
      refunds: usd(0),
      samplesSent: 1,
      contentPosted: 1,
      postingRateBps: 10_000,
      fulfilmentBps: 8200,
      sampleCost: usd(1000),
      cashRoi: 4000 / 300,
      fullCostRoi: 4000 / 1300,
      tags: ['vip'],
      watch: 0,
      blocked: 1,
    });
    expect(d30?.sources).toMatchObject({
      gmv: { source: 'capture', period: 'd30', seenAt: NOW - 2 * DAY, ref: ORDERS },
      samplesSent: { source: 'capture', period: 'd30', seenAt: NOW - 1, ref: SAMPLES },
      fulfilmentBps: { seenAt: NOW - 6 * DAY, ref: FIND },
      cashRoi: { source: 'capture', period: 'd30', seenAt: NOW - 2 * DAY },
    });
    expect(d30?.sort).toEqual({
      gmv: 4000,
      orders: 1,
      commission: 300,
      samplesSent: 1,
      contentPosted: 1,
      postingRate: 10_000,
      fulfilment: 8200,
      cashRoi: 4000 / 300,
      fullCostRoi: 4000 / 1300,
      lastSeen: NOW - DAY,
    });

    // Everything captured: the refunded order counts in GMV and in refunds; sample 2's SKU has no cost and no flat cost is set.
    const all = await row('all', 'maya');
    expect(all).toMatchObject({ orders: 2, gmv: usd(5000), commission: usd(400), refunds: usd(1000), samplesSent: 2, postingRateBps: 5000, cashRoi: 12.5 });
    expect(all?.sampleCost).toBeUndefined();
    expect(all?.fullCostRoi).toBeUndefined();
    expect(all?.sort.fullCostRoi).toBe(SORT_MISSING);
  });

  it('hold the creators the shop worked with in the window and those its marketplace showed in it', async () => {
    await rebuildCreatorRows(db, { now: NOW });
    const handles = async (period: string) => (await db.creatorRows.where('[shopKey+period+handle]').between([SHOP, period, ''], [SHOP, period, '\uffff']).toArray()).map((r) => [r.handle, r.engaged]);
    expect(await handles('d30')).toEqual([['maya', 1], ['nova', 0]]);
    expect(await handles('d90')).toEqual([['maya', 1], ['nova', 0], ['rex', 0]]);
    expect(await handles('all')).toEqual([['lee', 1], ['maya', 1], ['nova', 0], ['rex', 0]]);
    // lee brought no GMV in an order history the shop captured: zero, not unknown.
    expect(await row('all', 'lee')).toMatchObject({ gmv: usd(0), orders: 0, samplesSent: 0, sampleCost: usd(0) });

    const all = await readHeadline(db, SHOP, 'all');
    // Worked with: maya ($50.00) and lee ($0): half of them brought no GMV. The sample cost of maya's second sample is not known.
    expect(all).toMatchObject({ creators: 4, engaged: 2, gmv: usd(5000), commission: usd(400), refunds: usd(1000), zeroGmvShareBps: 5000, cashRoi: 12.5, needsSampleCost: true });
    expect(all?.sampleCost).toBeUndefined();
    expect(all?.periodInfo).toEqual({ key: 'all', source: 'capture', end: (dayOf(NOW) + 1) * DAY });
    const d30 = await readHeadline(db, SHOP, 'd30');
    expect(d30).toMatchObject({ creators: 2, engaged: 1, gmv: usd(4000), sampleCost: usd(1000), fullCostRoi: 4000 / 1300, zeroGmvShareBps: 0 });
    expect(d30?.periodInfo).toEqual({ key: 'd30', source: 'capture', start: (dayOf(NOW) + 1 - 30) * DAY, end: (dayOf(NOW) + 1) * DAY });
  });

  it('cost the samples without a SKU cost at the flat cost per sample', async () => {
    await rebuildCreatorRows(db, { now: NOW, flatCosts: { [SHOP]: usd(500) } });
    const all = await row('all', 'maya');
    expect(all?.sampleCost).toEqual(usd(1000 + 500));
    expect(all?.fullCostRoi).toBe(5000 / (400 + 1500));
    expect((await readHeadline(db, SHOP, 'all'))?.needsSampleCost).toBeUndefined();
    expect(storedMeta((await db.aggregates.get(rowsMetaKey(SHOP)))?.values)).toMatchObject({ flat: usd(500), coverage: { orders: true, samples: true }, day: dayOf(NOW) });
  });

  it('leave order figures unknown, not zero, while the shop has no order line at all', async () => {
    await db.orderSkus.clear();
    await rebuildCreatorRows(db, { now: NOW });
    const maya = await row('all', 'maya');
    expect(maya?.gmv).toBeUndefined();
    expect(maya?.orders).toBeUndefined();
    expect(maya?.cashRoi).toBeUndefined();
    expect(maya?.sort.gmv).toBe(SORT_MISSING);
    const all = await readHeadline(db, SHOP, 'all');
    expect(all?.gmv).toBeUndefined();
    expect(all?.zeroGmvShareBps).toBeUndefined();
    expect(await db.aggregates.get(headlineKey(SHOP, 'd90'))).toBeDefined();
  });

  it('leave out amounts in another currency and count them', async () => {
    await db.orderSkus.put(line('o3', NOW - DAY, { price: { minor: 5_000_000, currency: 'IDR' }, estimatedCommission: { minor: 500_000, currency: 'IDR' } }));
    await rebuildCreatorRows(db, { now: NOW });
    expect(await row('d30', 'maya')).toMatchObject({ gmv: usd(4000), skuOrders: 2, otherCurrency: 1 });
    expect((await readHeadline(db, SHOP, 'd30'))?.otherCurrency).toBe(1);
  });
});
