import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, fillsMessage, HOUR, NOW } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { Money } from '../domain/money';
import type { OrderSku } from '../domain/types';
import { orderCommissionSanity as rule } from './order-commission-sanity';
import type { FindingDraft } from './types';

const SHOP = 'US:7495000000000000001';
const SOURCE = { endpoint: 'orders.list', page: 'https://affiliate-us.tiktok.com/product/order' };
const usd = (minor: number): Money => ({ minor, currency: 'USD' });

const row = (over: Partial<OrderSku> = {}): OrderSku => ({
  key: 'o1|s1',
  orderId: 'o1',
  shopKey: SHOP,
  createdAt: NOW - DAY,
  skuId: 's1',
  quantity: 1,
  price: usd(2_000),
  commissionBps: 1000,
  estimatedCommission: usd(200),
  settlement: 'TO_SETTLE',
  settlementRaw: 'To-SETTLE',
  refunded: 0,
  firstSeenAt: NOW - DAY,
  lastSeenAt: NOW - HOUR,
  source: SOURCE,
  ...over,
});

const check = (r: OrderSku, gapRatio = 2) => rule.check(r, { thresholds: { gapRatio }, now: NOW });
const expectFilled = (f: FindingDraft | undefined) => {
  const message = rule.variantMessages?.[f?.variant ?? ''];
  expect(message).toBeDefined();
  expect(message && fillsMessage({ message }, f)).toBe(true);
};

describe('order-commission-sanity: zero commission', () => {
  it('fires on an estimated zero commission that nothing explains', () => {
    const [f, ...rest] = check(row({ estimatedCommission: usd(0) }));
    expect(rest).toEqual([]);
    expect(f).toEqual({
      subject: 'orderSku',
      subjectKey: 'o1|s1',
      shopKey: SHOP,
      variant: 'zero',
      params: { order: 'o1', sku: 's1', commission: { money: usd(0) } },
      evidence: [{ entity: 'orderSku', key: 'o1|s1', seenAt: NOW - HOUR, source: SOURCE, basis: 'estimated' }],
    });
    expectFilled(f);
  });

  it('fires on a settled actual zero although the estimate was not zero, when the order is said not to be returned', () => {
    const [f] = check(row({ settlement: 'SETTLED', actualCommission: usd(0), refundedField: 'fully_return' }));
    expect(f).toMatchObject({ variant: 'zero', params: { commission: { money: usd(0) } } });
    expect(f?.evidence[0]?.basis).toBe('actual');
  });

  it('does not judge an actual zero after a non-zero estimate when nothing said whether the order was returned', () => {
    // The Affiliate orders page sends no return flag nor settlement status: a full return looks just like this.
    expect(check(row({ settlement: 'UNKNOWN', actualCommission: usd(0) }))).toEqual([]);
    // An estimate of zero is judged all the same.
    expect(check(row({ settlement: 'UNKNOWN', estimatedCommission: usd(0), actualCommission: usd(0) }))).toHaveLength(1);
  });

  it('does not fire when a return, ineligibility, a free SKU or a zero rate explains it', () => {
    const zero = { estimatedCommission: usd(0) };
    expect(check(row({ ...zero, refunded: 1, actualCommission: usd(0) }))).toEqual([]);
    expect(check(row({ ...zero, settlement: 'INELIGIBLE' }))).toEqual([]);
    expect(check(row({ ...zero, price: usd(0) }))).toEqual([]);
    expect(check(row({ ...zero, commissionBps: 0 }))).toEqual([]);
    expect(check(row({ ...zero, commissionBps: 0, adsCommissionBps: 0 }))).toEqual([]);
  });

  it('still fires when only some rates are zero, or no rate was shown', () => {
    expect(check(row({ estimatedCommission: usd(0), adsCommissionBps: 0 }))).toHaveLength(1);
    expect(check(row({ estimatedCommission: usd(0), commissionBps: undefined }))).toHaveLength(1);
  });

  it('counts the agency (partner) and Shop Ads commission: an order paying the agency is not zero', () => {
    expect(check(row({ estimatedCommission: usd(0), estimatedPartnerCommission: usd(300), partner: { id: '7260000000000000001', name: 'Glow Partners' } }))).toEqual([]);
    expect(check(row({ estimatedCommission: usd(0), estimatedAdsCommission: usd(50) }))).toEqual([]);
    // All three rates at zero explain a zero; the agency's rate alone above zero does not.
    expect(check(row({ estimatedCommission: usd(0), commissionBps: 0, adsCommissionBps: 0, partnerCommissionBps: 0 }))).toEqual([]);
    expect(check(row({ estimatedCommission: usd(0), estimatedPartnerCommission: usd(0), commissionBps: 0, partnerCommissionBps: 500 }))).toHaveLength(1);
  });

  it('names a line sent without a SKU id by its position in the order', () => {
    const line = row({ key: 'o1|#2', skuId: undefined, line: 2, estimatedCommission: usd(0) });
    const [f] = check(line);
    expect(f).toMatchObject({ subjectKey: 'o1|#2', variant: 'zero-line', params: { order: 'o1', line: 2, commission: { money: usd(0) } } });
    expect(f?.params.sku).toBeUndefined();
    expectFilled(f);
    const [g] = check(row({ key: 'o1|#1', skuId: undefined, line: 1, settlement: 'UNKNOWN', estimatedCommission: usd(1_000), actualCommission: usd(300) }));
    expect(g).toMatchObject({ variant: 'gap-line', params: { order: 'o1', line: 1, actual: { money: usd(300) } } });
    expectFilled(g);
  });

  it('does not judge an actual amount that is not final yet, nor a row without commission figures', () => {
    expect(check(row({ actualCommission: usd(0), settlement: 'TO_SETTLE' }))).toEqual([]);
    expect(check(row({ actualCommission: usd(0), settlement: 'AWAITING_PAYMENT' }))).toEqual([]);
    expect(check(row({ estimatedCommission: undefined }))).toEqual([]);
  });
});

describe('order-commission-sanity: estimated and actual far apart', () => {
  it('fires when the actual commission is the threshold ratio or more away from the estimate, either way', () => {
    const [f] = check(row({ settlement: 'SETTLED', estimatedCommission: usd(1_000), actualCommission: usd(500) }));
    expect(f).toMatchObject({ variant: 'gap', params: { actual: { money: usd(500) }, estimated: { money: usd(1_000) }, ratio: 2 } });
    expect(f?.evidence[0]?.basis).toBe('actual');
    expectFilled(f);
    expect(check(row({ settlement: 'SETTLED', estimatedCommission: usd(100), actualCommission: usd(250) }))).toHaveLength(1);
  });

  it('does not fire just under the ratio, or under a ratio the seller raised', () => {
    expect(check(row({ settlement: 'SETTLED', estimatedCommission: usd(1_000), actualCommission: usd(501) }))).toEqual([]);
    expect(check(row({ settlement: 'SETTLED', estimatedCommission: usd(1_000), actualCommission: usd(400) }), 3)).toEqual([]);
    expect(check(row({ settlement: 'SETTLED', estimatedCommission: usd(1_000), actualCommission: usd(700) }), 1.4)).toHaveLength(1);
  });

  it('reads an actual amount with an unreadable settlement status as final', () => {
    expect(check(row({ settlement: 'UNKNOWN', estimatedCommission: usd(1_000), actualCommission: usd(200) }))).toHaveLength(1);
  });

  it('compares only complete, final and comparable amounts', () => {
    // The partner's actual amount is not there yet: the actual total is incomplete.
    expect(check(row({ settlement: 'SETTLED', estimatedCommission: usd(100), estimatedPartnerCommission: usd(900), actualCommission: usd(100) }))).toEqual([]);
    expect(check(row({ settlement: 'TO_SETTLE', estimatedCommission: usd(1_000), actualCommission: usd(100) }))).toEqual([]);
    expect(check(row({ settlement: 'SETTLED', estimatedCommission: usd(1_000), actualCommission: { minor: 100, currency: 'EUR' } }))).toEqual([]);
    expect(check(row({ settlement: 'SETTLED', estimatedCommission: usd(1_000), estimatedAdsCommission: { minor: 5, currency: 'EUR' }, actualCommission: usd(100), actualAdsCommission: { minor: 5, currency: 'EUR' } }))).toEqual([]);
  });

  it('sums every part of the commission on both sides', () => {
    const r = row({
      settlement: 'SETTLED',
      estimatedCommission: usd(100),
      estimatedPartnerCommission: usd(900),
      actualCommission: usd(100),
      actualPartnerCommission: usd(400),
    });
    expect(check(r)[0]?.params).toMatchObject({ estimated: { money: usd(1_000) }, actual: { money: usd(500) } });
  });
});

describe('order-commission-sanity: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.orderSkus.bulkPut([row(), row({ key: 'o2|s1', orderId: 'o2', estimatedCommission: usd(0) })]);
  });
  afterEach(() => db.close());

  it('re-checks exactly the changed rows', async () => {
    expect(await affectedBy(rule, db, { orderSkus: ['o2|s1', 'o9|s9'] })).toEqual(['o2|s1', 'o9|s9']);
  });

  it('loads every row, or the rows asked for that exist', async () => {
    expect((await loadInputs(rule, db, undefined, NOW)).map((r) => r.key).sort()).toEqual(['o1|s1', 'o2|s1']);
    const some = await loadInputs(rule, db, ['o2|s1', 'o9|s9'], NOW);
    expect(some.map((r) => r.key)).toEqual(['o2|s1']);
    expect(some.flatMap((r) => check(r)).map((f) => f.variant)).toEqual(['zero']);
  });
});
