/**
 * Open collaboration (research/domain.md §2.2, §3.1; object shapes from the open-API OpenCollaboration, §1.2).
 *
 *   products      legacy /product/open-collaboration                         migrated /affiliate/collaboration/open-collaboration
 *   applications  legacy /product/open-collaboration/creator-applications    migrated /affiliate/collaboration/open-collaboration/creator-applications [L]
 *   POST /api/v2/affiliate/open_plan/list                                  {cur_page, page_size, search_params}
 *   POST /api/v1/affiliate/open_collaboration/commission_history/list      {product_id, cur_page, page_size}
 *   POST /api/v1/affiliate/open_collaboration/creator_application/search   {status, cur_page, page_size}
 *
 * The paths are real; the response shapes are [unknown] (research real-shapes.md §6: no public evidence): our design in
 * the internal style (see lib/adapters/open-collaboration.ts), the list under `data`. The plausible alternatives are
 * wire variants (`OPEN_COLLAB_VARIANTS`): the list and the fields beside it at the top level, `msg` instead of
 * `message`. Open plans are the world's products with their open commission (the one sample
 * requests carry) and a history of 2–4 changes before it; applications come from the world's creators.
 * `cl_fault=shape` breaks a known number of records (`OPEN_COLLAB_FAULTS`). The client is `client/open-collaboration.js`.
 */
import { CODE_OK, invalid, jsonObjectBody, methodNotAllowed, wireVariants, type ApiRequest, type ApiResponse, type SimSurface } from '../surface';
import { HOSTILE, creatorOf, productOf, resolveShop, seededRandom, type SimShop, type World } from '../world';
import { categoryOf } from '../catalog';

export const PLANS_PATH = '/api/v2/affiliate/open_plan/list';
export const HISTORY_PATH = '/api/v1/affiliate/open_collaboration/commission_history/list';
export const APPLICATIONS_PATH = '/api/v1/affiliate/open_collaboration/creator_application/search';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The wire variants of the open-collaboration endpoints (plans, commission history, creator applications). */
export const OPEN_COLLAB_VARIANTS = {
  'open-collaboration.list-top-level':
    '[unknown] The list (open_plan_list, commission_history_list, application_list) and the fields beside it at the top level beside code, as the affiliate orders endpoint sends orders[] (real-shapes.md §2).',
  'open-collaboration.msg': '[unknown] The partner side of the same backend sends msg instead of message (real-shapes.md §6).',
} as const;

/** An answer with `fields` under `data` (or at the top level), `message` (or `msg`) as the asked variants say. */
function answer(req: ApiRequest, fields: Record<string, unknown>): ApiResponse {
  const v = wireVariants(req);
  const messages = v.has('open-collaboration.msg') ? { msg: 'success' } : { message: 'success' };
  return { status: 200, json: { code: CODE_OK, ...messages, ...(v.has('open-collaboration.list-top-level') ? fields : { data: fields }) } };
}

export const APPLICATION_TABS = [
  { status: 'PENDING', label: 'Pending' },
  { status: 'APPROVED', label: 'Approved' },
  { status: 'REJECTED', label: 'Rejected' },
  { status: 'EXPIRED', label: 'Expired' },
] as const;
export type ApplicationStatus = (typeof APPLICATION_TABS)[number]['status'];

/** One period of a product's open commission. */
export interface SimCommissionPeriod {
  rateBps: number;
  start: number;
  /** `null` for the commission in force (or until a removal takes effect, see `SimOpenPlan.endTime`). */
  end: number | null;
}

export interface SimOpenPlan {
  collabId: string;
  productId: string;
  status: 'NORMAL' | 'TERMINATING';
  /** Oldest first; the last is the current commission (`product.commissionBps`). */
  history: SimCommissionPeriod[];
  /** When a removal takes effect (TERMINATING only). */
  endTime: number | null;
  showcaseCreators: number;
  contentCreators: number;
  wire: { rateAsString: boolean; productIdKey: 'product_id' | 'id'; countsAsString: boolean };
}

export interface SimApplication {
  id: string;
  productId: string;
  creatorId: string;
  status: ApplicationStatus;
  applyTime: number;
  commissionBps: number;
}

interface OpenData {
  plans: SimOpenPlan[];
  applications: SimApplication[];
}

const APPLICATIONS: Record<SimShop['key'], number> = { us: 30, gb: 10, id: 12, global: 8 };
const cache = new WeakMap<SimShop, OpenData>();

export function openDataOf(world: World, shop: SimShop): OpenData {
  let data = cache.get(shop);
  if (!data) {
    data = generate(world, shop);
    cache.set(shop, data);
  }
  return data;
}

function generate(world: World, shop: SimShop): OpenData {
  const rand = seededRandom(world.seed, `open-collaboration:${shop.sellerId}`);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const chance = (p: number) => rand() < p;
  const used = new Set<string>();
  const newId = (prefix: string) => {
    for (;;) {
      const id = prefix + Array.from({ length: 19 - prefix.length }, () => int(0, 9)).join('');
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  const now = world.now;
  // About three in four products are in open collaboration; the hostile product always is.
  const products = shop.products.filter((p) => p.productId === HOSTILE.productId || chance(0.75));
  const plans = products.map((p): SimOpenPlan => {
    const changes = int(2, 4);
    const rates = [p.commissionBps];
    while (rates.length < changes + 1) {
      const prev = rates[0]!;
      let r = prev;
      while (r === prev) r = Math.min(8000, Math.max(100, prev + (chance(0.5) ? -1 : 1) * 100 * int(1, 8)));
      rates.unshift(r);
    }
    const starts = [now - int(2, 30) * DAY - int(0, 23) * HOUR];
    while (starts.length < rates.length) starts.unshift(starts[0]! - int(10, 60) * DAY - int(0, 23) * HOUR);
    const history: SimCommissionPeriod[] = rates.map((rateBps, i) => ({ rateBps, start: starts[i]!, end: starts[i + 1] ?? null }));
    // Sometimes the seller saved the same rate again: the history lists a period that changed nothing.
    if (chance(0.25)) {
      const k = int(0, history.length - 1);
      const split = history[k]!;
      const mid = Math.round((split.start + (split.end ?? now)) / 2);
      history.splice(k + 1, 0, { rateBps: split.rateBps, start: mid, end: split.end });
      split.end = mid;
    }
    const terminating = chance(0.12);
    return {
      collabId: newId('76'),
      productId: p.productId,
      status: terminating ? 'TERMINATING' : 'NORMAL',
      history,
      endTime: terminating ? now + int(6, 70) * HOUR : null,
      showcaseCreators: int(0, 180),
      contentCreators: int(0, 40),
      wire: { rateAsString: chance(0.3), productIdKey: chance(0.2) ? 'id' : 'product_id', countsAsString: chance(0.25) },
    };
  });
  // Most recently created first.
  plans.sort((a, b) => b.history[0]!.start - a.history[0]!.start || a.productId.localeCompare(b.productId));
  const creators = shop.creators.filter((c) => c.creatorId !== HOSTILE.creatorId);
  const applications: SimApplication[] = Array.from({ length: APPLICATIONS[shop.key] }, (_, i) => {
    const plan = plans[int(0, plans.length - 1)]!;
    const status: ApplicationStatus = i < 4 ? 'PENDING' : (['PENDING', 'PENDING', 'APPROVED', 'APPROVED', 'REJECTED', 'EXPIRED'] as const)[int(0, 5)]!;
    return {
      id: newId('77'),
      productId: plan.productId,
      creatorId: creators[int(0, creators.length - 1)]!.creatorId,
      status,
      applyTime: now - (status === 'PENDING' ? int(1, 70) * HOUR : int(4, 40) * DAY),
      commissionBps: plan.history.at(-1)!.rateBps,
    };
  });
  applications.sort((a, b) => b.applyTime - a.applyTime || a.id.localeCompare(b.id));
  return { plans, applications };
}

/** The commission changes a product's history shows (each period whose rate differs from the one before). */
export function commissionChanges(plan: SimOpenPlan): SimCommissionPeriod[] {
  return plan.history.filter((p, i) => i === 0 || p.rateBps !== plan.history[i - 1]!.rateBps);
}

// ---------------------------------------------------------------------------------------------------------------
// Wire format

const digits = (shop: SimShop) => (shop.currency === 'IDR' ? 0 : 2);

function planJson(shop: SimShop, plan: SimOpenPlan): Record<string, unknown> {
  const product = productOf(shop, plan.productId);
  const current = plan.history.at(-1)!;
  const prices = product.skus.map((s) => s.price);
  const n = (x: number) => (plan.wire.countsAsString ? String(x) : x);
  return {
    id: plan.collabId,
    status: plan.status,
    current_commission: {
      rate: plan.wire.rateAsString ? String(current.rateBps) : current.rateBps,
      start_time: String(current.start),
      end_time: plan.endTime === null ? '0' : String(plan.endTime),
    },
    product: {
      [plan.wire.productIdKey]: plan.productId,
      title: product.title,
      main_image_url: product.image,
      inventory: product.skus.reduce((s, k) => s + k.stock, 0),
      status: 'LIVE',
      category_chains: [{ id: categoryOf(product.category, shop.region).id, parent_id: '0', local_name: categoryOf(product.category, shop.region).name, is_leaf: false }],
      original_price: { currency: shop.currency, minimum_amount: Math.min(...prices).toFixed(digits(shop)), maximum_amount: Math.max(...prices).toFixed(digits(shop)) },
    },
    showcase_creator_count: n(plan.showcaseCreators),
    content_creator_count: n(plan.contentCreators),
  };
}

function applicationJson(shop: SimShop, a: SimApplication): Record<string, unknown> {
  const product = productOf(shop, a.productId);
  const c = creatorOf(shop, a.creatorId);
  return {
    application_id: a.id,
    status: a.status,
    apply_time: String(a.applyTime),
    commission_rate: a.commissionBps,
    product: {
      product_id: product.productId,
      title: product.title,
      main_image_url: product.image,
      original_price: { amount: product.skus[0]!.price.toFixed(digits(shop)), currency: shop.currency },
    },
    creator_info: {
      creator_oec_id: c.creatorId,
      user_name: c.handle,
      nick_name: c.nickname,
      avatar: { url_list: [c.avatarUrl] },
      follower_cnt: c.followers,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The API

/**
 * Broken records in fault mode: on a plans page the 3rd (`current_commission.rate: "15%"`) and 6th (no product id); on
 * an applications page the 2nd (no `application_id`) and 5th (`creator_info.user_name: null`); in a history, its oldest
 * period (`start_time: "yesterday"`).
 */
export const OPEN_COLLAB_FAULTS = { plans: 2, applications: 2, history: 1 } as const;

interface Paging {
  page: number;
  pageSize: number;
}

function paging(o: Record<string, unknown>): Paging | undefined {
  const int = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  const page = o.cur_page ?? 1;
  const pageSize = o.page_size ?? 20;
  if (!int(page) || page < 1 || !int(pageSize) || pageSize < 1 || pageSize > 50) return undefined;
  return { page, pageSize };
}

const slice = <T>(xs: readonly T[], p: Paging) => xs.slice((p.page - 1) * p.pageSize, p.page * p.pageSize);

/** The applications a status tab lists (an unknown status lists nothing). */
export function applicationsIn(world: World, shop: SimShop, status: string): SimApplication[] {
  return openDataOf(world, shop).applications.filter((a) => a.status === status);
}

function api(world: World, req: ApiRequest): ApiResponse | undefined {
  const path = req.url.pathname;
  if (path !== PLANS_PATH && path !== HISTORY_PATH && path !== APPLICATIONS_PATH) return undefined;
  if (req.method !== 'POST') return methodNotAllowed();
  const shop = resolveShop(world, req.url);
  const o = jsonObjectBody(req.body);
  const p = o && paging(o);
  if (!shop || !o || !p) return invalid();
  const fault = req.url.searchParams.get('cl_fault') === 'shape';
  const data = openDataOf(world, shop);

  if (path === PLANS_PATH) {
    const list = slice(data.plans, p).map((x) => planJson(shop, x));
    if (fault) {
      if (list[2]) (list[2].current_commission as Record<string, unknown>).rate = '15%';
      if (list[5]) {
        const product = list[5].product as Record<string, unknown>;
        delete product.product_id;
        delete product.id;
      }
    }
    return answer(req, { open_plan_list: list, total: data.plans.length, has_more: p.page * p.pageSize < data.plans.length });
  }

  if (path === HISTORY_PATH) {
    const plan = typeof o.product_id === 'string' ? data.plans.find((x) => x.productId === o.product_id) : undefined;
    if (!plan) return invalid();
    const periods = [...plan.history].reverse();
    const list = slice(periods, p).map((x, i) => ({
      commission_rate: plan.wire.rateAsString ? String(x.rateBps) : x.rateBps,
      start_time: String(x.start),
      end_time: x.end === null ? (i === 0 && plan.endTime !== null ? String(plan.endTime) : '0') : String(x.end),
    }));
    if (fault && list.length) list[list.length - 1]!.start_time = 'yesterday';
    return answer(req, { product_id: plan.productId, commission_history_list: list, total: periods.length, has_more: p.page * p.pageSize < periods.length });
  }

  if (typeof o.status !== 'string') return invalid();
  const all = applicationsIn(world, shop, o.status);
  const list = slice(all, p).map((x) => applicationJson(shop, x));
  if (fault) {
    if (list[1]) delete list[1].application_id;
    if (list[4]) (list[4].creator_info as Record<string, unknown>).user_name = null;
  }
  return answer(req, { application_list: list, total: all.length, has_more: p.page * p.pageSize < all.length });
}

export interface OpenCollaborationBoot {
  tabs: { status: string; label: string }[];
}

export const openCollaboration: SimSurface = {
  route: 'open-collaboration',
  nav: { label: 'Open collaboration', group: 'Collaborations', icon: '◇' },
  paths: { legacy: '/product/open-collaboration', migrated: '/affiliate/collaboration/open-collaboration' },
  client: 'open-collaboration.js',
  api,
  variants: OPEN_COLLAB_VARIANTS,
  css: `
.oc-muted{color:#86909c;font-size:12px}
.oc-rate{font-weight:600;font-variant-numeric:tabular-nums}
.oc-removing{color:#d25f00;font-size:12px}
.oc-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px;padding:4px 20px 8px}
.z-offer{border:1px solid #e5e6eb;border-radius:8px;padding:12px;display:grid;gap:6px}
.z-offer__title{margin:0;font-size:14px;overflow-wrap:anywhere}
.z-offer__line{color:#4e5969;font-size:12px}
.oc-dialog{position:fixed;inset:0;background:rgba(0,0,0,.35);display:grid;place-items:center;z-index:10}
.oc-dialog__box{background:#fff;border-radius:8px;min-width:420px;max-width:640px;padding:18px 20px}
.oc-dialog__box h2{margin:0 0 10px;font-size:16px}
.oc-history{list-style:none;margin:0 0 12px;padding:0}
.oc-history li{display:flex;justify-content:space-between;gap:16px;padding:6px 0;border-bottom:1px solid #f2f3f5}
`,
};

export const creatorApplications: SimSurface = {
  route: 'creator-applications',
  nav: { label: 'Creator applications', group: 'Collaborations', icon: '✉' },
  paths: {
    legacy: '/product/open-collaboration/creator-applications',
    migrated: '/affiliate/collaboration/open-collaboration/creator-applications',
  },
  client: 'open-collaboration.js',
  boot: (): OpenCollaborationBoot => ({ tabs: APPLICATION_TABS.map((t) => ({ status: t.status, label: t.label })) }),
  css: `
.ca-cards{display:grid;gap:10px;padding:4px 20px 8px}
.w-app{display:flex;gap:12px;align-items:center;border:1px solid #e5e6eb;border-radius:8px;padding:10px 14px}
.w-app__who{flex:1;min-width:0}
.w-app__nick{font-weight:600;overflow-wrap:anywhere}
.w-app__sub{color:#86909c;font-size:12px;overflow-wrap:anywhere}
`,
};
