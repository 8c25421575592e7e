import { orderSkuKey, type MoneyFact, type OrderFact, type OrderSkuFact } from '../../adapters/orders';
import { currencyOfRegion, regionOfShopKey } from '../../domain/currency';
import { money, type Money } from '../../domain/money';
import type { Order, OrderSku, Product } from '../../domain/types';
import type { Sighting } from '../merge';
import { mergeAll, type Sink } from './sink';

const span = (prev: { firstSeenAt: number; lastSeenAt: number } | undefined, seenAt: number) => ({
  firstSeenAt: Math.min(prev?.firstSeenAt ?? seenAt, seenAt),
  lastSeenAt: Math.max(prev?.lastSeenAt ?? seenAt, seenAt),
});

/** A fact's amount as Money: a bare decimal is in the currency of the shop's region; without one it is not stored. */
function priceIn(m: MoneyFact | undefined, currency: string | undefined): Money | undefined {
  if (!m) return undefined;
  if ('minor' in m) return m;
  return currency ? money(m.decimal, currency) : undefined;
}

function mergeOrder(prev: Order | undefined, fact: OrderFact, s: Sighting): Order {
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  if (!newer) return { ...prev, ...span(prev, s.seenAt) };
  return {
    orderId: fact.orderId,
    shopKey: prev?.shopKey ?? s.shopKey,
    createdAt: fact.createdAt,
    skuRows: fact.skuRows,
    deliveredAt: fact.deliveredAt ?? prev?.deliveredAt,
    statusRaw: fact.statusRaw ?? prev?.statusRaw,
    source: s.source,
    ...span(prev, s.seenAt),
  };
}

interface MergedOrderSku {
  sku: OrderSku;
  /** Set when this sighting is the first of a settlement status for the row. */
  settlementChanged: boolean;
}

/** The commission amounts and refund flag, kept as dated snapshots when they change (estimated → actual). */
const commissionValues = (sku: OrderSku): Record<string, unknown> => ({
  estimatedCommission: sku.estimatedCommission,
  actualCommission: sku.actualCommission,
  estimatedAdsCommission: sku.estimatedAdsCommission,
  actualAdsCommission: sku.actualAdsCommission,
  estimatedPartnerCommission: sku.estimatedPartnerCommission,
  actualPartnerCommission: sku.actualPartnerCommission,
  refunded: sku.refunded,
});

/**
 * One line meets what is stored. An older sighting changes nothing but the seen span; a settlement status that cannot
 * be read (`UNKNOWN`) never replaces a known one, nor does a sighting that does not say whether the order was returned
 * change what an earlier one said; an amount a newer sighting leaves out keeps its stored value. A line sent without a
 * product id takes `joinedProductId`, the shop's product of its name (see `productsByTitle`).
 */
function mergeOrderSku(prev: OrderSku | undefined, fact: OrderSkuFact, s: Sighting, joinedProductId?: string): MergedOrderSku {
  if (prev && s.seenAt < prev.lastSeenAt) return { sku: { ...prev, ...span(prev, s.seenAt) }, settlementChanged: false };
  const keepSettlement = prev !== undefined && fact.settlement === 'UNKNOWN' && prev.settlement !== 'UNKNOWN';
  const settlement = keepSettlement ? prev.settlement : fact.settlement;
  const currency = currencyOfRegion(regionOfShopKey(prev?.shopKey ?? s.shopKey));
  const m = (v: MoneyFact | undefined, old: Money | undefined) => priceIn(v, currency) ?? old;
  const refundSaid = fact.refundedField !== undefined;
  return {
    settlementChanged: !prev || prev.settlement !== settlement,
    sku: {
      key: orderSkuKey(fact),
      orderId: fact.orderId,
      shopKey: prev?.shopKey ?? s.shopKey,
      createdAt: fact.createdAt,
      productId: fact.productId ?? prev?.productId ?? joinedProductId,
      skuId: fact.skuId ?? prev?.skuId,
      line: fact.line ?? prev?.line,
      productTitle: fact.productTitle ?? prev?.productTitle,
      quantity: fact.quantity ?? prev?.quantity,
      price: m(fact.price, prev?.price),
      creatorHandle: fact.creatorHandle ?? prev?.creatorHandle,
      contentType: fact.contentType ?? prev?.contentType,
      contentTypeRaw: fact.contentType ? fact.contentTypeRaw : prev?.contentTypeRaw,
      contentId: fact.contentId ?? prev?.contentId,
      collaboration: fact.collaboration ?? prev?.collaboration,
      partner: fact.partner ?? prev?.partner,
      rateForms: fact.rateForms ?? prev?.rateForms,
      commissionBps: fact.commissionBps ?? prev?.commissionBps,
      partnerCommissionBps: fact.partnerCommissionBps ?? prev?.partnerCommissionBps,
      adsCommissionBps: fact.adsCommissionBps ?? prev?.adsCommissionBps,
      estimatedCommission: m(fact.estimatedCommission, prev?.estimatedCommission),
      actualCommission: m(fact.actualCommission, prev?.actualCommission),
      estimatedAdsCommission: m(fact.estimatedAdsCommission, prev?.estimatedAdsCommission),
      actualAdsCommission: m(fact.actualAdsCommission, prev?.actualAdsCommission),
      estimatedPartnerCommission: m(fact.estimatedPartnerCommission, prev?.estimatedPartnerCommission),
      actualPartnerCommission: m(fact.actualPartnerCommission, prev?.actualPartnerCommission),
      settlement,
      settlementRaw: keepSettlement ? prev.settlementRaw : fact.settlementRaw,
      settlementField: keepSettlement ? prev.settlementField : (fact.settlementField ?? prev?.settlementField),
      refunded: refundSaid ? fact.refunded : (prev?.refunded ?? fact.refunded),
      refundedField: fact.refundedField ?? prev?.refundedField,
      snapshotHash: prev?.snapshotHash,
      source: s.source,
      ...span(prev, s.seenAt),
    },
  };
}

export const ordersSink: Sink<OrderFact> = {
  keyOf: (f) => f.orderId,
  table: 'orders',
  apply: async ({ tables, sighting }, facts) => {
    await mergeAll<Order, OrderFact>(tables.orders, facts, (f) => f.orderId, (prev, f) => mergeOrder(prev, f, sighting));
  },
};

/** A product name as names are compared: whitespace collapsed, case folded. */
const titleKey = (title: string) => title.replace(/\s+/g, ' ').trim().toLowerCase();

/** The shop's products by name, for lines sent with a name but no product id; a name two products share joins none. */
function productsByTitle(products: readonly Product[]): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const p of products) {
    const k = titleKey(p.title);
    if (k) out.set(k, out.has(k) && out.get(k) !== p.productId ? undefined : p.productId);
  }
  return out;
}

export const orderSkusSink: Sink<OrderSkuFact> = {
  keyOf: orderSkuKey,
  table: 'orderSkus',
  apply: async ({ tables, sighting, history, query }, facts) => {
    const needJoin = facts.some((f) => !f.productId && f.productTitle);
    const titles = needJoin ? productsByTitle(await query((db) => db.products.where('shopKey').equals(sighting.shopKey).toArray())) : undefined;
    await mergeAll<OrderSku, OrderSkuFact>(tables.orderSkus, facts, orderSkuKey, (prev, f) => {
      const joined = !f.productId && f.productTitle ? titles?.get(titleKey(f.productTitle)) : undefined;
      const { sku, settlementChanged } = mergeOrderSku(prev, f, sighting, joined);
      if (prev && sighting.seenAt < prev.lastSeenAt) return sku;
      if (settlementChanged) history.transition('orderSku', sku.key, prev?.settlement, sku.settlement, sku.settlementRaw);
      sku.snapshotHash = history.snapshot('orderSku', sku.key, commissionValues(sku), prev?.snapshotHash);
      return sku;
    });
  },
};
