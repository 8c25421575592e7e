import type { AppDB } from '../db/app-db';
import { lineGmv } from '../domain/order-line';
import { SENT_STATUSES } from '../domain/sample-status';
import type { Money } from '../domain/money';
import { isSettled, lineCommission } from '../domain/settlement';
import type { Observed, OrderSku, SourceRef } from '../domain/types';
import { costFor, costIndex, type CostIndex } from '../triage/costs';
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
  /**
   * GMV over the creator's SKU orders (Affiliate Center counts one per order line): price × quantity, or, on lines
   * sent without a price (the Affiliate orders page sends none), the creator commission ÷ its rate (`lineGmv`).
   */
  amount: Money;
  skuOrders: number;
  /** SKU orders whose GMV is their commission ÷ rate, for want of a price. */
  fromCommission: number;
  /** SKU orders that are settled (`isSettled`). */
  settled: number;
  /** What the shop pays on them: creator, agency (TAP partner) and Shop Ads commission (`lineCommission`). */
  commission: Money;
  last: Seen;
}

/**
 * Full-cost ROI = (GMV − cost of goods − shipping − commission − samples) ÷ (commission + samples), where commission
 * includes the agency's fee and samples are the cost of goods and shipping of every sample this shop sent the
 * creator. Only with a cost for every SKU involved: a line's SKU, or its product's only cost when the line names no
 * SKU. `unidentified` counts the lines that name neither (their cost cannot be known), among `skus`.
 */
export type RoiFigure =
  | { kind: 'value'; ratio: number; profit: Money; invested: Money; costsUpdatedAt: number }
  | { kind: 'missing-costs'; skus: number; unidentified: number };

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
    const sold = orders.filter((o) => o.shopKey === shopKey && !o.refunded && lineGmv(o, 'estimated'));
    const sampleSkus = await db.sampleRequests
      .where('[shopKey+creatorHandle]')
      .anyOf(known.map((h) => [shopKey, h]))
      .filter((r) => SENT_STATUSES.has(r.status))
      .toArray();
    const costs = await db.costs.where('shopKey').equals(shopKey).toArray();
    const index = costIndex(costs);

    return figures.map((f) => {
      const mine = <T extends { creatorHandle?: string }>(rows: readonly T[]) => rows.filter((r) => r.creatorHandle === f.handle);
      const posts = mine(contents);
      const rows = mine(sold);
      const gmv = gmvOf(rows);
      const samples = mine(sampleSkus).map((r) => ({ productId: r.productId, skuId: r.skuId }));
      return {
        handle: f.handle,
        nickname: f.nickname,
        fulfillment: f.fulfillment,
        samples: { ...f.history, last: latest(f.requests) },
        content: { videos: posts.filter((p) => p.format === 'VIDEO').length, lives: posts.filter((p) => p.format === 'LIVE').length, last: latest(posts) },
        gmv,
        roi: costs.length && (gmv || samples.length) ? roiOf(rows, samples, gmv, index) : undefined,
      };
    });
  });
}

function gmvOf(rows: readonly OrderSku[]): GmvFigure | undefined {
  const lines = rows.flatMap((o) => {
    const gmv = lineGmv(o, 'estimated');
    return gmv ? [{ o, gmv }] : [];
  });
  const currency = lines[0]?.gmv.amount.currency;
  const same = lines.filter((l) => l.gmv.amount.currency === currency);
  const last = latest(same.map((l) => l.o));
  if (!currency || !last) return undefined;
  return {
    amount: { minor: sum(same.map((l) => l.gmv.amount.minor)), currency },
    skuOrders: same.length,
    fromCommission: same.filter((l) => l.gmv.from === 'commission').length,
    settled: same.filter((l) => isSettled(l.o)).length,
    commission: { minor: sum(same.map((l) => lineCommission(l.o)?.amount).map((m) => (m?.currency === currency ? m.minor : 0))), currency },
    last,
  };
}

/** A line's or a sample's SKU as costs are keyed: its SKU, else its product (whose only cost then applies). */
interface Item {
  productId?: string;
  skuId?: string;
}

function roiOf(rows: readonly OrderSku[], samples: readonly Item[], gmv: GmvFigure | undefined, index: CostIndex): RoiFigure | undefined {
  const costs = [...index.bySku.values()];
  const currency = gmv?.amount.currency ?? costs.find((c) => c.costOfGoods)?.costOfGoods?.currency;
  const unitCost = (item: Item) => {
    const c = item.productId === undefined && item.skuId === undefined ? undefined : costFor(index, item.productId ?? '', item.skuId);
    if (!c?.costOfGoods || c.costOfGoods.currency !== currency) return undefined;
    if (c.shipping && c.shipping.currency !== currency) return undefined;
    return { minor: c.costOfGoods.minor + (c.shipping?.minor ?? 0), updatedAt: c.updatedAt };
  };
  const needed: Item[] = [...rows, ...samples];
  const missing = needed.filter((i) => !unitCost(i));
  const unidentified = missing.filter((i) => i.productId === undefined && i.skuId === undefined).length;
  const named = new Set(missing.flatMap((i) => (i.skuId ?? i.productId) ?? []));
  if (missing.length || !currency) return { kind: 'missing-costs', skus: named.size + unidentified, unidentified };
  const goods = sum(rows.map((o) => (unitCost(o)?.minor ?? 0) * (o.quantity ?? 1)));
  const sampleCost = sum(samples.map((s) => unitCost(s)?.minor ?? 0));
  const commission = gmv?.commission.minor ?? 0;
  const invested = commission + sampleCost;
  const profit = (gmv?.amount.minor ?? 0) - goods - commission - sampleCost;
  // Nothing invested (no commission, no sample): a ratio would divide by zero.
  if (invested === 0) return undefined;
  return {
    kind: 'value',
    ratio: profit / invested,
    profit: { minor: profit, currency },
    invested: { minor: invested, currency },
    costsUpdatedAt: Math.max(...needed.map((i) => unitCost(i)?.updatedAt ?? 0)),
  };
}
