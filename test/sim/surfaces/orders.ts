/**
 * Affiliate orders (research/domain.md §2.2, §3.1 and the SKU row of §1.6).
 *
 *   legacy   /product/order                   (menu id `order`; global selling: /affiliate/product/order)
 *   migrated /affiliate/product/order?route_migration=1   (not seen live: our assumption)
 *   POST /api/v1/affiliate/orders             body {conditions:{time_period:{beginning_time, ending_time}}, page, page_size ≤100}
 *
 * The response is `{orders[]{main_order_id, create_time (ms string), sku_detail[]}, total_count, has_more}`, newest
 * first, paged by order. A SKU row carries the internal names domain.md confirms (`creator_username`,
 * `creator_nickname`, `cos_ratio`, `estimated_cos_fee`, `shop_ads_commission_ratio`, `estimated_shop_ads_commission`,
 * `promotion_position{promotion_position_type}`) and, for what it does not (ids, content, collaboration, partner
 * commission, settlement, refund), the open-API names of the same row; `actual_cos_fee` / `actual_shop_ads_commission`,
 * `product_name` / `sku_name` / `sku_image`, `total_count` / `has_more` and the numeric promotion position codes are our
 * assumption. Money: decimal strings in the shop currency for commission, `{amount, currency}` for the price.
 *
 * Orders are drawn per shop from the world's creators and products (`seededRandom(world.seed, 'orders:' + sellerId)`)
 * over the 90 days before `world.now`. `cl_fault=shape` breaks a known number of rows (see `faultPlan`). The client is
 * `client/orders.js`.
 */
import { invalid, jsonObjectBody, methodNotAllowed, ok, type ApiRequest, type ApiResponse, type SimSurface } from '../surface';
import { HOSTILE, resolveShop, seededRandom, type SimShop, type World } from '../world';

export const ORDERS_PATH = '/api/v1/affiliate/orders';
export const ORDERS_PAGE_SIZE = 50;
/** The presets of the date filter, in days back from today; the page opens on the second. */
export const RANGE_PRESETS = [7, 30, 90] as const;
export const DEFAULT_RANGE_DAYS = 30;
/** How far back orders go, and the longest range one request may ask for (the open API allows 3 months). */
const HISTORY_DAYS = 90;
const MAX_RANGE_MS = 93 * 86_400_000;

const DAY = 86_400_000;

export type SettlementWire = 'Unknown' | 'AWAITING PAYMENT' | 'To-SETTLE' | 'SETTLED' | 'INELIGIBLE';
export const SETTLEMENT_SPELLINGS: readonly SettlementWire[] = ['Unknown', 'AWAITING PAYMENT', 'To-SETTLE', 'SETTLED', 'INELIGIBLE'];

export type ContentType = 'VIDEO' | 'LIVE' | 'SHOP' | 'LINKSHARE' | 'PROMOTION_PAGE' | 'PRE_LIVE';
/** Our assumption for `promotion_position.promotion_position_type`: domain.md names the field, not its codes. */
export const PROMOTION_POSITION: Readonly<Record<ContentType, number>> = { VIDEO: 1, LIVE: 2, SHOP: 3, PROMOTION_PAGE: 4, LINKSHARE: 5, PRE_LIVE: 6 };

export interface SimOrderSku {
  skuId: string;
  productId: string;
  creatorId: string;
  quantity: number;
  /** Minor units of the shop currency (2 digits; IDR whole rupiah, as the browser's Intl has it). */
  unitPriceMinor: number;
  contentType: ContentType;
  /** Blank for showcase and shop-page orders. */
  contentId: string;
  collaboration: { kind: 'open' | 'target' | 'campaign'; id: string };
  commissionBps: number;
  adsBps: number;
  /** TAP partner's rate on campaign orders, else 0. */
  partnerBps: number;
  estimatedMinor: number;
  /** Paid commission once settled (or 0 when ineligible); null before. */
  actualMinor: number | null;
  estimatedAdsMinor: number;
  actualAdsMinor: number | null;
  estimatedPartnerMinor: number;
  actualPartnerMinor: number | null;
  settlement: SettlementWire;
  refunded: boolean;
  wire: { rateAsString: boolean };
}

export interface SimOrder {
  orderId: string;
  /** Epoch ms. */
  createTime: number;
  skus: SimOrderSku[];
  wire: { createTimeAsNumber: boolean };
}

/** What the client needs up front: "today" for the date presets, the presets, the page size. */
export interface OrdersBoot {
  today: number;
  presets: readonly number[];
  defaultRange: number;
  pageSize: number;
}

export const orders: SimSurface = {
  route: 'orders',
  nav: { label: 'Affiliate orders', group: 'Orders', icon: '☰' },
  paths: { legacy: '/product/order', migrated: '/affiliate/product/order' },
  client: 'orders.js',
  api: ordersApi,
  boot: (world): OrdersBoot => ({ today: world.now, presets: RANGE_PRESETS, defaultRange: DEFAULT_RANGE_DAYS, pageSize: ORDERS_PAGE_SIZE }),
  css: `
.ord-filter{display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:14px 20px;border-bottom:1px solid #e5e6eb}
.ord-filter .btn[aria-pressed=true]{border-color:#fe2c55;color:#fe2c55}
.ord-filter label{color:#4e5969;font-size:12px;display:flex;align-items:center;gap:6px}
.ord-filter input{padding:4px 8px;border:1px solid #e5e6eb;border-radius:4px}
.ord-summary{margin-left:auto;color:#86909c}
.ord-money{white-space:nowrap}
.ord-muted{color:#86909c;font-size:12px;display:block}
.ord-refund{color:#cb2634;font-size:12px;display:block}
.ord-cards{display:grid;gap:12px;padding:12px 20px}
.m-ord-card{border:1px solid #e5e6eb;border-radius:8px;overflow:hidden}
.m-ord-card__head{display:flex;justify-content:space-between;gap:12px;padding:10px 16px;background:#fafbfc;border-bottom:1px solid #eef0f2;color:#4e5969}
.m-ord-card__id{font-weight:600;color:#161823}
.m-ord-card__lines{list-style:none;margin:0;padding:0}
.m-ord-line{display:grid;grid-template-columns:56px 1fr 200px 180px;gap:12px;align-items:center;padding:12px 16px;border-top:1px solid #f2f3f5}
.m-ord-line:first-child{border-top:0}
.m-ord-line__img{width:56px;height:56px;border-radius:6px;background:#f2f3f5}
.m-ord-line__title{margin:0;overflow-wrap:anywhere}
.m-ord-line__who,.m-ord-line__pay{font-size:12px;color:#4e5969;display:grid;gap:2px}
.m-ord-line__nick{font-weight:600;color:#161823;overflow-wrap:anywhere}
`,
};

// ---------------------------------------------------------------------------------------------------------------
// The data

/** Orders per shop over the 90 days: several hundred SKU rows for the US shop, fewer elsewhere. */
const ORDER_COUNT: Readonly<Record<SimShop['key'], number>> = { us: 380, gb: 90, id: 110, global: 60 };

const minorDigits = (shop: SimShop) => (shop.currency === 'IDR' ? 0 : 2);
const toMinor = (shop: SimShop, major: number) => Math.round(major * 10 ** minorDigits(shop));
/** A minor amount as the decimal string the API sends ("3.75"; rupiah without decimals). */
export const decimalOf = (shop: SimShop, minor: number) => (minor / 10 ** minorDigits(shop)).toFixed(minorDigits(shop));
const share = (minor: number, bps: number) => Math.round((minor * bps) / 10_000);

const cache = new WeakMap<SimShop, SimOrder[]>();

/** Every order of a shop, newest first. Deterministic per world seed, shop and `world.now`. */
export function shopOrders(world: World, shop: SimShop): SimOrder[] {
  let list = cache.get(shop);
  if (!list) {
    list = generateOrders(world, shop);
    cache.set(shop, list);
  }
  return list;
}

function generateOrders(world: World, shop: SimShop): SimOrder[] {
  const rand = seededRandom(world.seed, `orders:${shop.sellerId}`);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const chance = (p: number) => rand() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const used = new Set<string>();
  const newId = (prefix: string) => {
    for (;;) {
      let id = prefix;
      while (id.length < 19) id += String(Math.floor(rand() * 10));
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };

  const hostileCreator = shop.creators.find((c) => c.creatorId === HOSTILE.creatorId);
  const hostileProduct = shop.products.find((p) => p.productId === HOSTILE.productId);
  const creators = shop.creators.filter((c) => c !== hostileCreator);
  const products = shop.products.filter((p) => p !== hostileProduct);
  // A few creators sell most: the creator at rank r is drawn with weight ~ 1/r.
  const creatorAt = () => creators[Math.min(creators.length - 1, Math.floor(creators.length ** rand()) - 1)]!;
  const videos = new Map<string, string[]>();
  const contentOf = (creatorId: string, type: ContentType): string => {
    if (type === 'SHOP' || type === 'LINKSHARE') return '';
    let pool = videos.get(`${creatorId}|${type}`);
    if (!pool) {
      pool = Array.from({ length: int(1, 4) }, () => newId(type === 'VIDEO' ? '74' : '73'));
      videos.set(`${creatorId}|${type}`, pool);
    }
    return pick(pool);
  };
  const targets = Array.from({ length: 6 }, () => newId('72'));
  const campaigns = Array.from({ length: 2 }, () => newId('76'));
  const openIds = new Map(shop.products.map((p) => [p.productId, newId('71')]));

  const times = Array.from({ length: ORDER_COUNT[shop.key] }, () => world.now - Math.floor((rand() * HISTORY_DAYS * DAY) / 1000) * 1000).sort((a, b) => b - a);

  const orders = times.map((createTime, index) => {
    const hostile = index === 1 && hostileCreator && hostileProduct;
    const creator = hostile ? hostileCreator : creatorAt();
    const size = hostile ? 1 : chance(0.7) ? 1 : chance(0.73) ? 2 : 3;
    const picked = hostile ? [hostileProduct] : Array.from({ length: size }, () => pick(products));
    const ageDays = (world.now - createTime) / DAY;
    // Refunds and unknowns at fixed places near the top too, so the first page shows every status.
    const refundOrder = index === 7 || (index > 10 && chance(0.06));
    const unknownOrder = index === 4 || (index > 10 && chance(0.02));
    const seen = new Set<string>();
    const skus: SimOrderSku[] = [];
    for (const product of picked) {
      const sku = pick(product.skus);
      if (seen.has(sku.skuId)) continue;
      seen.add(sku.skuId);
      const contentType: ContentType = (() => {
        const r = rand();
        return r < 0.6 ? 'VIDEO' : r < 0.8 ? 'LIVE' : r < 0.92 ? 'SHOP' : r < 0.96 ? 'LINKSHARE' : r < 0.99 ? 'PROMOTION_PAGE' : 'PRE_LIVE';
      })();
      const r = rand();
      const collaboration: SimOrderSku['collaboration'] =
        r < 0.1 ? { kind: 'campaign', id: pick(campaigns) } : r < 0.5 ? { kind: 'target', id: pick(targets) } : { kind: 'open', id: openIds.get(product.productId)! };
      // Zero-commission rows: a product whose collaboration pays nothing on showcase orders.
      const zero = index === 9 || chance(0.04);
      const commissionBps = zero ? 0 : collaboration.kind === 'target' ? Math.min(8000, product.commissionBps + pick([0, 300, 500])) : product.commissionBps;
      const adsBps = chance(0.25) ? pick([300, 500, 800, 1000]) : 0;
      const partnerBps = collaboration.kind === 'campaign' ? pick([500, 800, 1000]) : 0;
      const quantity = chance(0.8) ? 1 : int(2, 3);
      const unitPriceMinor = toMinor(shop, sku.price);
      const base = unitPriceMinor * quantity;
      const estimatedMinor = share(base, commissionBps);
      const estimatedAdsMinor = share(base, adsBps);
      const estimatedPartnerMinor = share(base, partnerBps);
      let settlement: SettlementWire;
      const paidAfter = 0.5 + rand() * 2.5;
      const settleAfter = 6 + rand() * 8;
      if (refundOrder) settlement = 'INELIGIBLE';
      else if (unknownOrder) settlement = 'Unknown';
      else settlement = ageDays < paidAfter ? 'AWAITING PAYMENT' : ageDays < settleAfter ? 'To-SETTLE' : 'SETTLED';
      // Settled rows are usually paid as estimated; some were adjusted (a partial return, a price change).
      const adjust = settlement === 'SETTLED' && (index === 20 || chance(0.15)) ? 0.6 + rand() * 0.35 : 1;
      const paid = (estimate: number) => (settlement === 'SETTLED' ? Math.round(estimate * adjust) : settlement === 'INELIGIBLE' ? 0 : null);
      skus.push({
        skuId: sku.skuId,
        productId: product.productId,
        creatorId: creator.creatorId,
        quantity,
        unitPriceMinor,
        contentType,
        contentId: contentOf(creator.creatorId, contentType),
        collaboration,
        commissionBps,
        adsBps,
        partnerBps,
        estimatedMinor,
        actualMinor: paid(estimatedMinor),
        estimatedAdsMinor,
        actualAdsMinor: paid(estimatedAdsMinor),
        estimatedPartnerMinor,
        actualPartnerMinor: collaboration.kind === 'campaign' ? paid(estimatedPartnerMinor) : null,
        settlement,
        refunded: refundOrder,
        wire: { rateAsString: chance(0.6) },
      });
    }
    return { orderId: newId('57'), createTime, skus, wire: { createTimeAsNumber: chance(0.2) } };
  });
  seedOddities(orders);
  return orders;
}

/** Where the seeded commission oddities are: an order's id and the SKU row's id. */
export interface Oddity {
  orderId: string;
  skuId: string;
}

/**
 * On the first page, whatever the seed drew: a SKU row with a commission rate whose commission is nothing (not
 * returned, eligible, not free), and a settled SKU row paid far less than its estimate. Both are worth a look.
 */
function seedOddities(orders: SimOrder[]): void {
  const firstPage = orders.slice(0, ORDERS_PAGE_SIZE);
  const zero = firstPage.slice(2).flatMap((o) => o.skus).find((s) => s.commissionBps > 0 && !s.refunded && s.settlement !== 'INELIGIBLE');
  if (zero) {
    seeded.set(zero, 'zero');
    Object.assign(zero, { estimatedMinor: 0, estimatedAdsMinor: 0, estimatedPartnerMinor: 0 });
    if (zero.actualMinor !== null) Object.assign(zero, { actualMinor: 0, actualAdsMinor: 0 });
    if (zero.actualPartnerMinor !== null) zero.actualPartnerMinor = 0;
  }
  const gap = firstPage
    .slice(10)
    .flatMap((o) => o.skus)
    .find((s) => s !== zero && s.settlement === 'SETTLED' && s.collaboration.kind !== 'campaign' && s.estimatedMinor >= 100);
  if (gap) {
    seeded.set(gap, 'gap');
    gap.actualMinor = Math.round(gap.estimatedMinor * 0.3);
  }
}

/** The rows changed by `seedOddities` (a zeroed row's estimate is not rate × price). */
const seeded = new WeakMap<SimOrderSku, 'zero' | 'gap'>();

/** The seeded oddities of a shop's orders (see `seedOddities`). */
export function commissionOddities(world: World, shop: SimShop): { zero?: Oddity; gap?: Oddity } {
  const rows = shopOrders(world, shop).slice(0, ORDERS_PAGE_SIZE).flatMap((o) => o.skus.map((s) => ({ o, s })));
  const zero = rows.find(({ s }) => seeded.get(s) === 'zero');
  const gap = rows.find(({ s }) => seeded.get(s) === 'gap');
  return {
    zero: zero && { orderId: zero.o.orderId, skuId: zero.s.skuId },
    gap: gap && { orderId: gap.o.orderId, skuId: gap.s.skuId },
  };
}

/** Orders created in `[begin, end]`, newest first. */
export function ordersInRange(world: World, shop: SimShop, begin: number, end: number): SimOrder[] {
  return shopOrders(world, shop).filter((o) => o.createTime >= begin && o.createTime <= end);
}

function ordersPage(world: World, shop: SimShop, body: OrdersBody): SimOrder[] {
  return ordersInRange(world, shop, body.begin, body.end).slice((body.page - 1) * body.pageSize, body.page * body.pageSize);
}

// ---------------------------------------------------------------------------------------------------------------
// The API

export interface OrdersBody {
  begin: number;
  end: number;
  page: number;
  pageSize: number;
}

const msValue = (v: unknown): number | undefined => {
  if (typeof v === 'string' && /^\d{13}$/.test(v)) return Number(v);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1e12 && v < 1e13) return v;
  return undefined;
};

/** Validates the list body; `undefined` means the real API would answer 98001004. */
export function parseOrdersBody(raw: string | null): OrdersBody | undefined {
  const o = jsonObjectBody(raw);
  if (!o) return undefined;
  const conditions = o.conditions as Record<string, unknown> | undefined;
  const period = (conditions && typeof conditions === 'object' ? conditions.time_period : undefined) as Record<string, unknown> | undefined;
  if (!period || typeof period !== 'object') return undefined;
  const begin = msValue(period.beginning_time);
  const end = msValue(period.ending_time);
  if (begin === undefined || end === undefined || begin > end || end - begin > MAX_RANGE_MS) return undefined;
  const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  if (!isInt(o.page) || o.page < 1) return undefined;
  if (!isInt(o.page_size) || o.page_size < 1 || o.page_size > 100) return undefined;
  return { begin, end, page: o.page, pageSize: o.page_size };
}

function ordersApi(world: World, req: ApiRequest): ApiResponse | undefined {
  if (req.url.pathname !== ORDERS_PATH) return undefined;
  if (req.method !== 'POST') return methodNotAllowed();
  const shop = resolveShop(world, req.url);
  if (!shop) return invalid();
  const body = parseOrdersBody(req.body);
  if (!body) return invalid();
  const fault = req.url.searchParams.get('cl_fault') === 'shape';
  const total = ordersInRange(world, shop, body.begin, body.end).length;
  const list = ordersPage(world, shop, body);
  const json = list.map((o) => orderJson(shop, o));
  if (fault) applyFaults(shop, json, faultPlan(world, shop, body));
  return ok({ orders: json, total_count: total, has_more: body.page * body.pageSize < total });
}

const rateJson = (s: SimOrderSku, bps: number) => (s.wire.rateAsString ? String(bps) : bps);

function skuJson(shop: SimShop, s: SimOrderSku): Record<string, unknown> {
  const product = shop.products.find((p) => p.productId === s.productId)!;
  const sku = product.skus.find((k) => k.skuId === s.skuId)!;
  const creator = shop.creators.find((c) => c.creatorId === s.creatorId)!;
  const dec = (minor: number | null) => (minor === null ? '' : decimalOf(shop, minor));
  const out: Record<string, unknown> = {
    sku_id: s.skuId,
    product_id: s.productId,
    product_name: product.title,
    sku_name: sku.desc,
    sku_image: sku.image,
    quantity: s.quantity,
    price: { amount: decimalOf(shop, s.unitPriceMinor), currency: shop.currency },
    creator_username: creator.handle,
    creator_nickname: creator.nickname,
    content_type: s.contentType,
    content_id: s.contentId,
    promotion_position: { promotion_position_type: PROMOTION_POSITION[s.contentType] },
    open_collaboration_id: s.collaboration.kind === 'open' ? s.collaboration.id : '',
    target_collaboration_id: s.collaboration.kind === 'target' ? s.collaboration.id : '',
    campaign_id: s.collaboration.kind === 'campaign' ? s.collaboration.id : '',
    cos_ratio: rateJson(s, s.commissionBps),
    partner_commission_rate: s.partnerBps ? rateJson(s, s.partnerBps) : '',
    shop_ads_commission_ratio: rateJson(s, s.adsBps),
    estimated_cos_fee: dec(s.estimatedMinor),
    actual_cos_fee: dec(s.actualMinor),
    estimated_shop_ads_commission: dec(s.estimatedAdsMinor),
    actual_shop_ads_commission: dec(s.actualAdsMinor),
    settlement_status: s.settlement,
    fully_return: s.refunded ? 'yes' : 'no',
  };
  if (s.collaboration.kind === 'campaign') {
    out.estimated_paid_partner_commission = dec(s.estimatedPartnerMinor);
    out.actual_paid_partner_commission = dec(s.actualPartnerMinor);
  }
  return out;
}

function orderJson(shop: SimShop, o: SimOrder): Record<string, unknown> {
  return {
    main_order_id: o.orderId,
    create_time: o.wire.createTimeAsNumber ? o.createTime : String(o.createTime),
    sku_detail: o.skus.map((s) => skuJson(shop, s)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Fault mode: the same envelope, with a few rows changed the way a TikTok deploy might change them

export interface OrdersFaultPlan {
  /** `cos_ratio` becomes `{ "value": "15%" }` (key `orderId|skuId`). */
  rateObject?: string;
  /** `estimated_cos_fee` becomes display text with the currency code (`"USD 3.75"`). */
  feeText?: string;
  /** `sku_id` is left out. */
  missingSkuId?: string;
  /** A single-row order whose `main_order_id` is left out. */
  missingOrderId?: string;
  /** `orderId|skuId` of every SKU row broken on this page, one per fault above. */
  brokenRows: string[];
}

/** Broken SKU rows on a page of at least 11 rows in fault mode: one per fault kind. */
export const FAULT_BROKEN_ROW_COUNT = 4;

/**
 * Which rows of a page are broken in fault mode. Positions count the page's SKU rows in response order, the hostile
 * creator's excluded: 1, 4 and 7 for the row faults; the order fault takes the first single-row order from position 10.
 */
export function faultPlan(world: World, shop: SimShop, body: OrdersBody): OrdersFaultPlan {
  const list = ordersPage(world, shop, body);
  const rows = list.flatMap((o) => o.skus.map((s) => ({ order: o, key: `${o.orderId}|${s.skuId}`, hostile: s.creatorId === HOSTILE.creatorId })));
  const plain = rows.filter((r) => !r.hostile);
  const plan: OrdersFaultPlan = { rateObject: plain[1]?.key, feeText: plain[4]?.key, missingSkuId: plain[7]?.key, brokenRows: [] };
  const single = plain.find((r, i) => i >= 10 && r.order.skus.length === 1);
  plan.missingOrderId = single?.key;
  for (const key of [plan.rateObject, plan.feeText, plan.missingSkuId, plan.missingOrderId]) if (key) plan.brokenRows.push(key);
  return plan;
}

function applyFaults(shop: SimShop, json: Record<string, unknown>[], plan: OrdersFaultPlan): void {
  for (const order of json) {
    const rows = order.sku_detail as Record<string, unknown>[];
    for (const row of rows) {
      const key = `${String(order.main_order_id)}|${String(row.sku_id)}`;
      if (key === plan.rateObject) row.cos_ratio = { value: `${Number(row.cos_ratio) / 100}%` };
      if (key === plan.feeText) row.estimated_cos_fee = `${shop.currency} ${String(row.estimated_cos_fee)}`;
      if (key === plan.missingSkuId) delete row.sku_id;
      if (key === plan.missingOrderId) delete order.main_order_id;
    }
  }
}
