import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { AppDB } from '../db/app-db';
import type { OrderSku, SampleContent, SampleRequest, Snapshot } from '../domain/types';
import type { Finding } from '../rules/types';
import { SORT_KEYS, SORT_MISSING, type CreatorRow } from './model';
import { creatorFindings, historyOf, readCreatorDetail, totalsOf } from './detail';

const SHOP = 'US:7001';
const OTHER = 'GB:7002';
const HANDLE = 'maya.glow';
const DAY = 86_400_000;
const T = Date.UTC(2025, 4, 1);
const usd = (minor: number) => ({ minor, currency: 'USD' });
const PAGE = 'https://affiliate-us.tiktok.com/connection/creator/detail?cid=1';
const SAMPLES = 'https://affiliate-us.tiktok.com/product/sample-request';
const ORDERS = 'https://affiliate-us.tiktok.com/product/order';
const src = (page: string) => ({ endpoint: 'test', page });

const snap = (entity: string, seenAt: number, values: Record<string, unknown>, at = seenAt): Snapshot => ({ entity, key: HANDLE, seenAt, at, values, source: src(PAGE) });

const request = (applyId: string, productId: string, status: SampleRequest['status'], appliedAt: number, shopKey = SHOP): SampleRequest => ({
  applyId,
  shopKey,
  creatorHandle: HANDLE,
  productId,
  status,
  statusRaw: status,
  statusSeenAt: appliedAt,
  appliedAt,
  firstSeenAt: appliedAt,
  lastSeenAt: appliedAt + DAY,
  source: src(SAMPLES),
});

const content = (contentId: string, applyId: string | undefined, format: 'VIDEO' | 'LIVE', postedAt: number, views?: number): SampleContent => ({
  contentId,
  ...(applyId ? { applyId } : {}),
  shopKey: SHOP,
  creatorHandle: HANDLE,
  productId: 'p1',
  format,
  postedAt,
  ...(views === undefined ? {} : { views }),
  firstSeenAt: postedAt,
  lastSeenAt: postedAt,
  source: src(SAMPLES),
});

function line(orderId: string, o: Partial<OrderSku> & { createdAt: number }): OrderSku {
  return {
    key: `${orderId}|${o.skuId ?? 's1'}`,
    orderId,
    shopKey: SHOP,
    productId: 'p1',
    skuId: 's1',
    quantity: 1,
    price: usd(2000),
    creatorHandle: HANDLE,
    contentType: 'VIDEO',
    commissionBps: 1000,
    estimatedCommission: usd(200),
    settlement: 'UNKNOWN',
    settlementRaw: '',
    refunded: 0,
    firstSeenAt: o.createdAt,
    lastSeenAt: o.createdAt,
    source: src(ORDERS),
    ...o,
  };
}

const creatorRow = (shopKey: string, period: CreatorRow['period'], gmv: number): CreatorRow => ({
  shopKey,
  period,
  handle: HANDLE,
  gmv: usd(gmv),
  tags: ['vip'],
  watch: 1,
  blocked: 0,
  sources: { gmv: { source: 'capture', period } },
  sort: { ...(Object.fromEntries(SORT_KEYS.map((k) => [k, SORT_MISSING])) as CreatorRow['sort']), gmv },
  updatedAt: T,
});

let db: AppDB;
beforeEach(async () => {
  db = freshDb();
  await db.shops.put({ key: SHOP, region: 'US', sellerId: '7001', host: 'affiliate-us.tiktok.com', firstSeenAt: T, lastSeenAt: T });
  await db.creators.put({ handle: HANDLE, nickname: 'Maya Glow', aliases: [], firstSeenAt: T - 10 * DAY, lastSeenAt: T + 10 * DAY });
  await db.snapshots.bulkAdd([
    snap('creator', T, { followers: 1000, gmv: usd(50_000), avgVideoViews: 300, fulfillmentBps: 8000 }),
    snap('creator', T + 2 * DAY, { followers: 1200, gmv: { minor: 900, currency: 'GBP' }, medianVideoViews: 250 }),
    snap('creator', T + DAY, { followers: 1100, fulfillmentBps: 7500 }),
    snap('creatorTrend', T + 5 * DAY, { followers: 1190, gmv: usd(700), videoViews: 40 }, T + DAY),
    snap('creatorTrend', T + 5 * DAY, { followers: 1180, videoViews: 30 }, T),
    snap('creatorTrend', T + 5 * DAY, { followers: 5, series: 'live' }, T),
    { ...snap('creator', T, { followers: 1 }), key: 'someone.else' },
  ]);
  await db.products.bulkPut([{ productId: 'p1', shopKey: SHOP, title: 'Glow Serum', firstSeenAt: T, lastSeenAt: T, source: src(SAMPLES) }]);
  await db.sampleRequests.bulkPut([
    request('100', 'p1', 'COMPLETED', T + DAY),
    request('101', 'p2', 'PENDING', T + 3 * DAY),
    request('102', 'p1', 'SHIPPED', T, OTHER),
  ]);
  await db.sampleContents.bulkPut([content('c1', '100', 'VIDEO', T + 4 * DAY, 1000), content('c2', '100', 'LIVE', T + 6 * DAY, 500), content('c3', undefined, 'VIDEO', T + 7 * DAY)]);
  await db.orderSkus.bulkPut([
    line('o0', { createdAt: T }), // before the sample was requested
    line('o1', { createdAt: T + 5 * DAY }),
    line('o1', { createdAt: T + 5 * DAY, skuId: 's2', contentType: 'LIVE', price: usd(3000), estimatedCommission: usd(300) }),
    line('o2', { createdAt: T + 6 * DAY, contentType: 'SHOP', refunded: 1 }),
    line('o3', { createdAt: T + 6 * DAY, contentType: 'SHOP', price: usd(1000), estimatedCommission: usd(100), estimatedPartnerCommission: usd(50) }),
    line('o4', { createdAt: T + 6 * DAY, price: { minor: 500, currency: 'GBP' }, estimatedCommission: { minor: 50, currency: 'GBP' } }),
    line('o5', { createdAt: T + 6 * DAY, shopKey: OTHER }),
    line('o6', { createdAt: T + 6 * DAY, creatorHandle: 'someone.else' }),
  ]);
  await db.imports.put({ id: 'imp1', kind: 'creator-analysis', fileName: 'creators-april.xlsx', shopKey: SHOP, period: { start: T - 30 * DAY, end: T }, rows: 1, importedAt: T });
  await db.creatorPerformance.put({
    key: `${SHOP}|${HANDLE}|1|2`,
    shopKey: SHOP,
    handle: HANDLE,
    period: { start: T - 30 * DAY, end: T },
    gmv: usd(9000),
    videoGmv: usd(6000),
    liveGmv: usd(2000),
    productCardGmv: usd(1000),
    orders: 7,
    estCommission: usd(900),
    importId: 'imp1',
  });
  await db.invitations.bulkPut([
    { id: 'inv1', shopKey: SHOP, name: 'Spring serum', status: 'ONGOING', statusRaw: 'tab:1', startAt: T, endAt: T + 30 * DAY, counts: {}, contactChannels: [], firstSeenAt: T, lastSeenAt: T, source: src(PAGE) },
  ]);
  await db.invitationCreators.bulkPut([
    { invitationId: 'inv1', handle: HANDLE, shopKey: SHOP, accepted: 1, statusRaw: 'POSTED', state: 'POSTED', productsAdded: 2, contentPosted: 1, lastSeenAt: T + 8 * DAY },
    { invitationId: 'inv9', handle: HANDLE, shopKey: OTHER, accepted: 0, statusRaw: 'INVITED', state: 'INVITED', lastSeenAt: T },
  ]);
  await db.transitions.bulkAdd([
    { entity: 'invitationCreator', key: `inv1|${HANDLE}`, to: 'POSTED', raw: 'POSTED', seenAt: T + 8 * DAY, source: src(PAGE) },
    { entity: 'invitationCreator', key: `inv1|${HANDLE}`, to: 'ACCEPTED', raw: 'ACCEPTED', seenAt: T + 2 * DAY, source: src(PAGE) },
    { entity: 'invitationCreator', key: 'inv1|someone.else', to: 'ACCEPTED', raw: 'ACCEPTED', seenAt: T, source: src(PAGE) },
  ]);
  await db.creatorRows.bulkPut([creatorRow(SHOP, 'd30', 5000), creatorRow(SHOP, 'import:imp1', 9000), creatorRow(OTHER, 'd30', 1)]);
  await db.creatorMarks.put({ handle: HANDLE, tags: ['vip'], note: 'Great LIVEs', watch: 1, blocked: 0, updatedAt: T });
});

describe('readCreatorDetail', () => {
  it('charts each figure from the stored snapshots, seen and trend apart, leaving out money in another currency', async () => {
    const d = await readCreatorDetail(db, SHOP, HANDLE);
    const series = (figure: string, kind: string, field: string) => d.history.filter((s) => s.figure === figure && s.kind === kind && s.field === field);
    expect(series('followers', 'seen', 'followers')).toEqual([
      {
        figure: 'followers',
        kind: 'seen',
        field: 'followers',
        points: [
          { at: T, value: 1000, seenAt: T, page: PAGE },
          { at: T + DAY, value: 1100, seenAt: T + DAY, page: PAGE },
          { at: T + 2 * DAY, value: 1200, seenAt: T + 2 * DAY, page: PAGE },
        ],
      },
    ]);
    // Trend points are dated by the day they cover; a block with its own filter is a series of its own.
    expect(series('followers', 'trend', 'followers').map((s) => [s.series, s.points.map((p) => [p.at, p.value, p.seenAt])])).toEqual([
      [undefined, [[T, 1180, T + 5 * DAY], [T + DAY, 1190, T + 5 * DAY]]],
      ['live', [[T, 5, T + 5 * DAY]]],
    ]);
    expect(series('gmv', 'seen', 'gmv')).toEqual([{ figure: 'gmv', kind: 'seen', field: 'gmv', currency: 'USD', points: [{ at: T, value: 50_000, seenAt: T, page: PAGE }] }]);
    expect(series('gmv', 'trend', 'gmv')[0]?.points.map((p) => p.value)).toEqual([700]);
    expect(series('views', 'seen', 'avgVideoViews')[0]?.points.map((p) => p.value)).toEqual([300]);
    expect(series('views', 'seen', 'medianVideoViews')[0]?.points.map((p) => p.value)).toEqual([250]);
    expect(series('views', 'trend', 'videoViews')[0]?.points.map((p) => p.value)).toEqual([30, 40]);
    expect(series('fulfilment', 'seen', 'fulfillmentBps')[0]?.points.map((p) => p.value)).toEqual([8000, 7500]);
  });

  it('lists this shop’s samples, newest first, with the content each produced and the orders of its product after it', async () => {
    const d = await readCreatorDetail(db, SHOP, HANDLE);
    expect(d.samples.map((s) => s.applyId)).toEqual(['101', '100']);
    const [pending, completed] = d.samples;
    expect(pending).toMatchObject({ productId: 'p2', status: 'PENDING', sent: false, content: { videos: 0, lives: 0 }, after: { skuOrders: 0, orders: 0 } });
    expect(pending?.after.gmv).toBeUndefined();
    expect(completed).toMatchObject({
      productTitle: 'Glow Serum',
      sent: true,
      // c1 and c2 name the request; c3 names none and joins it by its product.
      content: { videos: 2, lives: 1, views: 1500, lastPostedAt: T + 7 * DAY },
      // o1 (two lines, one order), o2 (refunded: in GMV, and in refunds), o3; not o0 (before the request), o4 (GBP),
      // o5 (other shop).
      after: { skuOrders: 4, orders: 3, gmv: usd(2000 + 3000 + 2000 + 1000), commission: usd(200 + 300 + 200 + 150), refunds: usd(2000) },
    });
  });

  it('sums orders and commission by channel in the shop’s currency, counting the rest apart', async () => {
    const d = await readCreatorDetail(db, SHOP, HANDLE);
    expect(d.currency).toBe('USD');
    expect(d.otherCurrency).toBe(1);
    expect(d.channels).toEqual([
      { channel: 'video', skuOrders: 2, orders: 2, gmv: usd(4000), commission: usd(400), refunds: usd(0) },
      { channel: 'live', skuOrders: 1, orders: 1, gmv: usd(3000), commission: usd(300), refunds: usd(0) },
      { channel: 'showcase', skuOrders: 2, orders: 2, gmv: usd(3000), commission: usd(350), refunds: usd(2000) },
    ]);
    expect(d.imported).toEqual([
      { importId: 'imp1', fileName: 'creators-april.xlsx', period: { start: T - 30 * DAY, end: T }, video: usd(6000), live: usd(2000), showcase: usd(1000), orders: 7, commission: usd(900) },
    ]);
  });

  it('gives the shop’s invitations with the creator’s answers as they were first seen, the rows per period and the marks', async () => {
    const d = await readCreatorDetail(db, SHOP, HANDLE);
    expect(d.invitations).toEqual([
      {
        invitationId: 'inv1',
        name: 'Spring serum',
        startAt: T,
        endAt: T + 30 * DAY,
        state: 'POSTED',
        accepted: true,
        statusRaw: 'POSTED',
        productsAdded: 2,
        contentPosted: 1,
        lastSeenAt: T + 8 * DAY,
        changes: [
          { to: 'ACCEPTED', seenAt: T + 2 * DAY },
          { to: 'POSTED', seenAt: T + 8 * DAY },
        ],
      },
    ]);
    expect(d.periods.map((r) => [r.shopKey, r.period])).toEqual([
      [SHOP, 'd30'],
      [SHOP, 'import:imp1'],
    ]);
    expect(d.marks).toMatchObject({ tags: ['vip'], note: 'Great LIVEs', watch: 1 });
    expect(d).toMatchObject({ known: true, nickname: 'Maya Glow', firstSeenAt: T - 10 * DAY, lastSeenAt: T + 10 * DAY });
  });

  it('knows a creator only an import named, and has nothing for one never seen', async () => {
    await db.creators.delete(HANDLE);
    expect(await readCreatorDetail(db, SHOP, HANDLE)).toMatchObject({ known: true });
    const none = await readCreatorDetail(db, SHOP, 'nobody.here');
    expect(none).toMatchObject({ known: false, history: [], samples: [], channels: [], imported: [], invitations: [], periods: [], otherCurrency: 0 });
    expect(none.marks).toBeUndefined();
  });
});

describe('historyOf and totalsOf', () => {
  it('take no point without a number, and no sums without lines', () => {
    expect(historyOf([snap('creator', T, { followers: 'many', gmv: null })], [], 'USD')).toEqual([]);
    expect(totalsOf([], 'USD')).toEqual({ skuOrders: 0, orders: 0 });
    expect(totalsOf([line('x', { createdAt: T, refunded: 1 })], 'USD')).toEqual({ skuOrders: 1, orders: 1, gmv: usd(2000), commission: usd(200), refunds: usd(2000) });
  });
});

describe('creatorFindings', () => {
  const finding = (id: string, ruleId: string, subject: Finding['subject'], subjectKey: string, shopKey = SHOP): Finding => ({
    id,
    ruleId,
    subject,
    subjectKey,
    shopKey,
    severity: 'medium',
    params: { handle: HANDLE, rate: { bps: 2000 }, limit: { bps: 4000 } },
    evidence: [],
    firstSeenAt: T,
    evaluatedAt: T,
  });

  it('gives the findings about the creator and about this shop’s requests from them, in the reader’s language', async () => {
    await db.findings.bulkPut([
      finding('a', 'creator-reliability', 'sampleRequest', '101'),
      finding('b', 'creator-reliability', 'sampleRequest', '102', OTHER),
      finding('c', 'creator-reliability', 'sampleRequest', '999'),
      finding('d', 'top-creators-not-thanked', 'creator', HANDLE),
      finding('e', 'top-creators-not-thanked', 'creator', 'someone.else'),
    ]);
    const views = await creatorFindings(db, SHOP, HANDLE, 'id', T);
    expect(views.map((v) => v.id).sort()).toEqual(['a', 'd']);
    expect(views.find((v) => v.id === 'a')?.message).toContain('20%');
    expect(views.find((v) => v.id === 'a')?.title).toBe('Permintaan sampel dari kreator dengan tingkat pemenuhan rendah');
  });
});
