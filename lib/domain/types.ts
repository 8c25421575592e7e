import type { SampleStatus } from './sample-status';

/** Where a fact came from: the internal endpoint that carried it and the (sanitised) page it was seen on. */
export interface SourceRef {
  endpoint: string;
  page: string;
}

/** A value with its provenance. */
export interface Observed<T> {
  value: T;
  seenAt: number;
  source: SourceRef;
}

export interface Shop {
  /** `REGION:sellerId`, or `REGION:-` when the seller id was not visible. */
  key: string;
  region: string;
  sellerId?: string;
  host: string;
  firstSeenAt: number;
  lastSeenAt: number;
}

export interface Creator {
  /** Lower-case TikTok handle without `@`: the join key across every surface. */
  handle: string;
  nickname?: string;
  /** Every platform id seen for this creator, prefixed by its kind (`cid:`, `oecuid:`, `open:`). */
  aliases: string[];
  followerCount?: Observed<number>;
  /** 90-day sample fulfilment rate in basis points. */
  fulfillmentBps?: Observed<number>;
  firstSeenAt: number;
  lastSeenAt: number;
}

export interface Product {
  productId: string;
  shopKey: string;
  title: string;
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
}

export interface Sku {
  skuId: string;
  productId: string;
  description?: string;
  stock?: number;
  lastSeenAt: number;
}

export type SampleType = 'FREE_SAMPLE' | 'REFUNDABLE_SAMPLE' | 'SAMPLE_COUPON' | 'SAMPLE_CAMPAIGN' | 'PLATFORM_FREE_SAMPLE' | 'OTHER';

export interface Deadline {
  kind: 'review' | 'ship' | 'content';
  /** Epoch ms: capture time plus the `expired_in` the page was sent. */
  at: number;
  seenAt: number;
}

export interface SampleRequest {
  applyId: string;
  shopKey: string;
  creatorHandle: string;
  productId: string;
  skuId?: string;
  groupId?: string;
  status: SampleStatus;
  /** The value exactly as Affiliate Center sent it. */
  statusRaw: string;
  statusSeenAt: number;
  sampleType?: SampleType;
  commissionBps?: number;
  appliedAt?: number;
  deadline?: Deadline;
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
}

export interface StatusChange {
  id?: number;
  applyId: string;
  status: SampleStatus;
  statusRaw: string;
  seenAt: number;
  source: SourceRef;
}

/** One distinct sighting of records from an endpoint on a page; seeing the same records again only moves `lastSeenAt`. */
export interface Observation {
  id: string;
  endpoint: string;
  shopKey: string;
  page: string;
  recordKeys: string[];
  firstSeenAt: number;
  lastSeenAt: number;
}

/** Capture health per endpoint, for diagnostics. Failure paths carry no values, only where the shape broke. */
export interface EndpointStat {
  endpoint: string;
  accepted: number;
  rejected: number;
  /** `agg_info[].apply_infos[].commission_rate: invalid_type` → count. */
  failures: Record<string, number>;
  lastSeenAt: number;
  lastRejectedAt?: number;
}
