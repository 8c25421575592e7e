import { actualIsFinal, commissionParts, total } from '../domain/settlement';
import type { OrderSku } from '../domain/types';
import type { FindingDraft, Rule } from './types';
import { seenRecord } from './util';

/**
 * Affiliate order lines ("SKU orders") whose commission looks wrong (user-needs.md need 13: sellers see $0-commission
 * rows and estimated commission that differs from actual, and need to know how far to trust the figures).
 *
 * A line's commission is what the seller pays on it: the creator's commission plus, where present, the agency's (the
 * TAP partner of a partner campaign: `sponsor_*` on the Affiliate orders page) and the Shop Ads commission, all in one
 * currency (a line mixing currencies is not judged). It is the actual amount once the actual amounts are final
 * (`actualIsFinal`), else the estimate.
 *
 * - `zero`: the commission is zero although nothing explains it: the order was not fully returned, the line is not
 *   ineligible (settlement INELIGIBLE), the SKU was not free (a price of zero, as on sample orders), and the line's
 *   rates are not all zero. Where the answer does not say whether the order was returned (the Affiliate orders page
 *   does not), an actual zero after a non-zero estimate may be a return and is not judged.
 * - `gap`: estimated and actual commission are both above zero and one is at least the threshold ratio times the
 *   other. A partial return or a price change explains a lower actual amount; otherwise it is worth asking support.
 *
 * A line sent without a SKU id is named by its position in the order (`zero-line`, `gap-line`). Each line is judged on
 * its own, so a change re-checks exactly the changed lines.
 */

type Thresholds = { gapRatio: number };

export const orderCommissionSanity: Rule<OrderSku, Thresholds> = {
  id: 'order-commission-sanity',
  title: {
    en: 'Order commission that looks wrong',
    id: 'Komisi pesanan yang tampak janggal',
  },
  explanation: {
    en: 'Collab Lens checks the commission of every affiliate order line it has seen: the creator’s commission plus any agency (partner campaign) fee and Shop Ads commission. A zero commission is expected on a fully returned order, an ineligible one, a free SKU (such as a sample order) or a zero rate; any other zero is worth checking. When Affiliate Center does not say whether an order was returned, an actual commission of zero after a non-zero estimate may be a return and is not flagged. The estimate is made when the order is placed and the actual amount when it settles; a partial return or a price change makes them differ, but when one is several times the other, check the order on the Affiliate orders page.',
    id: 'Collab Lens memeriksa komisi setiap baris pesanan afiliasi yang terlihat: komisi kreator ditambah biaya agensi (kampanye mitra) dan komisi Iklan Toko jika ada. Komisi nol wajar untuk pesanan yang dikembalikan penuh, pesanan yang tidak memenuhi syarat, SKU gratis (misalnya pesanan sampel), atau tingkat komisi nol; komisi nol lainnya perlu diperiksa. Jika Affiliate Center tidak menyebutkan apakah pesanan dikembalikan, komisi aktual nol setelah estimasi yang bukan nol bisa jadi karena pengembalian dan tidak ditandai. Estimasi dibuat saat pesanan dibuat dan jumlah aktual saat pesanan diselesaikan; pengembalian sebagian atau perubahan harga membuat keduanya berbeda, tetapi jika salah satunya beberapa kali lipat yang lain, periksa pesanan itu di halaman Pesanan afiliasi.',
  },
  message: {
    en: 'The commission of a line of order {order} looks wrong: check the order on the Affiliate orders page.',
    id: 'Komisi salah satu baris pesanan {order} tampak janggal: periksa pesanan ini di halaman Pesanan afiliasi.',
  },
  variantMessages: {
    zero: {
      en: 'Order {order}, SKU {sku}: the commission is {commission}, and nothing on the order explains it (no full return reported, not ineligible, not free, a rate above zero). Check the order on the Affiliate orders page.',
      id: 'Pesanan {order}, SKU {sku}: komisinya {commission}, dan tidak ada yang menjelaskannya pada pesanan ini (tidak ada pengembalian penuh yang dilaporkan, memenuhi syarat, tidak gratis, tingkat komisi di atas nol). Periksa pesanan ini di halaman Pesanan afiliasi.',
    },
    gap: {
      en: 'Order {order}, SKU {sku}: the actual commission ({actual}) is far from the estimate ({estimated}). A partial return or a price change would explain it; otherwise check the order on the Affiliate orders page.',
      id: 'Pesanan {order}, SKU {sku}: komisi aktual ({actual}) jauh berbeda dari estimasinya ({estimated}). Pengembalian sebagian atau perubahan harga bisa menjadi penyebabnya; jika bukan, periksa pesanan ini di halaman Pesanan afiliasi.',
    },
    'zero-line': {
      en: 'Order {order}, line {line}: the commission is {commission}, and nothing on the order explains it (no full return reported, not ineligible, not free, a rate above zero). Check the order on the Affiliate orders page.',
      id: 'Pesanan {order}, baris {line}: komisinya {commission}, dan tidak ada yang menjelaskannya pada pesanan ini (tidak ada pengembalian penuh yang dilaporkan, memenuhi syarat, tidak gratis, tingkat komisi di atas nol). Periksa pesanan ini di halaman Pesanan afiliasi.',
    },
    'gap-line': {
      en: 'Order {order}, line {line}: the actual commission ({actual}) is far from the estimate ({estimated}). A partial return or a price change would explain it; otherwise check the order on the Affiliate orders page.',
      id: 'Pesanan {order}, baris {line}: komisi aktual ({actual}) jauh berbeda dari estimasinya ({estimated}). Pengembalian sebagian atau perubahan harga bisa menjadi penyebabnya; jika bukan, periksa pesanan ini di halaman Pesanan afiliasi.',
    },
  },
  severity: 'medium',
  subject: 'orderSku',
  thresholds: {
    gapRatio: {
      label: { en: 'Ratio of estimated to actual commission (either way) that counts as far apart', id: 'Rasio komisi estimasi terhadap aktual (ke arah mana pun) yang dianggap jauh berbeda' },
      unit: 'ratio',
      default: 2,
      min: 1.1,
      max: 10,
    },
  },
  input: 'orderSkus',
  check(row, { thresholds }) {
    const parts = commissionParts(row);
    const estimated = total(parts.map(([e]) => e));
    const actual = actualIsFinal(row) ? total(parts.map(([, a]) => a)) : undefined;
    const final = actual ?? estimated;
    // A line keyed by its position is named by it: the page shows no SKU id for it.
    const named: { suffix: string; params: FindingDraft['params'] } =
      row.skuId === undefined ? { suffix: '-line', params: { order: row.orderId, line: row.line ?? 0 } } : { suffix: '', params: { order: row.orderId, sku: row.skuId } };
    const finding = (variant: 'zero' | 'gap', params: FindingDraft['params'], basis: 'estimated' | 'actual'): FindingDraft[] => [
      {
        subject: 'orderSku',
        subjectKey: row.key,
        shopKey: row.shopKey,
        variant: `${variant}${named.suffix}`,
        params: { ...named.params, ...params },
        evidence: [seenRecord('orderSku', row.key, row, basis)],
      },
    ];
    if (!final) return [];
    if (final.minor === 0) {
      const rates = [row.commissionBps, row.partnerCommissionBps, row.adsCommissionBps].filter((r): r is number => r !== undefined);
      const zeroRate = rates.length > 0 && rates.every((r) => r === 0);
      const mayBeReturn = row.refundedField === undefined && actual !== undefined && (estimated?.minor ?? 0) > 0;
      const explained = row.refunded === 1 || mayBeReturn || row.settlement === 'INELIGIBLE' || row.price?.minor === 0 || zeroRate;
      return explained ? [] : finding('zero', { commission: { money: final } }, actual ? 'actual' : 'estimated');
    }
    if (!actual || !estimated || actual.currency !== estimated.currency || estimated.minor <= 0 || actual.minor <= 0) return [];
    const ratio = Math.max(actual.minor, estimated.minor) / Math.min(actual.minor, estimated.minor);
    if (ratio < thresholds.gapRatio) return [];
    return finding('gap', { actual: { money: actual }, estimated: { money: estimated }, ratio: Math.round(ratio * 100) / 100 }, 'actual');
  },
};
