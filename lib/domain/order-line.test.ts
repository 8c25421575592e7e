import { describe, expect, it } from 'vitest';
import { channelOf, lineGmv } from './order-line';
import { actualIsFinal, isSettled, lineCommission } from './settlement';
import type { OrderSku } from './types';

const usd = (minor: number) => ({ minor, currency: 'USD' });

/** A line as the Affiliate orders page sends it: no price, no settlement status, a 10% creator commission. */
const line = (over: Partial<OrderSku> = {}): OrderSku => ({
  key: 'o1|#1',
  orderId: 'o1',
  line: 1,
  shopKey: 'US:1',
  createdAt: 1,
  commissionBps: 1000,
  estimatedCommission: usd(250),
  settlement: 'UNKNOWN',
  settlementRaw: '',
  refunded: 0,
  firstSeenAt: 1,
  lastSeenAt: 1,
  source: { endpoint: 'orders.list', page: 'p' },
  ...over,
});

describe('order lines', () => {
  it('names the channel: video, LIVE, showcase (product card), another one, or none shown', () => {
    expect([line({ contentType: 'VIDEO' }), line({ contentType: 'LIVE' }), line({ contentType: 'SHOP' }), line({ contentType: 'OTHER' }), line({ contentType: 'PRE_LIVE' }), line()].map(channelOf)).toEqual([
      'video',
      'live',
      'showcase',
      'other',
      'other',
      'unknown',
    ]);
  });

  it('takes a line’s GMV from its price, else from its creator commission ÷ rate, and says which', () => {
    expect(lineGmv(line(), 'estimated')).toEqual({ amount: usd(2_500), from: 'commission' });
    expect(lineGmv(line({ price: usd(1_999), quantity: 3 }), 'estimated')).toEqual({ amount: usd(5_997), from: 'price' });
    expect(lineGmv(line({ price: usd(1_999) }), 'estimated')?.amount).toEqual(usd(1_999));
    // A zero or unknown rate, or no commission, tells nothing.
    expect(lineGmv(line({ commissionBps: 0 }), 'estimated')).toBeUndefined();
    expect(lineGmv(line({ commissionBps: undefined }), 'estimated')).toBeUndefined();
    expect(lineGmv(line({ estimatedCommission: undefined }), 'estimated')).toBeUndefined();
  });

  it('has an actual GMV only once final: the actual commission ÷ rate, or the price once settled, nothing for a full return', () => {
    expect(lineGmv(line(), 'actual')).toBeUndefined();
    expect(lineGmv(line({ actualCommission: usd(200) }), 'actual')).toEqual({ amount: usd(2_000), from: 'commission' });
    expect(lineGmv(line({ actualCommission: usd(0) }), 'actual')?.amount).toEqual(usd(0));
    expect(lineGmv(line({ price: usd(1_000), settlement: 'SETTLED', settlementRaw: 'SETTLED' }), 'actual')).toEqual({ amount: usd(1_000), from: 'price' });
    expect(lineGmv(line({ price: usd(1_000), settlement: 'TO_SETTLE', settlementRaw: 'To-SETTLE' }), 'actual')).toBeUndefined();
    expect(lineGmv(line({ price: usd(1_000), refunded: 1, settlement: 'INELIGIBLE', settlementRaw: 'INELIGIBLE', actualCommission: usd(0) }), 'actual')?.amount).toEqual(usd(0));
  });

  it('counts actual amounts as final once every estimated part has one and no status says payment is to come', () => {
    expect(actualIsFinal(line())).toBe(false);
    expect(actualIsFinal(line({ actualCommission: usd(200) }))).toBe(true);
    // The agency's fee is part of the commission: its actual amount must be in too.
    expect(actualIsFinal(line({ actualCommission: usd(200), estimatedPartnerCommission: usd(100) }))).toBe(false);
    expect(actualIsFinal(line({ actualCommission: usd(200), estimatedPartnerCommission: usd(100), actualPartnerCommission: usd(90) }))).toBe(true);
    expect(actualIsFinal(line({ actualCommission: usd(200), settlement: 'TO_SETTLE', settlementRaw: 'To-SETTLE' }))).toBe(false);
  });

  it('calls a line settled by its status, or, where none was sent, once its actual amounts are final', () => {
    expect(isSettled(line({ settlement: 'SETTLED', settlementRaw: 'SETTLED' }))).toBe(true);
    expect(isSettled(line({ actualCommission: usd(200) }))).toBe(true);
    expect(isSettled(line())).toBe(false);
    // An unreadable status that was sent does not become settled by its amounts.
    expect(isSettled(line({ settlementRaw: 'FROZEN', actualCommission: usd(200) }))).toBe(false);
  });

  it('sums what the shop pays on a line: creator, agency and Shop Ads, actual once final, in one currency', () => {
    expect(lineCommission(line({ estimatedPartnerCommission: usd(125), estimatedAdsCommission: usd(50) }))).toEqual({ amount: usd(425), basis: 'estimated' });
    expect(lineCommission(line({ estimatedPartnerCommission: usd(125), actualCommission: usd(200), actualPartnerCommission: usd(100) }))).toEqual({ amount: usd(300), basis: 'actual' });
    expect(lineCommission(line({ estimatedPartnerCommission: { minor: 1, currency: 'EUR' } }))).toBeUndefined();
    expect(lineCommission(line({ estimatedCommission: undefined }))).toBeUndefined();
  });
});
