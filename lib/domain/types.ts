import type { Money } from './money';
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

/** When and where something was seen. */
export type Sighted = Omit<Observed<unknown>, 'value'>;

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
  /**
   * Latest public metrics (dated snapshots of them are in `snapshots`, entity `creator`). Pages show different figures
   * (Sample requests: GMV, followers, items sold; Find creators: GMV, views…), so each figure keeps its own sighting in
   * `metricSources`; `metrics.seenAt`/`source` are those of the newest page that showed any. Read one figure with its
   * sighting through `metricOf` (lib/domain/creator-metrics.ts).
   */
  metrics?: Observed<CreatorMetrics>;
  metricSources?: { [K in keyof CreatorMetrics]?: Sighted };
  categories?: string[];
  /** Region the creator sells in (`selection_region`). */
  region?: string;
  /** Which contact channels the creator shares (creator detail); the values are in `contacts`, entity `creator`. */
  contactChannels?: ContactChannel[];
  /** Hash of the last metrics snapshot (see History). */
  snapshotHash?: string;
  /**
   * While Collab Lens knows the creator only from imported exports: the import that named them first (its figures are
   * in `creatorPerformance`). The first page that shows the creator rewrites the row without it (`mergeCreator`).
   */
  importedFrom?: string;
  firstSeenAt: number;
  lastSeenAt: number;
}

export interface Product {
  productId: string;
  shopKey: string;
  title: string;
  categoryId?: string;
  categoryName?: string;
  price?: Money;
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

/**
 * TikTok's own view of a sample request as the sample list sends it (research/real-shapes.md §1): whether the seller can
 * approve it now and TikTok's scores, kept as sent (decimals such as 0.3), beside Collab Lens's own triage score.
 */
export interface TikTokView {
  canBeApproved?: boolean;
  operable?: boolean;
  predictedRoi?: number;
  finalScore?: number;
  exposureScore?: number;
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
  /** Refundable samples: the sales goal that refunds the creator, and progress toward it. */
  refundable?: { goalUnits?: number; soldUnits?: number; windowEndAt?: number; deposit?: Money };
  /** What TikTok itself says of the request (the sample list's flags and scores), with where and when it was seen. */
  tiktok?: Observed<TikTokView>;
  /** The order TikTok created to ship the sample (`main_order_id`), once approved. */
  mainOrderId?: string;
  /** `review_status` exactly as sent (its codes are not documented). */
  reviewStatusRaw?: string;
  /** Hash of the last snapshot of the refundable progress (see History, entity `sampleRequest`). */
  snapshotHash?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
}

/** A status change of any entity, as observed: the first sighting of `to`. */
export interface Transition {
  id?: number;
  /** Entity kind: `sampleRequest`, `invitation`, `registration`, `orderSku`, … */
  entity: string;
  key: string;
  from?: string;
  to: string;
  /** The value exactly as Affiliate Center sent it. */
  raw: string;
  seenAt: number;
  source: SourceRef;
}

/** A dated record of an entity's changing fields, stored only when they differ from the previous snapshot. */
export interface Snapshot {
  id?: number;
  entity: string;
  key: string;
  /** When Collab Lens saw these values. */
  seenAt: number;
  /** When they took effect, if the source says (a commission history); otherwise `seenAt`. */
  at: number;
  values: Record<string, unknown>;
  source: SourceRef;
}

/**
 * Personal contact data (e-mail, phone, WhatsApp, LINE, addresses…), kept apart from the facts so it can be scrubbed
 * after the configured number of days while the facts (which channels exist) remain.
 */
export interface Contact {
  /** `entity|key|channel` */
  id: string;
  entity: string;
  key: string;
  channel: ContactChannel;
  value: string;
  seenAt: number;
}

export type ContactChannel = 'email' | 'phone' | 'whatsapp' | 'line' | 'zalo' | 'facebook' | 'telegram' | 'viber' | 'address' | 'other';

/** A range Affiliate Center shows instead of a value when the creator has not authorised precise data. */
export interface ValueRange {
  min?: number;
  max?: number;
  /** As displayed, e.g. `"$1K-$10K"`. */
  label?: string;
  currency?: string;
}

/** A creator's public metrics as one dated observation; each field is absent when not shown. */
export interface CreatorMetrics {
  followers?: number;
  gmv?: Money;
  gmvRange?: ValueRange;
  videoGmv?: Money;
  liveGmv?: Money;
  unitsSold?: number;
  unitsSoldRange?: ValueRange;
  avgVideoViews?: number;
  avgLiveViewers?: number;
  videoGpm?: Money;
  liveGpm?: Money;
  engagementBps?: number;
  fulfillmentBps?: number;
  postRateBps?: number;
  avgCommissionBps?: number;
  videoCount?: number;
  liveCount?: number;
  /** Median views of shoppable videos (creator detail), beside the list's average in `avgVideoViews`. */
  medianVideoViews?: number;
  /** GPM shown as a range (creator detail sends `{minimal, maximum}`); `videoGpm`/`liveGpm` hold it when both ends agree. */
  videoGpmRange?: ValueRange;
  liveGpmRange?: ValueRange;
  /** Follower demographics (creator detail): each share in basis points, or a count where the page sends counts. */
  audience?: { gender?: AudienceShare[]; age?: AudienceShare[]; location?: AudienceShare[] };
  /** Video views as Sample requests shows them with the creator (`content_video_views`; period and kind not documented). */
  contentVideoViews?: number;
  /** GMV per thousand views over all content (creator detail `gpm`), or its range. */
  gpm?: Money;
  gpmRange?: ValueRange;
  /** Shoppable LIVE: median viewers and engagement (creator detail type 2). */
  medianLiveViews?: number;
  liveEngagementBps?: number;
  /** All videos and LIVEs, shoppable or not: median views and engagement (creator detail type 2). */
  allVideoMedianViews?: number;
  allLiveMedianViews?: number;
  allVideoEngagementBps?: number;
  allLiveEngagementBps?: number;
  avgRevenuePerBuyer?: Money;
  avgRevenuePerBuyerRange?: ValueRange;
  collaboratedBrands?: number;
  /** Price range of the products the creator promotes (`product_price_range`, a label such as `89.3K₫ - 602.0K₫`). */
  productPriceRange?: ValueRange;
  /** Fulfilment reviews the marketplace counts for the creator (`creator_fulfillment_reviews`; shape unknown). */
  fulfillmentReviews?: number;
}

/** Shop-relative flags Find creators shows a shop about a creator: what the seller decides on. */
export interface ShopCreatorFlags {
  hasCollaborated?: boolean;
  invitedWithin90d?: boolean;
  blockedByShop?: boolean;
  highSampleDispatchRate?: boolean;
}

/** A creator's median commission as the marketplace showed it: one market observation for the commission benchmark. */
export interface MedianCommission {
  /** The rate counted, bps: the exact median when sent, else the middle of the range, else its one end. */
  bps: number;
  minBps?: number;
  maxBps?: number;
  /** As displayed, e.g. `10%-15%`. */
  label?: string;
  /** How it came: `exact` (`med_commission_rate`), or `med_commission_rate_range` as a `label` or a `bps` number. */
  form: 'exact' | 'label' | 'bps';
  /** When this rate was first and last seen for the creator in the shop, and where last. */
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
}

/** A creator's category as the marketplace names it; `id` when sent (`industry_groups[].key`, `magellan_<id>`). */
export interface CreatorCategory {
  id?: string;
  name?: string;
}

/**
 * What one shop's creator marketplace showed about a creator (Find creators, creator detail), key `[shopKey+handle]`:
 * the flags relative to the shop, and the creator's median commission and categories (the market benchmark's source).
 */
export interface ShopCreator {
  shopKey: string;
  handle: string;
  flags?: Observed<ShopCreatorFlags>;
  medianCommission?: MedianCommission;
  categories?: Observed<CreatorCategory[]>;
  firstSeenAt: number;
  lastSeenAt: number;
}

/** One slice of a creator's followers: `key` as sent (`female`, `18-24`, `CA`…). */
export interface AudienceShare {
  key: string;
  bps?: number;
  count?: number;
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

/** Content a creator posted for a sample (`sample/performance`). */
export interface SampleContent {
  contentId: string;
  applyId?: string;
  shopKey: string;
  creatorHandle: string;
  productId?: string;
  format: 'VIDEO' | 'LIVE';
  postedAt?: number;
  /** When a LIVE ended. */
  liveEndAt?: number;
  description?: string;
  /** The creator's public post (stored to link to it, never fetched). */
  url?: string;
  views?: number;
  likes?: number;
  comments?: number;
  paidOrders?: number;
  /** Hash of the last snapshot of the counts (see History, entity `sampleContent`). */
  snapshotHash?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
}

/** A TikTok account linked to the shop's showcase (seed 001): one official, at most four marketing, any affiliates. */
export interface ShopAccount {
  /** `shopKey|accountId` */
  key: string;
  shopKey: string;
  accountId: string;
  handle?: string;
  role: 'official' | 'marketing' | 'affiliate' | 'unknown';
  roleRaw: string;
  nickname?: string;
  /** When the account was linked to the shop (epoch ms), as sent. */
  linkedAt?: number;
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
}

export type InvitationStatus = 'ONGOING' | 'EXPIRING' | 'CANCELING' | 'COMPLETED' | 'UNKNOWN';

/** A target collaboration (UI "Target invitation"; internal `invitation_group`). */
export interface Invitation {
  id: string;
  shopKey: string;
  name: string;
  message?: string;
  /** From the status tab it was listed under, or COMPLETED once its end had passed when seen. */
  status: InvitationStatus;
  /** What `status` rests on: `tab:<n>` (the tab the list was asked for) or `ended` (its end time had passed). */
  statusRaw: string;
  /**
   * The record's own `group_status`, exactly as sent: TikTok's code. Sources read it differently (research
   * real-shapes.md §5), so it is kept and shown as sent, never mapped to a status.
   */
  groupStatusRaw?: string;
  startAt?: number;
  endAt?: number;
  freeSample?: { offered: boolean; autoApproved?: boolean };
  counts: { creators?: number; accepted?: number; posted?: number; products?: number };
  /** Which contact channels the invitation offers; the values are in `contacts`. */
  contactChannels: ContactChannel[];
  contentPreference?: 'any' | 'video' | 'live';
  /** `group_type` as sent (1 = standard; other values not documented). */
  groupType?: string;
  /** Hash of the last snapshot of its counts and end time (entity `invitation`). */
  snapshotHash?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
}

export interface InvitationProduct {
  invitationId: string;
  productId: string;
  shopKey: string;
  targetCommissionBps?: number;
  adsCommissionBps?: number;
  openCommissionBps?: number;
  /** When the invitation's commission took effect (epoch ms), as sent. */
  commissionEffectiveAt?: number;
  /** Hash of the last snapshot of its commissions (entity `invitationProduct`, key `invitationId|productId`). */
  snapshotHash?: string;
  lastSeenAt: number;
}

export interface InvitationCreator {
  invitationId: string;
  handle: string;
  shopKey: string;
  /** Accepted = added the invitation's products to their showcase. */
  accepted: 0 | 1;
  statusRaw: string;
  productsAdded?: number;
  contentPosted?: number;
  /** Where the creator stands, from what Affiliate Center counts (transitions: entity `invitationCreator`, key `invitationId|handle`). */
  state?: InvitationCreatorState;
  /** `effective_status` as sent (whether the commission applies to the creator; values not documented). */
  effectiveStatusRaw?: string;
  lastSeenAt: number;
}

/** Invited (nothing yet), accepted (added a product to their showcase), posted (published content for it). */
export type InvitationCreatorState = 'INVITED' | 'ACCEPTED' | 'POSTED';

/** A product in open collaboration, with its current commission (its history is in `snapshots`, entity `openCollab`). */
export interface OpenCollab {
  /** `shopKey|productId` */
  key: string;
  shopKey: string;
  productId: string;
  commissionBps?: number;
  /** `NORMAL`, `TERMINATING` (removed; ends at `commissionEndAt`), or `UNKNOWN` (`statusRaw` keeps what was sent). */
  status: string;
  statusRaw?: string;
  /** The open collaboration's own id. */
  collabId?: string;
  commissionStartAt?: number;
  commissionEndAt?: number;
  showcaseCreators?: number;
  contentCreators?: number;
  snapshotHash?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
}

export interface CreatorApplication {
  id: string;
  shopKey: string;
  productId: string;
  creatorHandle: string;
  /** `PENDING`, `APPROVED`, `REJECTED`, `EXPIRED`, `CANCELLED`, or `UNKNOWN` (`statusRaw` keeps what was sent). */
  status: string;
  statusRaw?: string;
  /** The open-collaboration commission the creator applied at. */
  commissionBps?: number;
  appliedAt?: number;
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
}

export interface Order {
  orderId: string;
  shopKey: string;
  createdAt: number;
  skuRows: number;
  /** When the order was delivered (open API `delivery_time`), if sent. */
  deliveredAt?: number;
  /** The order's status exactly as sent (`status`, deprecated and often empty in the open API; `order_status`). */
  statusRaw?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
}

export type Settlement = 'UNKNOWN' | 'AWAITING_PAYMENT' | 'TO_SETTLE' | 'SETTLED' | 'INELIGIBLE';

/** How a rate was written: basis points (`1000`), percent (`"10.00"`, `"10%"`) or a fraction (`"0.1"`); all mean 10%. */
export type RateForm = 'bps' | 'percent' | 'fraction';

/** One SKU row of an affiliate order: what Affiliate Center counts as an "SKU order". */
export interface OrderSku {
  /**
   * `orderId|skuId`; `orderId|#n` for a line sent without a SKU id (the real Affiliate orders answer carries none), `n`
   * being its 1-based position among the order's lines: a `#` never starts a SKU id, so the two never collide.
   */
  key: string;
  orderId: string;
  shopKey: string;
  createdAt: number;
  productId?: string;
  skuId?: string;
  /** The line's 1-based position among the order's lines, as sent. */
  line?: number;
  /** The product name the line was sent with, when it names one: a line without a product id joins its product by it. */
  productTitle?: string;
  quantity?: number;
  price?: Money;
  creatorHandle?: string;
  contentType?: 'SHOP' | 'VIDEO' | 'LIVE' | 'PRE_LIVE' | 'PROMOTION_PAGE' | 'LINKSHARE' | 'OTHER';
  contentId?: string;
  collaboration?: { kind: 'open' | 'target' | 'campaign'; id: string };
  commissionBps?: number;
  partnerCommissionBps?: number;
  adsCommissionBps?: number;
  estimatedCommission?: Money;
  actualCommission?: Money;
  estimatedAdsCommission?: Money;
  actualAdsCommission?: Money;
  /** Paid to a TAP partner (agency) on campaign orders (`sponsor_*` on the Affiliate orders page). */
  estimatedPartnerCommission?: Money;
  actualPartnerCommission?: Money;
  /** The agency (TAP partner) the order came through: `sponsor_id` and `sponsor_name`. */
  partner?: { id?: string; name?: string };
  /** The form each rate arrived in (the page's rate units are not known): see `RateForm`. */
  rateForms?: { commission?: RateForm; ads?: RateForm; partner?: RateForm };
  /**
   * The channel as sent when it is not one of the open-API names: a `promotion_position_type` code (`1` showcase or
   * product card, `2` video, `3` LIVE: kept beside the mapped type) or a name not known.
   */
  contentTypeRaw?: string;
  settlement: Settlement;
  settlementRaw: string;
  /** The field that carried the settlement status (`settlement_status`, …): the internal name is not confirmed. */
  settlementField?: string;
  refunded: 0 | 1;
  /** The field that said whether the order was fully returned; absent when nothing said so (then `refunded` is 0). */
  refundedField?: string;
  /** Hash of the last snapshot of the commission amounts (see History, entity `orderSku`). */
  snapshotHash?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
}

export type RegistrationState =
  | 'PENDING'
  | 'APPROVED'
  | 'LIVE'
  | 'REJECTED'
  | 'REJECTED_BLOCKED'
  | 'CANCEL_REQUESTED'
  | 'CANCELLED'
  | 'UNKNOWN';

/** A partner (TAP) campaign: agency-initiated (the seller registers products) or seller-initiated. */
export interface Campaign {
  id: string;
  shopKey: string;
  name: string;
  kind: 'agency' | 'seller';
  /** Where the seller saw it in the marketplace: all, targeted at them, or local agencies. */
  scope?: 'all' | 'targeted' | 'local';
  partnerName?: string;
  status: string;
  registrationStartAt?: number;
  registrationEndAt?: number;
  campaignStartAt?: number;
  campaignEndAt?: number;
  commissionRequirementBps?: number;
  contactChannels: ContactChannel[];
  /** The campaign's status exactly as Affiliate Center sent it (`status` holds the normalised name). */
  statusRaw?: string;
  description?: string;
  partnerId?: string;
  region?: string;
  /** Products the seller has registered in it, as the list shows. */
  registeredProducts?: number;
  /** Hash of the last snapshot of its terms (entity `campaign`). */
  snapshotHash?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
}

/** The seller's registration of one product in a campaign. */
export interface Registration {
  /** `campaignId|productId` */
  key: string;
  campaignId: string;
  productId: string;
  shopKey: string;
  state: RegistrationState;
  stateRaw: string;
  rejectReason?: string;
  totalCommissionBps?: number;
  sampleQuantity?: number;
  contactChannels: ContactChannel[];
  /** The partner's reason codes (`COMMISSION_TOO_LOW`, …) when rejected; `rejectReason` is the text shown. */
  rejectCodes?: string[];
  creatorCommissionBps?: number;
  partnerCommissionBps?: number;
  registeredAt?: number;
  /** Hash of the last snapshot of its terms (entity `registration`). */
  snapshotHash?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
}

/** Insights figures (transaction, sample, outreach analysis) for one period, kept as dated snapshots. */
export interface Insight {
  /** `shopKey|module|periodKey` */
  key: string;
  shopKey: string;
  module: string;
  period: { start?: number; end?: number; label: string };
  metrics: Record<string, number | Money>;
  snapshotHash?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
}

/**
 * A file the seller imported. Its id is the SHA-256 of what it says (kind, shop, period and the normalised rows, in any
 * order; lib/import/identity.ts), not of its bytes: the same data as xlsx or csv, re-saved or with its columns moved,
 * is the same import, and importing it again changes nothing.
 */
export interface ImportRecord {
  id: string;
  kind: 'creator-analysis' | 'orders';
  fileName: string;
  shopKey: string;
  period: { start: number; end: number };
  rows: number;
  /** Rows of the file left out because they had errors, when the seller chose to import the rest. */
  skippedRows?: number;
  /** How each rate column was written, by field (`ctr`, `commissionRate`…: lib/import/columns.ts): `2.04%` or `0.0204`. */
  rateForms?: Record<string, 'percent' | 'fraction'>;
  importedAt: number;
}

/**
 * Shop-specific creator performance over a period, from the creator analysis export: every column of the export, in
 * its unit (money in minor units of its currency, rates in basis points, which may exceed 10,000: a CTR of 200% is
 * real). The column titles are in lib/import/columns.ts.
 */
export interface CreatorPerformance {
  /** `shopKey|handle|start|end` */
  key: string;
  shopKey: string;
  handle: string;
  period: { start: number; end: number };
  /** Creator-attributed GMV, and its LIVE, video and product card (showcase) parts. */
  gmv?: Money;
  liveGmv?: Money;
  videoGmv?: Money;
  productCardGmv?: Money;
  refunds?: Money;
  /** Attributed orders. */
  orders?: number;
  /** Creator-attributed items sold, items refunded, and the export's own "Products sold". */
  itemsSold?: number;
  itemsRefunded?: number;
  productsSold?: number;
  /** Average order value. */
  aov?: Money;
  customers?: number;
  samplesShipped?: number;
  /** Total sample content: videos and LIVEs posted for samples. */
  sampleContent?: number;
  videos?: number;
  lives?: number;
  /** Products added to showcase. */
  showcaseAdds?: number;
  productImpressions?: number;
  videoViews?: number;
  estCommission?: Money;
  estFlatFee?: Money;
  ctrBps?: number;
  ctorBps?: number;
  importId: string;
  /** The name as the export wrote it, when it is not the handle itself (a nickname, `@handle`). */
  name?: string;
  /**
   * How `handle` was found among known creators: the username, a platform id (`aliases`) or a nickname only one of them
   * has; absent when the name matched none (`handle` is then the name: a username becomes a known creator).
   */
  matchedBy?: 'handle' | 'alias' | 'nickname';
}

/** What the seller entered as the cost of one SKU (cost of goods, shipping), for full-cost ROI. */
export interface ProductCost {
  /** `shopKey|skuId` */
  key: string;
  shopKey: string;
  productId: string;
  skuId: string;
  costOfGoods?: Money;
  shipping?: Money;
  updatedAt: number;
}

/** The seller's own triage decision on a sample request (side panel); the seller still clicks on the page. */
export interface TriageMark {
  applyId: string;
  shopKey: string;
  mark: 'approve' | 'reject' | 'skip';
  markedAt: number;
}

/**
 * A figure the popup shows, kept current by the background as records change (never computed by scanning every order
 * when the popup opens). `key` = `shopKey|kind|bucket`; `values` is the aggregate's own shape, validated by its reader.
 */
export interface Aggregate {
  key: string;
  shopKey: string;
  kind: string;
  values: Record<string, unknown>;
  updatedAt: number;
}
