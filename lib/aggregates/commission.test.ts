import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, NOW, SHOP, campaign, invitationProduct, observation as obs, openCollab, product, registration } from '../../test/fixtures/rule-entities';
import type { AppDB } from '../db/app-db';
import { commissionBenchmark, type CommissionObservation } from '../queries/benchmark';
import { benchmarkAggregates, benchmarkValues, groupPairs, percentileRank } from './commission';

describe('percentileRank', () => {
  it('is the share below, equal values counted half', () => {
    expect(percentileRank([], 1000)).toBeUndefined();
    expect(percentileRank([1000], 1000)).toBe(5000);
    expect(percentileRank([500, 1000, 1500, 2000], 1200)).toBe(5000);
    expect(percentileRank([500, 1000, 1500, 2000], 100)).toBe(0);
    expect(percentileRank([500, 1000, 1500, 2000], 2500)).toBe(10_000);
    expect(percentileRank([500, 1000, 1000, 2000], 1000)).toBe(5000);
    expect(percentileRank([500, 1000, 1000, 1000], 1000)).toBe(6250);
  });
});

describe('benchmarkValues', () => {
  const pairsOf = (list: CommissionObservation[]) => groupPairs(list).get('ID|beauty') ?? new Map();

  it('agrees with the benchmark the rules use (count, quartiles, date range) for any observations', () => {
    const observation = fc.record({
      bps: fc.integer({ min: 1, max: 5000 }),
      product: fc.integer({ min: 0, max: 12 }),
      seenAt: fc.integer({ min: NOW - 90 * DAY, max: NOW }),
      kind: fc.constantFrom('open' as const, 'target' as const, 'sample' as const, 'campaign' as const),
    });
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 40 }), fc.integer({ min: 1, max: 25 }), (list, minCount) => {
        const observations = list.map((o) => obs(o.bps, `p${o.product}`, { seenAt: o.seenAt, kind: o.kind }));
        const ours = benchmarkValues('ID', 'beauty', undefined, pairsOf(observations), [], minCount);
        const theirs = commissionBenchmark(observations, 'beauty', { minCount });
        expect(ours.count).toBe(theirs.count);
        if ('tooFew' in theirs) expect(ours.distribution).toBeUndefined();
        else {
          expect(ours.distribution).toMatchObject({ p25: theirs.p25, p50: theirs.p50, p75: theirs.p75 });
          expect([ours.from, ours.to]).toEqual([theirs.from, theirs.to]);
        }
      }),
    );
  });

  it('places a product against the other products only, and says when they are too few', () => {
    const others = Array.from({ length: 20 }, (_, i) => obs(500 + i * 100, `q${i}`, { kind: i % 2 ? 'target' : 'open' }));
    // The product's own rates (two of them) are left out of its placement but counted in the category.
    const mine = [obs(1200, 'mine'), obs(3000, 'mine', { kind: 'target' })];
    const b = benchmarkValues('ID', 'beauty', 'Beauty', pairsOf([...others, ...mine]), [{ productId: 'mine', title: 'Serum', bps: 1200 }], 20);
    expect(b.count).toBe(22);
    expect(b.bySource).toEqual({ open: 11, target: 11, application: 0, sample: 0, registration: 0, campaign: 0 });
    expect(b.own).toEqual([{ productId: 'mine', title: 'Serum', bps: 1200, others: 20, rankBps: 3750, medianBps: 1450 }]);
    expect(b.distribution?.rates).toHaveLength(22);
    expect(b.productIds).toEqual([...others.map((o) => o.productId), 'mine'].sort());

    const thin = benchmarkValues('ID', 'beauty', undefined, pairsOf([...others.slice(0, 19), ...mine]), [{ productId: 'mine', title: 'Serum', bps: 1200 }], 20);
    expect(thin.distribution).toMatchObject({ p50: 1400 });
    expect(thin.own).toEqual([{ productId: 'mine', title: 'Serum', bps: 1200, others: 19 }]);
  });

  it('counts one pair per product and rate, whatever records carried it', () => {
    const b = benchmarkValues('ID', 'beauty', undefined, pairsOf([obs(1000, 'p1'), obs(1000, 'p1', { kind: 'sample', seenAt: NOW - DAY }), obs(1000, 'p2')]), [], 1);
    expect(b.count).toBe(2);
    expect(b.bySource.open).toBe(2);
    expect(b.bySource.sample).toBe(1);
    expect([b.from, b.to]).toEqual([NOW - DAY, NOW]);
  });
});

describe('benchmarkAggregates', () => {
  let db: AppDB;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.close());

  it('builds every category of the shop’s region from every shop there, and places only the shop’s own products', async () => {
    const OTHER_ID = 'ID:7495000000000000009';
    const US = 'US:1';
    await db.products.bulkPut([
      product({ productId: 'p1', categoryId: 'beauty', categoryName: 'Beauty' }),
      product({ productId: 'p2', title: '', categoryId: 'beauty' }),
      product({ productId: 'p3', shopKey: OTHER_ID, categoryId: 'beauty' }),
      product({ productId: 'p4', shopKey: US, categoryId: 'beauty' }),
      product({ productId: 'p5', categoryId: 'home', categoryName: 'Home' }),
      product({ productId: 'p6' }),
    ]);
    await db.openCollabs.bulkPut([
      openCollab({ productId: 'p1', commissionBps: 1000 }),
      openCollab({ productId: 'p2', commissionBps: 1500 }),
      openCollab({ productId: 'p3', shopKey: OTHER_ID, commissionBps: 2000 }),
      openCollab({ productId: 'p4', shopKey: US, commissionBps: 9000 }),
      openCollab({ productId: 'p6', commissionBps: 4000 }),
    ]);
    await db.invitationProducts.bulkPut([invitationProduct({ productId: 'p5', targetCommissionBps: 1800 })]);
    await db.campaigns.put(campaign({ commissionRequirementBps: 1200 }));
    await db.registrations.put(registration({ productId: 'p5', totalCommissionBps: 1300 }));

    const out = (await benchmarkAggregates(db, [SHOP])).get(SHOP);
    expect([...(out?.keys() ?? [])].sort()).toEqual(['beauty', 'home']);
    const beauty = out?.get('beauty');
    expect(beauty).toMatchObject({ categoryName: 'Beauty', region: 'ID', count: 3, productIds: ['p1', 'p2', 'p3'] });
    expect(beauty?.distribution).toBeUndefined();
    expect(beauty?.own.map((o) => [o.productId, o.title, o.bps, o.others])).toEqual([
      ['p2', 'p2', 1500, 2],
      ['p1', 'Serum Vitamin C', 1000, 2],
    ]);
    expect(out?.get('home')).toMatchObject({ categoryName: 'Home', count: 3, bySource: { target: 1, registration: 1, campaign: 1 }, own: [] });
  });

  it('keeps the market apart: creators’ median commissions per category, with their count, dates and forms, and places the products on them', async () => {
    const source = { endpoint: 'creators.find', page: 'https://affiliate-id.tokopedia.com/connection/creator?shop_region=ID' };
    await db.products.bulkPut([
      product({ productId: 'p1', categoryId: '601450', categoryName: 'Kecantikan' }),
      product({ productId: 'p2', categoryId: '600001', categoryName: 'Rumah' }),
    ]);
    await db.openCollabs.bulkPut([openCollab({ productId: 'p1', commissionBps: 1000 })]);
    const creator = (handle: string, bps: number, categories: { id?: string; name?: string }[], form: 'exact' | 'label' = 'label', at = NOW) => ({
      shopKey: SHOP,
      handle,
      medianCommission: { bps, form, firstSeenAt: at, lastSeenAt: at, source },
      categories: { value: categories, seenAt: at, source },
      firstSeenAt: at,
      lastSeenAt: at,
    });
    await db.shopCreators.bulkPut([
      creator('a', 800, [{ id: '601450' }], 'exact', NOW - DAY),
      creator('b', 1200, [{ name: 'kecantikan' }]),
      creator('c', 1600, [{ id: '601450' }, { name: 'Rumah' }]),
    ]);
    const out = (await benchmarkAggregates(db, [SHOP])).get(SHOP);
    const beauty = out?.get('601450');
    expect(beauty?.count).toBe(1);
    expect(beauty?.market).toMatchObject({ count: 3, from: NOW - DAY, to: NOW, byForm: { exact: 1, label: 2, bps: 0 }, byJoin: { id: 2, name: 1 } });
    expect(beauty?.market.distribution).toBeUndefined();
    // A category only the market knows is a benchmark too, with no own rate.
    expect(out?.get('600001')).toMatchObject({ count: 0, market: { count: 1 }, own: [] });
    const few = benchmarkValues('ID', '601450', 'Kecantikan', new Map(), [{ productId: 'p1', title: 'Serum', bps: 1000 }], 3, [
      ...[800, 1200, 1600].map((bps, i) => ({ bps, handle: `h${i}`, shopKey: SHOP, categoryId: '601450', via: 'id' as const, form: 'label' as const, firstSeenAt: NOW, lastSeenAt: NOW, source })),
    ]);
    expect(few.market.distribution).toMatchObject({ p50: 1200, rates: [800, 1200, 1600] });
    expect(few.own[0]).toMatchObject({ marketRankBps: 3333, marketMedianBps: 1200 });
    expect(few.own[0]?.rankBps).toBeUndefined();
  });
});
