import { Dexie } from 'dexie';
import type { Invitation, InvitationProduct, Product } from '../domain/types';
import type { CommissionObservation } from '../queries/benchmark';
import type { Rule, SubjectInput } from './types';
import {
  BENCHMARK_READS,
  categoriesOf,
  MIN_OBSERVATIONS,
  belowBenchmark,
  benchmarkGroup,
  benchmarkProductsAffected,
  changedKeys,
  keyParts,
  keysWhere,
  observationsByGroup,
  productsById,
} from './util';

/**
 * A product's commission in a target invitation under the 25th percentile of its category's benchmark: the same test as
 * `commission-below-benchmark` (see there and `lib/queries/benchmark.ts`), for the rate invited creators are offered.
 * Subject key `invitationId|productId`. Invitations that are completed or being cancelled are not flagged.
 */
export interface TargetCommissionInput extends SubjectInput {
  target: InvitationProduct;
  invitation?: Invitation;
  product?: Product;
  observations: readonly CommissionObservation[];
}

const ENDED = new Set(['COMPLETED', 'CANCELING']);

export const targetKey = (t: { invitationId: string; productId: string }) => `${t.invitationId}|${t.productId}`;

export const targetCommissionBelowBenchmark: Rule<TargetCommissionInput, { minObservations: number }> = {
  id: 'target-commission-below-benchmark',
  title: { en: 'Target invitation commission under the category benchmark', id: 'Komisi kolaborasi target di bawah patokan kategorinya' },
  explanation: {
    en: 'Invited creators weigh the commission you offer against others. Collab Lens builds a private benchmark per product category from the commission rates it has seen on your own Affiliate Center pages (open and target collaborations, creator applications, sample requests, partner campaigns), counting each product and rate once and leaving out the product itself. It flags a target invitation commission under the lowest quarter of those rates once there are at least this many. It is not a market average: it says how many rates it rests on and when they were seen.',
    id: 'Kreator yang diundang membandingkan komisi yang Anda tawarkan dengan tawaran lain. Collab Lens menyusun patokan pribadi per kategori produk dari tarif komisi yang terlihat di halaman Affiliate Center Anda sendiri (kolaborasi terbuka dan target, pengajuan kreator, permintaan sampel, kampanye mitra), menghitung setiap produk dan tarif satu kali dan tidak menyertakan produk itu sendiri. Komisi kolaborasi target yang berada di seperempat terbawah tarif tersebut ditandai setelah jumlah tarifnya paling sedikit sebanyak ini. Ini bukan rata-rata pasar: patokan ini menyebutkan berapa tarif yang mendasarinya dan kapan tarif itu terlihat.',
  },
  message: {
    en: 'The commission of {product} in the target invitation {invitation}, {rate}, is under the 25th percentile ({p25}) of the {count} rates Collab Lens saw for its category, {category}, between {from} and {to}; the median is {p50}.',
    id: 'Komisi {product} dalam kolaborasi target {invitation}, {rate}, berada di bawah persentil ke-25 ({p25}) dari {count} tarif yang dilihat Collab Lens untuk kategorinya, {category}, antara {from} dan {to}; mediannya {p50}.',
  },
  severity: 'low',
  subject: 'invitationProduct',
  reads: [...BENCHMARK_READS, 'invitations'],
  thresholds: { minObservations: MIN_OBSERVATIONS },
  async affected(db, changes) {
    const invitationIds = changedKeys(changes, 'invitations');
    const [productIds, ofInvitations] = await Promise.all([
      benchmarkProductsAffected(db, changes),
      Promise.all(invitationIds.map((id) => db.invitationProducts.where('[invitationId+productId]').between([id, Dexie.minKey], [id, Dexie.maxKey]).primaryKeys())),
    ]);
    if (productIds === 'all') return 'all';
    const ofProducts = await keysWhere(db.invitationProducts, 'productId', productIds);
    const subjects = [...ofProducts, ...ofInvitations.flat()].map(([invitationId, productId]) => targetKey({ invitationId, productId }));
    return [...new Set([...changedKeys(changes, 'invitationProducts'), ...subjects])];
  },
  async load(db, keys) {
    const targets = keys
      ? (await db.invitationProducts.bulkGet(keys.map((k) => keyParts(k)))).filter((t): t is InvitationProduct => t !== undefined)
      : await db.invitationProducts.toArray();
    const [invitations, products] = await Promise.all([
      db.invitations.bulkGet([...new Set(targets.map((t) => t.invitationId))]),
      productsById(db, targets.map((t) => t.productId)),
    ]);
    const groups = await observationsByGroup(db, keys && categoriesOf(products.values()));
    const invitationById = new Map(invitations.flatMap((i) => (i ? [[i.id, i] as const] : [])));
    return targets.map((target) => {
      const product = products.get(target.productId);
      const observations = product?.categoryId ? (groups.get(benchmarkGroup(target.shopKey, product.categoryId)) ?? []) : [];
      return { key: targetKey(target), target, invitation: invitationById.get(target.invitationId), product, observations };
    });
  },
  check({ target: t, invitation, product, observations }, { thresholds }) {
    if (invitation && ENDED.has(invitation.status)) return [];
    const below = belowBenchmark(t.targetCommissionBps, product, t.shopKey, observations, thresholds.minObservations);
    if (!below) return [];
    return [
      {
        subject: 'invitationProduct',
        subjectKey: targetKey(t),
        shopKey: t.shopKey,
        params: { ...below.params, invitation: invitation?.name ?? t.invitationId, invitationId: t.invitationId },
        evidence: [{ entity: 'invitationProduct', key: targetKey(t), seenAt: t.lastSeenAt, ...(invitation && { source: invitation.source }) }, ...below.evidence],
      },
    ];
  },
};
