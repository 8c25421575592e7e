import type { Invitation, InvitationProduct, Product } from '../domain/types';
import type { CommissionObservation, MarketObservation } from '../queries/benchmark';
import { belowMarket } from './commission-below-benchmark';
import type { Rule, SubjectInput } from './types';
import { MIN_OBSERVATIONS, belowBenchmark } from './util';

/**
 * A product's commission in a target invitation under the 25th percentile of its category's benchmark: the same tests as
 * `commission-below-benchmark` (see there and `lib/queries/benchmark.ts`), own pages and market apart (variant
 * `market`), for the rate invited creators are offered. Subject key `invitationId|productId`. Invitations that are
 * completed or being cancelled are not flagged.
 */
export interface TargetCommissionInput extends SubjectInput {
  target: InvitationProduct;
  invitation?: Invitation;
  product?: Product;
  observations: readonly CommissionObservation[];
  market: readonly MarketObservation[];
}

const ENDED = new Set(['COMPLETED', 'CANCELING']);

export const targetKey = (t: { invitationId: string; productId: string }) => `${t.invitationId}|${t.productId}`;

export const targetCommissionBelowBenchmark: Rule<TargetCommissionInput, { minObservations: number }> = {
  id: 'target-commission-below-benchmark',
  title: { en: 'Target invitation commission under the category benchmark', id: 'Komisi kolaborasi target di bawah patokan kategorinya' },
  explanation: {
    en: 'Invited creators weigh the commission you offer against others. Collab Lens builds two benchmarks per product category and keeps them apart. The market: the median commission of each creator it saw in your region’s creator marketplace (Find creators, creator profiles) whose categories include the product’s. Your own pages: the commission rates seen on your Affiliate Center pages (open and target collaborations, creator applications, sample requests, partner campaigns), counting each product and rate once and leaving out the product itself. It flags a target invitation commission under the lowest quarter of either, once it rests on at least this many creators or rates, and says which one, how many it rests on and when they were seen.',
    id: 'Kreator yang diundang membandingkan komisi yang Anda tawarkan dengan tawaran lain. Collab Lens menyusun dua patokan per kategori produk dan memisahkannya. Pasar: median komisi setiap kreator yang terlihat di marketplace kreator wilayah Anda (Cari kreator, profil kreator) yang kategorinya mencakup kategori produk. Halaman Anda sendiri: tarif komisi yang terlihat di halaman Affiliate Center Anda (kolaborasi terbuka dan target, pengajuan kreator, permintaan sampel, kampanye mitra), menghitung setiap produk dan tarif satu kali dan tidak menyertakan produk itu sendiri. Komisi kolaborasi target yang berada di seperempat terbawah salah satunya ditandai setelah patokan itu didasarkan pada paling sedikit sebanyak ini kreator atau tarif, dengan menyebutkan patokan mana, berapa banyak dasarnya, dan kapan terlihat.',
  },
  message: {
    en: 'The commission of {product} in the target invitation {invitation}, {rate}, is under the 25th percentile ({p25}) of the {count} rates Collab Lens saw on your own Affiliate Center pages for its category, {category}, between {from} and {to}; the median is {p50}.',
    id: 'Komisi {product} dalam kolaborasi target {invitation}, {rate}, berada di bawah persentil ke-25 ({p25}) dari {count} tarif yang dilihat Collab Lens di halaman Affiliate Center Anda sendiri untuk kategorinya, {category}, antara {from} dan {to}; mediannya {p50}.',
  },
  variantMessages: {
    market: {
      en: 'The commission of {product} in the target invitation {invitation}, {rate}, is under the 25th percentile ({p25}) of the median commissions of the {count} creators Collab Lens saw in the {region} creator marketplace for its category, {category}, between {from} and {to}; their median is {p50}.',
      id: 'Komisi {product} dalam kolaborasi target {invitation}, {rate}, berada di bawah persentil ke-25 ({p25}) dari median komisi {count} kreator yang dilihat Collab Lens di marketplace kreator {region} untuk kategorinya, {category}, antara {from} dan {to}; median mereka {p50}.',
    },
  },
  severity: 'low',
  subject: 'invitationProduct',
  thresholds: { minObservations: MIN_OBSERVATIONS },
  input: 'targetBenchmarks',
  check({ target: t, invitation, product, observations, market }, { thresholds }) {
    if (invitation && ENDED.has(invitation.status)) return [];
    const subject = { entity: 'invitationProduct', key: targetKey(t), seenAt: t.lastSeenAt, ...(invitation && { source: invitation.source }) };
    const named = { invitation: invitation?.name ?? t.invitationId, invitationId: t.invitationId };
    const own = belowBenchmark(t.targetCommissionBps, product, t.shopKey, observations, thresholds.minObservations);
    const inMarket = belowMarket(t.targetCommissionBps, product, t.shopKey, market, thresholds.minObservations);
    return [
      ...(own ? [{ subject: 'invitationProduct' as const, subjectKey: targetKey(t), shopKey: t.shopKey, params: { ...own.params, ...named }, evidence: [subject, ...own.evidence] }] : []),
      ...(inMarket
        ? [{ subject: 'invitationProduct' as const, subjectKey: targetKey(t), shopKey: t.shopKey, variant: 'market', params: { ...inMarket.params, ...named }, evidence: [subject, ...inMarket.evidence] }]
        : []),
    ];
  },
};
