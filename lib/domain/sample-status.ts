/**
 * The sample-request lifecycle (research/domain.md §1.5). `CANCELLED` is a request the Cancelled tab lists without
 * saying why (the real list sends a numeric `curr_status` whose ending codes are unknown, research/real-shapes.md §1).
 * `UNKNOWN` keeps a value TikTok starts sending before we know it; the raw value is stored beside it so nothing seen is
 * lost.
 */
export const SAMPLE_STATUSES = [
  'PENDING',
  'AWAITING_SHIPMENT',
  'SHIPPED',
  'CONTENT_PENDING',
  'COMPLETED',
  'REJECT_CANCELLED',
  'OVERDUE_CANCELLED',
  'SELLER_NOT_SHIP_CANCELLED',
  'WITHDRAW_CANCELLED',
  'UNFULFILL_CANCELLED',
  'UNFULFILLABLE_CANCELLED',
  'DEL_OPEN_COLLAB',
  'OPS_CANCELLED',
  'OPS_FAILED',
  'OPS_COMPLETED',
  'CANCELLED',
  'UNKNOWN',
] as const;

export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

/** The stage a status belongs to, in the order a request moves through them. */
export type SampleStage = 'review' | 'ship' | 'shipped' | 'content' | 'completed' | 'cancelled' | 'unknown';

export const STAGE_OF: Readonly<Record<SampleStatus, SampleStage>> = {
  PENDING: 'review',
  AWAITING_SHIPMENT: 'ship',
  SHIPPED: 'shipped',
  CONTENT_PENDING: 'content',
  COMPLETED: 'completed',
  OPS_COMPLETED: 'completed',
  REJECT_CANCELLED: 'cancelled',
  OVERDUE_CANCELLED: 'cancelled',
  SELLER_NOT_SHIP_CANCELLED: 'cancelled',
  WITHDRAW_CANCELLED: 'cancelled',
  UNFULFILL_CANCELLED: 'cancelled',
  UNFULFILLABLE_CANCELLED: 'cancelled',
  DEL_OPEN_COLLAB: 'cancelled',
  OPS_CANCELLED: 'cancelled',
  OPS_FAILED: 'cancelled',
  CANCELLED: 'cancelled',
  UNKNOWN: 'unknown',
};

/** Statuses in which this shop has physically sent the sample to the creator. */
export const SENT_STATUSES: ReadonlySet<SampleStatus> = new Set(['SHIPPED', 'CONTENT_PENDING', 'COMPLETED', 'OPS_COMPLETED', 'UNFULFILL_CANCELLED']);

/** Statuses in which the creator posted the content the sample was for. */
export const CONTENT_STATUSES: ReadonlySet<SampleStatus> = new Set(['COMPLETED', 'OPS_COMPLETED']);

/**
 * Affiliate Center's sample-list tabs (the request body's `tab`). 10 to review and 30 shipped are seen in real answers
 * [raw][fixture]; 20 ready to ship and 40 in progress are the tab codes real-shapes.md §1 lists [parser]. The Completed
 * and Cancelled tabs' codes are unknown: 50 and 60 are our reading of the UI order in steps of 10 [unknown], used only
 * when a record's own `curr_status` is not one we know. A code outside this table gives `UNKNOWN`, its raw value kept.
 */
export const TAB_STATUS: Readonly<Record<number, SampleStatus>> = {
  10: 'PENDING',
  20: 'AWAITING_SHIPMENT',
  30: 'SHIPPED',
  40: 'CONTENT_PENDING',
  50: 'COMPLETED',
  60: 'CANCELLED',
};

/**
 * A record's own state, `curr_status` (research/real-shapes.md §1): 10 to review and 30 shipped [raw][fixture]; the
 * others follow the tab codes. The codes of completed and cancelled requests are unknown, so none is mapped here.
 */
export const CURR_STATUS: Readonly<Record<number, SampleStatus>> = {
  10: 'PENDING',
  20: 'AWAITING_SHIPMENT',
  30: 'SHIPPED',
  40: 'CONTENT_PENDING',
};

/** Which deadline `expired_in` counts down to, by stage. */
export const DEADLINE_KIND: Partial<Record<SampleStage, 'review' | 'ship' | 'content'>> = {
  review: 'review',
  ship: 'ship',
  content: 'content',
};

const KNOWN = new Set<string>(SAMPLE_STATUSES);

export function normaliseStatus(raw: string): SampleStatus {
  const upper = raw.trim().toUpperCase().replace(/[\s-]+/g, '_');
  return KNOWN.has(upper) && upper !== 'UNKNOWN' ? (upper as SampleStatus) : 'UNKNOWN';
}
