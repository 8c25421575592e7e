import { describe, expect, it } from 'vitest';
import type { Money } from '../domain/money';
import type { CreatorMetrics, Observed } from '../domain/types';
import { FACTORS, scoreRequest, WEIGHTS, type Factor, type Reason, type ScoreInput } from './score';

const NOW = Date.UTC(2025, 5, 1, 12);
const HOUR = 3_600_000;
const source = { endpoint: 'test', page: 'https://affiliate-us.tiktok.com/product/sample-request' };
const usd = (minor: number): Money => ({ minor, currency: 'USD' });
const seen = <T>(value: T): Observed<T> => ({ value, seenAt: NOW - HOUR, source });
const metrics = (m: CreatorMetrics) => seen(m);
const none: ScoreInput = { history: { posted: 0, concluded: 0, open: 0 } };
const of = (reasons: Reason[], factor: Factor) => reasons.find((r) => r.factor === factor) as Reason;

describe('scoreRequest', () => {
  it('weights add up to 100 and every factor has one reason, in order', () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(scoreRequest(none, NOW).reasons.map((r) => r.factor)).toEqual(FACTORS);
  });

  it('a request with every figure known: hand-computed points per factor and in total', () => {
    const input: ScoreInput = {
      fulfilment: seen(8000),
      history: { posted: 2, concluded: 3, open: 1 },
      metrics: metrics({ gmv: usd(500_000), medianVideoViews: 10_000, avgVideoViews: 99 }),
      price: seen(usd(5000)),
      commissionBps: 2000,
      cost: { costOfGoods: usd(1000), shipping: usd(500), updatedAt: NOW - 5 * HOUR },
      deadline: { kind: 'review', at: NOW + 96 * HOUR, seenAt: NOW - HOUR },
      requestSeen: { seenAt: NOW - HOUR, source },
    };
    const { total, reasons } = scoreRequest(input, NOW);
    // 0.8 × 25
    expect(of(reasons, 'fulfilment')).toMatchObject({ kind: 'fulfilment', bps: 8000, points: 20, seen: { seenAt: NOW - HOUR, source } });
    // (2 + 1) ÷ (3 + 2) = 0.6 × 25
    expect(of(reasons, 'history')).toMatchObject({ kind: 'history', posted: 2, concluded: 3, open: 1, points: 15 });
    // $5,000 ÷ $50 = 100×: log10(100) ÷ 3 = 2/3 × 15
    expect(of(reasons, 'gmv')).toMatchObject({ kind: 'gmv', multiple: 100, fromRange: false, points: 10 });
    // median 10,000 views (the average is ignored): (4 − 2) ÷ 3 = 2/3 × 10
    expect(of(reasons, 'views')).toMatchObject({ kind: 'views', views: 10_000, median: true });
    expect(of(reasons, 'views').points).toBeCloseTo(20 / 3, 10);
    // sample $15 = $10 goods + $5 shipping; a sale earns $50 − $10 − 20% × $50 = $30: 0.5 sales, full marks
    expect(of(reasons, 'payback')).toMatchObject({ kind: 'payback', sampleCost: usd(1500), unitProfit: usd(3000), sales: 0.5, points: 15, seen: { sellerEntered: true } });
    // 96 h left: (168 − 96) ÷ (168 − 24) = 0.5 × 10
    expect(of(reasons, 'deadline')).toMatchObject({ kind: 'deadline', msLeft: 96 * HOUR, points: 5 });
    expect(total).toBeCloseTo(20 + 15 + 10 + 20 / 3 + 15 + 5, 10);
  });

  it('a request Collab Lens knows nothing about scores a neutral 50, each reason naming what is missing', () => {
    const { total, reasons } = scoreRequest(none, NOW);
    expect(total).toBe(50);
    expect(reasons.map((r) => (r.kind === 'unknown' ? r.missing : r.kind))).toEqual(['fulfilment', 'history', 'gmv', 'views', 'cost', 'deadline']);
    // No sample sent yet: (0 + 1) ÷ (0 + 2), neutral by the formula itself.
    expect(of(reasons, 'history').subscore).toBe(0.5);
  });

  it('a fulfilment rate of 0 and a history of samples without content score nothing for those factors', () => {
    const { reasons } = scoreRequest({ ...none, fulfilment: seen(0), history: { posted: 0, concluded: 4, open: 0 } }, NOW);
    expect(of(reasons, 'fulfilment').points).toBe(0);
    // (0 + 1) ÷ (4 + 2) × 25
    expect(of(reasons, 'history').points).toBeCloseTo(25 / 6, 10);
  });

  it('GMV: below the price scores 0, a range counts from its lower end, another currency is not compared', () => {
    const price = seen(usd(5000));
    expect(of(scoreRequest({ ...none, price, metrics: metrics({ gmv: usd(3000) }) }, NOW).reasons, 'gmv')).toMatchObject({ multiple: 0.6, points: 0 });
    // $10,000 lower end ÷ $10 = 1,000×: full marks
    const ranged = scoreRequest({ ...none, price: seen(usd(1000)), metrics: metrics({ gmvRange: { min: 1_000_000, max: 10_000_000, currency: 'USD', label: '$10K-$100K' } }) }, NOW);
    expect(of(ranged.reasons, 'gmv')).toMatchObject({ kind: 'gmv', fromRange: true, multiple: 1000, points: 15 });
    expect(of(scoreRequest({ ...none, price, metrics: metrics({ gmv: { minor: 100_000, currency: 'GBP' } }) }, NOW).reasons, 'gmv')).toMatchObject({
      kind: 'unknown',
      missing: 'currency',
      points: 7.5,
    });
    expect(of(scoreRequest({ ...none, metrics: metrics({ gmv: usd(100_000) }) }, NOW).reasons, 'gmv')).toMatchObject({ kind: 'unknown', missing: 'price' });
  });

  it('views: the average when no median was seen, nothing at 100 views or fewer, full marks from 100,000', () => {
    const avg = of(scoreRequest({ ...none, metrics: metrics({ avgVideoViews: 1000 }) }, NOW).reasons, 'views');
    expect(avg).toMatchObject({ kind: 'views', median: false });
    expect(avg.points).toBeCloseTo(10 / 3, 10);
    expect(of(scoreRequest({ ...none, metrics: metrics({ medianVideoViews: 50 }) }, NOW).reasons, 'views').points).toBe(0);
    expect(of(scoreRequest({ ...none, metrics: metrics({ medianVideoViews: 2_000_000 }) }, NOW).reasons, 'views').points).toBe(10);
  });

  it('payback: 10 sales to pay the sample back is half marks; a sale that earns nothing is 0; a missing piece is neutral', () => {
    // a sale earns $20 − $5 goods − 25% × $20 = $10; the sample costs $5 + $95 shipping = $100: 10 sales
    const ten = scoreRequest({ ...none, price: seen(usd(2000)), commissionBps: 2500, cost: { costOfGoods: usd(500), shipping: usd(9500), updatedAt: NOW } }, NOW);
    expect(of(ten.reasons, 'payback')).toMatchObject({ kind: 'payback', sales: 10, points: 7.5, noShipping: false });
    // $10 − $9 − 20% × $10 = −$1 a sale
    const never = scoreRequest({ ...none, price: seen(usd(1000)), commissionBps: 2000, cost: { costOfGoods: usd(900), updatedAt: NOW } }, NOW);
    expect(of(never.reasons, 'payback')).toMatchObject({ kind: 'payback-never', sampleCost: usd(900), unitProfit: usd(-100), noShipping: true, points: 0 });
    const noCommission = scoreRequest({ ...none, price: seen(usd(1000)), cost: { costOfGoods: usd(100), updatedAt: NOW } }, NOW);
    expect(of(noCommission.reasons, 'payback')).toMatchObject({ kind: 'unknown', missing: 'commission', points: 7.5 });
    const otherCurrency = scoreRequest({ ...none, price: seen(usd(1000)), commissionBps: 1000, cost: { costOfGoods: { minor: 100, currency: 'GBP' }, updatedAt: NOW } }, NOW);
    expect(of(otherCurrency.reasons, 'payback')).toMatchObject({ kind: 'unknown', missing: 'currency' });
    const noPrice = scoreRequest({ ...none, commissionBps: 1000, cost: { costOfGoods: usd(100), updatedAt: NOW } }, NOW);
    expect(of(noPrice.reasons, 'payback')).toMatchObject({ kind: 'unknown', missing: 'price' });
  });

  it('deadline: full marks within 24 h, none from 7 days, none once past; a shipping deadline is not a review deadline', () => {
    const at = (ms: number, kind: 'review' | 'ship' = 'review') => of(scoreRequest({ ...none, deadline: { kind, at: NOW + ms, seenAt: NOW } }, NOW).reasons, 'deadline');
    expect(at(12 * HOUR).points).toBe(10);
    expect(at(24 * HOUR).points).toBe(10);
    expect(at(168 * HOUR).points).toBe(0);
    expect(at(240 * HOUR).points).toBe(0);
    expect(at(-HOUR)).toMatchObject({ kind: 'deadline-past', points: 0 });
    expect(at(12 * HOUR, 'ship')).toMatchObject({ kind: 'unknown', missing: 'deadline' });
  });
});
