import type { Money } from '../domain/money';
import type { OrderSku, Settlement } from '../domain/types';
import type { FindingDraft, Rule } from './types';
import { changedKeys, seenRecord } from './util';

/**
 * Affiliate order SKU rows whose commission looks wrong (user-needs.md need 13: sellers see $0-commission rows and
 * estimated commission that differs from actual, and need to know how far to trust the figures).
 *
 * A row's commission is what the seller pays on it: the creator's commission plus, where present, the partner's (TAP
 * campaigns) and the Shop Ads commission, all in one currency (a row mixing currencies is not judged). It is the actual
 * amount once every estimated part has its actual amount and the row is no longer waiting to settle, else the estimate.
 *
 * - `zero`: the commission is zero although nothing explains it: the order was not fully returned, the row is not
 *   ineligible (settlement INELIGIBLE), the SKU was not free (a price of zero, as on sample orders), and the row's
 *   rates are not all zero.
 * - `gap`: estimated and actual commission are both above zero and one is at least the threshold ratio times the
 *   other. A partial return or a price change explains a lower actual amount; otherwise it is worth asking support.
 *
 * Each row is judged on its own, so a change re-checks exactly the changed rows.
 */

type Thresholds = { gapRatio: number };

/** Settlement statuses under which an actual amount is not final yet. */
const UNSETTLED: ReadonlySet<Settlement> = new Set(['AWAITING_PAYMENT', 'TO_SETTLE']);

/** The sum of the amounts present, when there is one and they share a currency. */
function total(amounts: readonly (Money | undefined)[]): Money | undefined {
  const present = amounts.filter((m): m is Money => m !== undefined);
  const currency = present[0]?.currency;
  if (currency === undefined || present.some((m) => m.currency !== currency)) return undefined;
  return { minor: present.reduce((n, m) => n + m.minor, 0), currency };
}

export const orderCommissionSanity: Rule<OrderSku, Thresholds> = {
  id: 'order-commission-sanity',
  title: {
    en: 'Order commission that looks wrong',
    id: 'Komisi pesanan yang tampak janggal',
  },
  explanation: {
    en: 'Collab Lens checks the commission of every affiliate order SKU row it has seen: the creator’s commission plus any partner and Shop Ads commission. A zero commission is expected on a fully returned order, an ineligible one, a free SKU (such as a sample order) or a zero rate; any other zero is worth checking. The estimate is made when the order is placed and the actual amount when it settles; a partial return or a price change makes them differ, but when one is several times the other, check the order on the Affiliate orders page.',
    id: 'Collab Lens memeriksa komisi setiap baris SKU pesanan afiliasi yang terlihat: komisi kreator ditambah komisi mitra dan komisi Iklan Toko jika ada. Komisi nol wajar untuk pesanan yang dikembalikan penuh, pesanan yang tidak memenuhi syarat, SKU gratis (misalnya pesanan sampel), atau tingkat komisi nol; komisi nol lainnya perlu diperiksa. Estimasi dibuat saat pesanan dibuat dan jumlah aktual saat pesanan diselesaikan; pengembalian sebagian atau perubahan harga membuat keduanya berbeda, tetapi jika salah satunya beberapa kali lipat yang lain, periksa pesanan itu di halaman Pesanan afiliasi.',
  },
  message: {
    en: 'The commission of SKU {sku} in order {order} looks wrong: check the order on the Affiliate orders page.',
    id: 'Komisi SKU {sku} di pesanan {order} tampak janggal: periksa pesanan ini di halaman Pesanan afiliasi.',
  },
  variantMessages: {
    zero: {
      en: 'Order {order}, SKU {sku}: the commission is {commission}, although the order was not returned, is not ineligible and was not free. Check the order on the Affiliate orders page.',
      id: 'Pesanan {order}, SKU {sku}: komisinya {commission}, padahal pesanan tidak dikembalikan, memenuhi syarat, dan tidak gratis. Periksa pesanan ini di halaman Pesanan afiliasi.',
    },
    gap: {
      en: 'Order {order}, SKU {sku}: the actual commission ({actual}) is far from the estimate ({estimated}). A partial return or a price change would explain it; otherwise check the order on the Affiliate orders page.',
      id: 'Pesanan {order}, SKU {sku}: komisi aktual ({actual}) jauh berbeda dari estimasinya ({estimated}). Pengembalian sebagian atau perubahan harga bisa menjadi penyebabnya; jika bukan, periksa pesanan ini di halaman Pesanan afiliasi.',
    },
  },
  severity: 'medium',
  subject: 'orderSku',
  reads: ['orderSkus'],
  thresholds: {
    gapRatio: {
      label: { en: 'Ratio of estimated to actual commission (either way) that counts as far apart', id: 'Rasio komisi estimasi terhadap aktual (ke arah mana pun) yang dianggap jauh berbeda' },
      unit: 'ratio',
      default: 2,
      min: 1.1,
      max: 10,
    },
  },
  affected: async (_db, changes) => changedKeys(changes, 'orderSkus'),
  async load(db, keys) {
    if (!keys) return db.orderSkus.toArray();
    return (await db.orderSkus.bulkGet([...keys])).filter((r): r is OrderSku => r !== undefined);
  },
  check(row, { thresholds }) {
    const parts = [
      [row.estimatedCommission, row.actualCommission],
      [row.estimatedPartnerCommission, row.actualPartnerCommission],
      [row.estimatedAdsCommission, row.actualAdsCommission],
    ] as const;
    const estimated = total(parts.map(([e]) => e));
    // The actual commission counts once every part that has an estimate has its actual amount, and it is final.
    const complete = parts.every(([e, a]) => e === undefined || a !== undefined);
    const actual = complete && !UNSETTLED.has(row.settlement) ? total(parts.map(([, a]) => a)) : undefined;
    const final = actual ?? estimated;
    const finding = (variant: 'zero' | 'gap', params: FindingDraft['params'], basis: 'estimated' | 'actual'): FindingDraft[] => [
      {
        subject: 'orderSku',
        subjectKey: row.key,
        shopKey: row.shopKey,
        variant,
        params: { order: row.orderId, sku: row.skuId, ...params },
        evidence: [seenRecord('orderSku', row.key, row, basis)],
      },
    ];
    if (!final) return [];
    if (final.minor === 0) {
      const rates = [row.commissionBps, row.partnerCommissionBps, row.adsCommissionBps].filter((r): r is number => r !== undefined);
      const zeroRate = rates.length > 0 && rates.every((r) => r === 0);
      const explained = row.refunded === 1 || row.settlement === 'INELIGIBLE' || row.price?.minor === 0 || zeroRate;
      return explained ? [] : finding('zero', { commission: { money: final } }, actual ? 'actual' : 'estimated');
    }
    if (!actual || !estimated || actual.currency !== estimated.currency || estimated.minor <= 0 || actual.minor <= 0) return [];
    const ratio = Math.max(actual.minor, estimated.minor) / Math.min(actual.minor, estimated.minor);
    if (ratio < thresholds.gapRatio) return [];
    return finding('gap', { actual: { money: actual }, estimated: { money: estimated }, ratio: Math.round(ratio * 100) / 100 }, 'actual');
  },
};
