import { describe, expect, it } from 'vitest';
import type { OrderSku, ProductCost, SampleRequest } from '../domain/types';
import { createI18n } from '../i18n';
import { createPageI18n } from '../i18n/page';
import { costIndex } from '../triage/costs';
import {
  cashRoi,
  commissionOf,
  fullCostRoi,
  gmvOf,
  importedCommission,
  importedSampleCost,
  ordersOf,
  postingRateBps,
  refundsOf,
  roundRatio,
  sampleCostOf,
  samplePosted,
  sentSamples,
  skuOrdersOf,
  sumIn,
  termFormula,
  termName,
  TERMS,
  zeroGmvShareBps,
} from './terms';

const usd = (minor: number) => ({ minor, currency: 'USD' });
const SRC = { endpoint: 'orders', page: 'https://affiliate-us.tiktok.com/product/order' };

const line = (orderId: string, over: Partial<OrderSku> = {}): OrderSku => ({
  key: `${orderId}|s1`,
  orderId,
  shopKey: 'US:1',
  createdAt: 0,
  settlement: 'TO_SETTLE',
  settlementRaw: 'To-SETTLE',
  refunded: 0,
  firstSeenAt: 0,
  lastSeenAt: 0,
  source: SRC,
  ...over,
});

const request = (applyId: string, status: SampleRequest['status'], skuId?: string): Pick<SampleRequest, 'applyId' | 'status' | 'productId' | 'skuId'> => ({
  applyId,
  status,
  productId: 'p1',
  ...(skuId && { skuId }),
});

const cost = (skuId: string, goods: number, shipping?: number): ProductCost => ({
  key: `US:1|${skuId}`,
  shopKey: 'US:1',
  productId: 'p1',
  skuId,
  costOfGoods: usd(goods),
  ...(shipping !== undefined && { shipping: usd(shipping) }),
  updatedAt: 0,
});

describe('the terms', () => {
  it('each has a name and a one-line formula in English and Bahasa Indonesia', () => {
    for (const locale of ['en', 'id'] as const) {
      const page = createPageI18n(locale);
      const full = createI18n(locale);
      for (const term of TERMS) {
        for (const key of [termName(term), termFormula(term)]) {
          const text = page.t(key);
          expect(text, `${locale} ${key}`).not.toBe(key);
          expect(text).not.toContain('\n');
          expect(full.t(key)).toBe(text);
        }
      }
    }
    expect(createPageI18n('en').t(termFormula('cashRoi'))).toBe('GMV ÷ commission.');
    expect(createPageI18n('id').t(termFormula('fullCostRoi'))).toBe('GMV ÷ (komisi + biaya sampel).');
  });

  it('GMV: price × quantity over every SKU order, refunds included; commission ÷ rate where no price was sent', () => {
    const lines = [
      line('o1', { price: usd(2000), quantity: 2 }),
      line('o1', { key: 'o1|s2', price: usd(500) }),
      line('o2', { estimatedCommission: usd(300), commissionBps: 1000 }),
      line('o3', { price: usd(1000), refunded: 1 }),
      line('o4', { price: { minor: 90_000, currency: 'IDR' } }),
      line('o5'),
    ];
    // 2 × 2000 + 500 + 300 ÷ 10% + 1000 (refunded, still GMV); the IDR line is left out and counted.
    expect(gmvOf(lines, 'USD')).toEqual({ amount: usd(4000 + 500 + 3000 + 1000), other: 1, fromCommission: 1 });
    expect(refundsOf(lines, 'USD').amount).toEqual(usd(1000));
    // Orders are distinct order ids; SKU orders are lines.
    expect(ordersOf(lines)).toBe(5);
    expect(skuOrdersOf(lines)).toBe(6);
  });

  it('commission: creator + agency + Shop Ads, actual once final, else estimated; an export adds its flat fee', () => {
    const lines = [
      line('o1', { estimatedCommission: usd(300), estimatedPartnerCommission: usd(150), estimatedAdsCommission: usd(50) }),
      line('o2', { estimatedCommission: usd(300), actualCommission: usd(280), settlement: 'SETTLED', settlementRaw: 'SETTLED' }),
    ];
    expect(commissionOf(lines, 'USD')).toEqual({ amount: usd(300 + 150 + 50 + 280), other: 0 });
    expect(importedCommission({ estCommission: usd(1200), estFlatFee: usd(500) }, 'USD')).toEqual({ amount: usd(1700), other: 0 });
    expect(importedCommission({ estCommission: usd(1200) }, 'USD')?.amount).toEqual(usd(1200));
    expect(importedCommission({}, 'USD')).toBeUndefined();
    expect(importedCommission({ estCommission: { minor: 5, currency: 'IDR' } }, 'USD')).toBeUndefined();
  });

  it('samples sent, posted, and the posting rate', () => {
    const requests = [request('1', 'COMPLETED'), request('2', 'SHIPPED'), request('3', 'CONTENT_PENDING'), request('4', 'PENDING'), request('5', 'UNFULFILL_CANCELLED')];
    const sent = sentSamples(requests);
    expect(sent.map((r) => r.applyId)).toEqual(['1', '2', '3', '5']);
    // Request 3's video was seen though its status still says content pending.
    const posted = sent.filter((r) => samplePosted(r, new Set(['3'])));
    expect(posted.map((r) => r.applyId)).toEqual(['1', '3']);
    expect(postingRateBps(posted.length, sent.length)).toBe(5000);
    expect(postingRateBps(0, 0)).toBeUndefined();
    // An export counts content pieces, which may exceed the samples.
    expect(postingRateBps(3, 2)).toBe(15_000);
  });

  it('sample cost: the SKU’s cost of goods + shipping, else the flat cost per sample, else unknown', () => {
    const costs = costIndex([cost('s1', 700, 300), cost('s2', 400)]);
    const samples = [request('1', 'SHIPPED', 's1'), request('2', 'SHIPPED', 's2'), request('3', 'SHIPPED', 's9')];
    expect(sampleCostOf(samples, costs, usd(500), 'USD')).toEqual(usd(1000 + 400 + 500));
    expect(sampleCostOf(samples, costs, undefined, 'USD')).toBeUndefined();
    expect(sampleCostOf(samples.slice(0, 2), costs, undefined, 'USD')).toEqual(usd(1400));
    expect(sampleCostOf([], costs, undefined, 'USD')).toEqual(usd(0));
    // A flat cost in another currency does not apply.
    expect(sampleCostOf(samples, costs, { minor: 500, currency: 'IDR' }, 'USD')).toBeUndefined();
    expect(importedSampleCost(4, usd(500), 'USD')).toEqual(usd(2000));
    expect(importedSampleCost(4, undefined, 'USD')).toBeUndefined();
    expect(importedSampleCost(0, undefined, 'USD')).toEqual(usd(0));
    expect(importedSampleCost(undefined, usd(500), 'USD')).toBeUndefined();
  });

  it('cash ROI = GMV ÷ commission; full-cost ROI = GMV ÷ (commission + sample cost); none without a denominator', () => {
    expect(cashRoi(usd(10_990), usd(1000))).toBe(10.99);
    expect(cashRoi(usd(10_990), usd(0))).toBeUndefined();
    expect(cashRoi(undefined, usd(1000))).toBeUndefined();
    expect(fullCostRoi(usd(1900), usd(1000), usd(9000))).toBe(0.19);
    expect(fullCostRoi(usd(1900), usd(1000), undefined)).toBeUndefined();
    expect(fullCostRoi(usd(1900), usd(0), usd(0))).toBeUndefined();
    expect(fullCostRoi(usd(1900), usd(1000), { minor: 1, currency: 'IDR' })).toBeUndefined();
    expect(roundRatio(1900 / 10_000)).toBe(0.19);
  });

  it('the share of creators with zero GMV, in basis points of those whose GMV is known', () => {
    expect(zeroGmvShareBps(1061, 1068)).toBe(9934);
    expect(zeroGmvShareBps(0, 0)).toBeUndefined();
  });

  it('money in another currency is left out of a sum and counted', () => {
    expect(sumIn('USD', [usd(1), undefined, { minor: 5, currency: 'EUR' }, usd(2)])).toEqual({ amount: usd(3), other: 1 });
  });
});
