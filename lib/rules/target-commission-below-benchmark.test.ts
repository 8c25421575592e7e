import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, NOW, SHOP, fillsMessage, invitation, invitationProduct, openCollab, product } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { Invitation, InvitationProduct, Product } from '../domain/types';
import type { CommissionObservation, MarketObservation } from '../queries/benchmark';
import { targetCommissionBelowBenchmark as rule, type TargetCommissionInput } from './target-commission-below-benchmark';

const beauty = (over: Partial<Product> = {}) => product({ categoryId: 'beauty', ...over });
const TWENTY = Array.from({ length: 20 }, (_, i) => 1000 + i * 100);
const others = (rates: number[]): CommissionObservation[] =>
  rates.map((bps, i) => ({ bps, productId: `q${i}`, shopKey: SHOP, categoryId: 'beauty', kind: 'target', key: `inv9|q${i}`, seenAt: NOW - i * DAY }));
const source = { endpoint: 'creators.profile', page: 'https://affiliate-id.tokopedia.com/connection/creator/detail?cid=1&shop_region=ID' };
const creators = (rates: number[]): MarketObservation[] =>
  rates.map((bps, i) => ({ bps, handle: `c${i}`, shopKey: SHOP, categoryId: 'beauty', via: 'name', form: 'exact', firstSeenAt: NOW - DAY, lastSeenAt: NOW, source }));
const input = (t: Partial<InvitationProduct> = {}, inv: Invitation | undefined = invitation(), market: MarketObservation[] = []): TargetCommissionInput => {
  const target = invitationProduct(t);
  return { key: `${target.invitationId}|${target.productId}`, target, invitation: inv, product: beauty(), observations: others(TWENTY), market };
};
const check = (i: TargetCommissionInput, minObservations = 20) => rule.check(i, { thresholds: { minObservations }, now: NOW });

describe('target-commission-below-benchmark: check', () => {
  it('fires for an invitation commission under the 25th percentile, naming the invitation', () => {
    const inv = invitation();
    const [f, ...rest] = check(input({ targetCommissionBps: 1000 }, inv));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      subject: 'invitationProduct',
      subjectKey: 'inv1|p1',
      params: { invitation: 'Ramadan glow', invitationId: 'inv1', product: 'Serum Vitamin C', rate: { bps: 1000 }, p25: { bps: 1475 }, count: 20, category: 'beauty' },
    });
    expect(f?.evidence[0]).toEqual({ entity: 'invitationProduct', key: 'inv1|p1', seenAt: NOW - 3_600_000, source: inv.source });
    expect(fillsMessage(rule, f)).toBe(true);
  });

  it('says the market apart (variant market), naming the invitation and the creators it rests on', () => {
    const findings = check(input({ targetCommissionBps: 1000 }, invitation(), creators(Array.from({ length: 20 }, (_, i) => 1200 + i * 10))));
    expect(findings.map((f) => f.variant)).toEqual([undefined, 'market']);
    const market = findings[1];
    expect(market).toMatchObject({ params: { invitation: 'Ramadan glow', invitationId: 'inv1', region: 'ID', count: 20, p50: { bps: 1295 }, from: { at: NOW - DAY }, to: { at: NOW } } });
    expect(market?.evidence.filter((e) => e.entity === 'shopCreator')).toHaveLength(20);
    expect(fillsMessage({ message: rule.variantMessages!.market! }, market)).toBe(true);
    expect(check(input({ targetCommissionBps: 1300 }, invitation(), creators(Array.from({ length: 20 }, (_, i) => 1200 + i * 10)))).map((f) => f.variant)).toEqual([undefined]);
  });

  it('does not fire at the 25th percentile, with too few rates, or without a rate', () => {
    expect(check(input({ targetCommissionBps: 1475 }))).toEqual([]);
    expect(check(input({ targetCommissionBps: 1474 }))).toHaveLength(1);
    expect(check(input({ targetCommissionBps: 100 }), 21)).toEqual([]);
    expect(check(input({ targetCommissionBps: undefined }))).toEqual([]);
  });

  it('does not fire for an invitation that is completed or being cancelled; an unseen invitation is named by its id', () => {
    expect(check(input({ targetCommissionBps: 100 }, invitation({ status: 'COMPLETED' })))).toEqual([]);
    expect(check(input({ targetCommissionBps: 100 }, invitation({ status: 'CANCELING' })))).toEqual([]);
    expect(check(input({ targetCommissionBps: 100 }, invitation({ status: 'EXPIRING' })))).toHaveLength(1);
    const [f] = check({ ...input({ targetCommissionBps: 100 }), invitation: undefined });
    expect(f?.params.invitation).toBe('inv1');
    expect(f?.evidence[0]).toEqual({ entity: 'invitationProduct', key: 'inv1|p1', seenAt: NOW - 3_600_000 });
  });
});

describe('target-commission-below-benchmark: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.products.bulkPut([beauty(), ...TWENTY.map((_, i) => beauty({ productId: `q${i}` })), product({ productId: 'plain' })]);
    await db.openCollabs.bulkPut(TWENTY.map((bps, i) => openCollab({ productId: `q${i}`, commissionBps: bps })));
    await db.invitations.bulkPut([invitation(), invitation({ id: 'inv2', name: 'Payday' })]);
    await db.invitationProducts.bulkPut([
      invitationProduct({ targetCommissionBps: 900 }),
      invitationProduct({ invitationId: 'inv2', productId: 'plain', targetCommissionBps: 100 }),
    ]);
  });
  afterEach(() => db.close());

  it('loads every invitation product with its invitation, product and category observations', async () => {
    const inputs = await loadInputs(rule, db, undefined, NOW);
    expect(inputs.map((i) => [i.key, i.invitation?.name, i.observations.length]).sort()).toEqual([
      ['inv1|p1', 'Ramadan glow', 21],
      ['inv2|plain', 'Payday', 0],
    ]);
    expect(inputs.flatMap((i) => check(i)).map((f) => f.subjectKey)).toEqual(['inv1|p1']);
    expect((await loadInputs(rule, db, ['inv2|plain', 'inv9|gone'], NOW)).map((i) => i.key)).toEqual(['inv2|plain']);
  });

  it('maps changed invitations to their products, rates to their category, and a product changing category to all', async () => {
    expect(await affectedBy(rule, db, { invitations: ['inv2'] })).toEqual(['inv2|plain']);
    expect(await affectedBy(rule, db, { openCollabs: [`${SHOP}|q3`] })).toEqual(['inv1|p1']);
    expect(await affectedBy(rule, db, { invitationProducts: ['inv2|plain'] })).toEqual(['inv2|plain']);
    expect(await affectedBy(rule, db, { products: ['p1'] })).toEqual(['inv1|p1']);
    expect(await affectedBy(rule, db, { products: ['p1'], transitions: ['product|p1'] })).toBe('all');
  });
});
