import type { Rule } from './types';
import { HOUR_MS, type RequestInput } from './util';

/**
 * An approved sample request (`AWAITING_SHIPMENT`) near or past its shipping deadline. Affiliate Center cancels a sample
 * the seller did not ship in time (`SELLER_NOT_SHIP_CANCELLED`), which counts against the shop. The deadline is the time
 * left the page showed plus when it was seen (an estimate good to about a minute). A deadline already past stays flagged
 * while the request was last seen waiting for shipment: only a later sighting can tell it was shipped or cancelled.
 */
export const sampleShipDeadline: Rule<RequestInput, { hours: number }> = {
  id: 'sample-ship-deadline',
  title: { en: 'Approved sample not shipped by its deadline', id: 'Sampel yang disetujui belum dikirim sebelum batas waktunya' },
  explanation: {
    en: 'Once you approve a sample request you have a limited time to ship it; after that Affiliate Center cancels the request, and unshipped samples count against your shop. Collab Lens warns when an approved sample that was still waiting for shipment when you last saw it is this many hours from its shipping deadline, or past it. Open Ready to ship to check it.',
    id: 'Setelah Anda menyetujui permintaan sampel, waktu untuk mengirimnya terbatas; setelah itu Affiliate Center membatalkan permintaan tersebut, dan sampel yang tidak dikirim merugikan penilaian toko Anda. Collab Lens memberi peringatan saat sampel yang disetujui, yang masih menunggu pengiriman saat terakhir Anda lihat, tinggal sekian jam dari batas waktu pengirimannya atau sudah melewatinya. Buka tab Siap dikirim untuk memeriksanya.',
  },
  message: {
    en: 'The sample of {product} for @{handle} must be shipped by {deadline}, and it was still waiting for shipment when Collab Lens last saw it on {seen}.',
    id: 'Sampel {product} untuk @{handle} harus dikirim paling lambat {deadline}, dan sampel ini masih menunggu pengiriman saat terakhir terlihat oleh Collab Lens pada {seen}.',
  },
  severity: 'high',
  subject: 'sampleRequest',
  thresholds: {
    hours: { label: { en: 'Warn this many hours before the shipping deadline', id: 'Beri peringatan sekian jam sebelum batas waktu pengiriman' }, unit: 'hours', default: 24, min: 1, max: 168 },
  },
  timeBased: true,
  notify: true,
  input: 'requests',
  check({ request: r, product }, { thresholds, now }) {
    const d = r.deadline;
    if (r.status !== 'AWAITING_SHIPMENT' || d?.kind !== 'ship' || d.at - now > thresholds.hours * HOUR_MS) return [];
    return [
      {
        subject: 'sampleRequest',
        subjectKey: r.applyId,
        shopKey: r.shopKey,
        params: { handle: r.creatorHandle, product, productId: r.productId, deadline: { at: d.at }, seen: { at: r.lastSeenAt } },
        evidence: [
          { entity: 'sampleRequest', key: r.applyId, seenAt: d.seenAt, source: r.source, basis: 'estimated' },
          { entity: 'sampleRequest', key: r.applyId, seenAt: r.lastSeenAt, source: r.source },
        ],
        dueAt: d.at,
      },
    ];
  },
};
