import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, NOW, OTHER_SHOP, SHOP, campaign, fillsMessage, invitationProduct, openCollab, product, registration, request } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs, loaderOf } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { OpenCollab, Product } from '../domain/types';
import type { CommissionObservation, MarketObservation } from '../queries/benchmark';
import { commissionBelowBenchmark as rule, MARKET_EVIDENCE, type OpenCommissionInput } from './commission-below-benchmark';
import type { ChangeSet } from './types';

const beauty = (over: Partial<Product> = {}) => product({ categoryId: 'beauty', categoryName: 'Beauty & Personal Care', ...over });
/** Other products' rates in the category: 100, 200, … basis points apart, so the quartiles are easy to read. */
const others = (rates: number[]): CommissionObservation[] =>
  rates.map((bps, i) => ({ bps, productId: `q${i}`, shopKey: SHOP, categoryId: 'beauty', kind: 'open', key: `${SHOP}|q${i}`, seenAt: NOW - i * DAY }));
const TWENTY = Array.from({ length: 20 }, (_, i) => 1000 + i * 100);
const MARKET_SOURCE = { endpoint: 'creators.find', page: 'https://affiliate-id.tokopedia.com/connection/creator?shop_region=ID' };
/** Creators' median commissions in the category, one per creator, seen a day apart. */
const creators = (rates: number[], shopKey = SHOP): MarketObservation[] =>
  rates.map((bps, i) => ({ bps, handle: `c${i}`, shopKey, categoryId: 'beauty', via: 'id', form: 'label', firstSeenAt: NOW - i * DAY, lastSeenAt: NOW - i * DAY, source: MARKET_SOURCE }));
const input = (c: Partial<OpenCollab> = {}, observations = others(TWENTY), p: Product | undefined = beauty(), market: MarketObservation[] = []): OpenCommissionInput => {
  const collab = openCollab(c);
  return { key: collab.key, collab, product: p, observations, market };
};
const check = (i: OpenCommissionInput, minObservations = 20) => rule.check(i, { thresholds: { minObservations }, now: NOW });

describe('commission-below-benchmark: check', () => {
  it('fires under the 25th percentile, saying the benchmark, its count, category and time span', () => {
    const [f, ...rest] = check(input({ commissionBps: 1400 }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      subject: 'openCollab',
      subjectKey: `${SHOP}|p1`,
      shopKey: SHOP,
      params: {
        product: 'Serum Vitamin C',
        category: 'Beauty & Personal Care',
        rate: { bps: 1400 },
        p25: { bps: 1475 },
        p50: { bps: 1950 },
        count: 20,
        from: { at: NOW - 19 * DAY },
        to: { at: NOW },
      },
    });
    expect(f?.evidence.map((e) => `${e.entity}:${e.key}`)).toEqual([`openCollab:${SHOP}|p1`, 'product:p1']);
    expect(fillsMessage(rule, f)).toBe(true);
  });

  it('does not fire at the 25th percentile or above', () => {
    expect(check(input({ commissionBps: 1475 }))).toEqual([]);
    expect(check(input({ commissionBps: 1474 }))).toHaveLength(1);
    expect(check(input({ commissionBps: 3000 }))).toEqual([]);
  });

  it('needs the seller’s number of rates: one too few says nothing', () => {
    expect(check(input({ commissionBps: 100 }, others(TWENTY.slice(1))))).toEqual([]);
    expect(check(input({ commissionBps: 100 }, others(TWENTY.slice(1))), 19)).toHaveLength(1);
    expect(check(input({ commissionBps: 100 }, others([1000, 2000])), 5)).toEqual([]);
  });

  it('compares with other products only, of the same region', () => {
    const self = others(TWENTY).map((o) => ({ ...o, productId: 'p1' }));
    expect(check(input({ commissionBps: 100 }, self))).toEqual([]);
    const abroad = others(TWENTY).map((o) => ({ ...o, shopKey: 'US:1' }));
    expect(check(input({ commissionBps: 100 }, abroad))).toEqual([]);
    expect(check(input({ commissionBps: 100, shopKey: OTHER_SHOP }))).toHaveLength(1);
  });

  it('does not fire without a rate or a category, nor for a product leaving open collaboration', () => {
    expect(check(input({ commissionBps: undefined }))).toEqual([]);
    expect(check(input({ commissionBps: 100 }, others(TWENTY), product()))).toEqual([]);
    expect(check({ ...input({ commissionBps: 100 }), product: undefined })).toEqual([]);
    expect(check(input({ commissionBps: 100, status: 'TERMINATING' }))).toEqual([]);
  });

  it('names the category by its id when its name was not seen', () => {
    expect(check(input({ commissionBps: 100 }, others(TWENTY), product({ categoryId: 'beauty' })))[0]?.params.category).toBe('beauty');
  });
});

describe('commission-below-benchmark: the market benchmark, apart from the own one', () => {
  const MARKET = Array.from({ length: 20 }, (_, i) => 1500 + i * 50);

  it('fires as its own finding (variant market) under the creators’ 25th percentile, naming the creators it rests on', () => {
    const findings = check(input({ commissionBps: 1400 }, others([1000]), beauty(), creators(MARKET)));
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({
      variant: 'market',
      subjectKey: `${SHOP}|p1`,
      params: { region: 'ID', rate: { bps: 1400 }, p25: { bps: 1738 }, p50: { bps: 1975 }, count: 20, from: { at: NOW - 19 * DAY }, to: { at: NOW }, category: 'Beauty & Personal Care' },
    });
    expect(f?.evidence.slice(0, 2).map((e) => `${e.entity}:${e.key}`)).toEqual([`openCollab:${SHOP}|p1`, 'product:p1']);
    expect(f?.evidence.slice(2).map((e) => e.key)).toEqual(Array.from({ length: MARKET_EVIDENCE }, (_, i) => `${SHOP}|c${i}`));
    expect(f?.evidence[2]).toEqual({ entity: 'shopCreator', key: `${SHOP}|c0`, seenAt: NOW, source: MARKET_SOURCE });
    expect(fillsMessage({ message: rule.variantMessages!.market! }, f)).toBe(true);
  });

  it('gives both findings when the rate is under both, each saying its own basis', () => {
    const findings = check(input({ commissionBps: 1000 }, others(TWENTY), beauty(), creators(MARKET)));
    expect(findings.map((f) => [f.variant, f.params.count, f.params.p25])).toEqual([
      [undefined, 20, { bps: 1475 }],
      ['market', 20, { bps: 1738 }],
    ]);
  });

  it('needs as many creators as rates, counts a creator once, and only of the shop’s region', () => {
    expect(check(input({ commissionBps: 100 }, [], beauty(), creators(MARKET.slice(1))))).toEqual([]);
    const twice = [...creators(MARKET.slice(0, 10)), ...creators(MARKET.slice(0, 10), 'ID:7495000000000000002')];
    expect(check(input({ commissionBps: 100 }, [], beauty(), twice), 11)).toEqual([]);
    expect(check(input({ commissionBps: 100 }, [], beauty(), creators(MARKET, 'US:1')))).toEqual([]);
    expect(check(input({ commissionBps: 1738 }, [], beauty(), creators(MARKET)))).toEqual([]);
  });
});

describe('commission-below-benchmark: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.products.bulkPut([
      beauty(),
      ...TWENTY.map((_, i) => beauty({ productId: `q${i}`, title: `Product ${i}` })),
      product({ productId: 'toy', categoryId: 'toys' }),
      product({ productId: 'plain' }),
    ]);
    await db.openCollabs.bulkPut([
      openCollab({ commissionBps: 500 }),
      ...TWENTY.map((bps, i) => openCollab({ productId: `q${i}`, commissionBps: bps })),
      openCollab({ productId: 'toy', commissionBps: 100 }),
      openCollab({ productId: 'plain', commissionBps: 100 }),
    ]);
    await db.sampleRequests.bulkPut([request({ applyId: 'a1', productId: 'q0' }), request({ applyId: 'a2', productId: 'plain' })]);
    await db.registrations.put(registration({ key: 'c1|toy', productId: 'toy' }));
    await db.campaigns.put(campaign());
  });
  afterEach(() => db.close());

  it('loads each open collaboration with the observations of its region and category', async () => {
    const inputs = await loadInputs(rule, db, undefined, NOW);
    const byKey = new Map(inputs.map((i) => [i.key, i]));
    expect(byKey.get(`${SHOP}|p1`)?.observations).toHaveLength(21);
    expect(byKey.get(`${SHOP}|toy`)?.observations).toHaveLength(1);
    expect(byKey.get(`${SHOP}|plain`)?.observations).toEqual([]);
    // A quarter of any category sits under the 25th percentile of the others: p1 (5%) and the five lowest of 10%–29%.
    expect(inputs.flatMap((i) => check(i)).map((f) => f.subjectKey)).toEqual([`${SHOP}|p1`, ...[0, 1, 2, 3, 4].map((i) => `${SHOP}|q${i}`)]);
    expect((await loadInputs(rule, db, [`${SHOP}|toy`, 'gone'], NOW)).map((i) => i.key)).toEqual([`${SHOP}|toy`]);
  });

  it('maps a changed rate to the open collaborations of its category, a product to its own, and a product changing category to all', async () => {
    const sorted = async (changes: ChangeSet) => {
      const a = await affectedBy(rule, db, changes);
      return a === 'all' ? a : [...a].sort();
    };
    const beautyKeys = [`${SHOP}|p1`, ...TWENTY.map((_, i) => `${SHOP}|q${i}`)].sort();
    expect(await sorted({ sampleRequests: ['a1'] })).toEqual(beautyKeys);
    expect(await sorted({ sampleRequests: ['a2'] })).toEqual([`${SHOP}|plain`]);
    expect(await sorted({ openCollabs: [`${SHOP}|toy`] })).toEqual([`${SHOP}|toy`]);
    expect(await sorted({ campaigns: ['c1'] })).toEqual([`${SHOP}|toy`]);
    expect(await sorted({ invitationProducts: ['inv1|plain'], registrations: ['c9|q3'] })).toEqual([`${SHOP}|plain`, ...beautyKeys].sort());
    expect(await sorted({ creatorApplications: ['gone'] })).toEqual([]);
    expect(await sorted({ products: ['plain'] })).toEqual([`${SHOP}|plain`]);
    expect(await affectedBy(rule, db, { products: ['plain'], transitions: ['product|plain'] })).toBe('all');
  });

  it('re-runs in full when a marketplace showed a creator, and loads the market of each product’s region and category', async () => {
    expect(await affectedBy(rule, db, { shopCreators: [`${SHOP}|ayu`] })).toBe('all');
    expect(loaderOf(rule).reads).toContain('shopCreators');
    await db.shopCreators.put({
      shopKey: SHOP,
      handle: 'ayu',
      medianCommission: { bps: 1200, form: 'label', firstSeenAt: NOW, lastSeenAt: NOW, source: MARKET_SOURCE },
      categories: { value: [{ name: 'beauty & personal care' }], seenAt: NOW, source: MARKET_SOURCE },
      firstSeenAt: NOW,
      lastSeenAt: NOW,
    });
    const inputs = await loadInputs(rule, db, [`${SHOP}|p1`, `${SHOP}|toy`], NOW);
    expect(inputs.map((i) => [i.key, i.market.map((m) => [m.handle, m.via])])).toEqual([
      [`${SHOP}|p1`, [['ayu', 'name']]],
      [`${SHOP}|toy`, []],
    ]);
  });

  it('after a new rate, re-running the subjects it maps gives what a full run gives', async () => {
    await db.invitationProducts.put(invitationProduct({ productId: 'q10', targetCommissionBps: 100 }));
    const keys = await affectedBy(rule, db, { invitationProducts: ['inv1|q10'] });
    expect(keys).not.toBe('all');
    const full = (await loadInputs(rule, db, undefined, NOW)).flatMap((i) => check(i));
    const partial = (await loadInputs(rule, db, keys as string[], NOW)).flatMap((i) => check(i));
    expect(partial).toEqual(full);
  });
});
