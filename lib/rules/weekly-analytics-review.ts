import { CAPTURED_ENDPOINTS } from '../capture/endpoints';
import type { Evidence, Rule, SubjectInput } from './types';
import { DAY_MS } from './util';

/**
 * Seed 000 ("Affiliate Center: Kelola Kolaborasi…"), common mistakes: "Tidak rutin cek analytics" (not checking
 * analytics regularly) loses the insight needed to improve; the fix is "Jadwalkan review mingguan atas klik,
 * penjualan, dan performa kreator": a weekly review of clicks, sales and creator performance.
 *
 * An Insights page opened is what Collab Lens can see of such a review: an observation of one of the Insights
 * ("Compass") endpoints the analytics pages load, for that shop. Its `lastSeenAt` moves every time the same figures are
 * seen again, so the latest one is the last time the seller looked. A shop Collab Lens has watched for fewer days than
 * the threshold gets no finding: it cannot know what the seller looked at before.
 */

export const INSIGHT_ENDPOINTS: readonly string[] = Object.keys(CAPTURED_ENDPOINTS).filter((e) => e.startsWith('insights.'));

export interface AnalyticsReviewInput extends SubjectInput {
  /** When Collab Lens first saw the shop. */
  watchedSince: number;
  /** The shop's most recent sighting of an Insights page, if any. */
  lastReview?: { observationId: string; at: number; endpoint: string; page: string };
}

type Thresholds = { days: number };

export const weeklyAnalyticsReview: Rule<AnalyticsReviewInput, Thresholds> = {
  id: 'weekly-analytics-review',
  title: {
    en: 'Weekly analytics review not done',
    id: 'Review analitik mingguan belum dilakukan',
  },
  explanation: {
    en: 'Not checking analytics regularly means missing what would improve your results. TikTok Shop advises a weekly review of clicks, sales and creator performance in Insights. Collab Lens counts the Insights pages you open in this browser for each shop and reminds you when none was opened for the number of days you choose.',
    id: 'Jarang memeriksa analitik membuat Anda melewatkan insight penting untuk meningkatkan performa. TikTok Shop menyarankan review mingguan atas klik, penjualan, dan performa kreator di Insight. Collab Lens mencatat halaman Insight yang Anda buka di browser ini untuk setiap toko dan mengingatkan Anda jika tidak ada yang dibuka selama jumlah hari yang Anda pilih.',
  },
  message: {
    en: 'No Insights page opened for this shop in the last {days} days: review clicks, sales and creator performance this week.',
    id: 'Belum ada halaman Insight yang dibuka untuk toko ini dalam {days} hari terakhir: review klik, penjualan, dan performa kreator minggu ini.',
  },
  severity: 'low',
  subject: 'shop',
  thresholds: {
    days: {
      label: { en: 'Days without opening Insights', id: 'Jumlah hari tanpa membuka Insight' },
      unit: 'days',
      default: 7,
      min: 1,
      max: 30,
    },
  },
  timeBased: true,
  input: 'analyticsReviews',
  check(input, { thresholds, now }) {
    const since = input.lastReview?.at ?? input.watchedSince;
    if (now - since < thresholds.days * DAY_MS) return [];
    const r = input.lastReview;
    const evidence: Evidence[] = r
      ? [{ entity: 'observation', key: r.observationId, seenAt: r.at, source: { endpoint: r.endpoint, page: r.page } }]
      : [{ entity: 'shop', key: input.key, seenAt: input.watchedSince }];
    return [
      {
        subject: 'shop',
        subjectKey: input.key,
        shopKey: input.key,
        params: { days: thresholds.days, ...(r ? { lastReviewAt: { at: r.at } } : { watchedSince: { at: input.watchedSince } }) },
        evidence,
      },
    ];
  },
};
