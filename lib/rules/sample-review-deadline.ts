import type { Rule } from './types';
import { HOUR_MS, type RequestInput } from './util';

/**
 * A pending sample request whose review deadline is near. Affiliate Center cancels a request nobody reviewed in time
 * (`OVERDUE_CANCELLED`); the deadline is the time left (`expired_in`) the page showed, added to when it was seen, so it
 * is an estimate good to about a minute. A deadline already past is not flagged: the request has been cancelled by then,
 * whatever Collab Lens last saw.
 */
export const sampleReviewDeadline: Rule<RequestInput, { hours: number }> = {
  id: 'sample-review-deadline',
  title: { en: 'Sample request review deadline near', id: 'Batas waktu tinjauan permintaan sampel sudah dekat' },
  explanation: {
    en: 'Affiliate Center cancels a sample request automatically when you do not approve or reject it in time, and the creator may turn to another shop. Collab Lens warns when a request waiting for your review has this many hours left or less, counted from the time left that Affiliate Center showed when you last saw the request. Approving or rejecting stays your own click on the page.',
    id: 'Affiliate Center membatalkan permintaan sampel secara otomatis jika Anda tidak menyetujui atau menolaknya tepat waktu, dan kreator bisa beralih ke toko lain. Collab Lens memberi peringatan saat permintaan yang menunggu tinjauan Anda tinggal sekian jam atau kurang, dihitung dari sisa waktu yang ditampilkan Affiliate Center saat terakhir Anda melihat permintaan itu. Menyetujui atau menolak tetap Anda lakukan sendiri di halaman.',
  },
  message: {
    en: "Review @{handle}'s sample request for {product} by {deadline}; after that Affiliate Center cancels it automatically.",
    id: 'Tinjau permintaan sampel @{handle} untuk {product} sebelum {deadline}; setelah itu Affiliate Center membatalkannya secara otomatis.',
  },
  severity: 'high',
  subject: 'sampleRequest',
  thresholds: {
    hours: { label: { en: 'Warn this many hours before the review deadline', id: 'Beri peringatan sekian jam sebelum batas waktu tinjauan' }, unit: 'hours', default: 24, min: 1, max: 72 },
  },
  timeBased: true,
  notify: true,
  input: 'requests',
  check({ request: r, product }, { thresholds, now }) {
    const d = r.deadline;
    if (r.status !== 'PENDING' || d?.kind !== 'review' || d.at <= now || d.at - now > thresholds.hours * HOUR_MS) return [];
    return [
      {
        subject: 'sampleRequest',
        subjectKey: r.applyId,
        shopKey: r.shopKey,
        params: { handle: r.creatorHandle, product, productId: r.productId, deadline: { at: d.at } },
        evidence: [{ entity: 'sampleRequest', key: r.applyId, seenAt: d.seenAt, source: r.source, basis: 'estimated' }],
        dueAt: d.at,
      },
    ];
  },
};
