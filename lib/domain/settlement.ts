import type { Money } from './money';
import type { OrderSku, Settlement } from './types';

/**
 * The affiliate-order settlement status as TikTok spells it (research/domain.md §1.6: `Unknown`, `AWAITING PAYMENT`,
 * `To-SETTLE`, `SETTLED`, `INELIGIBLE`, with odd casing, spaces and hyphens), normalised. `UNSPECIFIED` (the
 * creator-side enum's "none") reads as unknown; anything else not listed is `UNKNOWN` too, and the caller keeps the raw
 * value beside it.
 */
const SETTLEMENTS: Readonly<Record<string, Settlement>> = {
  UNKNOWN: 'UNKNOWN',
  UNSPECIFIED: 'UNKNOWN',
  AWAITING_PAYMENT: 'AWAITING_PAYMENT',
  TO_SETTLE: 'TO_SETTLE',
  SETTLED: 'SETTLED',
  INELIGIBLE: 'INELIGIBLE',
};

export function normaliseSettlement(raw: string): Settlement {
  return SETTLEMENTS[raw.trim().toUpperCase().replace(/[\s_-]+/g, '_')] ?? 'UNKNOWN';
}

/** Settlement statuses under which an actual amount is not final yet. */
export const UNSETTLED: ReadonlySet<Settlement> = new Set(['AWAITING_PAYMENT', 'TO_SETTLE']);

type Parts = Pick<
  OrderSku,
  'estimatedCommission' | 'actualCommission' | 'estimatedPartnerCommission' | 'actualPartnerCommission' | 'estimatedAdsCommission' | 'actualAdsCommission' | 'settlement'
>;

/** A line's commissions as [estimated, actual]: the creator's, the agency's (TAP partner) and Shop Ads'. */
export function commissionParts(line: Parts): [Money | undefined, Money | undefined][] {
  return [
    [line.estimatedCommission, line.actualCommission],
    [line.estimatedPartnerCommission, line.actualPartnerCommission],
    [line.estimatedAdsCommission, line.actualAdsCommission],
  ];
}

/**
 * Whether a line's actual amounts are final: some actual amount was sent, every part with an estimate has its actual
 * amount, and a settlement status, where one was sent, does not say that payment is still to come. The Affiliate
 * orders page sends no settlement status: there its actual amounts count once they are all there.
 */
export function actualIsFinal(line: Parts): boolean {
  const parts = commissionParts(line);
  return parts.some(([, a]) => a !== undefined) && parts.every(([e, a]) => e === undefined || a !== undefined) && !UNSETTLED.has(line.settlement);
}

/** The sum of the amounts present, when there is one and they share a currency. */
export function total(amounts: readonly (Money | undefined)[]): Money | undefined {
  const present = amounts.filter((m): m is Money => m !== undefined);
  const currency = present[0]?.currency;
  if (currency === undefined || present.some((m) => m.currency !== currency)) return undefined;
  return { minor: present.reduce((n, m) => n + m.minor, 0), currency };
}

/** What the shop pays on a line: creator, agency and Shop Ads commission, actual once final, else estimated. */
export function lineCommission(line: Parts): { amount: Money; basis: 'estimated' | 'actual' } | undefined {
  const parts = commissionParts(line);
  const final = actualIsFinal(line);
  const amount = total(parts.map(([e, a]) => (final ? a : e)));
  return amount && { amount, basis: final ? 'actual' : 'estimated' };
}

/**
 * Whether a line is settled: its settlement status says so, or, where the answer sent no status (the Affiliate orders
 * page), its actual amounts are final.
 */
export function isSettled(line: Parts & Pick<OrderSku, 'settlementRaw'>): boolean {
  return line.settlement === 'SETTLED' || (line.settlementRaw === '' && actualIsFinal(line));
}
