import type { SampleStatus } from '../domain/sample-status';
import type { Rule } from './types';
import { DAY_MS, requestEvidence, type RequestInput } from './util';

/**
 * A refundable sample's sales goal and window (user-needs.md: a 90-day window, a goal of 1–3 sales, S9/S10): the
 * creator's deposit is refunded once they sell `goalUnits` before `windowEndAt`. While the window is open and the goal
 * not reached, the finding shows the progress, as the refundable list last showed it; it turns medium when the window
 * ends within the threshold. Only approved samples count (a rejected or cancelled request has no window running).
 */
export const RUNNING: readonly SampleStatus[] = ['AWAITING_SHIPMENT', 'SHIPPED', 'CONTENT_PENDING', 'COMPLETED', 'OPS_COMPLETED'];
const running = new Set<SampleStatus>(RUNNING);

export const refundableSampleProgress: Rule<RequestInput, { days: number }> = {
  id: 'refundable-sample-progress',
  title: { en: 'Refundable sample: sales goal and window', id: 'Sampel dengan dana kembali: target penjualan dan periodenya' },
  explanation: {
    en: 'With a refundable sample the creator pays a deposit and gets it back after selling the goal number of units before the window ends. Collab Lens shows how far each refundable sample is from its goal, as the Refundable samples list last showed it, and marks it when the window ends within this many days, so you can support the creator while it still counts.',
    id: 'Untuk sampel dengan dana kembali, kreator membayar deposit dan mendapatkannya kembali setelah menjual sejumlah unit target sebelum periodenya berakhir. Collab Lens menunjukkan seberapa jauh setiap sampel dari targetnya, sesuai tampilan terakhir daftar sampel dengan dana kembali, dan menandainya saat periodenya berakhir dalam sekian hari, agar Anda masih sempat mendukung kreatornya.',
  },
  message: {
    en: '@{handle} has sold {sold} of the {goal} units of {product} needed to get the sample deposit back; the window ends on {end}.',
    id: '@{handle} telah menjual {sold} dari {goal} unit {product} yang dibutuhkan agar deposit sampelnya kembali; periodenya berakhir pada {end}.',
  },
  severity: 'low',
  subject: 'sampleRequest',
  thresholds: {
    days: { label: { en: 'Mark it when the window ends within this many days', id: 'Tandai saat periodenya berakhir dalam sekian hari' }, unit: 'days', default: 7, min: 1, max: 90 },
  },
  timeBased: true,
  input: 'requests',
  check({ request: r, product }, { thresholds, now }) {
    const goal = r.refundable?.goalUnits;
    const sold = r.refundable?.soldUnits;
    const end = r.refundable?.windowEndAt;
    if (!running.has(r.status) || goal === undefined || sold === undefined || end === undefined || goal <= 0) return [];
    if (sold >= goal || end <= now) return [];
    return [
      {
        subject: 'sampleRequest',
        subjectKey: r.applyId,
        shopKey: r.shopKey,
        params: { handle: r.creatorHandle, product, productId: r.productId, sold, goal, end: { at: end } },
        evidence: [requestEvidence(r, 'actual')],
        dueAt: end,
        severity: end - now <= thresholds.days * DAY_MS ? 'medium' : 'low',
      },
    ];
  },
};
