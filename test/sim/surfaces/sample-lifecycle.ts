/**
 * The Sample requests page beyond the free-sample list: the "Refundable samples" view and the content creators posted
 * for their samples. Served by the Sample requests surface (`sample-requests.ts`). The shapes are unknown
 * (research/real-shapes.md §6; domain.md names the endpoints in §1.5 and §3.1, not their shapes) [unknown]: we assume
 * the group list's real form (§1) where they share it:
 *
 *   POST /api/v1/affiliate/sample/refundable/tab/list    {}  → { tab_list: [{ tab, name, count }] }
 *   POST /api/v1/affiliate/sample/refundable/apply/list  the group list's body and answer (sample-wire.ts), each request
 *        adding refundable_info { sales_target, sales_count, end_time (ms string), deposit { value, symbol } | { amount, currency } }
 *   POST /api/v1/affiliate/sample/performance           { apply_id, content_type: 1 LIVE | 2 video, cur_page, page_size }
 *        → data: { apply_id, creator_info (the sample list's), content_list: [{ content: { id, format, description, url,
 *            page_link, create_time, live_end_time, view_count, like_count, comment_count, paid_order_count },
 *            product: { id, main_image_url } }], has_more, total_count }   (or these at the top level: a variant)
 *
 * Everything derives from the world: a refundable request's goal, window and deposit from its id and SKU, its units
 * sold and its content from its id and its status, so a request moved along its life (`advanceRequest`) shows the
 * progress and content of its new stage.
 */
import { HOSTILE, SAMPLE_TABS, creatorOf, productOf, seededRandom, skuOf, tabRequests, type SampleStatus, type SimRequest, type SimShop, type World } from '../world';
import { applyJson, creatorJson, elementJson, elementsOf, infosOf, listAnswer, type Variants } from './sample-wire';

export const REFUNDABLE_TABS_PATH = '/api/v1/affiliate/sample/refundable/tab/list';
export const REFUNDABLE_LIST_PATH = '/api/v1/affiliate/sample/refundable/apply/list';
export const PERFORMANCE_PATH = '/api/v1/affiliate/sample/performance';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Refundable window: the creator has this long from applying to sell the goal (assumed). */
export const REFUNDABLE_WINDOW_MS = 45 * DAY;

// ---------------------------------------------------------------------------------------------------------------
// The refundable list

export const isRefundable = (r: SimRequest) => r.sampleType === 'REFUNDABLE_SAMPLE';

/** The refundable requests of a tab, in the same order as the free list (the tab codes are shared, an assumption). */
export function refundableTabRequests(shop: SimShop, tab: number): SimRequest[] {
  return tabRequests(shop, tab).filter(isRefundable);
}

export interface SimRefundable {
  goalUnits: number;
  soldUnits: number;
  windowEndAt: number;
  /** The SKU price the creator paid, in major units of the shop currency. */
  deposit: number;
  wire: {
    goalAsString: boolean;
    soldAsString: boolean;
    /** `{value, symbol}` or `{amount, currency}`. */
    depositAs: 'value' | 'amount';
  };
}

const GOALS = [5, 10, 10, 15, 20, 20, 30, 50];
const BEFORE_POSTING: ReadonlySet<SampleStatus> = new Set(['PENDING', 'AWAITING_SHIPMENT', 'SHIPPED']);

/** A refundable request's terms and progress: goal and window fixed per request, units sold following its status. */
export function refundableOf(world: World, shop: SimShop, r: SimRequest): SimRefundable {
  const rand = seededRandom(world.seed, `sample-refundable:${r.applyId}`);
  const goalUnits = GOALS[Math.floor(rand() * GOALS.length)]!;
  const below = Math.floor(rand() * goalUnits);
  const beyond = Math.floor(rand() * goalUnits);
  const wire: SimRefundable['wire'] = { goalAsString: rand() < 0.4, soldAsString: rand() < 0.3, depositAs: rand() < 0.3 ? 'amount' : 'value' };
  let soldUnits = 0;
  if (r.status === 'CONTENT_PENDING') soldUnits = below;
  else if (r.status === 'COMPLETED' || r.status === 'OPS_COMPLETED') soldUnits = goalUnits + beyond;
  else if (r.status === 'UNFULFILL_CANCELLED') soldUnits = Math.floor(below / 2);
  return { goalUnits, soldUnits: BEFORE_POSTING.has(r.status) ? 0 : soldUnits, windowEndAt: r.applyTime + REFUNDABLE_WINDOW_MS, deposit: skuOf(shop, r.skuId).price, wire };
}

/** A price in major units as the API writes it: no decimals for currencies without minor units in the UI (IDR). */
export const amountText = (shop: SimShop, major: number) => (shop.currency === 'IDR' ? String(Math.round(major)) : major.toFixed(2));

export function refundableInfoJson(world: World, shop: SimShop, r: SimRequest): Record<string, unknown> {
  const p = refundableOf(world, shop, r);
  const amount = amountText(shop, p.deposit);
  return {
    sales_target: p.wire.goalAsString ? String(p.goalUnits) : p.goalUnits,
    sales_count: p.wire.soldAsString ? String(p.soldUnits) : p.soldUnits,
    end_time: String(p.windowEndAt),
    deposit: p.wire.depositAs === 'amount' ? { amount, currency: shop.currency } : { value: amount, symbol: shop.currency },
  };
}

export interface RefundableFaultPlan {
  /** `refundable_info.sales_count` becomes `"lots"`. */
  salesText?: string;
  /** `refundable_info.deposit` names its currency by a bare symbol (`"$"`), which says no currency. */
  depositSymbol?: string;
  brokenApplyIds: string[];
}

/** Broken records of a refundable page in fault mode: the 1st and 3rd refundable records (hostile ones excluded). */
export function refundableFaultPlan(shop: SimShop, tab: number, page: number, pageSize: number): RefundableFaultPlan {
  const records = refundableTabRequests(shop, tab)
    .slice((page - 1) * pageSize, page * pageSize)
    .filter((r) => r.creatorId !== HOSTILE.creatorId);
  const plan: RefundableFaultPlan = { salesText: records[0]?.applyId, depositSymbol: records[2]?.applyId, brokenApplyIds: [] };
  for (const id of [plan.salesText, plan.depositSymbol]) if (id) plan.brokenApplyIds.push(id);
  return plan;
}

export function refundableListPage(world: World, shop: SimShop, tab: number, page: number, pageSize: number, now: number, fault: boolean, variants: Variants): unknown {
  const all = refundableTabRequests(shop, tab);
  const elements = elementsOf(shop, all.slice((page - 1) * pageSize, page * pageSize));
  const aggInfo = elements.map((el) =>
    elementJson(world, shop, el, (r) => ({ ...applyJson(world, shop, r, now, variants), refundable_info: refundableInfoJson(world, shop, r) }), variants),
  );
  if (fault) {
    const plan = refundableFaultPlan(shop, tab, page, pageSize);
    for (const info of new Set(aggInfo.flatMap(infosOf))) {
      const refundable = info.refundable_info as Record<string, unknown>;
      if (info.apply_id === plan.salesText) refundable.sales_count = 'lots';
      if (info.apply_id === plan.depositSymbol) refundable.deposit = { value: (refundable.deposit as { value?: string; amount?: string }).value ?? '1.00', symbol: '$' };
    }
  }
  return listAnswer(aggInfo, page * pageSize < all.length, all.length, variants);
}

/** The refundable view's tabs with their counts. */
export function refundableTabs(shop: SimShop): { tab: number; name: string; count: number }[] {
  return SAMPLE_TABS.map((t) => ({ tab: t.code, name: t.label, count: refundableTabRequests(shop, t.code).length }));
}

// ---------------------------------------------------------------------------------------------------------------
// Content posted for samples

export type ContentFormat = 'VIDEO' | 'LIVE';

export interface SimContent {
  contentId: string;
  applyId: string;
  format: ContentFormat;
  description: string;
  url: string;
  createTime: number;
  /** LIVE only. */
  liveEndTime: number | null;
  views: number;
  likes: number;
  comments: number;
  paidOrders: number;
  wire: {
    countsAsString: boolean;
    /** `format` as the `content_type` code (1 LIVE, 2 video) instead of text. */
    formatAsCode: boolean;
  };
}

/** Statuses whose requests have content: completed ones always (1–3 posts), in-progress ones sometimes (one post). */
const COMPLETED: ReadonlySet<SampleStatus> = new Set(['COMPLETED', 'OPS_COMPLETED']);

const CAPTIONS = [
  'Honest review after two weeks 👀 {title}',
  'You NEED this {title} #tiktokmademebuyit',
  'Unboxing my new favourite: {title}',
  'GRWM with {title} ✨',
  'Is it worth the hype? {title} #review',
];

/**
 * The US shop's content with a hostile caption: the first post of the last COMPLETED request in the shop's list (the
 * list is grouped by status in lifecycle order, so requests moved along by `advanceRequest` never come after it).
 */
function hostileApplyId(shop: SimShop): string | undefined {
  if (shop.key !== 'us') return undefined;
  return shop.requests.findLast((r) => r.status === 'COMPLETED')?.applyId;
}

/** The content a request has at its current status, newest first. */
export function contentsOf(world: World, shop: SimShop, r: SimRequest): SimContent[] {
  const rand = seededRandom(world.seed, `sample-content:${r.applyId}`);
  const n = COMPLETED.has(r.status) ? 1 + Math.floor(rand() * 3) : r.status === 'CONTENT_PENDING' && rand() < 0.4 ? 1 : 0;
  const creator = creatorOf(shop, r.creatorId);
  const title = productOf(shop, r.productId).title;
  const out: SimContent[] = [];
  let at = r.applyTime + 3 * DAY;
  for (let i = 0; i < n; i++) {
    const live = rand() < 0.3;
    const digits = `${Math.floor(rand() * 1e9)}`.padStart(9, '0') + `${Math.floor(rand() * 1e9)}`.padStart(9, '0');
    const contentId = `7${digits}`;
    at += Math.floor(DAY / 2 + rand() * 3 * DAY);
    const createTime = Math.min(at, world.now - (n - i) * HOUR);
    const views = Math.round(Math.exp(Math.log(300) + rand() * (Math.log(400_000) - Math.log(300))));
    const likes = Math.round(views * (0.02 + rand() * 0.1));
    const caption = CAPTIONS[Math.floor(rand() * CAPTIONS.length)]!.replace('{title}', title.split(',')[0]!);
    out.push({
      contentId,
      applyId: r.applyId,
      format: live ? 'LIVE' : 'VIDEO',
      description: i === 0 && r.applyId === hostileApplyId(shop) ? HOSTILE.nickname : caption,
      url: live ? '' : `https://www.tiktok.com/@${creator.handle}/video/${contentId}`,
      createTime,
      liveEndTime: live ? createTime + Math.floor(30 * MIN + rand() * 150 * MIN) : null,
      views,
      likes,
      comments: Math.round(likes * (0.01 + rand() * 0.07)),
      paidOrders: Math.round(views * (0.0005 + rand() * 0.004)),
      wire: { countsAsString: rand() < 0.3, formatAsCode: rand() < 0.25 },
    });
  }
  return out.sort((a, b) => b.createTime - a.createTime);
}

function contentJson(shop: SimShop, r: SimRequest, c: SimContent): Record<string, unknown> {
  const count = (n: number) => (c.wire.countsAsString ? String(n) : n);
  return {
    content: {
      id: c.contentId,
      format: c.wire.formatAsCode ? (c.format === 'LIVE' ? 1 : 2) : c.format,
      description: c.description,
      url: c.url,
      page_link: c.url,
      create_time: String(c.createTime),
      live_end_time: c.liveEndTime === null ? '0' : String(c.liveEndTime),
      view_count: count(c.views),
      like_count: count(c.likes),
      comment_count: count(c.comments),
      paid_order_count: count(c.paidOrders),
    },
    product: { id: r.productId, main_image_url: productOf(shop, r.productId).image },
  };
}

export interface PerformanceBody {
  apply_id: string;
  content_type: 1 | 2;
  cur_page: number;
  page_size: number;
}

/** Validates the performance body; `undefined` means the real API would answer 98001004. */
export function parsePerformanceBody(raw: Record<string, unknown> | undefined): PerformanceBody | undefined {
  if (!raw) return undefined;
  const int = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  if (typeof raw.apply_id !== 'string' || !/^\d{1,24}$/.test(raw.apply_id)) return undefined;
  if (raw.content_type !== 1 && raw.content_type !== 2) return undefined;
  const page = raw.cur_page ?? 1;
  const size = raw.page_size ?? 10;
  if (!int(page) || page < 1 || !int(size) || size < 1 || size > 50) return undefined;
  return { apply_id: raw.apply_id, content_type: raw.content_type, cur_page: page, page_size: size };
}

/**
 * One page of a request's content of one format. In fault mode the first record's `view_count` becomes `"18.4K"`
 * (one broken record per non-empty page).
 */
export function performancePage(world: World, shop: SimShop, r: SimRequest, body: PerformanceBody, fault: boolean): Record<string, unknown> {
  const format: ContentFormat = body.content_type === 1 ? 'LIVE' : 'VIDEO';
  const all = contentsOf(world, shop, r).filter((c) => c.format === format);
  const list = all.slice((body.cur_page - 1) * body.page_size, body.cur_page * body.page_size).map((c) => contentJson(shop, r, c));
  if (fault && list[0]) (list[0].content as Record<string, unknown>).view_count = '18.4K';
  return {
    apply_id: r.applyId,
    creator_info: creatorJson(world, shop, creatorOf(shop, r.creatorId)),
    content_list: list,
    has_more: body.cur_page * body.page_size < all.length,
    total_count: all.length,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Time passing

/** The next stage of a request's life and its new deadline, from `now`. Endings stay where they are. */
const NEXT: Partial<Record<SampleStatus, { status: SampleStatus; deadlineIn: number | null }>> = {
  PENDING: { status: 'AWAITING_SHIPMENT', deadlineIn: 3 * DAY },
  AWAITING_SHIPMENT: { status: 'SHIPPED', deadlineIn: null },
  SHIPPED: { status: 'CONTENT_PENDING', deadlineIn: 30 * DAY },
  CONTENT_PENDING: { status: 'COMPLETED', deadlineIn: null },
};

/**
 * Move a request to the next stage of its life, as Affiliate Center would show it after the seller approved it, shipped
 * it, the creator received it or posted. For tests that watch a request over time; the pages never call it.
 */
export function advanceRequest(r: SimRequest, now: number): SampleStatus {
  const next = NEXT[r.status];
  if (next) {
    r.status = next.status;
    r.deadline = next.deadlineIn === null ? null : now + next.deadlineIn;
  }
  return r.status;
}
