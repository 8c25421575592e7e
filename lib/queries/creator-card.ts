import { capturedPeriods, capturedRow, dayOf, loadFacts, shopFacts } from '../creators/figures';
import { gmvOf } from '../creators/terms';
import type { AppDB } from '../db/app-db';
import type { Money } from '../domain/money';
import { isSettled } from '../domain/settlement';
import type { Observed, SourceRef } from '../domain/types';
import { creatorFigures, type CreatorFigures, type MarksView } from './figures';

/**
 * The reliability card of a creator for one shop: what this shop's samples to them produced, what their orders brought
 * in, the cash and full-cost ROI, and the seller's own marks. Every figure says where it was seen and when. GMV,
 * commission, sample cost and both ROIs are those of the creators view's `all` period (lib/creators/figures.ts), by
 * the terms of lib/creators/terms.ts.
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
  /** Affiliate orders attributed to the creator in this shop. */
  gmv?: GmvFigure;
  roi?: RoiFigure;
  marks?: MarksView;
}

export interface GmvFigure {
  /** GMV (term `gmv`): over every SKU order, fully returned ones included; `refunds` is theirs. */
  amount: Money;
  orders: number;
  skuOrders: number;
  /** SKU orders whose GMV is their commission ÷ rate, for want of a price. */
  fromCommission: number;
  /** SKU orders that are settled (`isSettled`). */
  settled: number;
  /** What the shop pays on them: creator, agency (TAP partner) and Shop Ads commission (term `commission`). */
  commission: Money;
  refunds: Money;
  last: Seen;
}

/**
 * Cash ROI = GMV ÷ commission; full-cost ROI = GMV ÷ (commission + sample cost), the samples sent costed at their SKU's
 * cost, else at the flat cost per sample; `needsCost` when some sample has neither.
 */
export interface RoiFigure {
  cash?: number;
  fullCost?: number;
  sampleCost?: Money;
  samplesSent: number;
  needsCost: boolean;
}

const latest = <T extends { lastSeenAt: number; source: SourceRef }>(rows: readonly T[]): Seen | undefined => {
  const top = rows.reduce<T | undefined>((a, r) => (!a || r.lastSeenAt > a.lastSeenAt ? r : a), undefined);
  return top && { seenAt: top.lastSeenAt, source: top.source };
};

const TABLES = [
  'creators',
  'creatorMarks',
  'sampleRequests',
  'products',
  'sampleContents',
  'orderSkus',
  'costs',
  'invitations',
  'invitationCreators',
  'creatorApplications',
  'shopCreators',
  'creatorPerformance',
] as const;

/**
 * Cards for the creators among `handles` Collab Lens knows, in the order asked, with the seller's flat cost per sample
 * (if set) for the samples without a SKU cost. One read transaction.
 */
export async function creatorCards(db: AppDB, shopKey: string, handles: readonly string[], flat?: Money, now = Date.now()): Promise<CreatorCard[]> {
  const unique = [...new Set(handles)];
  return db.transaction('r', TABLES.map((t) => db.table(t)), async () => {
    const figures = await creatorFigures(db, shopKey, unique);
    const known = figures.map((f) => f.handle);
    const [facts, shop] = await Promise.all([loadFacts(db, shopKey, known), shopFacts(db, shopKey, flat)]);
    const all = capturedPeriods(dayOf(now)).find((p) => p.key === 'all')!;

    return figures.map((f): CreatorCard => {
      const mine = facts.get(f.handle);
      const row = mine && capturedRow(mine, shop, all, now);
      const posts = mine?.contents ?? [];
      const lines = mine?.lines ?? [];
      const last = latest(lines);
      const gmv =
        row?.gmv && row.commission && row.refunds && last && lines.length
          ? {
              amount: row.gmv,
              orders: row.orders ?? 0,
              skuOrders: row.skuOrders ?? 0,
              fromCommission: gmvOf(lines, row.gmv.currency).fromCommission,
              settled: lines.filter(isSettled).length,
              commission: row.commission,
              refunds: row.refunds,
              last,
            }
          : undefined;
      const samplesSent = row?.samplesSent ?? 0;
      const roi: RoiFigure | undefined =
        gmv || samplesSent > 0
          ? {
              ...(row?.cashRoi !== undefined && { cash: row.cashRoi }),
              ...(row?.fullCostRoi !== undefined && { fullCost: row.fullCostRoi }),
              ...(row?.sampleCost && { sampleCost: row.sampleCost }),
              samplesSent,
              needsCost: samplesSent > 0 && row?.sampleCost === undefined,
            }
          : undefined;
      return {
        handle: f.handle,
        nickname: f.nickname,
        fulfillment: f.fulfillment,
        samples: { ...f.history, last: latest(f.requests) },
        content: { videos: posts.filter((p) => p.format === 'VIDEO').length, lives: posts.filter((p) => p.format === 'LIVE').length, last: latest(posts) },
        ...(gmv && { gmv }),
        ...(roi && { roi }),
        ...(f.marks && { marks: f.marks }),
      };
    });
  });
}
