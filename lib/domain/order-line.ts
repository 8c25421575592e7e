import type { Money } from './money';
import { actualIsFinal, isSettled } from './settlement';
import type { OrderSku } from './types';

/**
 * What one line of an affiliate order (an "SKU order") brought in, and through which channel, from what was seen of it.
 * The Affiliate orders page sends neither a price nor a quantity (research/real-shapes.md §2): there a line's GMV is
 * its commission base, the creator's commission divided by its rate, and says so.
 */

/** The channel that sold the line: the export's Order Channel (video, LIVE, product card / showcase), or other. */
export const CHANNELS = ['video', 'live', 'showcase', 'other', 'unknown'] as const;
export type Channel = (typeof CHANNELS)[number];

export function channelOf(line: Pick<OrderSku, 'contentType'>): Channel {
  switch (line.contentType) {
    case 'VIDEO':
      return 'video';
    case 'LIVE':
      return 'live';
    case 'SHOP':
      return 'showcase';
    case undefined:
      return 'unknown';
    default:
      return 'other';
  }
}

export interface LineGmv {
  amount: Money;
  /** `price`: price × quantity (a line without a quantity counts one unit); `commission`: commission ÷ rate. */
  from: 'price' | 'commission';
}

type GmvLine = Pick<
  OrderSku,
  | 'price'
  | 'quantity'
  | 'commissionBps'
  | 'estimatedCommission'
  | 'actualCommission'
  | 'estimatedPartnerCommission'
  | 'actualPartnerCommission'
  | 'estimatedAdsCommission'
  | 'actualAdsCommission'
  | 'settlement'
  | 'settlementRaw'
  | 'refunded'
>;

const base = (commission: Money | undefined, bps: number | undefined): Money | undefined =>
  commission && bps ? { minor: Math.round((commission.minor * 10_000) / bps), currency: commission.currency } : undefined;

/**
 * A line's GMV. `estimated`: as ordered (price × quantity, else estimated creator commission ÷ rate). `actual`: once
 * settled, price × quantity (nothing for a full return); without a price, once the actual amounts are final, actual
 * creator commission ÷ rate. Undefined when the line tells neither (no price, and no commission or a zero rate).
 */
export function lineGmv(line: GmvLine, basis: 'estimated' | 'actual'): LineGmv | undefined {
  const priced = line.price && { minor: line.price.minor * (line.quantity ?? 1), currency: line.price.currency };
  if (basis === 'estimated') {
    if (priced) return { amount: priced, from: 'price' };
    const amount = base(line.estimatedCommission, line.commissionBps);
    return amount && { amount, from: 'commission' };
  }
  if (priced) return isSettled(line) || actualIsFinal(line) ? { amount: line.refunded ? { minor: 0, currency: priced.currency } : priced, from: 'price' } : undefined;
  if (!actualIsFinal(line)) return undefined;
  const amount = base(line.actualCommission, line.commissionBps);
  return amount && { amount, from: 'commission' };
}
