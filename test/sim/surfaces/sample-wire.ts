/**
 * The sample-request lists' wire format, shared by the free list (`sample/group/list`) and the refundable list
 * (`sample/refundable/apply/list`), and the creator block the content list sends too. The default follows
 * research/real-shapes.md §1 [raw][fixture][parser]:
 *
 *   { code: 0, message: "", has_more, total_count, view_type: 1, is_predict_fulfillment_rate: true,
 *     agg_info: [{ apply_group: { group_id, apply_count, apply_ids, has_trade_orders, is_collaborated, creator_info },
 *                  apply_deatil: { apply_info, apply_infos, creator_info, has_more: false } }] }
 *
 * `apply_info` is the row's request (a creator's first on the page), `apply_infos` every request of the element.
 * Requests carry `curr_status`, `review_status`, `create_time`, `expired_in`, TikTok's flags and scores; creators their
 * figures as display strings in the shop's locale (`Rp130.973.930`, `$2,400`, `91.25%`). Where the evidence says
 * nothing, the surface serves variants (`SAMPLE_VARIANTS`). Pure functions of the world; per-record quirks are decided
 * in the world's `wire` fields, figures the world does not hold from `seededRandom`.
 */
import { categoryOf } from '../catalog';
import { creatorOf, productOf, seededRandom, skuOf, type PageElement, type SampleStatus, type SimCreator, type SimRequest, type SimShop, type World } from '../world';

/** The wire forms this surface serves besides its default, with the evidence each rests on. */
export const SAMPLE_VARIANTS = {
  'sample-request.list-under-data':
    'domain.md §3.1 puts the list under `data` (`{code, message, data: {agg_info, has_more, total_count}}`); the real answers have it at the top level [raw][fixture]',
  'sample-request.apply-detail-spelling': 'domain.md §3.1 saw `apply_detail` as well as the pages’ `apply_deatil` (real-shapes.md §1: keep accepting it)',
  'sample-request.apply-infos-ids-only':
    'the real-shape fixtures list the group’s requests in `apply_infos` by `apply_id`/`product_id` alone, the full record only in `apply_info` [fixture]',
  'sample-request.status-names':
    'domain.md §1.5 names the states (`REJECT_CANCELLED`…) and `sample_type`; whether the internal list also sends them beside `curr_status` is unknown',
  'sample-request.end-status-codes':
    'the `curr_status` codes of completed and cancelled requests are unknown (real-shapes.md §1): here 100–109 per ending, no code Collab Lens maps',
  'sample-request.end-tab-codes': 'the Completed and Cancelled tab codes are unknown (real-shapes.md §1): here the page asks them as 70 and 80',
  'sample-request.content-top-level': 'the content list’s shape is unknown (real-shapes.md §6): here its fields at the top level, as the sample list keeps its own',
} as const;

export type SampleVariant = keyof typeof SAMPLE_VARIANTS;
export type Variants = ReadonlySet<string>;

/** Tab codes the page asks under `sample-request.end-tab-codes`, by our default code. */
export const END_TAB_CODES: Readonly<Record<number, number>> = { 50: 70, 60: 80 };

const ENDINGS: readonly SampleStatus[] = [
  'COMPLETED',
  'OPS_COMPLETED',
  'REJECT_CANCELLED',
  'OVERDUE_CANCELLED',
  'SELLER_NOT_SHIP_CANCELLED',
  'WITHDRAW_CANCELLED',
  'UNFULFILL_CANCELLED',
  'UNFULFILLABLE_CANCELLED',
  'DEL_OPEN_COLLAB',
  'OPS_CANCELLED',
  'OPS_FAILED',
];

/**
 * A request's `curr_status`: 10, 20, 30, 40 as the tab codes [raw][parser]; endings by default the code of their tab
 * (50 completed, 60 cancelled, our assumption), under `end-status-codes` one code per ending from 100.
 */
export function currStatusOf(status: SampleStatus, variants: Variants): number {
  const live: Partial<Record<SampleStatus, number>> = { PENDING: 10, AWAITING_SHIPMENT: 20, SHIPPED: 30, CONTENT_PENDING: 40 };
  if (live[status] !== undefined) return live[status];
  if (variants.has('sample-request.end-status-codes')) return 100 + ENDINGS.indexOf(status);
  return status === 'COMPLETED' || status === 'OPS_COMPLETED' ? 50 : 60;
}

/** What the page itself makes of each code it can be sent (the real page knows its codes; Collab Lens does not). */
export const STATUS_BY_CODE: Readonly<Record<number, SampleStatus | 'CANCELLED'>> = {
  10: 'PENDING',
  20: 'AWAITING_SHIPMENT',
  30: 'SHIPPED',
  40: 'CONTENT_PENDING',
  50: 'COMPLETED',
  60: 'CANCELLED',
  ...Object.fromEntries(ENDINGS.map((status, i) => [100 + i, status])),
};

// ---------------------------------------------------------------------------------------------------------------
// Display strings in the shop's locale

const GROUP_DOT = new Set(['IDR']);
const GLYPH: Readonly<Record<string, string>> = { USD: '$', GBP: '£', IDR: 'Rp', MYR: 'RM' };

const grouped = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/** An amount as the shop's pages write it: `$48,250.50`, `£12.99`, `RM1,234.00`, `Rp130.973.930` (no decimals). */
function moneyText(shop: SimShop, major: number): string {
  if (GROUP_DOT.has(shop.currency)) return `${GLYPH[shop.currency]}${grouped(String(Math.round(major)), '.')}`;
  const [whole = '0', cents = '00'] = major.toFixed(2).split('.');
  return `${GLYPH[shop.currency]}${grouped(whole, ',')}.${cents}`;
}

/** A count as the pages write it: bare digits, or with the locale's grouping. */
const countText = (shop: SimShop, n: number, grouping: boolean) => (grouping ? grouped(String(n), GROUP_DOT.has(shop.currency) ? '.' : ',') : String(n));

// ---------------------------------------------------------------------------------------------------------------
// The creator

/** What the sample list shows of a creator besides the world's own fields: derived from the seed, fixed per creator. */
export interface SampleCreatorFigures {
  /** GMV in major units of the shop currency; 0 for a creator who has not authorised their data (sent blank). */
  gmv: number;
  itemsSold: number;
  videoViews: number;
  ecomLevel: number;
  categories: string[];
  /** Shares as fractions, as sent (`"0.68"`). */
  gender: [string, string][];
  ages: [string, string][];
  authorised: boolean;
}

export function sampleCreatorFigures(world: World, shop: SimShop, c: SimCreator): SampleCreatorFigures {
  const rand = seededRandom(world.seed, `sample-creator:${shop.key}:${c.creatorId}`);
  const perFollower = 0.05 + rand() * 3;
  const price = shop.currency === 'IDR' ? 90_000 : 25;
  const itemsSold = Math.round(c.followers * perFollower * (0.01 + rand() * 0.05));
  const female = 0.35 + rand() * 0.6;
  const young = 0.2 + rand() * 0.5;
  const product = shop.products[Math.floor(rand() * shop.products.length)]!;
  return {
    authorised: c.fulfillmentPercentage !== '',
    gmv: Math.round(itemsSold * price * (0.6 + rand()) * 100) / 100,
    itemsSold,
    videoViews: Math.round(c.followers * (0.5 + rand() * 8)),
    ecomLevel: 1 + Math.floor(rand() * 7),
    categories: [categoryOf(product.category, shop.region).name],
    gender: [
      ['female', female.toFixed(2)],
      ['male', (1 - female).toFixed(2)],
    ],
    ages: [
      ['18-24', young.toFixed(2)],
      ['25-34', ((1 - young) * 0.6).toFixed(2)],
    ],
  };
}

/** `creator_info` as the sample lists send it [raw][fixture]: figures as display strings, blank when not authorised. */
export function creatorJson(world: World, shop: SimShop, c: SimCreator): Record<string, unknown> {
  const f = sampleCreatorFigures(world, shop, c);
  const shown = (text: string) => (f.authorised ? text : '');
  return {
    creator_id: c.creatorId,
    tt_uid: `6${c.creatorId.slice(1)}`,
    name: c.handle,
    nick_name: c.nickname,
    avatar_url: c.avatarUrl,
    follower_num: countText(shop, c.followers, c.wire.followerCountAsString),
    gmv: shown(moneyText(shop, f.gmv)),
    item_sold: shown(String(f.itemsSold)),
    fulfillment_rate: c.fulfillmentPercentage,
    content_video_views: String(f.videoViews),
    ecom_level: String(f.ecomLevel),
    pps_score: (3 + (f.ecomLevel % 3) * 0.7).toFixed(1),
    categories: f.categories.map((name) => ({ name })),
    top_follower_gender: f.gender.map(([key, value]) => ({ key, value })),
    top_follower_ages: f.ages.map(([key, value]) => ({ key, value })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The request

/** TikTok's scores for a request (decimal strings with four places, as sent), fixed per request. */
export function scoresOf(world: World, r: SimRequest): { predictRoi: string; finalScore: string; exposureScore: string } | undefined {
  if (r.wire.noScores) return undefined;
  const rand = seededRandom(world.seed, `sample-scores:${r.applyId}`);
  return { predictRoi: (0.05 + rand() * 2.5).toFixed(4), finalScore: rand().toFixed(4), exposureScore: rand().toFixed(4) };
}

/** The sample's order, once the seller approved: a 18-digit id derived from the request. */
export const mainOrderIdOf = (r: SimRequest) => `576${r.applyId.slice(-15)}`;

const APPROVED: ReadonlySet<SampleStatus> = new Set(['AWAITING_SHIPMENT', 'SHIPPED', 'CONTENT_PENDING', 'COMPLETED', 'OPS_COMPLETED', 'SELLER_NOT_SHIP_CANCELLED', 'UNFULFILL_CANCELLED', 'UNFULFILLABLE_CANCELLED']);

/** TikTok lets the seller approve it now: a pending request it has not blocked. */
export const canBeApproved = (r: SimRequest) => r.status === 'PENDING' && !r.wire.blocked;

/** One request (`ApplyInfo`) as the lists send it. */
export function applyJson(world: World, shop: SimShop, r: SimRequest, now: number, variants: Variants): Record<string, unknown> {
  const product = productOf(shop, r.productId);
  const sku = skuOf(shop, r.skuId);
  const scores = scoresOf(world, r);
  const out: Record<string, unknown> = {
    apply_id: r.applyId,
    product_id: r.productId,
    product_title: product.title,
    sku_id: r.skuId,
    sku_desc: sku.desc,
    sku_image: sku.image,
    sku_stock: sku.stock,
    sku_price: { formatted_price: moneyText(shop, sku.price) },
    commission_rate: String(r.commissionBps),
    standard_commission: { fixed_commission_rate: String(product.commissionBps) },
    curr_status: currStatusOf(r.status, variants),
    review_status: 10,
    create_time: String(r.applyTime),
    expired_in: r.deadline === null ? 0 : Math.max(0, r.deadline - now),
    can_be_approved: canBeApproved(r),
    operable: (r.status === 'PENDING' || r.status === 'AWAITING_SHIPMENT') && !r.wire.blocked,
    fulfill_unit_ids: [],
  };
  if (APPROVED.has(r.status)) out.main_order_id = mainOrderIdOf(r);
  if (scores) Object.assign(out, { predict_roi: scores.predictRoi, final_score: scores.finalScore, exposure_score: scores.exposureScore });
  if (r.wire.standardCommissionOnly && r.commissionBps === product.commissionBps) delete out.commission_rate;
  if (r.wire.omitSkuDesc) delete out.sku_desc;
  if (variants.has('sample-request.status-names')) Object.assign(out, { status: r.status, sample_type: r.sampleType });
  return out;
}

/**
 * One element of `agg_info`: a creator's requests on the page, the first on the row (`apply_info`), all of them in
 * `apply_infos` (by their ids alone under `apply-infos-ids-only`). `info` builds a request's record (a list adds its
 * own fields to `applyJson`).
 */
export function elementJson(world: World, shop: SimShop, el: PageElement, info: (r: SimRequest) => Record<string, unknown>, variants: Variants): Record<string, unknown> {
  const creator = creatorJson(world, shop, el.creator);
  const records = el.requests.map(info);
  const lead = el.requests[0]!;
  const thin = variants.has('sample-request.apply-infos-ids-only');
  const detailKey = variants.has('sample-request.apply-detail-spelling') ? 'apply_detail' : 'apply_deatil';
  return {
    apply_group: {
      group_id: lead.groupId,
      apply_count: el.requests.length,
      apply_ids: el.requests.map((r) => r.applyId),
      has_trade_orders: false,
      is_collaborated: el.requests.some((r) => APPROVED.has(r.status)),
      creator_info: creator,
    },
    [detailKey]: {
      apply_info: records[0],
      apply_infos: thin ? records.map((a) => ({ apply_id: a.apply_id, product_id: a.product_id })) : records,
      creator_info: creatorJson(world, shop, el.creator),
      has_more: false,
    },
  };
}

/** The detail part of an element, whichever spelling it has. */
export const detailOf = (json: Record<string, unknown>) => (json.apply_deatil ?? json.apply_detail) as Record<string, unknown>;

/** Every request record of an element, each occurrence (the row's `apply_info` and its entry in `apply_infos`). */
export function infosOf(json: Record<string, unknown>): Record<string, unknown>[] {
  const detail = detailOf(json);
  return [detail.apply_info as Record<string, unknown>, ...(detail.apply_infos as Record<string, unknown>[])];
}

/** The requests of an element as a reader merges them: one per `apply_id`, the row's record first. */
export function requestsOf(json: Record<string, unknown>): Record<string, unknown>[] {
  const byId = new Map<unknown, Record<string, unknown>>();
  const detail = detailOf(json);
  const row = detail.apply_info as Record<string, unknown>;
  for (const info of detail.apply_infos as Record<string, unknown>[]) byId.set(info.apply_id, info.apply_id === row.apply_id ? { ...info, ...row } : info);
  return [...byId.values()];
}

/** The creator blocks of an element (the group's and the detail's). */
export const creatorsOf = (json: Record<string, unknown>) => [(json.apply_group as Record<string, unknown>).creator_info, detailOf(json).creator_info] as Record<string, unknown>[];

/** A list answer: the list and its paging at the top level [raw], or under `data` (`list-under-data`). */
export function listAnswer(aggInfo: unknown[], hasMore: boolean, total: number, variants: Variants): unknown {
  const page = { has_more: hasMore, total_count: total, agg_info: aggInfo };
  if (variants.has('sample-request.list-under-data')) return { code: 0, message: 'success', data: page };
  return { code: 0, message: '', ...page, view_type: 1, is_predict_fulfillment_rate: true };
}

/** A page of requests (already in list order) with a creator's requests on that page folded into one element. */
export function elementsOf(shop: SimShop, requests: readonly SimRequest[]): PageElement[] {
  const out: PageElement[] = [];
  const byCreator = new Map<string, PageElement>();
  for (const r of requests) {
    let el = byCreator.get(r.creatorId);
    if (!el) {
      el = { creator: creatorOf(shop, r.creatorId), requests: [] };
      byCreator.set(r.creatorId, el);
      out.push(el);
    }
    el.requests.push(r);
  }
  return out;
}
