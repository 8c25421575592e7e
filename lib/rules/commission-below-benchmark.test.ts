import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, NOW, OTHER_SHOP, SHOP, campaign, fillsMessage, invitationProduct, openCollab, product, registration, request } from '../../test/fixtures/rule-entities';
import type { AppDB } from '../db/app-db';
import type { OpenCollab, Product } from '../domain/types';
import type { CommissionObservation } from '../queries/benchmark';
import { commissionBelowBenchmark as rule, type OpenCommissionInput } from './commission-below-benchmark';

const beauty = (over: Partial<Product> = {}) => product({ categoryId: 'beauty', categoryName: 'Beauty & Personal Care', ...over });
/** Other products' rates in the category: 100, 200, … basis points apart, so the quartiles are easy to read. */
const others = (rates: number[]): CommissionObservation[] =>
  rates.map((bps, i) => ({ bps, productId: `q${i}`, shopKey: SHOP, categoryId: 'beauty', kind: 'open', key: `${SHOP}|q${i}`, seenAt: NOW - i * DAY }));
const TWENTY = Array.from({ length: 20 }, (_, i) => 1000 + i * 100);
const input = (c: Partial<OpenCollab> = {}, observations = others(TWENTY), p: Product | undefined = beauty()): OpenCommissionInput => {
  const collab = openCollab(c);
  return { key: collab.key, collab, product: p, observations };
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
    const inputs = await rule.load(db, undefined, NOW);
    const byKey = new Map(inputs.map((i) => [i.key, i]));
    expect(byKey.get(`${SHOP}|p1`)?.observations).toHaveLength(21);
    expect(byKey.get(`${SHOP}|toy`)?.observations).toHaveLength(1);
    expect(byKey.get(`${SHOP}|plain`)?.observations).toEqual([]);
    // A quarter of any category sits under the 25th percentile of the others: p1 (5%) and the five lowest of 10%–29%.
    expect(inputs.flatMap((i) => check(i)).map((f) => f.subjectKey)).toEqual([`${SHOP}|p1`, ...[0, 1, 2, 3, 4].map((i) => `${SHOP}|q${i}`)]);
    expect((await rule.load(db, [`${SHOP}|toy`, 'gone'], NOW)).map((i) => i.key)).toEqual([`${SHOP}|toy`]);
  });

  it('maps a changed rate to the open collaborations of its category, a product to its own, and a product changing category to all', async () => {
    const sorted = async (changes: Parameters<typeof rule.affected>[1]) => {
      const a = await rule.affected(db, changes);
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
    expect(await rule.affected(db, { products: ['plain'], transitions: ['product|plain'] })).toBe('all');
  });

  it('after a new rate, re-running the subjects it maps gives what a full run gives', async () => {
    await db.invitationProducts.put(invitationProduct({ productId: 'q10', targetCommissionBps: 100 }));
    const keys = await rule.affected(db, { invitationProducts: ['inv1|q10'] });
    expect(keys).not.toBe('all');
    const full = (await rule.load(db, undefined, NOW)).flatMap((i) => check(i));
    const partial = (await rule.load(db, keys as string[], NOW)).flatMap((i) => check(i));
    expect(partial).toEqual(full);
  });
});
