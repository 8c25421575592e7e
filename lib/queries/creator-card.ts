import type { AppDB } from '../db/app-db';
import { SENT_STATUSES } from '../domain/sample-status';
import type { Money } from '../domain/money';
import type { Observed, OrderSku, ProductCost, SourceRef } from '../domain/types';
import { creatorFigures, type CreatorFigures } from './figures';

/**
 * The reliability card of a creator for one shop: what this shop's samples to them produced, what their orders brought
 * in, and (when the seller entered product costs) the full-cost ROI. Every figure says where it was seen and when.
 */

/** Where a figure was last seen. */
export interface Seen {
  seenAt: number;
  source: SourceRef;
}

export interface CreatorCard {
  handle: string;
  nickname?: string;
  fulfillment?: Observed<number>;
  /** This shop's sample requests from the creator (`creatorFigures`' history), with the latest one's sighting. */
  samples: CreatorFigures['history'] & { last?: Seen };
  /** Content the creator posted for this shop's samples (`sample/performance`). */
  content: { videos: number; lives: number; last?: Seen };
  /** Affiliate orders attributed to the creator in this shop, refunded SKU rows left out. */
  gmv?: GmvFigure;
  roi?: RoiFigure;
}

export interface GmvFigure {
  /** Price × quantity over the creator's SKU orders (Affiliate Center counts one per SKU row). */
  amount: Money;
  skuOrders: number;
  /** SKU orders whose commission is settled: their commission is the actual one, the others' the estimate. */
  settled: number;
  /** Commission, ads commission and partner commission: actual where settled, estimated otherwise. */
  commission: Money;
  last: Seen;
}

/**
 * Full-cost ROI = (GMV − cost of goods − shipping − commission − samples) ÷ (commission + samples), where samples are
 * the cost of goods and shipping of every sample this shop sent the creator. Only with a cost for every SKU involved.
 */
export type RoiFigure =
  | { kind: 'value'; ratio: number; profit: Money; invested: Money; costsUpdatedAt: number }
  | { kind: 'missing-costs'; skus: number };

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const latest = <T extends { lastSeenAt: number; source: SourceRef }>(rows: readonly T[]): Seen | undefined => {
  const top = rows.reduce<T | undefined>((a, r) => (!a || r.lastSeenAt > a.lastSeenAt ? r : a), undefined);
  return top && { seenAt: top.lastSeenAt, source: top.source };
};

/** Cards for the creators among `handles` Collab Lens knows, in the order asked. One read transaction. */
export async function creatorCards(db: AppDB, shopKey: string, handles: readonly string[]): Promise<CreatorCard[]> {
  const unique = [...new Set(handles)];
  return db.transaction('r', [db.creators, db.sampleRequests, db.products, db.sampleContents, db.orderSkus, db.costs], async () => {
    const figures = await creatorFigures(db, shopKey, unique);
    const known = figures.map((f) => f.handle);
    const [contents, orders] = await Promise.all([
      db.sampleContents.where('[shopKey+creatorHandle]').anyOf(known.map((h) => [shopKey, h])).toArray(),
      db.orderSkus.where('creatorHandle').anyOf(known).toArray(),
    ]);
    const sold = orders.filter((o) => o.shopKey === shopKey && !o.refunded && o.price);
    const sampleSkus = await db.sampleRequests
      .where('[shopKey+creatorHandle]')
      .anyOf(known.map((h) => [shopKey, h]))
      .filter((r) => SENT_STATUSES.has(r.status))
      .toArray();
    const costs = await db.costs.where('shopKey').equals(shopKey).toArray();
    const costBySku = new Map(costs.map((c) => [c.skuId, c]));

    return figures.map((f) => {
      const mine = <T extends { creatorHandle?: string }>(rows: readonly T[]) => rows.filter((r) => r.creatorHandle === f.handle);
      const posts = mine(contents);
      const rows = mine(sold);
      const gmv = gmvOf(rows);
      const samples = mine(sampleSkus).map((r) => r.skuId);
      return {
        handle: f.handle,
        nickname: f.nickname,
        fulfillment: f.fulfillment,
        samples: { ...f.history, last: latest(f.requests) },
        content: { videos: posts.filter((p) => p.format === 'VIDEO').length, lives: posts.filter((p) => p.format === 'LIVE').length, last: latest(posts) },
        gmv,
        roi: costs.length && (gmv || samples.length) ? roiOf(rows, samples, gmv, costBySku) : undefined,
      };
    });
  });
}

/** The commission a SKU row costs the seller: actual amounts once settled, the estimates before. */
function commissionOf(o: OrderSku): number {
  const settled = o.settlement === 'SETTLED';
  const pick = (actual?: Money, estimated?: Money) => (settled ? (actual ?? estimated) : estimated)?.minor ?? 0;
  return (
    pick(o.actualCommission, o.estimatedCommission) +
    pick(o.actualAdsCommission, o.estimatedAdsCommission) +
    pick(o.actualPartnerCommission, o.estimatedPartnerCommission)
  );
}

function gmvOf(rows: readonly OrderSku[]): GmvFigure | undefined {
  const currency = rows[0]?.price?.currency;
  const same = rows.filter((o) => o.price?.currency === currency);
  const last = latest(same);
  if (!currency || !last) return undefined;
  return {
    amount: { minor: sum(same.map((o) => (o.price?.minor ?? 0) * (o.quantity ?? 1))), currency },
    skuOrders: same.length,
    settled: same.filter((o) => o.settlement === 'SETTLED').length,
    commission: { minor: sum(same.map(commissionOf)), currency },
    last,
  };
}

function roiOf(
  rows: readonly OrderSku[],
  sampleSkus: readonly (string | undefined)[],
  gmv: GmvFigure | undefined,
  costs: Map<string, ProductCost>,
): RoiFigure | undefined {
  const currency = gmv?.amount.currency ?? [...costs.values()].find((c) => c.costOfGoods)?.costOfGoods?.currency;
  const unitCost = (skuId: string | undefined) => {
    const c = skuId === undefined ? undefined : costs.get(skuId);
    if (!c?.costOfGoods || c.costOfGoods.currency !== currency) return undefined;
    if (c.shipping && c.shipping.currency !== currency) return undefined;
    return { minor: c.costOfGoods.minor + (c.shipping?.minor ?? 0), updatedAt: c.updatedAt };
  };
  const needed = [...rows.map((o) => o.skuId), ...sampleSkus];
  const missing = new Set(needed.filter((s) => !unitCost(s)).map((s) => s ?? '?'));
  if (missing.size || !currency) return { kind: 'missing-costs', skus: missing.size };
  const goods = sum(rows.map((o) => (unitCost(o.skuId)?.minor ?? 0) * (o.quantity ?? 1)));
  const samples = sum(sampleSkus.map((s) => unitCost(s)?.minor ?? 0));
  const commission = gmv?.commission.minor ?? 0;
  const invested = commission + samples;
  const profit = (gmv?.amount.minor ?? 0) - goods - commission - samples;
  // Nothing invested (no commission, no sample): a ratio would divide by zero.
  if (invested === 0) return undefined;
  return {
    kind: 'value',
    ratio: profit / invested,
    profit: { minor: profit, currency },
    invested: { minor: invested, currency },
    costsUpdatedAt: Math.max(...needed.map((s) => unitCost(s)?.updatedAt ?? 0)),
  };
}
