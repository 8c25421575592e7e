import type { OpenCollab, Product } from '../domain/types';
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
  keysWhere,
  observationsByGroup,
  productsById,
  seenRecord,
} from './util';

/**
 * A product's open-collaboration commission under the 25th percentile of the rates Collab Lens has seen for its category
 * in the same region (seed 000: "Komisi terlalu rendah → bandingkan dengan kampanye lain"; user-needs.md idea 5). The
 * benchmark is `lib/queries/benchmark.ts`: the seller's own pages only (open and target commissions, creator
 * applications, sample requests, partner campaign registrations and requirements), one count per product and rate, the
 * product's own rates left out, and nothing said below `minObservations` rates. Products without a known category are
 * in no benchmark. A product being removed from open collaboration (`TERMINATING`) is not flagged.
 *
 * Any change to `products` re-runs the rule in full: a product that changed category moved two benchmarks, and the old
 * category is no longer known.
 */
export interface OpenCommissionInput extends SubjectInput {
  collab: OpenCollab;
  product?: Product;
  /** The observations of the product's region and category. */
  observations: readonly CommissionObservation[];
}

export const commissionBelowBenchmark: Rule<OpenCommissionInput, { minObservations: number }> = {
  id: 'commission-below-benchmark',
  title: { en: 'Open collaboration commission under the category benchmark', id: 'Komisi kolaborasi terbuka di bawah patokan kategorinya' },
  explanation: {
    en: 'Creators compare commissions, and a low one keeps top creators away. Collab Lens builds a private benchmark per product category from the commission rates it has seen on your own Affiliate Center pages (open and target collaborations, creator applications, sample requests, partner campaigns), counting each product and rate once and leaving out the product itself. It flags an open collaboration commission under the lowest quarter of those rates once there are at least this many. It is not a market average: it says how many rates it rests on and when they were seen.',
    id: 'Kreator membandingkan komisi, dan komisi yang rendah membuat kreator top enggan mempromosikan produk. Collab Lens menyusun patokan pribadi per kategori produk dari tarif komisi yang terlihat di halaman Affiliate Center Anda sendiri (kolaborasi terbuka dan target, pengajuan kreator, permintaan sampel, kampanye mitra), menghitung setiap produk dan tarif satu kali dan tidak menyertakan produk itu sendiri. Komisi kolaborasi terbuka yang berada di seperempat terbawah tarif tersebut ditandai setelah jumlah tarifnya paling sedikit sebanyak ini. Ini bukan rata-rata pasar: patokan ini menyebutkan berapa tarif yang mendasarinya dan kapan tarif itu terlihat.',
  },
  message: {
    en: 'The open collaboration commission of {product}, {rate}, is under the 25th percentile ({p25}) of the {count} rates Collab Lens saw for its category, {category}, between {from} and {to}; the median is {p50}.',
    id: 'Komisi kolaborasi terbuka untuk {product}, {rate}, berada di bawah persentil ke-25 ({p25}) dari {count} tarif yang dilihat Collab Lens untuk kategorinya, {category}, antara {from} dan {to}; mediannya {p50}.',
  },
  severity: 'low',
  subject: 'openCollab',
  reads: BENCHMARK_READS,
  thresholds: { minObservations: MIN_OBSERVATIONS },
  async affected(db, changes) {
    const productIds = await benchmarkProductsAffected(db, changes);
    if (productIds === 'all') return 'all';
    const subjects = await keysWhere(db.openCollabs, 'productId', productIds);
    return [...new Set([...changedKeys(changes, 'openCollabs'), ...subjects])];
  },
  async load(db, keys) {
    const collabs = keys ? (await db.openCollabs.bulkGet([...keys])).filter((c): c is OpenCollab => c !== undefined) : await db.openCollabs.toArray();
    const products = await productsById(db, collabs.map((c) => c.productId));
    const groups = await observationsByGroup(db, keys && categoriesOf(products.values()));
    return collabs.map((collab) => {
      const product = products.get(collab.productId);
      const observations = product?.categoryId ? (groups.get(benchmarkGroup(collab.shopKey, product.categoryId)) ?? []) : [];
      return { key: collab.key, collab, product, observations };
    });
  },
  check({ collab: c, product, observations }, { thresholds }) {
    if (c.status === 'TERMINATING') return [];
    const below = belowBenchmark(c.commissionBps, product, c.shopKey, observations, thresholds.minObservations);
    if (!below) return [];
    return [
      {
        subject: 'openCollab',
        subjectKey: c.key,
        shopKey: c.shopKey,
        params: below.params,
        evidence: [seenRecord('openCollab', c.key, c), ...below.evidence],
      },
    ];
  },
};
