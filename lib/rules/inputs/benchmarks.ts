import { Dexie } from 'dexie';
import type { AppDB } from '../../db/app-db';
import type { InvitationProduct, OpenCollab } from '../../domain/types';
import { commissionObservations, marketObservations, observationsOf, rateRowsOf, type CommissionObservation, type MarketObservation } from '../../queries/benchmark';
import type { OpenCommissionInput } from '../commission-below-benchmark';
import { targetKey, type TargetCommissionInput } from '../target-commission-below-benchmark';
import type { ChangeSet, InputLoader, SharedReads } from '../types';
import { benchmarkGroup, changedKeys, keyParts } from '../util';
import { keysWhere, productsById } from './read';

/**
 * The inputs of the two benchmark rules: a commission (open collaboration, or a product in a target invitation) with
 * the observations of its product's region and category. One changed rate moves its category's benchmark, so a change
 * affects every product of that category; the category's observations are read once per evaluation for both rules.
 */

/** Tables whose rows are benchmark observations or name them. */
const BENCHMARK_READS = ['products', 'transitions', 'openCollabs', 'invitationProducts', 'creatorApplications', 'sampleRequests', 'registrations', 'campaigns'] as const;

/** Whether a change moved a market benchmark: a creator seen in a marketplace (its rate or categories). */
const marketChanged = (changes: ChangeSet) => changedKeys(changes, 'shopCreators').length > 0;

/** A category's products and the records that carry their rates, read once per evaluation. */
function categoryRates(db: AppDB, categoryId: string, shared: SharedReads) {
  return shared.once(`category|${categoryId}`, async () => {
    const products = new Map((await db.products.where('categoryId').equals(categoryId).toArray()).map((p) => [p.productId, p] as const));
    const rows = await rateRowsOf(db, [...products.keys()]);
    return { rows, observations: observationsOf(products, rows) };
  });
}

/**
 * What a change may have moved, once per evaluation (both loaders read the same tables for it): the products of every
 * changed record that carries a rate (`lib/queries/benchmark.ts` lists them), whose own rate may have moved, and their
 * categories, whose benchmarks may have moved for every product in them. `'all'` when a product joined or left a
 * category (a category transition): the benchmarks it left are not known.
 */
function benchmarksMoved(db: AppDB, changes: ChangeSet, shared: SharedReads): Promise<{ direct: string[]; categories: string[] } | 'all'> {
  return shared.once('benchmarks-moved', async () => {
    if (changedKeys(changes, 'transitions').some((k) => k.startsWith('product|'))) return 'all';
    const [applications, requests, campaignRegistrations] = await Promise.all([
      db.creatorApplications.bulkGet([...changedKeys(changes, 'creatorApplications')]),
      db.sampleRequests.bulkGet([...changedKeys(changes, 'sampleRequests')]),
      keysWhere(db.registrations, 'campaignId', changedKeys(changes, 'campaigns')),
    ]);
    const direct = new Set<string>([
      ...changedKeys(changes, 'products'),
      ...['openCollabs', 'invitationProducts', 'registrations'].flatMap((table) => changedKeys(changes, table).map((k) => keyParts(k)[1])),
      ...campaignRegistrations.map((k) => keyParts(k)[1]),
      ...applications.flatMap((a) => (a ? [a.productId] : [])),
      ...requests.flatMap((r) => (r ? [r.productId] : [])),
    ]);
    direct.delete('');
    return { direct: [...direct], categories: categoriesOf((await productsById(db, direct)).values()) };
  });
}

function grouped<T extends { shopKey: string }>(rows: readonly T[], categoryOf: (row: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const o of rows) {
    const categoryId = categoryOf(o);
    if (categoryId === undefined) continue;
    const group = benchmarkGroup(o.shopKey, categoryId);
    const list = groups.get(group);
    if (list) list.push(o);
    else groups.set(group, [o]);
  }
  return groups;
}

/**
 * The own and market observations, by `benchmarkGroup`, of `categories` (every category when undefined). Each
 * category's own observations are read once per evaluation; the market's (a few creators per category) once in all.
 */
async function benchmarksOf(db: AppDB, categories: readonly string[] | undefined, shared: SharedReads) {
  const own: CommissionObservation[] = categories
    ? (await Promise.all(categories.map((c) => categoryRates(db, c, shared)))).flatMap((c) => c.observations)
    : await shared.once('observations', () => commissionObservations(db));
  const wanted = categories && new Set(categories);
  const market = (await shared.once('market', () => marketObservations(db))).filter((o: MarketObservation) => !wanted || wanted.has(o.categoryId));
  return { groups: grouped(own, (o) => o.categoryId), markets: grouped(market, (o) => o.categoryId) };
}

const categoriesOf = (products: Iterable<{ categoryId?: string } | undefined>) => [...new Set([...products].flatMap((p) => (p?.categoryId ? [p.categoryId] : [])))];

/** An open collaboration's commission with its category's benchmarks. */
export const openCollabBenchmarks: InputLoader<OpenCommissionInput> = {
  reads: [...BENCHMARK_READS, 'shopCreators'],
  async affected(db, changes, shared) {
    if (marketChanged(changes)) return 'all';
    const moved = await benchmarksMoved(db, changes, shared);
    if (moved === 'all') return 'all';
    const [ofProducts, inCategories] = await Promise.all([
      keysWhere(db.openCollabs, 'productId', moved.direct),
      Promise.all(moved.categories.map((c) => categoryRates(db, c, shared))),
    ]);
    return [...new Set([...changedKeys(changes, 'openCollabs'), ...ofProducts, ...inCategories.flatMap((c) => c.rows.collabs.map((collab) => collab.key))])];
  },
  async load(db, keys, _now, shared) {
    const collabs = keys ? (await db.openCollabs.bulkGet([...keys])).filter((c): c is OpenCollab => c !== undefined) : await db.openCollabs.toArray();
    const products = await productsById(db, collabs.map((c) => c.productId));
    const { groups, markets } = await benchmarksOf(db, keys && categoriesOf(products.values()), shared);
    return collabs.map((collab) => {
      const product = products.get(collab.productId);
      const group = product?.categoryId ? benchmarkGroup(collab.shopKey, product.categoryId) : undefined;
      return { key: collab.key, collab, product, observations: (group && groups.get(group)) || [], market: (group && markets.get(group)) || [] };
    });
  },
};

/** A target invitation's commission for one product, with its invitation and its category's benchmarks. */
export const targetBenchmarks: InputLoader<TargetCommissionInput> = {
  reads: [...BENCHMARK_READS, 'invitations', 'shopCreators'],
  async affected(db, changes, shared) {
    if (marketChanged(changes)) return 'all';
    const invitationIds = changedKeys(changes, 'invitations');
    const [moved, ofInvitations] = await Promise.all([
      benchmarksMoved(db, changes, shared),
      Promise.all(invitationIds.map((id) => db.invitationProducts.where('[invitationId+productId]').between([id, Dexie.minKey], [id, Dexie.maxKey]).primaryKeys())),
    ]);
    if (moved === 'all') return 'all';
    const [ofProducts, inCategories] = await Promise.all([
      keysWhere(db.invitationProducts, 'productId', moved.direct),
      Promise.all(moved.categories.map((c) => categoryRates(db, c, shared))),
    ]);
    const subjects = [...ofProducts, ...ofInvitations.flat()].map(([invitationId, productId]) => targetKey({ invitationId, productId }));
    return [...new Set([...changedKeys(changes, 'invitationProducts'), ...subjects, ...inCategories.flatMap((c) => c.rows.targets.map(targetKey))])];
  },
  async load(db, keys, _now, shared) {
    const targets = keys
      ? (await db.invitationProducts.bulkGet(keys.map((k) => keyParts(k)))).filter((t): t is InvitationProduct => t !== undefined)
      : await db.invitationProducts.toArray();
    const [invitations, products] = await Promise.all([
      db.invitations.bulkGet([...new Set(targets.map((t) => t.invitationId))]),
      productsById(db, targets.map((t) => t.productId)),
    ]);
    const { groups, markets } = await benchmarksOf(db, keys && categoriesOf(products.values()), shared);
    const invitationById = new Map(invitations.flatMap((i) => (i ? [[i.id, i] as const] : [])));
    return targets.map((target) => {
      const product = products.get(target.productId);
      const group = product?.categoryId ? benchmarkGroup(target.shopKey, product.categoryId) : undefined;
      const observations = (group && groups.get(group)) || [];
      return { key: targetKey(target), target, invitation: invitationById.get(target.invitationId), product, observations, market: (group && markets.get(group)) || [] };
    });
  },
};
