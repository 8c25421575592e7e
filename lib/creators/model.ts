import type { Money } from '../domain/money';
import type { SourceRef } from '../domain/types';

/**
 * The creators view's model: one row per creator per shop per period, kept current by the background
 * (`creatorRows`), so the view pages through a sort index instead of computing 50,000 creators when it opens.
 *
 * A period is either a rolling window over what Collab Lens captured (`d30`, `d90`: the last 30 / 90 UTC days up to
 * the day the rows were built; `all`: everything captured) or the period of one imported creator analysis export
 * (`import:<importId>`, the dates the seller stated for it). Captured periods count captured order lines, sample
 * requests and content; an import period counts the export's own figures. A figure never mixes the two.
 */

export type CapturedPeriod = 'd30' | 'd90' | 'all';
export type PeriodKey = CapturedPeriod | `import:${string}`;

export interface PeriodInfo {
  key: PeriodKey;
  source: 'capture' | 'import';
  /** Epoch ms UTC; `start` is absent for `all`. */
  start?: number;
  end: number;
  /** For an import period: the file it came from. */
  fileName?: string;
}

/** Where a figure came from: the kind of source, the period it covers, and the latest page or file that fed it. */
export interface FigureSource {
  source: 'capture' | 'import';
  period: PeriodKey;
  /** The newest sighting (capture) or the import time (import) behind the figure. */
  seenAt?: number;
  ref?: SourceRef;
}

/**
 * The figures of one creator for one shop and period. Every money figure is in the shop's currency (a figure in
 * another currency is left out and counted in `otherCurrency`). Missing means unknown, never zero.
 */
export interface CreatorFiguresRow {
  gmv?: Money;
  /** Orders (distinct order ids) and SKU orders (order lines), as Affiliate Center counts them apart. */
  orders?: number;
  skuOrders?: number;
  /** What the shop pays: creator + agency (TAP) + Shop Ads commission, plus flat fees where the export has them. */
  commission?: Money;
  refunds?: Money;
  samplesSent?: number;
  contentPosted?: number;
  /** Samples whose content was posted ÷ samples sent, bps. */
  postingRateBps?: number;
  /** TikTok's 90-day sample fulfilment rate as last seen, bps. */
  fulfilmentBps?: number;
  /** The cost of the samples sent: SKU costs the seller entered, else the flat cost per sample; absent when neither. */
  sampleCost?: Money;
  /** GMV ÷ commission. */
  cashRoi?: number;
  /** GMV ÷ (commission + sample cost); absent when the sample cost is unknown. */
  fullCostRoi?: number;
  /** Figures left out because they were in another currency than the shop's. */
  otherCurrency?: number;
}

/** One row of the creators view (table `creatorRows`, key `[shopKey+period+handle]`). */
export interface CreatorRow extends CreatorFiguresRow {
  shopKey: string;
  period: PeriodKey;
  handle: string;
  nickname?: string;
  /** When Collab Lens last saw the creator anywhere (epoch ms UTC). */
  lastSeenAt?: number;
  /**
   * 1 when the shop worked with the creator in the period (a sample request, content, order, invitation or application
   * in it; every creator of an import period), 0 for a creator only seen in the shop's creator marketplace. The share
   * of creators with zero GMV counts the former.
   */
  engaged?: 0 | 1;
  /** The seller's own marks (`creatorMarks`), copied here so the view filters and sorts without a join. */
  tags: string[];
  watch: 0 | 1;
  blocked: 0 | 1;
  /** Where each figure came from, by figure name. */
  sources: Partial<Record<keyof CreatorFiguresRow, FigureSource>>;
  /**
   * Sort keys, one per sortable column: the figure as a number (money in minor units), or `SORT_MISSING` when unknown,
   * so a row is in every index (IndexedDB leaves out rows whose key is undefined). Missing sorts below every value.
   */
  sort: Record<SortKey, number>;
  updatedAt: number;
}

export const SORT_KEYS = [
  'gmv',
  'orders',
  'commission',
  'samplesSent',
  'contentPosted',
  'postingRate',
  'fulfilment',
  'cashRoi',
  'fullCostRoi',
  'lastSeen',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_MISSING = -1e15;

/** The shop's headline figures for a period, above the creators view. */
export interface Headline {
  shopKey: string;
  period: PeriodKey;
  creators: number;
  gmv?: Money;
  commission?: Money;
  sampleCost?: Money;
  refunds?: Money;
  cashRoi?: number;
  /** Absent with `needsSampleCost` when no sample cost is known (no SKU costs and no flat cost per sample set). */
  fullCostRoi?: number;
  needsSampleCost?: true;
  /** Creators with no GMV in the period ÷ creators, bps. */
  zeroGmvShareBps?: number;
  sources: Partial<Record<keyof CreatorFiguresRow | 'zeroGmvShare', FigureSource>>;
  /** The creators the shop worked with (`CreatorRow.engaged`): the base of `zeroGmvShareBps`. */
  engaged?: number;
  orders?: number;
  skuOrders?: number;
  samplesSent?: number;
  contentPosted?: number;
  /** Figures left out because they were in another currency than the shop's. */
  otherCurrency?: number;
  /** The period's dates and, for an import, its file. */
  periodInfo?: PeriodInfo;
}

/** The seller's own marks on a creator (table `creatorMarks`, key `handle`): kept locally, in the backup. */
export interface CreatorMarks {
  handle: string;
  tags: string[];
  note?: string;
  watch: 0 | 1;
  blocked: 0 | 1;
  updatedAt: number;
}
