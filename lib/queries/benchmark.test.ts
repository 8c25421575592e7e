import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, NOW, OTHER_SHOP, SHOP, campaign, invitationProduct, observation as obs, openCollab, product, registration, request } from '../../test/fixtures/rule-entities';
import type { AppDB } from '../db/app-db';
import type { ShopCreator } from '../domain/types';
import { commissionBenchmark, commissionObservations, marketBenchmark, marketObservations, marketRates, percentile, regionOf, type CommissionObservation, type MarketObservation } from './benchmark';

/** One observation per product, at the given rates. */
const spread = (rates: number[], over: Partial<CommissionObservation> = {}) => rates.map((bps, i) => obs(bps, `q${i}`, over));

describe('percentile', () => {
  it('is the value itself for one value, at every percentile', () => {
    for (const p of [0, 0.25, 0.5, 0.75, 1]) expect(percentile([1500], p)).toBe(1500);
  });

  it('interpolates between the closest ranks and rounds to a whole basis point', () => {
    expect(percentile([1000, 2000], 0.25)).toBe(1250);
    expect(percentile([1000, 2000], 0.5)).toBe(1500);
    expect(percentile([1000, 1001], 0.5)).toBe(1001);
    expect(percentile([100, 200, 300, 400, 500], 0.25)).toBe(200);
    expect(percentile([100, 200, 300, 400], 0.25)).toBe(175);
  });

  it('keeps ties: a run of equal values is every percentile inside it', () => {
    expect(percentile([1000, 1000, 1000, 2000], 0.25)).toBe(1000);
    expect(percentile([1000, 1000, 1000, 2000], 0.5)).toBe(1000);
    expect(percentile([1000, 1000, 1000, 2000], 0.75)).toBe(1250);
  });

  it('refuses no values rather than inventing one', () => {
    expect(() => percentile([], 0.5)).toThrow(RangeError);
  });
});

describe('commissionBenchmark', () => {
  it('gives quartiles and the seen-time span once there are enough distinct rates', () => {
    const rates = [500, 800, 1000, 1000, 1200, 1500, 2000, 2500];
    const b = commissionBenchmark(
      rates.map((bps, i) => obs(bps, `q${i}`, { seenAt: NOW - i * DAY })),
      'beauty',
      { minCount: 8 },
    );
    expect(b).toEqual({ count: 8, p25: 950, p50: 1100, p75: 1625, from: NOW - 7 * DAY, to: NOW });
  });

  it('says how many rates there are when they are too few, including none and one', () => {
    expect(commissionBenchmark([], 'beauty')).toEqual({ count: 0, tooFew: true });
    expect(commissionBenchmark([obs(1000, 'q1')], 'beauty')).toEqual({ count: 1, tooFew: true });
    expect(commissionBenchmark(spread(Array(19).fill(1000)), 'beauty')).toEqual({ count: 19, tooFew: true });
    expect(commissionBenchmark(spread(Array(20).fill(1000)), 'beauty')).toMatchObject({ count: 20, p25: 1000, p50: 1000, p75: 1000 });
  });

  it('works from a single rate when asked to', () => {
    expect(commissionBenchmark([obs(1500, 'q1')], 'beauty', { minCount: 1 })).toEqual({ count: 1, p25: 1500, p50: 1500, p75: 1500, from: NOW, to: NOW });
  });

  it('counts one product at one rate once, however many records carry it, and keeps the span of its sightings', () => {
    const many = [
      obs(1000, 'busy', { kind: 'sample', key: 'a1', seenAt: NOW - 3 * DAY }),
      obs(1000, 'busy', { kind: 'sample', key: 'a2', seenAt: NOW }),
      obs(1000, 'busy', { kind: 'open' }),
      obs(2000, 'busy', { kind: 'target' }),
      obs(3000, 'other'),
    ];
    expect(commissionBenchmark(many, 'beauty', { minCount: 1 })).toEqual({ count: 3, p25: 1500, p50: 2000, p75: 2500, from: NOW - 3 * DAY, to: NOW });
  });

  it('only counts the category asked for, the region asked for, and leaves out the product compared', () => {
    const mixed = [
      ...spread([1000, 2000]),
      obs(9000, 'elsewhere', { categoryId: 'toys' }),
      obs(9000, 'nocategory', { categoryId: undefined }),
      obs(9000, 'us', { shopKey: 'US:1' }),
      obs(100, 'self'),
    ];
    expect(commissionBenchmark(mixed, 'beauty', { minCount: 1, region: 'ID', excludeProductId: 'self' })).toMatchObject({ count: 2, p25: 1250 });
    expect(commissionBenchmark(mixed, 'beauty', { minCount: 1 })).toMatchObject({ count: 4 });
    expect(commissionBenchmark(mixed, undefined, { minCount: 0 })).toEqual({ count: 0, tooFew: true });
  });

  it('reads the region from a shop key', () => {
    expect(regionOf('ID:7495000000000000001')).toBe('ID');
    expect(regionOf('US:-')).toBe('US');
  });
});

describe('commissionObservations', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.products.bulkPut([
      product({ productId: 'p1', categoryId: 'beauty' }),
      product({ productId: 'p2', categoryId: 'beauty', shopKey: OTHER_SHOP }),
      product({ productId: 'p3' }),
    ]);
    await db.openCollabs.bulkPut([openCollab({ productId: 'p1', commissionBps: 1200 }), openCollab({ productId: 'p3', commissionBps: 3000 })]);
    await db.invitationProducts.bulkPut([invitationProduct({ productId: 'p1', targetCommissionBps: 1800 }), invitationProduct({ invitationId: 'inv2', productId: 'p2', shopKey: OTHER_SHOP, targetCommissionBps: 0 })]);
    await db.creatorApplications.put({ id: 'app1', shopKey: SHOP, productId: 'p1', creatorHandle: 'lee', status: 'PENDING', commissionBps: 1100, firstSeenAt: NOW, lastSeenAt: NOW, source: openCollab().source });
    await db.sampleRequests.bulkPut([
      request({ applyId: 'a1', productId: 'p1', commissionBps: 1200 }),
      request({ applyId: 'a2', productId: 'p2', shopKey: OTHER_SHOP, commissionBps: 900 }),
      request({ applyId: 'a3', productId: 'p3', commissionBps: 500 }),
      request({ applyId: 'a4', productId: 'p1' }),
    ]);
    await db.registrations.put(registration({ productId: 'p1', totalCommissionBps: 1500 }));
    await db.campaigns.put(campaign({ commissionRequirementBps: 2000 }));
  });
  afterEach(() => db.close());

  it('collects every rate seen for a categorised product, with its kind, record and category', async () => {
    const all = await commissionObservations(db);
    expect(all.map((o) => [o.kind, o.key, o.productId, o.bps, o.categoryId]).sort()).toEqual(
      [
        ['application', 'app1', 'p1', 1100, 'beauty'],
        ['campaign', 'c1', 'p1', 2000, 'beauty'],
        ['open', `${SHOP}|p1`, 'p1', 1200, 'beauty'],
        ['registration', 'c1|p1', 'p1', 1500, 'beauty'],
        ['sample', 'a1', 'p1', 1200, 'beauty'],
        ['sample', 'a2', 'p2', 900, 'beauty'],
        ['target', 'inv1|p1', 'p1', 1800, 'beauty'],
      ].sort(),
    );
  });

  it('keeps to one shop when asked', async () => {
    const mine = await commissionObservations(db, OTHER_SHOP);
    expect(mine.map((o) => o.key)).toEqual(['a2']);
  });

  it('reads nothing else when no product has a category', async () => {
    await db.products.bulkPut([product({ productId: 'p1' }), product({ productId: 'p2', shopKey: OTHER_SHOP })]);
    expect(await commissionObservations(db)).toEqual([]);
  });
});

describe('market observations (creators’ median commissions)', () => {
  let db: AppDB;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.close());

  const source = { endpoint: 'creators.find', page: 'https://affiliate-id.tokopedia.com/connection/creator?shop_region=ID' };
  const seen = (firstSeenAt = NOW, lastSeenAt = NOW) => ({ firstSeenAt, lastSeenAt, source });
  const shopCreator = (handle: string, bps: number, categories: { id?: string; name?: string }[], over: Partial<ShopCreator> = {}): ShopCreator => ({
    shopKey: SHOP,
    handle,
    medianCommission: { bps, form: 'label', label: `${bps / 100}%`, ...seen() },
    categories: { value: categories, seenAt: NOW, source },
    firstSeenAt: NOW,
    lastSeenAt: NOW,
    ...over,
  });

  it('meets products’ first-level categories by id, else by name within the region, and counts a creator in each of theirs', async () => {
    await db.products.bulkPut([
      product({ productId: 'p1', categoryId: '601450', categoryName: 'Kecantikan & Perawatan Pribadi' }),
      product({ productId: 'p2', categoryId: '600001', categoryName: 'Perlengkapan Rumah' }),
      product({ productId: 'p3', shopKey: 'US:1', categoryId: '700645', categoryName: 'Health' }),
    ]);
    await db.shopCreators.bulkPut([
      shopCreator('ayu', 1000, [{ id: '601450', name: 'Beauty & Personal Care' }, { name: ' perlengkapan Rumah ' }]),
      shopCreator('budi', 1500, [{ name: 'Health' }, { id: '999' }]),
      shopCreator('citra', 2000, []),
      { shopKey: SHOP, handle: 'dewi', categories: { value: [{ id: '601450' }], seenAt: NOW, source }, firstSeenAt: NOW, lastSeenAt: NOW },
    ]);
    const all = await marketObservations(db);
    expect(all.map((o) => [o.handle, o.categoryId, o.via, o.bps]).sort()).toEqual([
      ['ayu', '600001', 'name', 1000],
      ['ayu', '601450', 'id', 1000],
    ]);
    expect(all[0]).toMatchObject({ shopKey: SHOP, form: 'label', firstSeenAt: NOW, lastSeenAt: NOW, source });
    expect((await marketObservations(db, ['600001'])).map((o) => o.handle)).toEqual(['ayu']);
  });

  it('counts one rate per creator in a region: the most recently seen one, with the span of its sightings', () => {
    const o = (handle: string, bps: number, shopKey: string, firstSeenAt: number, lastSeenAt: number): MarketObservation => ({
      bps,
      handle,
      shopKey,
      categoryId: 'beauty',
      via: 'id',
      form: 'label',
      firstSeenAt,
      lastSeenAt,
      source,
    });
    const rates = marketRates(
      [
        o('ayu', 1000, SHOP, NOW - 5 * DAY, NOW - 2 * DAY),
        o('ayu', 1000, OTHER_SHOP, NOW - DAY, NOW),
        o('budi', 1500, SHOP, NOW - 3 * DAY, NOW - 3 * DAY),
        o('budi', 2000, OTHER_SHOP, NOW - DAY, NOW - DAY),
        o('citra', 900, 'US:1', NOW, NOW),
      ],
      'ID',
      'beauty',
    );
    expect(rates.map((r) => [r.handle, r.bps, r.firstSeenAt, r.lastSeenAt])).toEqual([
      ['ayu', 1000, NOW - 5 * DAY, NOW],
      ['budi', 2000, NOW - DAY, NOW - DAY],
    ]);
    expect(marketBenchmark(rates, 'ID', 'beauty', 2)).toEqual({ count: 2, p25: 1250, p50: 1500, p75: 1750, from: NOW - 5 * DAY, to: NOW });
    expect(marketBenchmark(rates, 'ID', 'beauty')).toEqual({ count: 2, tooFew: true });
  });
});
