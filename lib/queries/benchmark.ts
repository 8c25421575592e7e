import type { Table } from 'dexie';
import type { AppDB } from '../db/app-db';
import type { Campaign, CreatorApplication, InvitationProduct, MedianCommission, OpenCollab, Product, Registration, SampleRequest, ShopCreator, SourceRef } from '../domain/types';

/**
 * Two commission benchmarks per product category (`products.categoryId`, first level), kept apart:
 * - **own**: the rates Collab Lens has seen on the seller's own pages (`commissionObservations`), one per product and
 *   rate. It says what the seller's shops pay, not whether that is competitive.
 * - **market**: the creators' median commission as the creator marketplace shows it (`med_commission_rate` or
 *   `med_commission_rate_range` in Find creators and creator details, `shopCreators.medianCommission`), one per
 *   creator: what the creators selling in the category usually get (`marketObservations`).
 * Nothing is crowdsourced: both are local sightings, and every figure says how many observations it rests on and over
 * which time, so a thin benchmark never passes for a sourced average.
 *
 * Used by the `commission-below-benchmark` rules, the popup and the page annotations:
 *
 *   const observations = await commissionObservations(db);            // every shop, or (db, shopKey) for one
 *   const b = commissionBenchmark(observations, product.categoryId, { region: 'US', excludeProductId: product.productId });
 *   if ('tooFew' in b) say(`only ${b.count} rates seen`); else show(b.p25, b.p50, b.p75);
 */

/** Where a rate was seen. */
export type ObservationKind =
  /** The product's open-collaboration commission (`openCollabs.commissionBps`). */
  | 'open'
  /** A target invitation's commission for the product (`invitationProducts.targetCommissionBps`). */
  | 'target'
  /** The open-collaboration commission a creator applied at (`creatorApplications.commissionBps`). */
  | 'application'
  /** The commission a sample request was made at (`sampleRequests.commissionBps`). */
  | 'sample'
  /** The total commission the seller registered the product at in a partner campaign (`registrations.totalCommissionBps`). */
  | 'registration'
  /** A partner campaign's commission requirement, counted for each product registered in it. */
  | 'campaign';

/** One commission rate seen for one product. */
export interface CommissionObservation {
  bps: number;
  productId: string;
  shopKey: string;
  /** The product's category when Collab Lens knows it; observations without one are in no benchmark. */
  categoryId?: string;
  kind: ObservationKind;
  /** Primary key of the record that carried the rate, in its table (`kind` says which). */
  key: string;
  /** When Collab Lens last saw the rate (epoch ms UTC). */
  seenAt: number;
}

/** Quartiles of the rates seen in a category, in basis points, and the span of time they were seen over. */
export interface Benchmark {
  /** Distinct rates counted (one per product and rate, however many records carried it). */
  count: number;
  p25: number;
  p50: number;
  p75: number;
  /** Earliest and latest time one of the counted rates was seen (epoch ms UTC). */
  from: number;
  to: number;
}

/** Too few rates to say anything: how many there are. */
export interface TooFew {
  count: number;
  tooFew: true;
}

export interface BenchmarkOptions {
  /** Fewer distinct rates than this give `tooFew` (default 20). */
  minCount?: number;
  /** Only rates seen in shops of this region (`US`, `ID`…): commission norms differ by market. */
  region?: string;
  /** Leave out this product's own rates, so a product is compared with the others in its category. */
  excludeProductId?: string;
}

export const DEFAULT_MIN_COUNT = 20;

/** One creator's median commission, seen in a shop's creator marketplace, counted in one product category. */
export interface MarketObservation {
  bps: number;
  handle: string;
  /** The shop whose marketplace showed it (its region is the market). */
  shopKey: string;
  categoryId: string;
  /** How the creator's category met the products' one: by category id, or by name among the region's products. */
  via: 'id' | 'name';
  form: MedianCommission['form'];
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
}

const normalName = (name: string) => name.normalize('NFKC').trim().toLowerCase();

/**
 * The market observations of every shop's marketplace (or only of `categories`). A creator's categories meet the
 * products' first-level categories by id first (`industry_groups[].key` and `magellan_<id>` are first-level category
 * ids), else by name, case and spacing aside, among the categorised products of the shops in the same region (the
 * marketplace names categories in the region's language, as the products' categories are). A creator counts in every
 * category of theirs that meets one; a category no product of the region has is in no benchmark.
 */
export async function marketObservations(db: AppDB, categories?: readonly string[]): Promise<MarketObservation[]> {
  const rows = await db.shopCreators.toArray();
  const priced = rows.filter((r): r is ShopCreator & { medianCommission: MedianCommission } => r.medianCommission !== undefined && (r.categories?.value.length ?? 0) > 0);
  // Without a priced creator there is no market: the categorised products (every one of them) are not read.
  if (!priced.length) return [];
  const products = await db.products.where('categoryId').above('').toArray();
  if (!products.length) return [];
  const wanted = categories && new Set(categories);
  const ids = new Map<string, Set<string>>();
  const names = new Map<string, Map<string, string>>();
  for (const p of products) {
    const region = regionOf(p.shopKey);
    const id = p.categoryId as string;
    if (!ids.has(region)) ids.set(region, new Set());
    ids.get(region)?.add(id);
    if (p.categoryName) {
      if (!names.has(region)) names.set(region, new Map());
      names.get(region)?.set(normalName(p.categoryName), id);
    }
  }
  const out: MarketObservation[] = [];
  for (const r of priced) {
    const region = regionOf(r.shopKey);
    const met = new Map<string, 'id' | 'name'>();
    for (const c of r.categories?.value ?? []) {
      const byId = c.id !== undefined && ids.get(region)?.has(c.id) ? c.id : undefined;
      const byName = byId === undefined && c.name ? names.get(region)?.get(normalName(c.name)) : undefined;
      const categoryId = byId ?? byName;
      if (categoryId !== undefined && !met.has(categoryId)) met.set(categoryId, byId !== undefined ? 'id' : 'name');
    }
    const m = r.medianCommission;
    for (const [categoryId, via] of met) {
      if (wanted && !wanted.has(categoryId)) continue;
      out.push({ bps: m.bps, handle: r.handle, shopKey: r.shopKey, categoryId, via, form: m.form, firstSeenAt: m.firstSeenAt, lastSeenAt: m.lastSeenAt, source: m.source });
    }
  }
  return out;
}

/**
 * The market observations of one region's category that count: one per creator (the most recently seen rate, when
 * several shops of the region saw the creator), with the span of its sightings.
 */
export function marketRates(observations: readonly MarketObservation[], region: string, categoryId: string): MarketObservation[] {
  const byCreator = new Map<string, MarketObservation>();
  for (const o of observations) {
    if (o.categoryId !== categoryId || regionOf(o.shopKey) !== region) continue;
    const prev = byCreator.get(o.handle);
    if (!prev) {
      byCreator.set(o.handle, o);
      continue;
    }
    const [newer, older] = o.lastSeenAt > prev.lastSeenAt ? [o, prev] : [prev, o];
    byCreator.set(o.handle, newer.bps === older.bps ? { ...newer, firstSeenAt: Math.min(newer.firstSeenAt, older.firstSeenAt) } : newer);
  }
  return [...byCreator.values()];
}

/** The market benchmark of one region's category: quartiles of the creators' median commissions, or how few there are. */
export function marketBenchmark(observations: readonly MarketObservation[], region: string, categoryId: string, minCount = DEFAULT_MIN_COUNT): Benchmark | TooFew {
  const rates = marketRates(observations, region, categoryId);
  if (rates.length === 0 || rates.length < minCount) return { count: rates.length, tooFew: true };
  const sorted = rates.map((r) => r.bps).sort((a, b) => a - b);
  return {
    count: rates.length,
    p25: percentile(sorted, 0.25),
    p50: percentile(sorted, 0.5),
    p75: percentile(sorted, 0.75),
    from: Math.min(...rates.map((r) => r.firstSeenAt)),
    to: Math.max(...rates.map((r) => r.lastSeenAt)),
  };
}

/** The region part of a shop key (`REGION:sellerId`). */
export function regionOf(shopKey: string): string {
  const colon = shopKey.indexOf(':');
  return colon < 0 ? shopKey : shopKey.slice(0, colon);
}

/**
 * The `p`-th percentile (0..1) of ascending `sorted` values, by linear interpolation between closest ranks (the
 * spreadsheet PERCENTILE.INC / numpy default), rounded to a whole basis point. One value is every percentile of itself.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no values');
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return Math.round(below + (h - lo) * (above - below));
}

/**
 * The benchmark of `categoryId` from `observations`: quartiles of the distinct (product, rate) pairs seen in that
 * category, or `{count, tooFew}` when there are fewer than `minCount`. A product seen at one rate on many records
 * (every sample request carries the rate) counts once, so one busy product does not make the benchmark.
 */
export function commissionBenchmark(
  observations: readonly CommissionObservation[],
  categoryId: string | undefined,
  options: BenchmarkOptions = {},
): Benchmark | TooFew {
  const minCount = options.minCount ?? DEFAULT_MIN_COUNT;
  if (categoryId === undefined) return { count: 0, tooFew: true };
  const distinct = new Map<string, { bps: number; first: number; last: number }>();
  for (const o of observations) {
    if (o.categoryId !== categoryId || o.productId === options.excludeProductId) continue;
    if (options.region !== undefined && regionOf(o.shopKey) !== options.region) continue;
    const id = `${o.productId}|${o.bps}`;
    const seen = distinct.get(id);
    if (seen) {
      seen.first = Math.min(seen.first, o.seenAt);
      seen.last = Math.max(seen.last, o.seenAt);
    } else distinct.set(id, { bps: o.bps, first: o.seenAt, last: o.seenAt });
  }
  const count = distinct.size;
  if (count === 0 || count < minCount) return { count, tooFew: true };
  const values = [...distinct.values()];
  const sorted = values.map((v) => v.bps).sort((a, b) => a - b);
  return {
    count,
    p25: percentile(sorted, 0.25),
    p50: percentile(sorted, 0.5),
    p75: percentile(sorted, 0.75),
    from: Math.min(...values.map((v) => v.first)),
    to: Math.max(...values.map((v) => v.last)),
  };
}

/**
 * The rows whose `index` equals one of `values`, one key range each: Dexie's `anyOf` steps one cursor across the
 * values, which costs far more than one `getAll` per value when the values are a few among many rows.
 */
async function rowsWithAny<T, K, I>(table: Table<T, K, I>, index: string, values: readonly string[]): Promise<T[]> {
  return (await Promise.all(values.map((v) => table.where(index).equals(v).toArray()))).flat();
}

const rate = (bps: number | undefined): bps is number => bps !== undefined && Number.isFinite(bps) && bps > 0;

/** The records that carry commission rates (`ObservationKind` says which), for some products. */
export interface RateRows {
  collabs: OpenCollab[];
  targets: InvitationProduct[];
  applications: CreatorApplication[];
  requests: SampleRequest[];
  registrations: Registration[];
  /** The campaigns of `registrations`, for their commission requirements. */
  campaigns: (Campaign | undefined)[];
}

/** The rate-carrying records of `productIds`, one key range per product and table. */
export async function rateRowsOf(db: AppDB, productIds: readonly string[]): Promise<RateRows> {
  const [collabs, targets, applications, requests, registrations] = await Promise.all([
    rowsWithAny(db.openCollabs, 'productId', productIds),
    rowsWithAny(db.invitationProducts, 'productId', productIds),
    rowsWithAny(db.creatorApplications, 'productId', productIds),
    rowsWithAny(db.sampleRequests, 'productId', productIds),
    rowsWithAny(db.registrations, 'productId', productIds),
  ]);
  const campaigns = await db.campaigns.bulkGet([...new Set(registrations.map((r) => r.campaignId))]);
  return { collabs, targets, applications, requests, registrations, campaigns };
}

/** The commission observations of `products` among `rows`: rates of other products are left out. */
export function observationsOf(products: ReadonlyMap<string, Product>, rows: RateRows): CommissionObservation[] {
  const requirement = new Map(rows.campaigns.flatMap((c) => (c && rate(c.commissionRequirementBps) ? [[c.id, c] as const] : [])));
  const out: CommissionObservation[] = [];
  const add = (bps: number | undefined, productId: string, shop: string, kind: ObservationKind, key: string, seenAt: number) => {
    const product = products.get(productId);
    if (rate(bps) && product) out.push({ bps, productId, shopKey: shop, categoryId: product.categoryId, kind, key, seenAt });
  };
  for (const c of rows.collabs) add(c.commissionBps, c.productId, c.shopKey, 'open', c.key, c.lastSeenAt);
  for (const t of rows.targets) add(t.targetCommissionBps, t.productId, t.shopKey, 'target', `${t.invitationId}|${t.productId}`, t.lastSeenAt);
  for (const a of rows.applications) add(a.commissionBps, a.productId, a.shopKey, 'application', a.id, a.lastSeenAt);
  for (const r of rows.requests) add(r.commissionBps, r.productId, r.shopKey, 'sample', r.applyId, r.lastSeenAt);
  for (const r of rows.registrations) {
    add(r.totalCommissionBps, r.productId, r.shopKey, 'registration', r.key, r.lastSeenAt);
    const campaign = requirement.get(r.campaignId);
    if (campaign) add(campaign.commissionRequirementBps, r.productId, r.shopKey, 'campaign', campaign.id, campaign.lastSeenAt);
  }
  return out;
}

/**
 * Every commission rate Collab Lens has seen for products whose category it knows, in every shop or in `shopKey`'s.
 * Products without a category are skipped before anything else is read, so a model without categories costs one index
 * lookup; otherwise each table carrying rates is read once.
 */
export async function commissionObservations(db: AppDB, shopKey?: string, categories?: readonly string[]): Promise<CommissionObservation[]> {
  const inCategories = categories === undefined ? db.products.where('categoryId').above('').toArray() : rowsWithAny(db.products, 'categoryId', categories);
  const categorised = (await inCategories).filter((p) => shopKey === undefined || p.shopKey === shopKey);
  if (categorised.length === 0) return [];
  const products = new Map<string, Product>(categorised.map((p) => [p.productId, p]));
  if (categories !== undefined) return observationsOf(products, await rateRowsOf(db, [...products.keys()]));
  // Each table in one request: whole, or the shop's.
  const rowsOf = <T extends { shopKey: string }, K, I>(table: Table<T, K, I>) => (shopKey === undefined ? table.toArray() : table.where('shopKey').equals(shopKey).toArray());
  const [collabs, targets, applications, requests, registrations] = await Promise.all([
    rowsOf(db.openCollabs),
    rowsOf(db.invitationProducts),
    rowsOf(db.creatorApplications),
    rowsOf(db.sampleRequests),
    rowsOf(db.registrations),
  ]);
  const campaigns = await db.campaigns.bulkGet([...new Set(registrations.filter((r) => products.has(r.productId)).map((r) => r.campaignId))]);
  return observationsOf(products, { collabs, targets, applications, requests, registrations, campaigns });
}
