/**
 * Sample requests (research/domain.md §2.2, research/real-shapes.md §1): the page the extension captures.
 *
 *   legacy   /product/sample-request          (global selling: /affiliate/product/sample-request)
 *   migrated /affiliate/sample/sample-request?route_migration=1
 *   POST /api/v1/affiliate/sample/group/list              the free-sample list, paged by request, grouped by creator
 *   POST /api/v1/affiliate/sample/refundable/tab/list     the "Refundable samples" view's tabs   (sample-lifecycle.ts)
 *   POST /api/v1/affiliate/sample/refundable/apply/list   the refundable-sample list             (sample-lifecycle.ts)
 *   POST /api/v1/affiliate/sample/performance             the content posted for one request    (sample-lifecycle.ts)
 *
 * The answers follow real-shapes.md §1 (see sample-wire.ts); `SAMPLE_VARIANTS` are the other plausible forms, asked
 * with `?variant=`. `cl_fault=shape` on the API query string (the page adds it for `?fault=shape`) switches the lists
 * and the content into fault mode (see `faultPlan`, `refundableFaultPlan`, `performancePage`). The client is
 * `client/sample-requests.js`.
 */
import { invalid, jsonObjectBody, methodNotAllowed, ok, wireVariants, type ApiRequest, type ApiResponse, type SimSurface } from '../surface';
import { HOSTILE, SAMPLE_TABS, pageElements, resolveShop, tabByCode, tabRequests, type PageElement, type SimShop, type World } from '../world';
import {
  PERFORMANCE_PATH,
  REFUNDABLE_LIST_PATH,
  REFUNDABLE_TABS_PATH,
  parsePerformanceBody,
  performancePage,
  refundableListPage,
  refundableTabs,
} from './sample-lifecycle';
import { applyJson, creatorsOf, detailOf, elementJson, END_TAB_CODES, infosOf, listAnswer, SAMPLE_VARIANTS, STATUS_BY_CODE, type Variants } from './sample-wire';

export const SAMPLE_LIST_PATH = '/api/v1/affiliate/sample/group/list';

/**
 * What the client needs before its first request: the tabs, their codes and which deadline each shows, the codes the
 * page asks instead under `sample-request.end-tab-codes`, and what each `curr_status` code means to the page.
 */
export interface SampleRequestsBoot {
  tabs: { code: number; label: string; deadline: string | null }[];
  endTabCodes: Readonly<Record<number, number>>;
  statusByCode: Readonly<Record<number, string>>;
}

export const sampleRequests: SimSurface = {
  route: 'sample-request',
  nav: { label: 'Sample requests', group: 'Collaborations', icon: '▣' },
  paths: { legacy: '/product/sample-request', migrated: '/affiliate/sample/sample-request' },
  client: 'sample-requests.js',
  api: sampleApi,
  boot: (): SampleRequestsBoot => ({ tabs: SAMPLE_TABS.map((t) => ({ code: t.code, label: t.label, deadline: t.deadline })), endTabCodes: END_TAB_CODES, statusByCode: STATUS_BY_CODE }),
  variants: SAMPLE_VARIANTS,
  css: `
.sr-tabs{display:flex;gap:28px;padding:0 20px;border-bottom:1px solid #e5e6eb}
.sr-tabs [role=tab]{background:none;border:0;padding:14px 0 12px;color:#4e5969;border-bottom:2px solid transparent;margin-bottom:-1px}
.sr-tabs [role=tab][aria-selected=true]{color:#fe2c55;border-bottom-color:#fe2c55;font-weight:600}
.sr-toolbar{display:flex;align-items:center;justify-content:space-between;gap:12px;padding:14px 20px}
.sr-search{width:320px;padding:7px 12px;border:1px solid #e5e6eb;border-radius:4px;background:#f7f8fa;color:#86909c}
.sr-summary{color:#86909c}
.sr-body{position:relative;min-height:160px}
.sr-loading{position:absolute;inset:0;display:flex;align-items:flex-start;justify-content:center;padding-top:60px;background:rgba(255,255,255,.6);color:#4e5969;z-index:2}
.sr-loading[hidden]{display:none}
.sr-spinner{width:18px;height:18px;margin-right:8px;border:2px solid #f2f3f5;border-top-color:#fe2c55;border-radius:50%;animation:sim-spin .8s linear infinite}
.sr-empty,.sr-error{padding:48px 20px;text-align:center;color:#86909c}
.sr-error{color:#cb2634}
.sr-error button{margin-left:8px}
.sr-pager{display:flex;align-items:center;justify-content:flex-end;gap:12px;padding:14px 20px;color:#4e5969}
.sr-card-list{display:grid;gap:12px;padding:4px 20px 8px}
.m-sr-card{border:1px solid #e5e6eb;border-radius:8px;overflow:hidden}
.m-sr-card__head{display:flex;align-items:center;gap:12px;padding:12px 16px;background:#fafbfc;border-bottom:1px solid #eef0f2}
.m-sr-card__avatar{width:44px;height:44px;border-radius:50%;background:#f2f3f5}
.m-sr-card__who{flex:1;min-width:0}
.m-sr-card__nick{margin:0;font-size:15px;overflow-wrap:anywhere}
.m-sr-card__handle{color:#86909c;font-size:12px}
.m-sr-card__stats{color:#4e5969;font-size:12px;text-align:right}
.m-sr-card__items{list-style:none;margin:0;padding:0}
.m-sr-item{display:flex;gap:12px;align-items:center;padding:12px 16px;border-top:1px solid #f2f3f5}
.m-sr-item:first-child{border-top:0}
.m-sr-item__img{width:56px;height:56px;border-radius:6px;background:#f2f3f5;flex:none}
.m-sr-item__info{flex:1;min-width:0}
.m-sr-item__title{margin:0 0 2px;overflow-wrap:anywhere}
.m-sr-item__pid,.m-sr-item__sku{display:block;color:#86909c;font-size:12px}
.m-sr-item__meta{width:220px;flex:none;font-size:12px;color:#4e5969;display:grid;gap:2px}
.m-sr-item__actions{flex:none}
.sr-kinds{display:flex;gap:8px;padding:14px 20px 0}
.sr-kinds [role=radio]{border:1px solid #e5e6eb;border-radius:16px;background:#fff;padding:5px 14px;color:#4e5969}
.sr-kinds [role=radio][aria-checked=true]{border-color:#fe2c55;color:#fe2c55;background:#fff0f3;font-weight:600}
.sr-tab-count{color:#86909c;font-weight:400}
.sr-refund,.m-sr-item__refund{color:#86909c;font-size:12px}
.sr-content-panel{position:fixed;top:0;right:0;bottom:0;width:440px;max-width:100vw;background:#fff;box-shadow:-4px 0 24px rgba(0,0,0,.12);z-index:20;display:flex;flex-direction:column}
.sr-content-head{display:flex;align-items:flex-start;justify-content:space-between;gap:12px;padding:16px 20px;border-bottom:1px solid #e5e6eb}
.sr-content-head h2{margin:0 0 4px;font-size:16px}
.sr-content-sub{color:#86909c;font-size:12px;overflow-wrap:anywhere}
.sr-content-tabs{display:flex;gap:24px;padding:0 20px;border-bottom:1px solid #e5e6eb}
.sr-content-tabs [role=tab]{background:none;border:0;padding:12px 0 10px;color:#4e5969;border-bottom:2px solid transparent;margin-bottom:-1px}
.sr-content-tabs [role=tab][aria-selected=true]{color:#fe2c55;border-bottom-color:#fe2c55;font-weight:600}
.sr-content-body{flex:1;overflow:auto;padding:12px 20px}
.sr-content-loading,.sr-content-total{color:#86909c;padding:8px 0}
.sr-content-list{list-style:none;margin:0;padding:0;display:grid;gap:10px}
.sr-content{border:1px solid #eef0f2;border-radius:8px;padding:10px 12px}
.sr-content-meta{display:flex;gap:8px;align-items:center;color:#86909c;font-size:12px}
.sr-content-desc{margin:6px 0;overflow-wrap:anywhere}
.sr-content-stats{color:#4e5969;font-size:12px}
.sr-content-link{display:inline-block;margin-top:6px;color:#fe2c55;font-size:12px}
`,
};

const PATHS = new Set([SAMPLE_LIST_PATH, REFUNDABLE_TABS_PATH, REFUNDABLE_LIST_PATH, PERFORMANCE_PATH]);

function sampleApi(world: World, req: ApiRequest): ApiResponse | undefined {
  const path = req.url.pathname;
  if (!PATHS.has(path)) return undefined;
  if (req.method !== 'POST') return methodNotAllowed();
  const shop = resolveShop(world, req.url);
  if (!shop) return invalid();
  const fault = req.url.searchParams.get('cl_fault') === 'shape';
  const variants = wireVariants(req);
  const now = req.now ?? Date.now();
  if (path === REFUNDABLE_TABS_PATH) return jsonObjectBody(req.body) ? ok({ tab_list: refundableTabs(shop) }) : invalid();
  if (path === PERFORMANCE_PATH) {
    const body = parsePerformanceBody(jsonObjectBody(req.body));
    const request = body && shop.requests.find((r) => r.applyId === body.apply_id);
    return body && request ? { status: 200, json: performanceAnswer(performancePage(world, shop, request, body, fault), variants) } : invalid();
  }
  const body = parseListBody(req.body, variants);
  if (!body) return invalid();
  if (path === REFUNDABLE_LIST_PATH) return { status: 200, json: refundableListPage(world, shop, body.tab, body.cur_page, body.page_size, now, fault, variants) };
  return { status: 200, json: listPage(world, shop, body, now, fault, variants) };
}

/** The content list's fields under `data`, or at the top level (`content-top-level`). */
function performanceAnswer(page: Record<string, unknown>, variants: Variants): unknown {
  return variants.has('sample-request.content-top-level') ? { code: 0, message: '', ...page } : ok(page).json;
}

// ---------------------------------------------------------------------------------------------------------------
// The list

export interface ListBody {
  tab: number;
  cur_page: number;
  page_size: number;
  search_params: unknown[];
  order_params: unknown[];
}

/**
 * Validates the list body; `undefined` means the real API would answer 98001004. Under `end-tab-codes` the Completed and
 * Cancelled tabs answer to their other codes only; `tab` is then our own code for the tab.
 */
export function parseListBody(raw: string | null, variants: Variants = new Set()): ListBody | undefined {
  const o = jsonObjectBody(raw);
  if (!o) return undefined;
  const int = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  if (!int(o.tab)) return undefined;
  const other = variants.has('sample-request.end-tab-codes');
  const ours = other ? Number(Object.keys(END_TAB_CODES).find((k) => END_TAB_CODES[Number(k)] === o.tab) ?? o.tab) : o.tab;
  if (!tabByCode(ours) || (other && END_TAB_CODES[ours] !== undefined && ours === o.tab)) return undefined;
  if (!int(o.cur_page) || o.cur_page < 1) return undefined;
  if (!int(o.page_size) || o.page_size < 1 || o.page_size > 100) return undefined;
  if (o.search_params !== undefined && !Array.isArray(o.search_params)) return undefined;
  if (o.order_params !== undefined && !Array.isArray(o.order_params)) return undefined;
  // search_params / order_params are accepted but not applied: the pages never send any.
  return {
    tab: ours,
    cur_page: o.cur_page,
    page_size: o.page_size,
    search_params: (o.search_params as unknown[] | undefined) ?? [],
    order_params: (o.order_params as unknown[] | undefined) ?? [],
  };
}

function listPage(world: World, shop: SimShop, body: ListBody, now: number, fault: boolean, variants: Variants): unknown {
  const total = tabRequests(shop, body.tab).length;
  const elements = pageElements(shop, body.tab, body.cur_page, body.page_size);
  const aggInfo = elements.map((el) => elementJson(world, shop, el, (r) => applyJson(world, shop, r, now, variants), variants));
  if (fault) applyFaults(elements, aggInfo, faultPlan(shop, body.tab, body.cur_page, body.page_size));
  return listAnswer(aggInfo, body.cur_page * body.page_size < total, total, variants);
}

// ---------------------------------------------------------------------------------------------------------------
// Fault mode: the same envelope, with a few records changed the way a TikTok deploy might change them

export type FaultKind = 'commission_object' | 'missing_apply_id' | 'expired_in_text' | 'creator_name_null';

export interface FaultPlan {
  /** `commission_rate` becomes `{ "value": "15%" }`. */
  commissionObject?: string;
  /** `apply_id` is left out (the record is sent once, and the group no longer names its id). */
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
    const detail = detailOf(json);
    const group = json.apply_group as Record<string, unknown>;
    // A field that broke breaks in every place the record is sent (the row's record may be the same object as its entry).
    const records = () => new Set(infosOf(json));
    for (const info of records()) {
      const id = info.apply_id;
      if (id === plan.commissionObject) info.commission_rate = { value: `${Number(info.commission_rate ?? 0) / 100}%` };
      if (id === plan.expiredInText) info.expired_in = 'soon';
    }
    const missing = plan.missingApplyId;
    if (missing && el.requests.some((r) => r.applyId === missing)) {
      const row = detail.apply_info as Record<string, unknown>;
      if (row.apply_id === missing) detail.apply_infos = (detail.apply_infos as Record<string, unknown>[]).filter((info) => info.apply_id !== missing);
      for (const info of records()) if (info.apply_id === missing) delete info.apply_id;
      group.apply_ids = (group.apply_ids as string[]).filter((x) => x !== missing);
    }
    if (plan.creatorNameNull && el.requests[0]!.applyId === plan.creatorNameNull.applyId) {
      for (const creator of creatorsOf(json)) creator.name = null;
    }
  });
}
