import * as z from 'zod/mini';
import type { AppDB } from '../db/app-db';
import { metricOf } from '../domain/creator-metrics';
import type { Money } from '../domain/money';
import { CONTENT_STATUSES, SENT_STATUSES, type SampleStatus } from '../domain/sample-status';
import type { Creator, CreatorMetrics, OrderSku, Product, ProductCost, SampleContent, SampleRequest, Snapshot } from '../domain/types';
import { costFor, costIndex } from './costs';

/**
 * Dry run of an auto-approval rule like TikTok's own (seller help "Sample auto-approval automations": minimum
 * followers, 30-day GMV, fulfilment, a product price limit and a daily quota of 1–100): replayed over the sample
 * requests Collab Lens has stored, in order of application time, at most `dailyQuota` approvals per day. It says what
 * the rule would have approved, what the creators of those requests actually delivered (when the sample was really
 * sent: content posted, affiliate SKU orders of that product by that creator after the application) and what the
 * approved samples cost (the costs the seller entered).
 *
 * Each request is judged on the creator's figures as Collab Lens saw them at or before the application; when it only
 * saw them later, the later sighting is used and the decision counts as `laterFigures`. A criterion whose figure was
 * never seen is not met (an auto-approval cannot approve on a figure it does not have).
 */

export interface AutoApprovalRule {
  minFollowers?: number;
  /** Minimum 30-day GMV, in the shop's currency. */
  minGmv?: Money;
  minFulfilmentBps?: number;
  /** Highest product price to approve, in the shop's currency. */
  maxPrice?: Money;
  /** Approvals per day, 1–100 like TikTok's. */
  dailyQuota: number;
}

const moneySchema = z.object({ minor: z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)), currency: z.string().check(z.regex(/^[A-Z]{3}$/)) });
export const autoApprovalRule = z.object({
  minFollowers: z.optional(z.int().check(z.gte(0), z.lte(1_000_000_000))),
  minGmv: z.optional(moneySchema),
  minFulfilmentBps: z.optional(z.int().check(z.gte(0), z.lte(10_000))),
  maxPrice: z.optional(moneySchema),
  dailyQuota: z.int().check(z.gte(1), z.lte(100)),
});

export type Criterion = 'followers' | 'gmv' | 'fulfilment' | 'price';

export interface DryRunOptions {
  /** Applications from `from` (inclusive) to `to` (exclusive), epoch ms. */
  from: number;
  to: number;
  /** The IANA time zone whose days the quota counts in (the seller's). */
  timeZone: string;
}

export interface DryRunData {
  requests: SampleRequest[];
  creators: Map<string, Creator>;
  /** Each creator's metric snapshots (entity `creator`). */
  snapshots: Map<string, Snapshot[]>;
  products: Map<string, Product>;
  contents: SampleContent[];
  orderSkus: OrderSku[];
  costs: ProductCost[];
}

/** What the seller actually did with a request, from its status now. */
export type SellerDecision = 'approved' | 'rejected' | 'other';

export interface Decision {
  applyId: string;
  handle: string;
  productId: string;
  skuId?: string;
  appliedAt: number;
  /** `YYYY-MM-DD` in the seller's time zone. */
  day: string;
  outcome: 'approved' | 'over-quota' | 'not-met';
  /** The first criterion not met (or whose figure was never seen), for `not-met`. */
  failed?: { criterion: Criterion; unknown: boolean };
  /** A figure the decision used was first seen after the application. */
  laterFigures: boolean;
  status: SampleStatus;
  seller: SellerDecision;
  sent: boolean;
  posted: boolean;
  /** Cost of goods + shipping of the sample, when the seller entered it. */
  cost?: Money;
}

export interface DryRunResult {
  /** Requests applied for in the period. */
  considered: number;
  /** Stored requests without an application time, left out. */
  withoutTime: number;
  approved: number;
  overQuota: number;
  /** Requests not approved, by the first criterion they did not meet: its figure `failed` the rule, or was never seen. */
  notMet: Record<Criterion, { failed: number; unknown: number }>;
  laterFigures: number;
  days: { day: string; qualified: number; approved: number }[];
  /** Of the rule's approvals: what the seller actually did. */
  seller: Record<SellerDecision, number>;
  /** Requests the seller approved that the rule would not have (not met, or over the quota). */
  sellerOnly: number;
  /** What the rule's approvals whose sample was really sent produced. */
  delivered: {
    sent: number;
    posted: number;
    videos: number;
    lives: number;
    /** Affiliate SKU orders (one per SKU row, as Affiliate Center counts) of the product by the creator after the application, refunds left out. */
    skuOrders: number;
    /** SKU orders whose actual commission Affiliate Center has shown. */
    withActual: number;
    gmv: Money[];
    /** Creator commission: estimated over every SKU order, actual over those `withActual`. */
    estimatedCommission: Money[];
    actualCommission: Money[];
  };
  /** Cost of the rule's approved samples, from the costs entered; samples without a cost are counted apart. */
  cost: { total: Money[]; withCost: number; missing: number; missingSkus: string[] };
  decisions: Decision[];
}

const SELLER_APPROVED = new Set<SampleStatus>(['AWAITING_SHIPMENT', 'SHIPPED', 'CONTENT_PENDING', 'COMPLETED', 'OPS_COMPLETED', 'SELLER_NOT_SHIP_CANCELLED', 'UNFULFILL_CANCELLED']);
const SELLER_REJECTED = new Set<SampleStatus>(['REJECT_CANCELLED', 'OVERDUE_CANCELLED']);

export function sellerDecision(status: SampleStatus): SellerDecision {
  if (SELLER_APPROVED.has(status)) return 'approved';
  if (SELLER_REJECTED.has(status)) return 'rejected';
  return 'other';
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of an instant in a time zone. */
export function dayKey(ms: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

interface Sighting<T> {
  at: number;
  value: T;
}

/** The value seen last at or before `t`; else the first seen after it (flagged `later`). */
function asOf<T>(sightings: readonly Sighting<T>[], t: number): { value: T; later: boolean } | undefined {
  let before: Sighting<T> | undefined;
  let after: Sighting<T> | undefined;
  for (const s of sightings) {
    if (s.at <= t) {
      if (!before || s.at > before.at) before = s;
    } else if (!after || s.at < after.at) after = s;
  }
  if (before) return { value: before.value, later: false };
  return after && { value: after.value, later: true };
}

interface CreatorSightings {
  followers: Sighting<number>[];
  gmv: Sighting<Money>[];
  fulfilment: Sighting<number>[];
}

function gmvOf(m: Partial<CreatorMetrics>): Money | undefined {
  if (m.gmv) return m.gmv;
  const r = m.gmvRange;
  return r?.min !== undefined && r.currency ? { minor: r.min, currency: r.currency } : undefined;
}

/** Every sighting of a creator's followers, GMV (a range counts from its lower end) and fulfilment rate. */
function sightingsOf(creator: Creator | undefined, snapshots: readonly Snapshot[]): CreatorSightings {
  const out: CreatorSightings = { followers: [], gmv: [], fulfilment: [] };
  const add = (at: number, m: Partial<CreatorMetrics>) => {
    if (typeof m.followers === 'number') out.followers.push({ at, value: m.followers });
    const gmv = gmvOf(m);
    if (gmv) out.gmv.push({ at, value: gmv });
    if (typeof m.fulfillmentBps === 'number') out.fulfilment.push({ at, value: m.fulfillmentBps });
  };
  for (const s of snapshots) add(s.at, s.values as Partial<CreatorMetrics>);
  // Each figure at the time its own page showed it.
  if (creator) {
    for (const key of ['followers', 'gmv', 'gmvRange', 'fulfillmentBps'] as const) {
      const o = metricOf(creator, key);
      if (o) add(o.seenAt, { [key]: o.value });
    }
  }
  if (creator?.followerCount) out.followers.push({ at: creator.followerCount.seenAt, value: creator.followerCount.value });
  if (creator?.fulfillmentBps) out.fulfilment.push({ at: creator.fulfillmentBps.seenAt, value: creator.fulfillmentBps.value });
  return out;
}

function addMoney(totals: Map<string, number>, m: Money | undefined, times = 1): void {
  if (m) totals.set(m.currency, (totals.get(m.currency) ?? 0) + m.minor * times);
}
const moneyList = (totals: Map<string, number>): Money[] =>
  [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ minor, currency }));

type Check = { met: true; later: boolean } | { met: false; unknown: boolean; later: boolean };

function checkMin<T>(min: T | undefined, seen: { value: T; later: boolean } | undefined, compare: (v: T, min: T) => boolean | undefined): Check {
  if (min === undefined) return { met: true, later: false };
  if (!seen) return { met: false, unknown: true, later: false };
  const ok = compare(seen.value, min);
  if (ok === undefined) return { met: false, unknown: true, later: seen.later };
  return ok ? { met: true, later: seen.later } : { met: false, unknown: false, later: seen.later };
}

/** Pure: replay `rule` over the stored requests applied for in the period. */
export function dryRun(data: DryRunData, rule: AutoApprovalRule, options: DryRunOptions): DryRunResult {
  const timed = data.requests.filter((r) => r.appliedAt !== undefined);
  const candidates = timed
    .filter((r) => (r.appliedAt as number) >= options.from && (r.appliedAt as number) < options.to)
    .sort((a, b) => (a.appliedAt as number) - (b.appliedAt as number) || a.applyId.localeCompare(b.applyId));
  const sightings = new Map<string, CreatorSightings>();
  const sightingsFor = (handle: string) => {
    let s = sightings.get(handle);
    if (!s) {
      s = sightingsOf(data.creators.get(handle), data.snapshots.get(handle) ?? []);
      sightings.set(handle, s);
    }
    return s;
  };
  const contentsByApply = new Map<string, SampleContent[]>();
  for (const c of data.contents) {
    if (!c.applyId) continue;
    const list = contentsByApply.get(c.applyId);
    if (list) list.push(c);
    else contentsByApply.set(c.applyId, [c]);
  }

  const costs = costIndex(data.costs);
  const perDay = new Map<string, { qualified: number; approved: number }>();
  const notMet: DryRunResult['notMet'] = { followers: { failed: 0, unknown: 0 }, gmv: { failed: 0, unknown: 0 }, fulfilment: { failed: 0, unknown: 0 }, price: { failed: 0, unknown: 0 } };
  const decisions: Decision[] = [];

  for (const r of candidates) {
    const appliedAt = r.appliedAt as number;
    const s = sightingsFor(r.creatorHandle);
    const price = data.products.get(r.productId)?.price;
    const checks: [Criterion, Check][] = [
      ['followers', checkMin(rule.minFollowers, asOf(s.followers, appliedAt), (v, min) => v >= min)],
      ['gmv', checkMin(rule.minGmv, asOf(s.gmv, appliedAt), (v, min) => (v.currency === min.currency ? v.minor >= min.minor : undefined))],
      ['fulfilment', checkMin(rule.minFulfilmentBps, asOf(s.fulfilment, appliedAt), (v, min) => v >= min)],
      // The price is the product's as last seen: Collab Lens keeps no price history.
      ['price', checkMin(rule.maxPrice, price && { value: price, later: false }, (v, max) => (v.currency === max.currency ? v.minor <= max.minor : undefined))],
    ];
    const failedCheck = checks.find(([, c]) => !c.met);
    const laterFigures = checks.some(([, c]) => c.later);
    const day = dayKey(appliedAt, options.timeZone);
    const tally = perDay.get(day) ?? { qualified: 0, approved: 0 };
    perDay.set(day, tally);
    let outcome: Decision['outcome'];
    let failed: Decision['failed'];
    if (failedCheck) {
      const [criterion, c] = failedCheck;
      const unknown = !c.met && c.unknown;
      failed = { criterion, unknown };
      notMet[criterion][unknown ? 'unknown' : 'failed'] += 1;
      outcome = 'not-met';
    } else {
      tally.qualified += 1;
      outcome = tally.approved < rule.dailyQuota ? 'approved' : 'over-quota';
      if (outcome === 'approved') tally.approved += 1;
    }
    const cost = costFor(costs, r.productId, r.skuId);
    const costMoney =
      cost?.costOfGoods && (!cost.shipping || cost.shipping.currency === cost.costOfGoods.currency)
        ? { minor: cost.costOfGoods.minor + (cost.shipping?.minor ?? 0), currency: cost.costOfGoods.currency }
        : undefined;
    decisions.push({
      applyId: r.applyId,
      handle: r.creatorHandle,
      productId: r.productId,
      ...(r.skuId === undefined ? {} : { skuId: r.skuId }),
      appliedAt,
      day,
      outcome,
      ...(failed ? { failed } : {}),
      laterFigures,
      status: r.status,
      seller: sellerDecision(r.status),
      sent: SENT_STATUSES.has(r.status),
      posted: CONTENT_STATUSES.has(r.status) || (contentsByApply.get(r.applyId)?.length ?? 0) > 0,
      ...(costMoney ? { cost: costMoney } : {}),
    });
  }

  const approved = decisions.filter((d) => d.outcome === 'approved');
  const seller: Record<SellerDecision, number> = { approved: 0, rejected: 0, other: 0 };
  for (const d of approved) seller[d.seller] += 1;

  // Orders of a product by a creator count once, from the earliest approved application whose sample was sent.
  const sent = approved.filter((d) => d.sent);
  const since = new Map<string, number>();
  for (const d of sent) {
    const key = `${d.handle}\u0000${d.productId}`;
    since.set(key, Math.min(since.get(key) ?? Infinity, d.appliedAt));
  }
  const gmv = new Map<string, number>();
  const estimated = new Map<string, number>();
  const actual = new Map<string, number>();
  let skuOrders = 0;
  let withActual = 0;
  for (const o of data.orderSkus) {
    if (o.refunded || !o.creatorHandle || !o.productId) continue;
    const from = since.get(`${o.creatorHandle}\u0000${o.productId}`);
    if (from === undefined || o.createdAt < from) continue;
    skuOrders += 1;
    addMoney(gmv, o.price, o.quantity ?? 1);
    addMoney(estimated, o.estimatedCommission);
    if (o.actualCommission) {
      withActual += 1;
      addMoney(actual, o.actualCommission);
    }
  }
  const posts = sent.flatMap((d) => contentsByApply.get(d.applyId) ?? []);

  const costTotal = new Map<string, number>();
  const missingSkus = new Set<string>();
  let withCost = 0;
  for (const d of approved) {
    if (d.cost) {
      withCost += 1;
      addMoney(costTotal, d.cost);
    } else missingSkus.add(d.skuId ?? `product:${d.productId}`);
  }

  return {
    considered: candidates.length,
    withoutTime: data.requests.length - timed.length,
    approved: approved.length,
    overQuota: decisions.filter((d) => d.outcome === 'over-quota').length,
    notMet,
    laterFigures: approved.filter((d) => d.laterFigures).length,
    days: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, t]) => ({ day, ...t })),
    seller,
    sellerOnly: decisions.filter((d) => d.outcome !== 'approved' && d.seller === 'approved').length,
    delivered: {
      sent: sent.length,
      posted: sent.filter((d) => d.posted).length,
      videos: posts.filter((p) => p.format === 'VIDEO').length,
      lives: posts.filter((p) => p.format === 'LIVE').length,
      skuOrders,
      withActual,
      gmv: moneyList(gmv),
      estimatedCommission: moneyList(estimated),
      actualCommission: moneyList(actual),
    },
    cost: { total: moneyList(costTotal), withCost, missing: approved.length - withCost, missingSkus: [...missingSkus].sort() },
    decisions,
  };
}

/** The stored data a dry run over a shop's requests reads: one query per table, through its indexes. */
export async function loadDryRun(db: AppDB, shopKey: string): Promise<DryRunData> {
  const requests = await db.sampleRequests.where('shopKey').equals(shopKey).toArray();
  const handles = [...new Set(requests.map((r) => r.creatorHandle))];
  const productIds = [...new Set(requests.map((r) => r.productId))];
  const [creators, snapshots, products, contents, orderSkus, costs] = await Promise.all([
    db.creators.bulkGet(handles),
    handles.length
      ? db.snapshots.where('[entity+key+seenAt]').inAnyRange(handles.map((h) => [['creator', h, -Infinity], ['creator', h, Infinity]])).toArray()
      : Promise.resolve([]),
    db.products.bulkGet(productIds),
    db.sampleContents.where('[shopKey+creatorHandle]').anyOf(handles.map((h) => [shopKey, h])).toArray(),
    db.orderSkus.where('creatorHandle').anyOf(handles).filter((o) => o.shopKey === shopKey).toArray(),
    db.costs.where('shopKey').equals(shopKey).toArray(),
  ]);
  const byHandle = new Map<string, Snapshot[]>();
  for (const s of snapshots) {
    const list = byHandle.get(s.key);
    if (list) list.push(s);
    else byHandle.set(s.key, [s]);
  }
  return {
    requests,
    creators: new Map(creators.flatMap((c) => (c ? [[c.handle, c] as const] : []))),
    snapshots: byHandle,
    products: new Map(products.flatMap((p) => (p ? [[p.productId, p] as const] : []))),
    contents,
    orderSkus,
    costs,
  };
}
