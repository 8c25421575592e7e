import { currencyOfRegion, regionOfShopKey } from '../domain/currency';
import type { Money } from '../domain/money';
import { lineGmv } from '../domain/order-line';
import { isSettled } from '../domain/settlement';
import type { Invitation, OrderSku } from '../domain/types';
import type { Evidence, FindingDraft, Rule, SubjectInput } from './types';
import { DAY_MS, seenRecord } from './util';

/**
 * Seed 000: "Kirim pesan apresiasi ke kreator terbaik" (send a thank-you to your best creators), and among the common
 * mistakes "Tidak menjaga relasi kreator": creators who feel unappreciated are less loyal; send follow-ups and thanks
 * to the creators who perform well.
 *
 * The best creators: a shop's creators ranked by the GMV attributed to them over the last 30 days, from the affiliate
 * order lines Collab Lens has seen (`lineGmv`: SKU price × quantity, a line without a quantity counting one unit; on a
 * line sent without a price, as the Affiliate orders page sends them, the creator commission ÷ its rate; fully returned
 * lines left out; in the shop's currency). A line not settled yet (`isSettled`) can still be returned, so the GMV
 * says how much of it is settled (actual) and how much is estimated, and counts SKU orders and orders apart.
 *
 * "A message from the seller" that Collab Lens can see: a target invitation that includes the creator (its text goes
 * to every creator it invites), dated by its start, or when Collab Lens first saw it if the start was not shown. Chat
 * messages from Manage Creators (the seller IM) are not captured, so a thank-you sent there is not seen: the seller
 * dismisses the finding then.
 */

export const WINDOW_DAYS = 30;

/** One shop's view of the creator. */
export interface CreatorStanding {
  shopKey: string;
  /** 1 = the shop's best creator by attributed GMV over the window. */
  rank: number;
  gmv: Money;
  /** The part of `gmv` from settled rows (actual); the rest is estimated. */
  settled: Money;
  skuOrders: number;
  orders: number;
  /** The most recently seen of the rows counted. */
  latestRow: Pick<OrderSku, 'key' | 'lastSeenAt' | 'source'>;
  /** The latest target invitation to the creator from this shop. */
  lastMessage?: { invitationId: string; name: string; at: number; lastSeenAt: number; source: Invitation['source'] };
}

export interface TopCreatorInput extends SubjectInput {
  standings: CreatorStanding[];
}

type Thresholds = { topCount: number; quietDays: number };

const TOP_COUNT = { default: 10, min: 1, max: 50 };

interface Tally {
  gmv: number;
  settled: number;
  skuOrders: number;
  orders: Set<string>;
  latestRow: OrderSku;
}

/** The currency a shop's GMV is counted in: its region's, else the one most of its priced rows use. */
function shopCurrency(shopKey: string, rows: readonly OrderSku[]): string | undefined {
  const regional = currencyOfRegion(regionOfShopKey(shopKey));
  if (regional) return regional;
  const counts = new Map<string, number>();
  for (const r of rows) {
    const c = lineGmv(r, 'estimated')?.amount.currency;
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** A shop's creators by attributed GMV over the window, best first, each with its tally. */
export function rankCreators(shopKey: string, rows: readonly OrderSku[]): { handle: string; tally: Tally; currency: string }[] {
  const currency = shopCurrency(shopKey, rows);
  if (!currency) return [];
  const tallies = new Map<string, Tally>();
  for (const r of rows) {
    const gmv = lineGmv(r, 'estimated');
    if (!r.creatorHandle || r.refunded || !gmv || gmv.amount.currency !== currency) continue;
    const amount = gmv.amount.minor;
    let t = tallies.get(r.creatorHandle);
    if (!t) {
      t = { gmv: 0, settled: 0, skuOrders: 0, orders: new Set(), latestRow: r };
      tallies.set(r.creatorHandle, t);
    }
    t.gmv += amount;
    if (isSettled(r)) t.settled += amount;
    t.skuOrders += 1;
    t.orders.add(r.orderId);
    if (r.lastSeenAt > t.latestRow.lastSeenAt) t.latestRow = r;
  }
  return [...tallies]
    .filter(([, t]) => t.gmv > 0)
    .sort((a, b) => b[1].gmv - a[1].gmv || a[0].localeCompare(b[0]))
    .map(([handle, tally]) => ({ handle, tally, currency }));
}

export const topCreatorsNotThanked: Rule<TopCreatorInput, Thresholds> = {
  id: 'top-creators-not-thanked',
  title: {
    en: 'Top creators not thanked',
    id: 'Kreator terbaik belum diberi apresiasi',
  },
  explanation: {
    en: 'Creators who feel unappreciated are less loyal. TikTok Shop advises sending your best creators a thank-you or a follow-up from Manage Creators. Collab Lens ranks each shop’s creators by the GMV attributed to them in the affiliate orders of the last 30 days that it has seen (SKU price times quantity, or the creator commission divided by its rate where the Affiliate orders page shows no price; fully returned orders left out; settled orders are actual, the rest estimated) and looks for a message from you: a target invitation that includes the creator. Chat messages sent from Manage Creators are not visible to Collab Lens; dismiss the finding once you have thanked the creator there.',
    id: 'Kreator yang merasa tidak dihargai cenderung kurang loyal. TikTok Shop menyarankan mengirim ucapan terima kasih atau pesan follow-up kepada kreator terbaik lewat Kelola Kreator. Collab Lens mengurutkan kreator setiap toko berdasarkan GMV yang diatribusikan kepada mereka dalam pesanan afiliasi 30 hari terakhir yang terlihat olehnya (harga SKU dikali jumlah, atau komisi kreator dibagi tingkat komisinya jika halaman Pesanan afiliasi tidak menampilkan harga; pesanan yang dikembalikan penuh tidak dihitung; pesanan yang sudah diselesaikan bersifat aktual, sisanya estimasi) lalu mencari pesan dari Anda: undangan target yang mencakup kreator tersebut. Pesan chat yang dikirim dari Kelola Kreator tidak terlihat oleh Collab Lens; abaikan temuan ini setelah Anda berterima kasih kepada kreator di sana.',
  },
  message: {
    en: '@{handle} is your number {rank} creator of the last {windowDays} days ({gmv} attributed GMV from {skuOrders} SKU orders in {orders} orders, {settled} of it settled and the rest estimated), and Collab Lens has seen no message from you to them in {quietDays} days. Send a thank-you from Manage Creators.',
    id: '@{handle} adalah kreator peringkat {rank} Anda dalam {windowDays} hari terakhir ({gmv} GMV teratribusi dari {skuOrders} pesanan SKU dalam {orders} pesanan, {settled} di antaranya sudah diselesaikan dan sisanya estimasi), dan Collab Lens tidak melihat pesan dari Anda kepadanya dalam {quietDays} hari. Kirim ucapan terima kasih lewat Kelola Kreator.',
  },
  severity: 'low',
  subject: 'creator',
  thresholds: {
    topCount: {
      label: { en: 'How many top creators to watch per shop', id: 'Jumlah kreator terbaik yang dipantau per toko' },
      unit: 'count',
      ...TOP_COUNT,
    },
    quietDays: {
      label: { en: 'Days without a message from you', id: 'Jumlah hari tanpa pesan dari Anda' },
      unit: 'days',
      default: 14,
      min: 1,
      max: 90,
    },
  },
  timeBased: true,
  input: 'topCreators',
  check(input, { thresholds, now }) {
    const quietSince = now - thresholds.quietDays * DAY_MS;
    return input.standings.flatMap((s): FindingDraft[] => {
      if (s.rank > thresholds.topCount || (s.lastMessage && s.lastMessage.at > quietSince)) return [];
      const evidence: Evidence[] = [seenRecord('orderSku', s.latestRow.key, s.latestRow, s.settled.minor === s.gmv.minor ? 'actual' : 'estimated')];
      if (s.lastMessage) evidence.push(seenRecord('invitation', s.lastMessage.invitationId, s.lastMessage));
      return [
        {
          subject: 'creator',
          subjectKey: input.key,
          shopKey: s.shopKey,
          // One finding per shop the creator is a top creator of.
          variant: s.shopKey,
          params: {
            handle: input.key,
            rank: s.rank,
            windowDays: WINDOW_DAYS,
            gmv: { money: s.gmv },
            settled: { money: s.settled },
            skuOrders: s.skuOrders,
            orders: s.orders,
            quietDays: thresholds.quietDays,
            ...(s.lastMessage ? { lastMessageAt: { at: s.lastMessage.at }, lastInvitation: s.lastMessage.name } : {}),
          },
          evidence,
        },
      ];
    });
  },
};
