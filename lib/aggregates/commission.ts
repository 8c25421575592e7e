import type { AppDB } from '../db/app-db';
import type { OpenCollab, Product } from '../domain/types';
import {
  commissionObservations,
  marketObservations,
  marketRates,
  percentile,
  regionOf,
  type CommissionObservation,
  type MarketObservation,
  type ObservationKind,
} from '../queries/benchmark';
import { MIN_BENCHMARK_RATES, SOURCE_KINDS, type BenchmarkAggregate, type Distribution, type MarketAggregate, type Placement } from './model';

/**
 * The popup's commission benchmark per category, from the observations of `lib/queries/benchmark.ts` (the ones the
 * benchmark rules use), two sources kept apart:
 * - own: the distinct (product, rate) pairs seen on the seller's pages in the region's shops, as percentiles with their
 *   count, date range and sources; the shop's own products are placed against the other products' rates (their own
 *   left out, as the rules do), so a product is not compared with itself;
 * - market: the creators' median commissions seen in the region's creator marketplace, one per creator, with their
 *   count, date range and how they were sent and joined; the shop's products are placed against them too.
 */

interface Pair {
  bps: number;
  productId: string;
  first: number;
  last: number;
  kinds: Set<ObservationKind>;
}

/** `region|categoryId` → distinct `productId|bps` pairs. */
export type PairGroups = Map<string, Map<string, Pair>>;

const groupKey = (region: string, categoryId: string) => `${region}|${categoryId}`;

/** Group observations by region and category, one pair per product and rate (seen times and kinds merged). */
export function groupPairs(observations: readonly CommissionObservation[]): PairGroups {
  const groups: PairGroups = new Map();
  for (const o of observations) {
    if (o.categoryId === undefined) continue;
    const g = groupKey(regionOf(o.shopKey), o.categoryId);
    let pairs = groups.get(g);
    if (!pairs) groups.set(g, (pairs = new Map()));
    const id = `${o.productId}|${o.bps}`;
    const seen = pairs.get(id);
    if (seen) {
      seen.first = Math.min(seen.first, o.seenAt);
      seen.last = Math.max(seen.last, o.seenAt);
      seen.kinds.add(o.kind);
    } else pairs.set(id, { bps: o.bps, productId: o.productId, first: o.seenAt, last: o.seenAt, kinds: new Set([o.kind]) });
  }
  return groups;
}

/**
 * Where `x` stands among ascending `sorted` values, in basis points: the share of values below it, equal values counted
 * half (the usual percentile rank). Undefined for no values.
 */
export function percentileRank(sorted: readonly number[], x: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const bound = (strict: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const v = sorted[mid] as number;
      if (v < x || (!strict && v === x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const below = bound(true);
  const upTo = bound(false);
  return Math.round(((below + (upTo - below) / 2) / sorted.length) * 10_000);
}

export function distributionOf(sorted: readonly number[]): Distribution {
  return {
    p10: percentile(sorted, 0.1),
    p25: percentile(sorted, 0.25),
    p50: percentile(sorted, 0.5),
    p75: percentile(sorted, 0.75),
    p90: percentile(sorted, 0.9),
    rates: [...sorted],
  };
}

/** One of the shop's products with the rate it is placed at. */
export interface OwnRate {
  productId: string;
  title: string;
  bps: number;
}

/** Pure: the market side of a category from the creators' rates that count there (`marketRates`). */
export function marketValues(rates: readonly MarketObservation[], minCount = MIN_BENCHMARK_RATES): MarketAggregate {
  const sorted = rates.map((r) => r.bps).sort((a, b) => a - b);
  const countOf = <K extends string>(keys: readonly K[], of: (r: MarketObservation) => K) =>
    Object.fromEntries(keys.map((k) => [k, rates.filter((r) => of(r) === k).length])) as Record<K, number>;
  return {
    count: rates.length,
    ...(rates.length ? { from: Math.min(...rates.map((r) => r.firstSeenAt)), to: Math.max(...rates.map((r) => r.lastSeenAt)) } : {}),
    byForm: countOf(['exact', 'label', 'bps'] as const, (r) => r.form),
    byJoin: countOf(['id', 'name'] as const, (r) => r.via),
    ...(rates.length >= minCount && rates.length > 0 ? { distribution: distributionOf(sorted) } : {}),
  };
}

/** Pure: the benchmark of one region's category with the shop's own products placed on it, own and market apart. */
export function benchmarkValues(
  region: string,
  categoryId: string,
  categoryName: string | undefined,
  pairs: ReadonlyMap<string, Pair>,
  own: readonly OwnRate[],
  minCount = MIN_BENCHMARK_RATES,
  marketRatesOf: readonly MarketObservation[] = [],
): BenchmarkAggregate {
  const all = [...pairs.values()];
  const market = marketValues(marketRatesOf, minCount);
  const sorted = all.map((p) => p.bps).sort((a, b) => a - b);
  const bySource = Object.fromEntries(SOURCE_KINDS.map((k) => [k, all.filter((p) => p.kinds.has(k)).length])) as BenchmarkAggregate['bySource'];
  const placements: Placement[] = own.map((o) => {
    const others = all
      .filter((p) => p.productId !== o.productId)
      .map((p) => p.bps)
      .sort((a, b) => a - b);
    const enough = others.length >= minCount && others.length > 0;
    const m = market.distribution;
    return {
      productId: o.productId,
      title: o.title,
      bps: o.bps,
      others: others.length,
      ...(enough ? { rankBps: percentileRank(others, o.bps) as number, medianBps: percentile(others, 0.5) } : {}),
      ...(m ? { marketRankBps: percentileRank(m.rates, o.bps) as number, marketMedianBps: m.p50 } : {}),
    };
  });
  return {
    categoryId,
    ...(categoryName === undefined ? {} : { categoryName }),
    region,
    count: all.length,
    bySource,
    ...(all.length ? { from: all.reduce((m, p) => Math.min(m, p.first), Infinity), to: all.reduce((m, p) => Math.max(m, p.last), -Infinity) } : {}),
    ...(all.length >= minCount && all.length > 0 ? { distribution: distributionOf(sorted) } : {}),
    own: placements,
    productIds: [...new Set(all.map((p) => p.productId))].sort(),
    market,
  };
}

const positive = (bps: number | undefined): bps is number => bps !== undefined && Number.isFinite(bps) && bps > 0;

/**
 * The benchmark aggregates of `shopKeys`: for each shop, every category seen in its region (key: category id). Reads
 * the rate-carrying tables through `commissionObservations`, the categorised products and their open collaborations;
 * never orders.
 */
export async function benchmarkAggregates(db: AppDB, shopKeys: readonly string[]): Promise<Map<string, Map<string, BenchmarkAggregate>>> {
  const out = new Map<string, Map<string, BenchmarkAggregate>>(shopKeys.map((s) => [s, new Map()]));
  if (!shopKeys.length) return out;
  const regions = new Set(shopKeys.map(regionOf));
  const [observations, market, categorised] = await Promise.all([commissionObservations(db), marketObservations(db), db.products.where('categoryId').above('').toArray()]);
  const groups = groupPairs(observations.filter((o) => regions.has(regionOf(o.shopKey))));
  // A category the market knows but no own rate does is a benchmark too (market side only).
  for (const o of market) {
    const g = groupKey(regionOf(o.shopKey), o.categoryId);
    if (regions.has(regionOf(o.shopKey)) && !groups.has(g)) groups.set(g, new Map());
  }
  const wanted = new Set(shopKeys);
  const own = categorised.filter((p) => wanted.has(p.shopKey));
  const collabs = own.length ? await db.openCollabs.where('productId').anyOf(own.map((p) => p.productId)).toArray() : [];
  const rateOf = new Map<string, number>(collabs.filter((c: OpenCollab) => positive(c.commissionBps)).map((c) => [c.key, c.commissionBps as number]));

  // A category's name: the one on its most recently seen product that has one.
  const names = new Map<string, { name: string; seen: number }>();
  for (const p of categorised) {
    if (!p.categoryName || p.categoryId === undefined) continue;
    const g = groupKey(regionOf(p.shopKey), p.categoryId);
    const prev = names.get(g);
    if (!prev || p.lastSeenAt > prev.seen) names.set(g, { name: p.categoryName, seen: p.lastSeenAt });
  }
  const ownByGroup = new Map<string, Product[]>();
  for (const p of own) {
    const g = `${p.shopKey}|${groupKey(regionOf(p.shopKey), p.categoryId as string)}`;
    const list = ownByGroup.get(g);
    if (list) list.push(p);
    else ownByGroup.set(g, [p]);
  }

  for (const shopKey of shopKeys) {
    const region = regionOf(shopKey);
    const rows = out.get(shopKey) as Map<string, BenchmarkAggregate>;
    for (const [g, pairs] of groups) {
      if (!g.startsWith(`${region}|`)) continue;
      const categoryId = g.slice(region.length + 1);
      const ownRates: OwnRate[] = (ownByGroup.get(`${shopKey}|${g}`) ?? [])
        .flatMap((p) => {
          const bps = rateOf.get(`${shopKey}|${p.productId}`);
          return bps === undefined ? [] : [{ productId: p.productId, title: p.title || p.productId, bps }];
        })
        .sort((a, b) => a.title.localeCompare(b.title) || a.productId.localeCompare(b.productId));
      rows.set(categoryId, benchmarkValues(region, categoryId, names.get(g)?.name, pairs, ownRates, MIN_BENCHMARK_RATES, marketRates(market, region, categoryId)));
    }
  }
  return out;
}
