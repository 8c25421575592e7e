import { z } from 'zod';
import { money, type Money } from '../domain/money';
import { normaliseSettlement } from '../domain/settlement';
import type { OrderSku, Settlement } from '../domain/types';
import { add, type AdapterResult, type EndpointAdapter, type Records, type Rejection } from './types';
import { bps, handle, id, idOrBlank, int, moneyObject, nonNegativeInt, rejectionsOf, text } from './values';

/**
 * POST /api/v1/affiliate/orders: the Affiliate orders page (research/domain.md §3.1), one SKU row ("SKU order") per
 * `sku_detail` element.
 *
 * What the internal response is known to carry [M]: `orders[]{main_order_id, create_time (ms), sku_detail[]{
 * creator_username, creator_nickname, cos_ratio, estimated_cos_fee, shop_ads_commission_ratio,
 * estimated_shop_ads_commission, promotion_position{promotion_position_type}}}`. The rest of a row is not confirmed, so
 * the open-API names of the same SKU row (§1.6) [H] are read as well: `id`, `create_time` in seconds, `skus[]`,
 * `sku_id`, `product_id`, `quantity`, `price`, `content_type`, `content_id`, the collaboration ids, `commission_rate`,
 * `partner_commission_rate`, `shop_ads_commission_rate`, the `estimated_/actual_paid_*` amounts, `fully_return`,
 * `settlement_status`. Assumed [L]: `actual_cos_fee` / `actual_shop_ads_commission` as the internal actual amounts,
 * `product_name` / `sku_name`, `settle_status` or a row `status` for the settlement, `order_status`, and `currency`
 * on the row, the order or `data`.
 *
 * Money arrives as a decimal string in the shop currency or as `{amount, currency}`. A decimal whose currency the
 * response does not name is handed on as `{decimal}`; the sink prices it in the currency of the shop's region.
 */

/** An amount in minor units, or a decimal in the shop currency that the sink prices from the shop's region. */
export type MoneyFact = Money | { decimal: string };

export interface OrderFact {
  orderId: string;
  createdAt: number;
  /** SKU rows the order had in the response (rejected ones included). */
  skuRows: number;
  deliveredAt?: number;
  statusRaw?: string;
}

export interface OrderSkuFact {
  orderId: string;
  skuId: string;
  createdAt: number;
  productId?: string;
  quantity?: number;
  price?: MoneyFact;
  creatorHandle?: string;
  contentType?: OrderSku['contentType'];
  contentTypeRaw?: string;
  contentId?: string;
  collaboration?: OrderSku['collaboration'];
  commissionBps?: number;
  partnerCommissionBps?: number;
  adsCommissionBps?: number;
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
}

declare module './types' {
  interface RecordsMap {
    orders: OrderFact;
    orderSkus: OrderSkuFact;
  }
}

export const orderSkuKey = (f: { orderId: string; skuId: string }) => `${f.orderId}|${f.skuId}`;

const blank = z.literal('').transform(() => undefined);

/** Epoch seconds (open API) or milliseconds (internal API), as a number or a string, to milliseconds. */
const epochTime = int
  .pipe(z.number().int().refine((n) => (n >= 1e9 && n < 1e10) || (n >= 1e12 && n < 1e13), { message: 'not an epoch time' }))
  .transform((n) => (n < 1e10 ? n * 1000 : n));
const timeOrNone = z.union([z.union([z.literal(''), z.literal('0'), z.literal(0)]).transform(() => undefined), epochTime]);

/** Basis points, or `""` where the rate does not apply (a partner rate on a non-campaign order). */
const rate = z.union([blank, bps]).nullish();

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;
const decimal = z.union([z.string().trim().regex(DECIMAL), z.number().finite().transform(String).pipe(z.string().regex(DECIMAL))]);

/** A decimal in the shop currency, a money object, or `""` (not yet known: an actual amount before settlement). */
const amount = z.union([blank, decimal.transform((d): MoneyFact => ({ decimal: d })), moneyObject]).nullish();

const code = z.union([z.string().max(64), z.number().int()]).nullish();
const ISO_CURRENCY = /^[A-Z]{3}$/;
const currency = z.string().max(8).nullish();

const CONTENT_TYPES = new Set(['SHOP', 'VIDEO', 'LIVE', 'PRE_LIVE', 'PROMOTION_PAGE', 'LINKSHARE']);

const skuRow = z.object({
  sku_id: id,
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
  cos_ratio: rate,
  commission_rate: rate,
  partner_commission_rate: rate,
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
  estimated_paid_partner_commission: amount,
  actual_paid_partner_commission: amount,
  settlement_status: code,
  settle_status: code,
  status: code,
  fully_return: z.union([z.boolean(), z.string().max(16), z.number().int()]).nullish(),
});
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
  .refine((o) => Boolean(o.main_order_id ?? o.id), { message: 'no order id', path: ['main_order_id'] });

const envelope = z.object({
  code: int.optional(),
  data: z.object({ orders: z.array(z.unknown()).nullish(), currency }).nullish(),
  orders: z.array(z.unknown()).nullish(),
});

/** Ids the APIs send as `"0"` for "none" are none. */
const realId = (v: string | null | undefined) => (v && v !== '0' ? v : undefined);
const iso = (c: string | null | undefined) => (c && ISO_CURRENCY.test(c) ? c : undefined);
const isMoney = (m: MoneyFact | undefined): m is Money => m !== undefined && 'minor' in m;

function contentTypeOf(r: SkuRow): { contentType?: OrderSku['contentType']; contentTypeRaw?: string } {
  const raw = r.content_type ?? r.promotion_position?.promotion_position_type;
  if (raw === null || raw === undefined || raw === '') return {};
  const s = String(raw).toUpperCase();
  return CONTENT_TYPES.has(s) ? { contentType: s as OrderSku['contentType'] } : { contentType: 'OTHER', contentTypeRaw: String(raw) };
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

const isYes = (v: SkuRow['fully_return']) => v === true || v === 1 || (typeof v === 'string' && ['yes', 'true', '1'].includes(v.trim().toLowerCase()));

function skuFact(r: SkuRow, orderId: string, createdAt: number, orderCurrency: string | undefined): OrderSkuFact {
  const refunded = isYes(r.fully_return);
  const amounts = {
    price: r.price ?? undefined,
    estimatedCommission: r.estimated_cos_fee ?? r.estimated_paid_commission ?? r.estimated_commission ?? undefined,
    actualCommission: r.actual_cos_fee ?? r.actual_paid_commission ?? r.actual_commission ?? undefined,
    estimatedAdsCommission: r.estimated_shop_ads_commission ?? r.estimated_paid_shop_ads_commission ?? undefined,
    actualAdsCommission: r.actual_shop_ads_commission ?? r.actual_paid_shop_ads_commission ?? undefined,
    estimatedPartnerCommission: r.estimated_paid_partner_commission ?? undefined,
    actualPartnerCommission: r.actual_paid_partner_commission ?? undefined,
  };
  // A fully returned order pays no commission: what was not sent as paid is zero.
  if (refunded) {
    amounts.actualCommission ??= { decimal: '0' };
    if (amounts.estimatedAdsCommission) amounts.actualAdsCommission ??= { decimal: '0' };
    if (amounts.estimatedPartnerCommission) amounts.actualPartnerCommission ??= { decimal: '0' };
  }
  // The currency of the row's bare decimals: named on the row, carried by one of its money objects, or named on the order.
  const rowCurrency = iso(r.currency) ?? Object.values(amounts).find(isMoney)?.currency ?? orderCurrency;
  const priced = (m: MoneyFact | undefined): MoneyFact | undefined =>
    m && !isMoney(m) && rowCurrency ? (money(m.decimal, rowCurrency) ?? m) : m;
  return {
    orderId,
    skuId: r.sku_id,
    createdAt,
    productId: r.product_id ?? undefined,
    quantity: r.quantity ?? undefined,
    creatorHandle: r.creator_username ?? undefined,
    ...contentTypeOf(r),
    contentId: r.content_id || undefined,
    collaboration: collaborationOf(r),
    commissionBps: r.commission_rate ?? r.cos_ratio ?? undefined,
    partnerCommissionBps: r.partner_commission_rate ?? undefined,
    adsCommissionBps: r.shop_ads_commission_rate ?? r.shop_ads_commission_ratio ?? undefined,
    price: priced(amounts.price),
    estimatedCommission: priced(amounts.estimatedCommission),
    actualCommission: priced(amounts.actualCommission),
    estimatedAdsCommission: priced(amounts.estimatedAdsCommission),
    actualAdsCommission: priced(amounts.actualAdsCommission),
    estimatedPartnerCommission: priced(amounts.estimatedPartnerCommission),
    actualPartnerCommission: priced(amounts.actualPartnerCommission),
    ...settlementOf(r),
    refunded: refunded ? 1 : 0,
  };
}

function parse(json: unknown): AdapterResult {
  const records: Records = {};
  const rejections: Rejection[] = [];
  const env = envelope.safeParse(json);
  if (!env.success) return { records, accepted: 0, rejections: rejectionsOf('', env.error) };
  // An error envelope (captcha, quota, bad parameters) is the page's business, not a changed shape.
  if (env.data.code !== undefined && env.data.code !== 0) return { records, accepted: 0, rejections, skipped: true };
  const list = env.data.data?.orders ?? env.data.orders ?? [];
  const dataCurrency = iso(env.data.data?.currency);

  let accepted = 0;
  for (const el of list) {
    const head = orderHead.safeParse(el);
    if (!head.success) {
      rejections.push(...rejectionsOf('orders[]', head.error));
      continue;
    }
    const o = head.data;
    const orderId = (o.main_order_id ?? o.id) as string;
    const rowsKey = o.sku_detail ? 'sku_detail' : 'skus';
    const rows = o.sku_detail ?? o.skus ?? [];
    const orderCurrency = iso(o.currency) ?? dataCurrency;
    let any = false;
    for (const raw of rows) {
      const parsed = skuRow.safeParse(raw);
      if (!parsed.success) {
        rejections.push(...rejectionsOf(`orders[].${rowsKey}[]`, parsed.error));
        continue;
      }
      const r = parsed.data;
      any = true;
      accepted += 1;
      add(records, 'orderSkus', skuFact(r, orderId, o.create_time, orderCurrency));
      if (r.creator_username) add(records, 'creators', { handle: r.creator_username, nickname: r.creator_nickname ?? undefined, aliases: [] });
      const title = r.product_name ?? r.product_title;
      if (r.product_id && title) add(records, 'products', { productId: r.product_id, title });
      if (r.product_id) add(records, 'skus', { skuId: r.sku_id, productId: r.product_id, description: r.sku_name ?? undefined });
    }
    if (any) {
      const statusRaw = o.order_status ?? o.status;
      add(records, 'orders', {
        orderId,
        createdAt: o.create_time,
        skuRows: rows.length,
        deliveredAt: o.delivery_time ?? undefined,
        statusRaw: statusRaw === null || statusRaw === undefined || statusRaw === '' ? undefined : String(statusRaw),
      });
    }
  }
  return { records, accepted, rejections };
}

export const ordersList: EndpointAdapter = { parse };
