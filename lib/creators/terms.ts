import type { Money } from '../domain/money';
import { lineGmv } from '../domain/order-line';
import { CONTENT_STATUSES, SENT_STATUSES } from '../domain/sample-status';
import { lineCommission } from '../domain/settlement';
import type { CreatorPerformance, OrderSku, ProductCost, SampleRequest } from '../domain/types';
import { costFor, type CostIndex } from '../triage/costs';

/**
 * The creator figures Collab Lens shows, defined once: each term's name and one-line formula are i18n keys
 * (`term.<id>.name`, `term.<id>.formula`, in the page catalogues so the badges and cards carry them too), and the pure
 * function below computes it. The creators view, its headline, the creator card and the badges all use these.
 *
 * Money is summed in one currency (the shop's): an amount in another is left out and counted apart. A rate is in
 * basis points. A figure that cannot be computed is undefined, never zero.
 */
export const TERMS = [
  'gmv',
  'orders',
  'skuOrders',
  'commission',
  'refunds',
  'samplesSent',
  'contentPosted',
  'postingRate',
  'fulfilment',
  'sampleCost',
  'cashRoi',
  'fullCostRoi',
  'zeroGmvShare',
] as const;
export type Term = (typeof TERMS)[number];

export const termName = <T extends Term>(term: T) => `term.${term}.name` as const;
export const termFormula = <T extends Term>(term: T) => `term.${term}.formula` as const;

/** A sum of amounts in `currency`, and how many amounts were in another currency (left out). */
export interface MoneySum {
  amount: Money;
  other: number;
}

export function sumIn(currency: string, amounts: readonly (Money | undefined)[]): MoneySum {
  let minor = 0;
  let other = 0;
  for (const m of amounts) {
    if (!m) continue;
    if (m.currency === currency) minor += m.minor;
    else other += 1;
  }
  return { amount: { minor, currency }, other };
}

type Line = Parameters<typeof lineGmv>[0] & Pick<OrderSku, 'orderId'>;

/**
 * GMV: price × quantity summed over the SKU orders, fully returned ones included (refunds are their own figure); a
 * line sent without a price (the Affiliate orders page) counts its creator commission ÷ its rate. `fromCommission`
 * counts those; a line that tells neither adds nothing.
 */
export function gmvOf(lines: readonly Line[], currency: string): MoneySum & { fromCommission: number } {
  const parts = lines.map((l) => lineGmv(l, 'estimated'));
  return { ...sumIn(currency, parts.map((p) => p?.amount)), fromCommission: parts.filter((p) => p?.amount.currency === currency && p.from === 'commission').length };
}

/** Refunds: the GMV of the fully returned SKU orders. */
export const refundsOf = (lines: readonly Line[], currency: string): MoneySum => gmvOf(lines.filter((l) => l.refunded === 1), currency);

/** Orders: distinct order ids. A two-SKU order is one order. */
export const ordersOf = (lines: readonly Pick<OrderSku, 'orderId'>[]): number => new Set(lines.map((l) => l.orderId)).size;

/** SKU orders: order lines, as Affiliate Center counts them. A two-SKU order is two SKU orders. */
export const skuOrdersOf = (lines: readonly unknown[]): number => lines.length;

/** Commission: what the shop pays on the lines, creator + agency (TAP) + Shop Ads, actual once final, else estimated. */
export const commissionOf = (lines: readonly Line[], currency: string): MoneySum => sumIn(currency, lines.map((l) => lineCommission(l)?.amount));

/**
 * Commission in a creator analysis export: its estimated commission plus its estimated flat fee; undefined when it has
 * neither in `currency`.
 */
export function importedCommission(p: Pick<CreatorPerformance, 'estCommission' | 'estFlatFee'>, currency: string): MoneySum | undefined {
  const sum = sumIn(currency, [p.estCommission, p.estFlatFee]);
  return [p.estCommission, p.estFlatFee].some((m) => m?.currency === currency) ? sum : undefined;
}

/** Samples sent: requests this shop shipped (shipped, content pending, completed, or cancelled because no content came). */
export const sentSamples = <R extends Pick<SampleRequest, 'status'>>(requests: readonly R[]): R[] => requests.filter((r) => SENT_STATUSES.has(r.status));

/** Whether a sent sample's content was posted: its status says so, or a post for it was seen. */
export const samplePosted = (r: Pick<SampleRequest, 'applyId' | 'status'>, postedFor: ReadonlySet<string>): boolean =>
  CONTENT_STATUSES.has(r.status) || postedFor.has(r.applyId);

/** Posting rate: samples whose content was posted ÷ samples sent (an export: its sample content ÷ samples shipped). */
export const postingRateBps = (posted: number, sent: number): number | undefined => (sent > 0 ? Math.round((posted / sent) * 10_000) : undefined);

/** One sample's cost from the seller's SKU costs: cost of goods plus shipping, when its cost of goods is entered in `currency`. */
export function skuSampleCost(cost: ProductCost | undefined, currency: string): Money | undefined {
  if (!cost?.costOfGoods || cost.costOfGoods.currency !== currency) return undefined;
  if (cost.shipping && cost.shipping.currency !== currency) return undefined;
  return { minor: cost.costOfGoods.minor + (cost.shipping?.minor ?? 0), currency };
}

/**
 * Sample cost: each sample sent at its SKU's cost (cost of goods + shipping the seller entered), else at the seller's
 * flat cost per sample. Undefined when some sample has neither: the figure needs a cost. No samples cost nothing.
 */
export function sampleCostOf(
  samples: readonly Pick<SampleRequest, 'productId' | 'skuId'>[],
  costs: CostIndex,
  flat: Money | undefined,
  currency: string,
): Money | undefined {
  let minor = 0;
  for (const s of samples) {
    const each = skuSampleCost(costFor(costs, s.productId, s.skuId), currency) ?? (flat?.currency === currency ? flat : undefined);
    if (!each) return undefined;
    minor += each.minor;
  }
  return { minor, currency };
}

/** Sample cost of an export's samples: its samples shipped at the flat cost per sample (an export names no SKU). */
export function importedSampleCost(shipped: number | undefined, flat: Money | undefined, currency: string): Money | undefined {
  if (shipped === undefined) return undefined;
  if (shipped === 0) return { minor: 0, currency };
  return flat?.currency === currency ? { minor: flat.minor * shipped, currency } : undefined;
}

/** Cash ROI: GMV ÷ commission. Undefined without commission (nothing paid: no ratio). */
export function cashRoi(gmv: Money | undefined, commission: Money | undefined): number | undefined {
  if (!gmv || !commission || commission.minor <= 0 || gmv.currency !== commission.currency) return undefined;
  return gmv.minor / commission.minor;
}

/** Full-cost ROI: GMV ÷ (commission + sample cost). Undefined while the sample cost is not known. */
export function fullCostRoi(gmv: Money | undefined, commission: Money | undefined, sampleCost: Money | undefined): number | undefined {
  if (!gmv || !commission || !sampleCost || gmv.currency !== commission.currency || gmv.currency !== sampleCost.currency) return undefined;
  const cost = commission.minor + sampleCost.minor;
  return cost > 0 ? gmv.minor / cost : undefined;
}

/** Share of creators with zero GMV: creators the shop worked with who brought no GMV ÷ those whose GMV is known, bps. */
export const zeroGmvShareBps = (zero: number, known: number): number | undefined => (known > 0 ? Math.round((zero / known) * 10_000) : undefined);

/** A ratio as sellers read it: two decimals at most (`10.99`, `0.19`). */
export const roundRatio = (ratio: number): number => Math.round(ratio * 100) / 100;
