/**
 * The simulated Affiliate Center's internal JSON API, as a pure function of the world.
 *
 * Served (same origin as the pages, on every Affiliate Center host):
 *   POST /api/v1/affiliate/sample/group/list   the sample-request list the extension captures
 *   GET  /api/v1/affiliate/menu                 left-menu config (legacy paths), not captured
 *   POST /api/v1/affiliate/account/info         shop name and region, not captured
 *
 * Like the real site, application errors come back as HTTP 200 with a non-zero `code`.
 * `cl_fault=shape` on the query string switches the list into fault mode (see `faultPlan`).
 */
import {
  HOSTILE,
  pageElements,
  productOf,
  resolveShop,
  skuOf,
  tabByCode,
  tabRequests,
  type PageElement,
  type SimCreator,
  type SimRequest,
  type SimShop,
  type World,
} from './world';

export const SAMPLE_LIST_PATH = '/api/v1/affiliate/sample/group/list';
export const MENU_PATH = '/api/v1/affiliate/menu';
export const ACCOUNT_INFO_PATH = '/api/v1/affiliate/account/info';

export const CODE_OK = 0;
export const CODE_INVALID_PARAMS = 98001004;

export interface ApiRequest {
  url: URL;
  method: string;
  body: string | null;
  /** Clock used for `expired_in` (epoch ms); defaults to `Date.now()` at serve time. */
  now?: number;
}
export interface ApiResponse {
  status: number;
  json: unknown;
}

const ok = (data: unknown): ApiResponse => ({ status: 200, json: { code: CODE_OK, message: 'success', data } });
const invalid = (): ApiResponse => ({ status: 200, json: { code: CODE_INVALID_PARAMS, message: 'invalid parameters' } });

export function handleApi(world: World, req: ApiRequest): ApiResponse | undefined {
  const path = req.url.pathname;
  if (path !== SAMPLE_LIST_PATH && path !== MENU_PATH && path !== ACCOUNT_INFO_PATH) return undefined;
  const shop = resolveShop(world, req.url);
  if (path === MENU_PATH) {
    if (req.method !== 'GET') return { status: 405, json: { code: 405, message: 'method not allowed' } };
    return ok(menu());
  }
  if (req.method !== 'POST') return { status: 405, json: { code: 405, message: 'method not allowed' } };
  if (!shop) return invalid();
  if (path === ACCOUNT_INFO_PATH) return ok(accountInfo(shop));

  const body = parseListBody(req.body);
  if (!body) return invalid();
  const fault = req.url.searchParams.get('cl_fault') === 'shape';
  return ok(listPage(shop, body, req.now ?? Date.now(), fault));
}

// ---------------------------------------------------------------------------------------------------------------
// Sample request list

export interface ListBody {
  tab: number;
  cur_page: number;
  page_size: number;
  search_params: unknown[];
  order_params: unknown[];
}

/** Validates the list body; `undefined` means the real API would answer 98001004. */
export function parseListBody(raw: string | null): ListBody | undefined {
  if (raw === null || raw === '') return undefined;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const int = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  if (!int(o.tab) || !tabByCode(o.tab)) return undefined;
  if (!int(o.cur_page) || o.cur_page < 1) return undefined;
  if (!int(o.page_size) || o.page_size < 1 || o.page_size > 100) return undefined;
  if (o.search_params !== undefined && !Array.isArray(o.search_params)) return undefined;
  if (o.order_params !== undefined && !Array.isArray(o.order_params)) return undefined;
  // search_params / order_params are accepted but not applied: the pages never send any.
  return {
    tab: o.tab,
    cur_page: o.cur_page,
    page_size: o.page_size,
    search_params: (o.search_params as unknown[] | undefined) ?? [],
    order_params: (o.order_params as unknown[] | undefined) ?? [],
  };
}

function creatorJson(c: SimCreator): Record<string, unknown> {
  return {
    creator_id: c.creatorId,
    name: c.handle,
    nick_name: c.nickname,
    avatar: { url_list: [c.avatarUrl] },
    follower_cnt: c.wire.followerCountAsString ? String(c.followers) : c.followers,
    fulfillment_percentage: c.fulfillmentPercentage,
  };
}

function applyJson(shop: SimShop, r: SimRequest, now: number): Record<string, unknown> {
  const product = productOf(shop, r.productId);
  const sku = skuOf(shop, r.skuId);
  const out: Record<string, unknown> = {
    apply_id: r.applyId,
    product_id: r.productId,
    product_title: product.title,
    sku_id: r.skuId,
    sku_desc: sku.desc,
    sku_image: sku.image,
    sku_stock: sku.stock,
    commission_rate: r.wire.commissionAsString ? String(r.commissionBps) : r.commissionBps,
    region: shop.region,
    status: r.status,
    sample_type: r.sampleType,
    apply_time: String(r.applyTime),
    expired_in: r.deadline === null ? '0' : String(Math.max(0, r.deadline - now)),
  };
  if (r.wire.omitSkuDesc) delete out.sku_desc;
  return out;
}

/** One element of `agg_info`: a group when the creator has ≥2 requests on the page, else a single (`apply_deatil`/`apply_detail`). */
function elementJson(shop: SimShop, el: PageElement, now: number): Record<string, unknown> {
  const creator = creatorJson(el.creator);
  const infos = el.requests.map((r) => applyJson(shop, r, now));
  const lead = el.requests[0]!;
  if (el.requests.length >= 2) {
    const group: Record<string, unknown> = { group_id: lead.groupId, creator_info: creator };
    if (lead.wire.infosInsideGroup) {
      group.apply_infos = infos;
      return { apply_group: group };
    }
    return { apply_group: group, apply_infos: infos };
  }
  return { [lead.wire.detailKey]: { apply_info: infos[0], creator_info: creator } };
}

function listPage(shop: SimShop, body: ListBody, now: number, fault: boolean): unknown {
  const total = tabRequests(shop, body.tab).length;
  const elements = pageElements(shop, body.tab, body.cur_page, body.page_size);
  const aggInfo = elements.map((el) => elementJson(shop, el, now));
  if (fault) applyFaults(elements, aggInfo, faultPlan(shop, body.tab, body.cur_page, body.page_size));
  return { agg_info: aggInfo, has_more: body.cur_page * body.page_size < total, total_count: total };
}

// ---------------------------------------------------------------------------------------------------------------
// Fault mode: the same envelope, with a few records changed the way a TikTok deploy might change them

export type FaultKind = 'commission_object' | 'missing_apply_id' | 'expired_in_text' | 'creator_name_null';

export interface FaultPlan {
  /** `commission_rate` becomes `{ "value": "15%" }`. */
  commissionObject?: string;
  /** `apply_id` is left out. */
  missingApplyId?: string;
  /** `expired_in` becomes `"soon"`. */
  expiredInText?: string;
  /** A single-request element whose `creator_info.name` is `null` (its one APPLY record cannot be tied to a handle). */
  creatorNameNull?: { creatorId: string; applyId: string };
  /** apply ids of every APPLY record that is broken on this page, one per fault above. */
  brokenApplyIds: string[];
}

/**
 * Which records of a page are broken in fault mode. Record positions (counted over the page's APPLY records in
 * response order, hostile records excluded) are 1, 4 and 7 for the field faults; the nameless creator is the first
 * single-request element from position 10 on. Every page with at least 11 such records gets all four faults.
 */
export function faultPlan(shop: SimShop, tab: number, page: number, pageSize: number): FaultPlan {
  const elements = pageElements(shop, tab, page, pageSize);
  const records = elements.flatMap((el) => el.requests).filter((r) => r.creatorId !== HOSTILE.creatorId);
  const plan: FaultPlan = { brokenApplyIds: [] };
  plan.commissionObject = records[1]?.applyId;
  plan.missingApplyId = records[4]?.applyId;
  plan.expiredInText = records[7]?.applyId;
  const taken = new Set([plan.commissionObject, plan.missingApplyId, plan.expiredInText]);
  const single = elements.find(
    (el) =>
      el.requests.length === 1 &&
      el.creator.creatorId !== HOSTILE.creatorId &&
      records.indexOf(el.requests[0]!) >= 10 &&
      !taken.has(el.requests[0]!.applyId),
  );
  if (single) plan.creatorNameNull = { creatorId: single.creator.creatorId, applyId: single.requests[0]!.applyId };
  for (const id of [plan.commissionObject, plan.missingApplyId, plan.expiredInText, plan.creatorNameNull?.applyId]) {
    if (id) plan.brokenApplyIds.push(id);
  }
  return plan;
}

/** How many APPLY records of a page are broken in fault mode (4 on page 1 of To review for every shop in the world). */
export function brokenApplyCount(shop: SimShop, tab = 10, page = 1, pageSize = 50): number {
  return faultPlan(shop, tab, page, pageSize).brokenApplyIds.length;
}

/** Broken APPLY records on page 1 of tab 10 (page size 50) in fault mode: one of each `FaultKind`. */
export const FAULT_BROKEN_APPLY_COUNT = 4;

function applyFaults(elements: PageElement[], aggInfo: Record<string, unknown>[], plan: FaultPlan): void {
  elements.forEach((el, i) => {
    const json = aggInfo[i]!;
    const group = json.apply_group as Record<string, unknown> | undefined;
    const single = (json.apply_deatil ?? json.apply_detail) as Record<string, unknown> | undefined;
    const infos = (group ? (json.apply_infos ?? group.apply_infos) : [single?.apply_info]) as Record<string, unknown>[];
    for (const info of infos) {
      const id = info.apply_id;
      if (id === plan.commissionObject) info.commission_rate = { value: `${Number(info.commission_rate) / 100}%` };
      if (id === plan.missingApplyId) delete info.apply_id;
      if (id === plan.expiredInText) info.expired_in = 'soon';
    }
    if (single && plan.creatorNameNull && el.requests[0]!.applyId === plan.creatorNameNull.applyId) {
      (single.creator_info as Record<string, unknown>).name = null;
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Uncaptured endpoints

function menu(): unknown {
  // Legacy paths, as the real menu API returns them (research/domain.md §2.2).
  return {
    menu_list: [
      { id: 'home', name: 'Home', path: '/platform/homepage' },
      {
        id: 'collaboration',
        name: 'Collaborations',
        children: [
          { id: 'open_collaboration', name: 'Open collaboration', path: '/product/open-collaboration' },
          { id: 'target_collaboration', name: 'Target collaboration', path: '/connection/target-invitation?tab=1' },
        ],
      },
      { id: 'sample_request', name: 'Sample requests', path: '/product/sample-request' },
      { id: 'find_creators_creator_marketplace', name: 'Find creators', path: '/connection/creator' },
      { id: 'affiliate_crm', name: 'Creator management', path: '/connection/creator-management' },
      { id: 'order', name: 'Affiliate orders', path: '/product/order' },
    ],
  };
}

function accountInfo(shop: SimShop): unknown {
  return {
    shop_name: shop.name,
    shop_region: shop.region,
    oec_seller_id: shop.sellerId,
    currency: shop.currency,
    seller_type: shop.key === 'global' ? 'CROSS_BORDER' : 'LOCAL',
    shop_logo: { url_list: [] },
  };
}
