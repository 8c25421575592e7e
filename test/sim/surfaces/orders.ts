/**
 * Affiliate orders (research/real-shapes.md §2; routes from domain.md §2.2).
 *
 *   legacy   /product/order                   (menu id `order`; global selling: /affiliate/product/order)
 *   migrated /affiliate/product/order?route_migration=1   (not seen live: our assumption)
 *   POST /api/v1/affiliate/orders             body {conditions:{time_period:{beginning_time, ending_time}}, page, page_size ≤100}
 *
 * The default answer is exactly what the public parsers of live answers read [parser]: `{code, message, orders[]}` with
 * `orders` at the top level, each `{main_order_id, create_time (ms, a JSON number), sku_detail[]}`, and each line
 * `{creator_username, creator_nickname, cos_ratio, estimated_cos_fee, actual_cos_fee, shop_ads_commission_ratio,
 * estimated_shop_ads_commission, actual_shop_ads_commission, promotion_position{promotion_position_type}}` plus, on the
 * lines of an agency's (TAP partner) campaign, `sponsor_id`, `sponsor_name`, `sponsor_service_ratio`,
 * `estimated_sponsor_cos_fee`, `actual_sponsor_cos_fee`. Channel codes: 1 product card / showcase, 2 video, 3 LIVE.
 * No paging totals (the parsers page until an empty page), no SKU or product id, no price, no settlement status.
 * Rates default to basis points (integers or digit strings, as the same backend's sample list writes them [fixture]);
 * amounts are decimal strings in the shop currency, `""` while an actual amount is not known.
 *
 * What the evidence leaves open is served as variants (`ORDER_VARIANTS`, `?variant=`), each tested: SKU and product
 * ids, a product name, the first map's other fields, each rate form, `create_time` as a string.
 *
 * Orders are drawn per shop from the world's creators and products (`seededRandom(world.seed, 'orders:' + sellerId)`)
 * over the 90 days before `world.now`. `cl_fault=shape` breaks a known number of lines (see `faultPlan`). The client is
 * `client/orders.js`.
 */
import { CODE_OK, invalid, jsonObjectBody, methodNotAllowed, wireVariants, type ApiRequest, type ApiResponse, type SimSurface } from '../surface';
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

/**
 * The wire forms the evidence leaves open (real-shapes.md §2), served on request. They combine (`a,b`), except that one
 * rate form is served at a time.
 */
export const ORDER_VARIANTS = {
  'orders.sku-ids': '[unknown] whether lines carry sku_id / product_id: no public parser reads them (real-shapes.md §2); domain.md §1.6 names them on the open API’s row',
  'orders.product-name': '[unknown] a line’s product name: the page shows one, no public parser reads its field; product_name is the open API’s TAP-order name (domain.md §1.6)',
  'orders.open-api-fields': '[unknown] the rest of the open API’s SKU row (domain.md §1.6): quantity, price, content_type/content_id, collaboration ids, settlement_status, fully_return',
  'orders.rate-percent': '[unknown] rate units (real-shapes.md §2): rates as percent strings, "10.00"',
  'orders.rate-percent-sign': '[unknown] rate units (real-shapes.md §2): rates as percent strings with the sign, "10%"',
  'orders.rate-fraction': '[unknown] rate units (real-shapes.md §2): rates as fractions, "0.1"',
  'orders.create-time-string': '[parser] create_time is a JSON number in the parsers’ sources; a string of ms, as other internal answers write times, is plausible',
} as const;
export type OrderVariant = keyof typeof ORDER_VARIANTS;

export type SettlementWire = 'Unknown' | 'AWAITING PAYMENT' | 'To-SETTLE' | 'SETTLED' | 'INELIGIBLE';
export const SETTLEMENT_SPELLINGS: readonly SettlementWire[] = ['Unknown', 'AWAITING PAYMENT', 'To-SETTLE', 'SETTLED', 'INELIGIBLE'];

/** The channel that sold a line, by its open-API content type name. */
export type Channel = 'SHOP' | 'VIDEO' | 'LIVE';
/** `promotion_position.promotion_position_type` [parser]: 1 product card / showcase, 2 video, 3 LIVE. */
export const PROMOTION_POSITION: Readonly<Record<Channel, number>> = { SHOP: 1, VIDEO: 2, LIVE: 3 };

/** An agency (TAP partner) whose partner campaign sold the line. */
export interface SimAgency {
  id: string;
  name: string;
}

export interface SimOrderSku {
  /** 1-based position among the order's lines. */
  line: number;
  skuId: string;
  productId: string;
  creatorId: string;
  quantity: number;
  /** Minor units of the shop currency (2 digits; IDR whole rupiah, as the browser's Intl has it). */
  unitPriceMinor: number;
  channel: Channel;
  /** The video or LIVE; blank for showcase orders. */
  contentId: string;
  collaboration: { kind: 'open' | 'target' | 'campaign'; id: string };
  /** The agency of a partner campaign's line (`collaboration.kind === 'campaign'`). */
  agency?: SimAgency;
  commissionBps: number;
  adsBps: number;
  /** The agency's service rate on partner campaign lines, else 0. */
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
  /** Rates in basis points are written as digit strings rather than numbers (both are seen on this backend). */
  wire: { rateAsString: boolean };
}

export interface SimOrder {
  orderId: string;
  /** Epoch ms. */
  createTime: number;
  skus: SimOrderSku[];
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
  variants: ORDER_VARIANTS,
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
.ord-agency{font-weight:600;overflow-wrap:anywhere}
.ord-cards{display:grid;gap:12px;padding:12px 20px}
.m-ord-card{border:1px solid #e5e6eb;border-radius:8px;overflow:hidden}
.m-ord-card__head{display:flex;justify-content:space-between;gap:12px;padding:10px 16px;background:#fafbfc;border-bottom:1px solid #eef0f2;color:#4e5969}
.m-ord-card__id{font-weight:600;color:#161823}
.m-ord-card__lines{list-style:none;margin:0;padding:0}
.m-ord-line{display:grid;grid-template-columns:1fr 180px 200px 180px;gap:12px;align-items:center;padding:12px 16px;border-top:1px solid #f2f3f5}
.m-ord-line:first-child{border-top:0}
.m-ord-line__title{margin:0;overflow-wrap:anywhere}
.m-ord-line__who,.m-ord-line__pay,.m-ord-line__agency{font-size:12px;color:#4e5969;display:grid;gap:2px}
.m-ord-line__nick{font-weight:600;color:#161823;overflow-wrap:anywhere}
`,
};

// ---------------------------------------------------------------------------------------------------------------
// The data

/** Orders per shop over the 90 days: several hundred lines for the US shop, fewer elsewhere. */
const ORDER_COUNT: Readonly<Record<SimShop['key'], number>> = { us: 380, gb: 90, id: 110, global: 60 };

/** Agencies that run partner campaigns (made-up names). */
const AGENCY_NAMES = ['Glow Partners Agency', 'Nusantara Creator Hub', 'Brightline TAP'] as const;

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
  const contentOf = (creatorId: string, channel: Channel): string => {
    if (channel === 'SHOP') return '';
    let pool = videos.get(`${creatorId}|${channel}`);
    if (!pool) {
      pool = Array.from({ length: int(1, 4) }, () => newId(channel === 'VIDEO' ? '74' : '73'));
      videos.set(`${creatorId}|${channel}`, pool);
    }
    return pick(pool);
  };
  const targets = Array.from({ length: 6 }, () => newId('72'));
  const agencies: SimAgency[] = AGENCY_NAMES.slice(0, 2).map((name) => ({ id: newId('77'), name }));
  const campaigns = agencies.map((agency) => ({ id: newId('76'), agency }));
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
    // An agency's campaign near the top, so the first page shows agency lines whatever the seed.
    const agencyOrder = index === 3 || index === 12;
    const seen = new Set<string>();
    const skus: SimOrderSku[] = [];
    for (const product of picked) {
      const sku = pick(product.skus);
      if (seen.has(sku.skuId)) continue;
      seen.add(sku.skuId);
      const r0 = rand();
      const channel: Channel = r0 < 0.6 ? 'VIDEO' : r0 < 0.8 ? 'LIVE' : 'SHOP';
      const r = rand();
      const campaign = agencyOrder || r < 0.1 ? pick(campaigns) : undefined;
      const collaboration: SimOrderSku['collaboration'] = campaign
        ? { kind: 'campaign', id: campaign.id }
        : r < 0.5
          ? { kind: 'target', id: pick(targets) }
          : { kind: 'open', id: openIds.get(product.productId)! };
      // Zero-commission lines: a product whose collaboration pays nothing on showcase orders.
      const zero = index === 9 || chance(0.04);
      const commissionBps = zero ? 0 : collaboration.kind === 'target' ? Math.min(8000, product.commissionBps + pick([0, 300, 500])) : product.commissionBps;
      const adsBps = chance(0.25) ? pick([300, 500, 800, 1000]) : 0;
      const partnerBps = campaign ? pick([500, 800, 1000]) : 0;
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
      // Settled lines are usually paid as estimated; some were adjusted (a partial return, a price change).
      const adjust = settlement === 'SETTLED' && (index === 20 || chance(0.15)) ? 0.6 + rand() * 0.35 : 1;
      const paid = (estimate: number) => (settlement === 'SETTLED' ? Math.round(estimate * adjust) : settlement === 'INELIGIBLE' ? 0 : null);
      skus.push({
        line: skus.length + 1,
        skuId: sku.skuId,
        productId: product.productId,
        creatorId: creator.creatorId,
        quantity,
        unitPriceMinor,
        channel,
        contentId: contentOf(creator.creatorId, channel),
        collaboration,
        ...(campaign && { agency: campaign.agency }),
        commissionBps,
        adsBps,
        partnerBps,
        estimatedMinor,
        actualMinor: paid(estimatedMinor),
        estimatedAdsMinor,
        actualAdsMinor: paid(estimatedAdsMinor),
        estimatedPartnerMinor,
        actualPartnerMinor: campaign ? paid(estimatedPartnerMinor) : null,
        settlement,
        refunded: refundOrder,
        wire: { rateAsString: chance(0.6) },
      });
    }
    return { orderId: newId('57'), createTime, skus };
  });
  seedOddities(orders);
  return orders;
}

/** Where a seeded commission oddity is: the order, the line's position in it, and its SKU (sent only under `orders.sku-ids`). */
export interface Oddity {
  orderId: string;
  line: number;
  skuId: string;
}

/**
 * On the first page, whatever the seed drew: a line with a commission rate whose commission is nothing (not returned,
 * eligible, not free), and a settled line paid far less than its estimate. Both are worth a look.
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

/** The lines changed by `seedOddities` (a zeroed line's estimate is not rate × price). */
const seeded = new WeakMap<SimOrderSku, 'zero' | 'gap'>();

/** The seeded oddities of a shop's orders (see `seedOddities`). */
export function commissionOddities(world: World, shop: SimShop): { zero?: Oddity; gap?: Oddity } {
  const rows = shopOrders(world, shop).slice(0, ORDERS_PAGE_SIZE).flatMap((o) => o.skus.map((s) => ({ o, s })));
  const at = (kind: 'zero' | 'gap') => {
    const found = rows.find(({ s }) => seeded.get(s) === kind);
    return found && { orderId: found.o.orderId, line: found.s.line, skuId: found.s.skuId };
  };
  return { zero: at('zero'), gap: at('gap') };
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
  const variants = wireVariants(req) as ReadonlySet<OrderVariant>;
  const fault = req.url.searchParams.get('cl_fault') === 'shape';
  const json = ordersPage(world, shop, body).map((o) => orderJson(shop, o, variants));
  if (fault) applyFaults(shop, json, faultPlan(world, shop, body));
  // `orders` at the top level [parser], not under `data`.
  return { status: 200, json: { code: CODE_OK, message: 'success', orders: json } };
}

/** A rate in basis points as the asked form writes it: basis points (number or string), percent or fraction. */
export function rateJson(s: SimOrderSku, bps: number, variants: ReadonlySet<OrderVariant>): string | number {
  if (variants.has('orders.rate-percent')) return (bps / 100).toFixed(2);
  if (variants.has('orders.rate-percent-sign')) return `${bps / 100}%`;
  if (variants.has('orders.rate-fraction')) return String(bps / 10_000);
  return s.wire.rateAsString ? String(bps) : bps;
}

function skuJson(shop: SimShop, s: SimOrderSku, variants: ReadonlySet<OrderVariant>): Record<string, unknown> {
  const product = shop.products.find((p) => p.productId === s.productId)!;
  const sku = product.skus.find((k) => k.skuId === s.skuId)!;
  const creator = shop.creators.find((c) => c.creatorId === s.creatorId)!;
  const dec = (minor: number | null) => (minor === null ? '' : decimalOf(shop, minor));
  const rate = (bps: number) => rateJson(s, bps, variants);
  const out: Record<string, unknown> = {
    creator_username: creator.handle,
    creator_nickname: creator.nickname,
    cos_ratio: rate(s.commissionBps),
    estimated_cos_fee: dec(s.estimatedMinor),
    actual_cos_fee: dec(s.actualMinor),
    shop_ads_commission_ratio: rate(s.adsBps),
    estimated_shop_ads_commission: dec(s.estimatedAdsMinor),
    actual_shop_ads_commission: dec(s.actualAdsMinor),
    promotion_position: { promotion_position_type: PROMOTION_POSITION[s.channel] },
  };
  if (s.agency) {
    Object.assign(out, {
      sponsor_id: s.agency.id,
      sponsor_name: s.agency.name,
      sponsor_service_ratio: rate(s.partnerBps),
      estimated_sponsor_cos_fee: dec(s.estimatedPartnerMinor),
      actual_sponsor_cos_fee: dec(s.actualPartnerMinor),
    });
  }
  if (variants.has('orders.sku-ids')) Object.assign(out, { sku_id: s.skuId, product_id: s.productId });
  if (variants.has('orders.product-name')) out.product_name = product.title;
  if (variants.has('orders.open-api-fields')) {
    Object.assign(out, {
      sku_name: sku.desc,
      sku_image: sku.image,
      quantity: s.quantity,
      price: { amount: decimalOf(shop, s.unitPriceMinor), currency: shop.currency },
      content_type: s.channel,
      content_id: s.contentId,
      open_collaboration_id: s.collaboration.kind === 'open' ? s.collaboration.id : '',
      target_collaboration_id: s.collaboration.kind === 'target' ? s.collaboration.id : '',
      campaign_id: s.collaboration.kind === 'campaign' ? s.collaboration.id : '',
      settlement_status: s.settlement,
      fully_return: s.refunded ? 'yes' : 'no',
    });
  }
  return out;
}

function orderJson(shop: SimShop, o: SimOrder, variants: ReadonlySet<OrderVariant>): Record<string, unknown> {
  return {
    main_order_id: o.orderId,
    create_time: variants.has('orders.create-time-string') ? String(o.createTime) : o.createTime,
    sku_detail: o.skus.map((s) => skuJson(shop, s, variants)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Fault mode: the same envelope, with a few lines changed the way a TikTok deploy might change them

/** A line by its order and position: `orderId#line`. */
export const lineKey = (orderId: string, line: number) => `${orderId}#${line}`;

export interface OrdersFaultPlan {
  /** `cos_ratio` becomes `{ "value": "15%" }`. */
  rateObject?: string;
  /** `estimated_cos_fee` becomes display text with the currency code (`"USD 3.75"`). */
  feeText?: string;
  /** `shop_ads_commission_ratio` becomes display text (`"n/a"`). */
  adsRateText?: string;
  /** A single-line order whose `main_order_id` is left out. */
  missingOrderId?: string;
  /** `lineKey` of every line broken on this page, one per fault above. */
  brokenRows: string[];
}

/** Broken lines on a page of at least 11 lines in fault mode: one per fault kind. */
export const FAULT_BROKEN_ROW_COUNT = 4;

/**
 * Which lines of a page are broken in fault mode. Positions count the page's lines in response order, the hostile
 * creator's excluded: 1, 4 and 7 for the line faults; the order fault takes the first single-line order from position 10.
 */
export function faultPlan(world: World, shop: SimShop, body: OrdersBody): OrdersFaultPlan {
  const list = ordersPage(world, shop, body);
  const rows = list.flatMap((o) => o.skus.map((s) => ({ order: o, key: lineKey(o.orderId, s.line), hostile: s.creatorId === HOSTILE.creatorId })));
  const plain = rows.filter((r) => !r.hostile);
  const plan: OrdersFaultPlan = { rateObject: plain[1]?.key, feeText: plain[4]?.key, adsRateText: plain[7]?.key, brokenRows: [] };
  const single = plain.find((r, i) => i >= 10 && r.order.skus.length === 1);
  plan.missingOrderId = single?.key;
  for (const key of [plan.rateObject, plan.feeText, plan.adsRateText, plan.missingOrderId]) if (key) plan.brokenRows.push(key);
  return plan;
}

function applyFaults(shop: SimShop, json: Record<string, unknown>[], plan: OrdersFaultPlan): void {
  for (const order of json) {
    const rows = order.sku_detail as Record<string, unknown>[];
    for (const [i, row] of rows.entries()) {
      const key = lineKey(String(order.main_order_id), i + 1);
      if (key === plan.rateObject) row.cos_ratio = { value: `${Number(row.cos_ratio) / 100}%` };
      if (key === plan.feeText) row.estimated_cos_fee = `${shop.currency} ${String(row.estimated_cos_fee)}`;
      if (key === plan.adsRateText) row.shop_ads_commission_ratio = 'n/a';
      if (key === plan.missingOrderId) delete order.main_order_id;
    }
  }
}
