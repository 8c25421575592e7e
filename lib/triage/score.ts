import { metricOf } from '../domain/creator-metrics';
import type { Money } from '../domain/money';
import type { Creator, CreatorMetrics, Deadline, Observed, ProductCost, Sighted, SourceRef } from '../domain/types';

/**
 * The triage score of a pending sample request: how much a sample to this creator for this product is worth sending,
 * and how soon it needs a decision, on a scale of 0 to 100. It is the sum of six factors, each worth at most its
 * weight in points:
 *
 * | factor       | points | sub-score (0 to 1)                                                                          |
 * |--------------|--------|---------------------------------------------------------------------------------------------|
 * | `fulfilment` | 25     | the creator's 90-day sample fulfilment rate, as TikTok shows it                              |
 * | `history`    | 25     | this shop's own samples to the creator: (posted + 1) ÷ (concluded + 2), where concluded is   |
 * |              |        | the samples sent whose outcome is known (content posted, or cancelled for no content)        |
 * | `gmv`        | 15     | the creator's GMV (Find creators and creator details: 30 days) as a multiple of the product  |
 * |              |        | price: log10(GMV ÷ price) ÷ 3, so 1× price scores 0, 10× 1/3, 100× 2/3, 1,000× and more 1     |
 * | `views`      | 10     | median (else average) video views: (log10(views) − 2) ÷ 3, so 100 views score 0, 1,000 1/3, |
 * |              |        | 10,000 2/3, 100,000 and more 1                                                               |
 * | `payback`    | 15     | sales needed to pay the sample back: sample cost (cost of goods + shipping you entered) ÷   |
 * |              |        | what one sale earns (price − cost of goods − the request's commission). 1 sale or fewer      |
 * |              |        | scores 1, 10 sales 1/2, 100 and more 0: 1 − log10(sales) ÷ 2. A sale that earns nothing: 0   |
 * | `deadline`   | 10     | time left to review: 24 h or less scores 1, 7 days or more 0, linear between; past: 0        |
 *
 * A factor Collab Lens cannot compute (a figure never seen, a cost not entered, amounts in different currencies) counts
 * as neutral (sub-score 1/2) and its reason says what is missing. The history formula is neutral too for a creator
 * this shop never sent a sample to. Every reason carries its value and where it was seen, for the side panel to show
 * in the reader's language.
 */

export const WEIGHTS = { fulfilment: 25, history: 25, gmv: 15, views: 10, payback: 15, deadline: 10 } as const;
export type Factor = keyof typeof WEIGHTS;
export const FACTORS = Object.keys(WEIGHTS) as Factor[];

/** The sub-score of a factor that cannot be computed. */
export const NEUTRAL = 0.5;

const HOUR_MS = 3_600_000;
/** Deadline sub-score: full at or under this much time left… */
export const URGENT_MS = 24 * HOUR_MS;
/** …and none at or over this much. */
export const CALM_MS = 7 * 24 * HOUR_MS;

/** Where a reason's figure was seen, when it was seen at all. */
export interface Seen {
  seenAt: number;
  source?: SourceRef;
  /** The figure was entered by the seller (product costs), not seen on a page. */
  sellerEntered?: boolean;
}

/** Why a factor could not be computed. */
export type Missing = 'fulfilment' | 'gmv' | 'views' | 'price' | 'cost' | 'commission' | 'currency' | 'deadline';

export type ReasonDetail =
  | { kind: 'fulfilment'; bps: number }
  | { kind: 'history'; posted: number; concluded: number; open: number }
  | { kind: 'gmv'; gmv: Money; price: Money; multiple: number; fromRange: boolean }
  | { kind: 'views'; views: number; median: boolean }
  | { kind: 'payback'; sampleCost: Money; unitProfit: Money; sales: number; noShipping: boolean }
  | { kind: 'payback-never'; sampleCost: Money; unitProfit: Money; noShipping: boolean }
  | { kind: 'deadline'; msLeft: number }
  | { kind: 'deadline-past' }
  | { kind: 'unknown'; missing: Missing };

/** One factor of a score: its value, its sub-score and the points it contributes (weight × sub-score). */
export type Reason = ReasonDetail & {
  factor: Factor;
  weight: number;
  subscore: number;
  points: number;
  seen?: Seen;
};

export interface Score {
  /** 0–100, the sum of the reasons' points (unrounded: the UI rounds). */
  total: number;
  /** One per factor, in the order of `FACTORS`. */
  reasons: Reason[];
}

export interface ScoreInput {
  deadline?: Deadline;
  /** The commission rate the creator requested the sample at, bps. */
  commissionBps?: number;
  /** When the request was seen (the deadline's provenance). */
  requestSeen?: Seen;
  /** The creator's 90-day sample fulfilment rate, bps. */
  fulfilment?: Observed<number>;
  metrics?: Observed<CreatorMetrics>;
  /** Where and when each of those figures was seen (`Creator.metricSources`). */
  metricSources?: Creator['metricSources'];
  /** This shop's samples to the creator, by outcome (see `historyOf`). */
  history: { posted: number; concluded: number; open: number; seen?: Seen };
  price?: Observed<Money>;
  cost?: Pick<ProductCost, 'costOfGoods' | 'shipping' | 'updatedAt'>;
}

const clamp01 = (x: number) => (Number.isNaN(x) ? 0 : Math.min(1, Math.max(0, x)));

function reason(factor: Factor, subscore: number, detail: ReasonDetail, seen?: Seen): Reason {
  const weight = WEIGHTS[factor];
  return { ...detail, factor, weight, subscore, points: weight * subscore, ...(seen ? { seen } : {}) };
}

const unknown = (factor: Factor, missing: Missing): Reason => reason(factor, NEUTRAL, { kind: 'unknown', missing });
const seenOf = (o: Sighted): Seen => ({ seenAt: o.seenAt, source: o.source });

function fulfilmentReason(input: ScoreInput): Reason {
  const f = input.fulfilment;
  if (!f) return unknown('fulfilment', 'fulfilment');
  return reason('fulfilment', clamp01(f.value / 10_000), { kind: 'fulfilment', bps: f.value }, seenOf(f));
}

function historyReason({ history: h }: ScoreInput): Reason {
  return reason('history', (h.posted + 1) / (h.concluded + 2), { kind: 'history', posted: h.posted, concluded: h.concluded, open: h.open }, h.seen);
}

function gmvReason(input: ScoreInput): Reason {
  const m = input.metrics;
  const range = m?.value.gmvRange;
  const gmv: Money | undefined =
    m?.value.gmv ?? (range?.min !== undefined && range.currency ? { minor: range.min, currency: range.currency } : undefined);
  if (!m || !gmv) return unknown('gmv', 'gmv');
  const price = input.price;
  if (!price || price.value.minor <= 0) return unknown('gmv', 'price');
  if (price.value.currency !== gmv.currency) return unknown('gmv', 'currency');
  const multiple = gmv.minor / price.value.minor;
  const subscore = multiple <= 1 ? 0 : clamp01(Math.log10(multiple) / 3);
  const fromRange = m.value.gmv === undefined;
  const seen = metricOf({ metrics: m, metricSources: input.metricSources }, fromRange ? 'gmvRange' : 'gmv') ?? m;
  return reason('gmv', subscore, { kind: 'gmv', gmv, price: price.value, multiple, fromRange }, seenOf(seen));
}

function viewsReason(input: ScoreInput): Reason {
  const m = input.metrics;
  const median = m?.value.medianVideoViews;
  const views = median ?? m?.value.avgVideoViews;
  if (!m || views === undefined) return unknown('views', 'views');
  const subscore = views <= 100 ? 0 : clamp01((Math.log10(views) - 2) / 3);
  const seen = metricOf({ metrics: m, metricSources: input.metricSources }, median !== undefined ? 'medianVideoViews' : 'avgVideoViews') ?? m;
  return reason('views', subscore, { kind: 'views', views, median: median !== undefined }, seenOf(seen));
}

function paybackReason(input: ScoreInput): Reason {
  const cost = input.cost;
  if (!cost?.costOfGoods) return unknown('payback', 'cost');
  const price = input.price?.value;
  if (!price) return unknown('payback', 'price');
  const currency = price.currency;
  if (cost.costOfGoods.currency !== currency || (cost.shipping && cost.shipping.currency !== currency)) return unknown('payback', 'currency');
  if (input.commissionBps === undefined) return unknown('payback', 'commission');
  const sampleCost: Money = { minor: cost.costOfGoods.minor + (cost.shipping?.minor ?? 0), currency };
  const commission = Math.round((price.minor * input.commissionBps) / 10_000);
  const unitProfit: Money = { minor: price.minor - cost.costOfGoods.minor - commission, currency };
  const seen: Seen = { seenAt: cost.updatedAt, sellerEntered: true };
  const noShipping = !cost.shipping;
  if (unitProfit.minor <= 0) return reason('payback', 0, { kind: 'payback-never', sampleCost, unitProfit, noShipping }, seen);
  const sales = sampleCost.minor / unitProfit.minor;
  const subscore = sales <= 1 ? 1 : clamp01(1 - Math.log10(sales) / 2);
  return reason('payback', subscore, { kind: 'payback', sampleCost, unitProfit, sales, noShipping }, seen);
}

function deadlineReason(input: ScoreInput, now: number): Reason {
  const d = input.deadline;
  if (!d || d.kind !== 'review') return unknown('deadline', 'deadline');
  const seen: Seen = { seenAt: d.seenAt, ...(input.requestSeen?.source ? { source: input.requestSeen.source } : {}) };
  const msLeft = d.at - now;
  if (msLeft <= 0) return reason('deadline', 0, { kind: 'deadline-past' }, seen);
  return reason('deadline', clamp01((CALM_MS - msLeft) / (CALM_MS - URGENT_MS)), { kind: 'deadline', msLeft }, seen);
}

/** Pure: the score of one pending request at `now`, with the reason behind each factor. */
export function scoreRequest(input: ScoreInput, now: number): Score {
  const reasons = [
    fulfilmentReason(input),
    historyReason(input),
    gmvReason(input),
    viewsReason(input),
    paybackReason(input),
    deadlineReason(input, now),
  ];
  return { total: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}
