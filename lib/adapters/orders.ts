import { z } from 'zod';
import { money, type Money } from '../domain/money';
import { normaliseSettlement } from '../domain/settlement';
import type { OrderSku, RateForm, Settlement } from '../domain/types';
import { readsOf } from '../shapes/reads';
import { add, type AdapterResult, type EndpointAdapter, type Records, type Rejection } from './types';
import { handle, idOrBlank, int, moneyObject, nonNegativeInt, rejectionsOf, text } from './values';

/**
 * POST /api/v1/affiliate/orders: the Affiliate orders page, one line ("SKU order") per `sku_detail` element.
 *
 * [parser] (research/real-shapes.md §2, several independent jobs): `orders[]` at the top level, each with
 * `main_order_id`, `create_time` (epoch ms, a JSON number there) and `sku_detail[]{creator_username, creator_nickname,
 * cos_ratio, estimated_cos_fee, actual_cos_fee, shop_ads_commission_ratio, estimated_shop_ads_commission,
 * actual_shop_ads_commission, promotion_position{promotion_position_type}}`, and on orders through an agency (TAP
 * partner campaign) `sponsor_id`, `sponsor_name`, `sponsor_service_ratio`, `estimated_sponsor_cos_fee`,
 * `actual_sponsor_cos_fee`. `promotion_position_type`: 1 product card / showcase, 2 video, 3 LIVE (reconciled by one
 * team against the export's Order Channel column): stored as SHOP / VIDEO / LIVE with the code kept.
 *
 * [unknown]: whether a line carries `sku_id` / `product_id` (no public parser reads them), and the units of the rates.
 * A line without a SKU id is still a line: keyed by its order and position (`orderSkuKey`); one without a product id
 * but with a product name is joined to the shop's product of that name by the sink. Rates: see `readRate`.
 *
 * Still accepted, from the first map (domain.md §1.6, the open API's names of the same row): `data.orders`, `id`,
 * `create_time` in seconds or as a string, `skus[]`, `sku_id`, `product_id`, `product_name` / `product_title`,
 * `sku_name`, `quantity`, `price`, `content_type`, `content_id`, the collaboration ids, `commission_rate`,
 * `partner_commission_rate`, `shop_ads_commission_rate`, the `estimated_/actual_paid_*` amounts, `fully_return`,
 * `settlement_status` (or `settle_status`, a row `status`), `order_status`, `delivery_time` and `currency`.
 *
 * Money arrives as a decimal (string or number) in the shop currency or as `{amount, currency}`. A decimal whose
 * currency the answer does not name is handed on as `{decimal}`; the sink prices it in the currency of the shop's region.
 */

/** An amount in minor units, or a decimal in the shop currency that the sink prices from the shop's region. */
export type MoneyFact = Money | { decimal: string };

export interface OrderFact {
  orderId: string;
  createdAt: number;
  /** Lines the order had in the response (rejected ones included). */
  skuRows: number;
  deliveredAt?: number;
  statusRaw?: string;
}

export interface OrderSkuFact {
  orderId: string;
  skuId?: string;
  /** 1-based position among the order's lines as sent. */
  line?: number;
  createdAt: number;
  productId?: string;
  productTitle?: string;
  quantity?: number;
  price?: MoneyFact;
  creatorHandle?: string;
  contentType?: OrderSku['contentType'];
  contentTypeRaw?: string;
  contentId?: string;
  collaboration?: OrderSku['collaboration'];
  partner?: OrderSku['partner'];
  commissionBps?: number;
  partnerCommissionBps?: number;
  adsCommissionBps?: number;
  rateForms?: OrderSku['rateForms'];
  estimatedCommission?: MoneyFact;
  actualCommission?: MoneyFact;
  estimatedAdsCommission?: MoneyFact;
  actualAdsCommission?: MoneyFact;
  estimatedPartnerCommission?: MoneyFact;
  actualPartnerCommission?: MoneyFact;
  settlement: Settlement;
  settlementRaw: string;
  settlementField?: string;
  refunded: 0 | 1;
  refundedField?: string;
}

declare module './types' {
  interface RecordsMap {
    orders: OrderFact;
    orderSkus: OrderSkuFact;
  }
}

/**
 * A line's key: `orderId|skuId`, or `orderId|#n` (its 1-based position) when it came without a SKU id. Positions are
 * stable as long as the page lists an order's lines in the same order, which every sighting so far does.
 */
export const orderSkuKey = (f: { orderId: string; skuId?: string; line?: number }) => (f.skuId ? `${f.orderId}|${f.skuId}` : `${f.orderId}|#${f.line ?? 0}`);

const blank = z.literal('').transform(() => undefined);

/** Epoch seconds (open API) or milliseconds (internal API), as a number or a string, to milliseconds. */
const epochTime = int
  .pipe(z.number().int().refine((n) => (n >= 1e9 && n < 1e10) || (n >= 1e12 && n < 1e13), { message: 'not an epoch time' }))
  .transform((n) => (n < 1e10 ? n * 1000 : n));
const timeOrNone = z.union([z.union([z.literal(''), z.literal('0'), z.literal(0)]).transform(() => undefined), epochTime]);

/** A rate as written, before its form is known: `1000`, `"1000"`, `"10.00"`, `"10%"`, `"0.1"`, or `""` (does not apply). */
const rate = z
  .union([
    blank,
    z.string().trim().regex(/^\d{1,6}(\.\d{1,6})?%?$/),
    z.number().finite().nonnegative().max(1e6),
  ])
  .nullish();

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;
const decimal = z.union([z.string().trim().regex(DECIMAL), z.number().finite().transform(String).pipe(z.string().regex(DECIMAL))]);

/** A decimal in the shop currency, a money object, or `""` (not yet known: an actual amount before settlement). */
const amount = z.union([blank, decimal.transform((d): MoneyFact => ({ decimal: d })), moneyObject]).nullish();

const code = z.union([z.string().max(64), z.number().int()]).nullish();
const ISO_CURRENCY = /^[A-Z]{3}$/;
const currency = z.string().max(8).nullish();

const CONTENT_TYPES = new Set(['SHOP', 'VIDEO', 'LIVE', 'PRE_LIVE', 'PROMOTION_PAGE', 'LINKSHARE']);
/** `promotion_position_type` [parser]: 1 product card / showcase, 2 video, 3 LIVE. */
const PROMOTION_POSITIONS: Readonly<Record<string, NonNullable<OrderSku['contentType']>>> = { '1': 'SHOP', '2': 'VIDEO', '3': 'LIVE' };

const skuRowShape = {
  sku_id: idOrBlank.nullish(),
  product_id: idOrBlank.nullish(),
  product_name: text(1000).nullish(),
  product_title: text(1000).nullish(),
  sku_name: text(500).nullish(),
  quantity: nonNegativeInt.nullish(),
  price: amount,
  currency,
  creator_username: z.union([blank, handle]).nullish(),
  creator_nickname: text(200).nullish(),
  content_type: code,
  content_id: z.union([idOrBlank, z.string().max(128)]).nullish(),
  promotion_position: z.object({ promotion_position_type: code }).nullish(),
  open_collaboration_id: idOrBlank.nullish(),
  target_collaboration_id: idOrBlank.nullish(),
  campaign_id: idOrBlank.nullish(),
  sponsor_id: idOrBlank.nullish(),
  sponsor_name: text(200).nullish(),
  cos_ratio: rate,
  commission_rate: rate,
  partner_commission_rate: rate,
  sponsor_service_ratio: rate,
  shop_ads_commission_ratio: rate,
  shop_ads_commission_rate: rate,
  estimated_cos_fee: amount,
  estimated_paid_commission: amount,
  estimated_commission: amount,
  actual_cos_fee: amount,
  actual_paid_commission: amount,
  actual_commission: amount,
  estimated_shop_ads_commission: amount,
  estimated_paid_shop_ads_commission: amount,
  actual_shop_ads_commission: amount,
  actual_paid_shop_ads_commission: amount,
  estimated_sponsor_cos_fee: amount,
  actual_sponsor_cos_fee: amount,
  estimated_paid_partner_commission: amount,
  actual_paid_partner_commission: amount,
  settlement_status: code,
  settle_status: code,
  status: code,
  fully_return: z.union([z.boolean(), z.string().max(16), z.number().int()]).nullish(),
};

/** A line must carry something this adapter reads: an element with none of it is a changed shape, not an empty line. */
const skuRow = z
  .object(skuRowShape)
  .refine((r) => Object.values(r).some((v) => v !== undefined && v !== null), { message: 'nothing known on the line' });
type SkuRow = z.output<typeof skuRow>;

const orderHead = z
  .object({
    main_order_id: idOrBlank.nullish(),
    id: idOrBlank.nullish(),
    create_time: epochTime,
    delivery_time: timeOrNone.nullish(),
    status: code,
    order_status: code,
    currency,
    sku_detail: z.array(z.unknown()).nullish(),
    skus: z.array(z.unknown()).nullish(),
  })
  .refine((o) => Boolean(o.main_order_id ?? o.id), { message: 'no order id', path: ['main_order_id'] })
  // An order is its lines: one sent without any is a changed shape, not an empty order.
  .refine((o) => Boolean(o.sku_detail?.length ?? o.skus?.length), { message: 'no lines', path: ['sku_detail'] });

const envelope = z.object({
  code: int.optional(),
  data: z.object({ orders: z.array(z.unknown()).nullish(), currency }).nullish(),
  orders: z.array(z.unknown()).nullish(),
});

/** Ids the APIs send as `"0"` for "none" are none. */
const realId = (v: string | null | undefined) => (v && v !== '0' ? v : undefined);
const iso = (c: string | null | undefined) => (c && ISO_CURRENCY.test(c) ? c : undefined);
const isMoney = (m: MoneyFact | undefined): m is Money => m !== undefined && 'minor' in m;

// ── Rates ──────────────────────────────────────────────────────────────────────────────────────────────────────────

type RawRate = string | number;
const RATE_FIELDS = {
  commission: ['commission_rate', 'cos_ratio'],
  partner: ['partner_commission_rate', 'sponsor_service_ratio'],
  ads: ['shop_ads_commission_rate', 'shop_ads_commission_ratio'],
} as const satisfies Record<keyof NonNullable<OrderSku['rateForms']>, readonly (keyof SkuRow)[]>;

/** How a rate is written: `"10%"`; an integer (`1000`, `"1000"`); a decimal (`"10.00"`, `"0.1"`, `0.1`). */
function writing(raw: RawRate): { kind: 'percent' | 'integer' | 'decimal'; value: number } {
  if (typeof raw === 'number') return { kind: Number.isInteger(raw) ? 'integer' : 'decimal', value: raw };
  if (raw.endsWith('%')) return { kind: 'percent', value: Number(raw.slice(0, -1)) };
  return { kind: raw.includes('.') ? 'decimal' : 'integer', value: Number(raw) };
}

/**
 * What the rates of one answer say about their form. We assume an answer writes all its rates alike (one formatter; the
 * units are [unknown]), so a rate that can only be a percent (`"10%"`, a decimal above 1) tells how the answer's small
 * decimals read, and an integer above 100 (only basis points) tells that the answer counts in basis points.
 */
interface RateContext {
  percent: boolean;
  bps: boolean;
  /** Some rate is a decimal between 0 and 1: a fraction, unless the answer writes percents. */
  small: boolean;
}

function rateContext(raws: readonly RawRate[]): RateContext {
  const w = raws.map(writing);
  return {
    percent: w.some((x) => x.kind === 'percent' || (x.kind === 'decimal' && x.value > 1)),
    bps: w.some((x) => x.kind === 'integer' && x.value > 100),
    small: w.some((x) => x.kind === 'decimal' && x.value > 0 && x.value <= 1),
  };
}

/** The form a zero is counted in: the answer's (zero is zero in every form). */
const zeroForm = (ctx: RateContext): RateForm => (ctx.percent ? 'percent' : ctx.bps || !ctx.small ? 'bps' : 'fraction');

/**
 * A rate to basis points with the form it was written in, or why it cannot be read:
 * - `"10%"`: percent, 0–100;
 * - an integer (`1000`, `"1000"`): basis points, 0–10,000; but up to 100 it is ambiguous in an answer that writes
 *   percents or fractions (`10` may be 10%, `1` may be 100%): never read as basis points then;
 * - a decimal above 1 (`"10.00"`): percent, up to 100;
 * - a decimal up to 1 (`"0.1"`): a fraction, or a percent in an answer that writes percents (`"0.50"` beside
 *   `"10.00"`); ambiguous in an answer that counts in basis points and writes no percent.
 * Zero is zero in every form; it is recorded in the form the answer's other rates show.
 */
function readRate(raw: RawRate, ctx: RateContext): { bps: number; form: RateForm } | { error: 'too_big' | 'ambiguous_rate' } {
  const { kind, value } = writing(raw);
  const inRange = (bps: number, form: RateForm) => (bps <= 10_000 ? { bps: Math.round(bps), form } : { error: 'too_big' as const });
  if (value === 0 && kind !== 'percent') return { bps: 0, form: zeroForm(ctx) };
  if (kind === 'percent') return inRange(value * 100, 'percent');
  if (kind === 'integer') {
    if ((ctx.percent || (ctx.small && !ctx.bps)) && value <= 100) return { error: 'ambiguous_rate' };
    return inRange(value, 'bps');
  }
  if (value > 1 || ctx.percent) return inRange(value * 100, 'percent');
  if (ctx.bps) return { error: 'ambiguous_rate' };
  return inRange(value * 10_000, 'fraction');
}

type Rates = Pick<OrderSkuFact, 'commissionBps' | 'partnerCommissionBps' | 'adsCommissionBps' | 'rateForms'>;

/** The line's rates, each from the first of its fields that is set (open-API name first), or the rejections. */
function ratesOf(r: SkuRow, ctx: RateContext, path: string): Rates | Rejection[] {
  const out: Rates = {};
  const forms: NonNullable<OrderSku['rateForms']> = {};
  const rejections: Rejection[] = [];
  const target = { commission: 'commissionBps', partner: 'partnerCommissionBps', ads: 'adsCommissionBps' } as const;
  for (const [part, fields] of Object.entries(RATE_FIELDS) as [keyof typeof RATE_FIELDS, readonly (keyof SkuRow)[]][]) {
    const field = fields.find((f) => r[f] !== undefined && r[f] !== null);
    if (!field) continue;
    const read = readRate(r[field] as RawRate, ctx);
    if ('error' in read) rejections.push({ path: `${path}.${field}`, code: read.error });
    else {
      out[target[part]] = read.bps;
      forms[part] = read.form;
    }
  }
  if (rejections.length) return rejections;
  if (Object.keys(forms).length) out.rateForms = forms;
  return out;
}

// ── Lines ──────────────────────────────────────────────────────────────────────────────────────────────────────────

function contentTypeOf(r: SkuRow): { contentType?: OrderSku['contentType']; contentTypeRaw?: string } {
  const named = r.content_type;
  if (named !== null && named !== undefined && named !== '') {
    const s = String(named).toUpperCase();
    return CONTENT_TYPES.has(s) ? { contentType: s as OrderSku['contentType'] } : { contentType: 'OTHER', contentTypeRaw: String(named) };
  }
  const position = r.promotion_position?.promotion_position_type;
  if (position === null || position === undefined || position === '') return {};
  const raw = String(position);
  return { contentType: PROMOTION_POSITIONS[raw.trim()] ?? 'OTHER', contentTypeRaw: raw };
}

function settlementOf(r: SkuRow): Pick<OrderSkuFact, 'settlement' | 'settlementRaw' | 'settlementField'> {
  for (const field of ['settlement_status', 'settle_status', 'status'] as const) {
    const raw = r[field];
    if (raw === null || raw === undefined || raw === '') continue;
    const settlementRaw = String(raw);
    return { settlement: typeof raw === 'string' ? normaliseSettlement(raw) : 'UNKNOWN', settlementRaw, settlementField: field };
  }
  return { settlement: 'UNKNOWN', settlementRaw: '' };
}

function collaborationOf(r: SkuRow): OrderSku['collaboration'] {
  const campaign = realId(r.campaign_id);
  if (campaign) return { kind: 'campaign', id: campaign };
  const target = realId(r.target_collaboration_id);
  if (target) return { kind: 'target', id: target };
  const open = realId(r.open_collaboration_id);
  return open ? { kind: 'open', id: open } : undefined;
}

function partnerOf(r: SkuRow): OrderSku['partner'] {
  const partnerId = realId(r.sponsor_id);
  const name = r.sponsor_name?.trim() || undefined;
  return partnerId || name ? { ...(partnerId && { id: partnerId }), ...(name && { name }) } : undefined;
}

const isYes = (v: SkuRow['fully_return']) => v === true || v === 1 || (typeof v === 'string' && ['yes', 'true', '1'].includes(v.trim().toLowerCase()));

function skuFact(r: SkuRow, rates: Rates, head: { orderId: string; createdAt: number; line: number; currency?: string }): OrderSkuFact {
  const refundSent = r.fully_return !== undefined && r.fully_return !== null && r.fully_return !== '';
  const refunded = isYes(r.fully_return);
  const amounts = {
    price: r.price ?? undefined,
    estimatedCommission: r.estimated_cos_fee ?? r.estimated_paid_commission ?? r.estimated_commission ?? undefined,
    actualCommission: r.actual_cos_fee ?? r.actual_paid_commission ?? r.actual_commission ?? undefined,
    estimatedAdsCommission: r.estimated_shop_ads_commission ?? r.estimated_paid_shop_ads_commission ?? undefined,
    actualAdsCommission: r.actual_shop_ads_commission ?? r.actual_paid_shop_ads_commission ?? undefined,
    estimatedPartnerCommission: r.estimated_sponsor_cos_fee ?? r.estimated_paid_partner_commission ?? undefined,
    actualPartnerCommission: r.actual_sponsor_cos_fee ?? r.actual_paid_partner_commission ?? undefined,
  };
  // A fully returned order pays no commission: what was not sent as paid is zero.
  if (refunded) {
    amounts.actualCommission ??= { decimal: '0' };
    if (amounts.estimatedAdsCommission) amounts.actualAdsCommission ??= { decimal: '0' };
    if (amounts.estimatedPartnerCommission) amounts.actualPartnerCommission ??= { decimal: '0' };
  }
  // The currency of the line's bare decimals: named on the line, carried by one of its money objects, or on the order.
  const rowCurrency = iso(r.currency) ?? Object.values(amounts).find(isMoney)?.currency ?? head.currency;
  const priced = (m: MoneyFact | undefined): MoneyFact | undefined => (m && !isMoney(m) && rowCurrency ? (money(m.decimal, rowCurrency) ?? m) : m);
  const skuId = realId(r.sku_id);
  const title = (r.product_name ?? r.product_title)?.trim() || undefined;
  return {
    orderId: head.orderId,
    ...(skuId && { skuId }),
    line: head.line,
    createdAt: head.createdAt,
    productId: realId(r.product_id),
    ...(title && { productTitle: title }),
    quantity: r.quantity ?? undefined,
    creatorHandle: r.creator_username ?? undefined,
    ...contentTypeOf(r),
    contentId: r.content_id || undefined,
    collaboration: collaborationOf(r),
    partner: partnerOf(r),
    ...rates,
    price: priced(amounts.price),
    estimatedCommission: priced(amounts.estimatedCommission),
    actualCommission: priced(amounts.actualCommission),
    estimatedAdsCommission: priced(amounts.estimatedAdsCommission),
    actualAdsCommission: priced(amounts.actualAdsCommission),
    estimatedPartnerCommission: priced(amounts.estimatedPartnerCommission),
    actualPartnerCommission: priced(amounts.actualPartnerCommission),
    ...settlementOf(r),
    refunded: refunded ? 1 : 0,
    ...(refundSent && { refundedField: 'fully_return' }),
  };
}

interface ParsedOrder {
  orderId: string;
  createdAt: number;
  deliveredAt?: number;
  statusRaw?: string;
  currency?: string;
  rowsKey: 'sku_detail' | 'skus';
  rows: unknown[];
}

function parse(json: unknown): AdapterResult {
  const records: Records = {};
  const rejections: Rejection[] = [];
  const env = envelope.safeParse(json);
  if (!env.success) return { records, accepted: 0, rejections: rejectionsOf('', env.error) };
  // An error envelope (captcha, quota, bad parameters) is the page's business, not a changed shape.
  if (env.data.code !== undefined && env.data.code !== 0) return { records, accepted: 0, rejections, skipped: true };
  const [listPath, list] = env.data.orders ? ['orders', env.data.orders] : ['data.orders', env.data.data?.orders ?? []];
  const dataCurrency = iso(env.data.data?.currency);

  // First every order and line, then the rates: how one rate reads depends on how the answer writes the others.
  const orders: { order: ParsedOrder; lines: (SkuRow | undefined)[] }[] = [];
  for (const el of list) {
    const head = orderHead.safeParse(el);
    if (!head.success) {
      rejections.push(...rejectionsOf(`${listPath}[]`, head.error));
      continue;
    }
    const o = head.data;
    const statusRaw = o.order_status ?? o.status;
    const order: ParsedOrder = {
      orderId: (o.main_order_id ?? o.id) as string,
      createdAt: o.create_time,
      deliveredAt: o.delivery_time ?? undefined,
      statusRaw: statusRaw === null || statusRaw === undefined || statusRaw === '' ? undefined : String(statusRaw),
      currency: iso(o.currency) ?? dataCurrency,
      rowsKey: o.sku_detail ? 'sku_detail' : 'skus',
      rows: o.sku_detail ?? o.skus ?? [],
    };
    const lines = order.rows.map((raw) => {
      const parsed = skuRow.safeParse(raw);
      if (parsed.success) return parsed.data;
      rejections.push(...rejectionsOf(`${listPath}[].${order.rowsKey}[]`, parsed.error));
      return undefined;
    });
    orders.push({ order, lines });
  }
  const ctx = rateContext(
    orders.flatMap(({ lines }) =>
      lines.flatMap((r) => (r ? Object.values(RATE_FIELDS).flatMap((fields) => fields.map((f) => r[f]).filter((v): v is RawRate => v !== undefined && v !== null)) : [])),
    ),
  );

  let accepted = 0;
  for (const { order, lines } of orders) {
    let any = false;
    for (const [i, r] of lines.entries()) {
      if (!r) continue;
      const rates = ratesOf(r, ctx, `${listPath}[].${order.rowsKey}[]`);
      if (Array.isArray(rates)) {
        rejections.push(...rates);
        continue;
      }
      any = true;
      accepted += 1;
      const fact = skuFact(r, rates, { orderId: order.orderId, createdAt: order.createdAt, line: i + 1, currency: order.currency });
      add(records, 'orderSkus', fact);
      if (r.creator_username) add(records, 'creators', { handle: r.creator_username, nickname: r.creator_nickname ?? undefined, aliases: [] });
      if (fact.productId && fact.productTitle) add(records, 'products', { productId: fact.productId, title: fact.productTitle });
      if (fact.productId && fact.skuId) add(records, 'skus', { skuId: fact.skuId, productId: fact.productId, description: r.sku_name ?? undefined });
    }
    if (any) {
      add(records, 'orders', { orderId: order.orderId, createdAt: order.createdAt, skuRows: order.rows.length, deliveredAt: order.deliveredAt, statusRaw: order.statusRaw });
    }
  }
  return { records, accepted, rejections };
}

const skuRowReads = z.object(skuRowShape);

export const ordersList: EndpointAdapter = {
  parse,
  reads: readsOf({
    '': envelope,
    'orders[]': orderHead,
    'data.orders[]': orderHead,
    'orders[].sku_detail[]': skuRowReads,
    'orders[].skus[]': skuRowReads,
    'data.orders[].sku_detail[]': skuRowReads,
    'data.orders[].skus[]': skuRowReads,
  }),
};
