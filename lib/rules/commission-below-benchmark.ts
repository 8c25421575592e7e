import type { OpenCollab, Product } from '../domain/types';
import { marketBenchmark, marketRates, regionOf, type CommissionObservation, type MarketObservation } from '../queries/benchmark';
import type { Evidence, FindingDraft, Rule, SubjectInput, Texts } from './types';
import { MIN_OBSERVATIONS, belowBenchmark, seenRecord } from './util';

/**
 * A product's open-collaboration commission under the 25th percentile of its category's benchmark in the same region
 * (seed 000: "Komisi terlalu rendah → bandingkan dengan kampanye lain"; user-needs.md idea 5). Two benchmarks, each its
 * own finding so the seller sees which one a figure rests on (`lib/queries/benchmark.ts`):
 * - own (no variant): the rates seen on the seller's own pages (open and target commissions, creator applications,
 *   sample requests, partner campaign registrations and requirements), one per product and rate, the product's own
 *   rates left out;
 * - market (variant `market`): the creators' median commissions seen in the region's creator marketplace, one per
 *   creator; the evidence names the creators' records it rests on (the most recently seen `MARKET_EVIDENCE`).
 * Nothing is said below `minObservations` rates or creators. Products without a known category are in no benchmark.
 * A product being removed from open collaboration (`TERMINATING`) is not flagged.
 *
 * A product that changed category (a category transition) re-runs the rule in full: it moved two benchmarks, and the
 * old category is no longer known; so does any marketplace sighting of a creator (`shopCreators`), which moves the
 * market (lib/rules/inputs/benchmarks.ts).
 */
export interface OpenCommissionInput extends SubjectInput {
  collab: OpenCollab;
  product?: Product;
  /** The observations of the product's region and category. */
  observations: readonly CommissionObservation[];
  /** The market observations of the product's region and category. */
  market: readonly MarketObservation[];
}

/** Market findings name at most this many creators' records as evidence; `count` says how many there are. */
export const MARKET_EVIDENCE = 20;

/**
 * The params and evidence of a market finding, or nothing when the rate is not under the 25th percentile of the
 * creators' median commissions of the product's region and category (or they are too few).
 */
export function belowMarket(
  rate: number | undefined,
  product: Product | undefined,
  shopKey: string,
  market: readonly MarketObservation[],
  minCount: number,
): { params: FindingDraft['params']; evidence: Evidence[] } | undefined {
  if (rate === undefined || !product?.categoryId) return undefined;
  const region = regionOf(shopKey);
  const b = marketBenchmark(market, region, product.categoryId, minCount);
  if ('tooFew' in b || rate >= b.p25) return undefined;
  const latest = marketRates(market, region, product.categoryId)
    .sort((x, y) => y.lastSeenAt - x.lastSeenAt || x.handle.localeCompare(y.handle))
    .slice(0, MARKET_EVIDENCE);
  return {
    params: {
      product: product.title || product.productId,
      productId: product.productId,
      category: product.categoryName ?? product.categoryId,
      region,
      rate: { bps: rate },
      p25: { bps: b.p25 },
      p50: { bps: b.p50 },
      count: b.count,
      from: { at: b.from },
      to: { at: b.to },
    },
    evidence: [
      seenRecord('product', product.productId, product),
      ...latest.map((o): Evidence => ({ entity: 'shopCreator', key: `${o.shopKey}|${o.handle}`, seenAt: o.lastSeenAt, source: o.source })),
    ],
  };
}

const MARKET_MESSAGE: Texts = {
  en: 'The open collaboration commission of {product}, {rate}, is under the 25th percentile ({p25}) of the median commissions of the {count} creators Collab Lens saw in the {region} creator marketplace for its category, {category}, between {from} and {to}; their median is {p50}.',
  id: 'Komisi kolaborasi terbuka untuk {product}, {rate}, berada di bawah persentil ke-25 ({p25}) dari median komisi {count} kreator yang dilihat Collab Lens di marketplace kreator {region} untuk kategorinya, {category}, antara {from} dan {to}; median mereka {p50}.',
};

export const commissionBelowBenchmark: Rule<OpenCommissionInput, { minObservations: number }> = {
  id: 'commission-below-benchmark',
  title: { en: 'Open collaboration commission under the category benchmark', id: 'Komisi kolaborasi terbuka di bawah patokan kategorinya' },
  explanation: {
    en: 'Creators compare commissions, and a low one keeps top creators away. Collab Lens builds two benchmarks per product category and keeps them apart. The market: the median commission of each creator it saw in your region’s creator marketplace (Find creators, creator profiles) whose categories include the product’s. Your own pages: the commission rates seen on your Affiliate Center pages (open and target collaborations, creator applications, sample requests, partner campaigns), counting each product and rate once and leaving out the product itself. It flags an open collaboration commission under the lowest quarter of either, once it rests on at least this many creators or rates, and says which one, how many it rests on and when they were seen.',
    id: 'Kreator membandingkan komisi, dan komisi yang rendah membuat kreator top enggan mempromosikan produk. Collab Lens menyusun dua patokan per kategori produk dan memisahkannya. Pasar: median komisi setiap kreator yang terlihat di marketplace kreator wilayah Anda (Cari kreator, profil kreator) yang kategorinya mencakup kategori produk. Halaman Anda sendiri: tarif komisi yang terlihat di halaman Affiliate Center Anda (kolaborasi terbuka dan target, pengajuan kreator, permintaan sampel, kampanye mitra), menghitung setiap produk dan tarif satu kali dan tidak menyertakan produk itu sendiri. Komisi kolaborasi terbuka yang berada di seperempat terbawah salah satunya ditandai setelah patokan itu didasarkan pada paling sedikit sebanyak ini kreator atau tarif, dengan menyebutkan patokan mana, berapa banyak dasarnya, dan kapan terlihat.',
  },
  message: {
    en: 'The open collaboration commission of {product}, {rate}, is under the 25th percentile ({p25}) of the {count} rates Collab Lens saw on your own Affiliate Center pages for its category, {category}, between {from} and {to}; the median is {p50}.',
    id: 'Komisi kolaborasi terbuka untuk {product}, {rate}, berada di bawah persentil ke-25 ({p25}) dari {count} tarif yang dilihat Collab Lens di halaman Affiliate Center Anda sendiri untuk kategorinya, {category}, antara {from} dan {to}; mediannya {p50}.',
  },
  variantMessages: { market: MARKET_MESSAGE },
  severity: 'low',
  subject: 'openCollab',
  thresholds: { minObservations: MIN_OBSERVATIONS },
  input: 'openCollabBenchmarks',
  check({ collab: c, product, observations, market }, { thresholds }) {
    if (c.status === 'TERMINATING') return [];
    const own = belowBenchmark(c.commissionBps, product, c.shopKey, observations, thresholds.minObservations);
    const inMarket = belowMarket(c.commissionBps, product, c.shopKey, market, thresholds.minObservations);
    const subject = seenRecord('openCollab', c.key, c);
    return [
      ...(own ? [{ subject: 'openCollab' as const, subjectKey: c.key, shopKey: c.shopKey, params: own.params, evidence: [subject, ...own.evidence] }] : []),
      ...(inMarket
        ? [{ subject: 'openCollab' as const, subjectKey: c.key, shopKey: c.shopKey, variant: 'market', params: inMarket.params, evidence: [subject, ...inMarket.evidence] }]
        : []),
    ];
  },
};
