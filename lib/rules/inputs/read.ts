import type { IndexableType, Table } from 'dexie';
import type { AppDB } from '../../db/app-db';
import type { SampleStatus } from '../../domain/sample-status';
import type { Product, SampleRequest, Transition } from '../../domain/types';
import type { ChangeSet } from '../types';
import { changedKeys, productName, type RequestInput } from '../util';

/** Reads the input loaders share: bulk reads through indexes, one key range per value. */

/**
 * The rows of `table` whose `index` equals one of `values`, one key range each. Dexie's `anyOf` walks one cursor across
 * the values, one step at a time; a key range per value is one `getAll` each, and they run side by side.
 */
export async function rowsWhere<T, K, I>(table: Table<T, K, I>, index: string, values: readonly IndexableType[]): Promise<T[]> {
  return (await Promise.all(values.map((v) => table.where(index).equals(v).toArray()))).flat();
}

/** `rowsWhere`, primary keys only. */
export async function keysWhere<T, K, I>(table: Table<T, K, I>, index: string, values: readonly IndexableType[]): Promise<K[]> {
  return (await Promise.all(values.map((v) => table.where(index).equals(v).primaryKeys()))).flat();
}

/** The sample requests in any of `statuses`, in every shop, through the `[shopKey+status]` index. */
export async function requestsInStatuses(db: AppDB, statuses: readonly SampleStatus[]): Promise<SampleRequest[]> {
  const shops = (await db.sampleRequests.orderBy('shopKey').uniqueKeys()) as string[];
  if (!shops.length) return [];
  return rowsWhere(
    db.sampleRequests,
    '[shopKey+status]',
    shops.flatMap((shop) => statuses.map((status) => [shop, status])),
  );
}

/**
 * The requests a rule about requests in `statuses` checks: those among `keys` whatever their status (so `check` can
 * clear a finding whose request moved on), or every request in `statuses` when `keys` is undefined.
 */
export async function loadRequests(db: AppDB, keys: readonly string[] | undefined, statuses: readonly SampleStatus[]): Promise<SampleRequest[]> {
  if (keys === undefined) return requestsInStatuses(db, statuses);
  return (await db.sampleRequests.bulkGet([...keys])).filter((r): r is SampleRequest => r !== undefined);
}

/** Keys of the requests in `statuses` whose product is one of `productIds`, through the `productId` index. */
export async function requestKeysForProducts(db: AppDB, productIds: readonly string[], statuses: readonly SampleStatus[]): Promise<string[]> {
  if (!productIds.length) return [];
  const wanted = new Set<string>(statuses);
  return (await rowsWhere(db.sampleRequests, 'productId', productIds)).filter((r) => wanted.has(r.status)).map((r) => r.applyId);
}

/** Keys of the requests in `statuses` of these shop–creator pairs, through the `[shopKey+creatorHandle]` index. */
export async function requestKeysOfCreators(db: AppDB, pairs: readonly (readonly [string, string])[], statuses: readonly SampleStatus[]): Promise<string[]> {
  if (!pairs.length) return [];
  const wanted = new Set<string>(statuses);
  const rows = await rowsWhere(db.sampleRequests, '[shopKey+creatorHandle]', pairs.map(([shop, handle]) => [shop, handle]));
  return rows.filter((r) => wanted.has(r.status)).map((r) => r.applyId);
}

/** The shop–creator pairs of existing requests among `keys`. */
export async function creatorPairsOf(db: AppDB, keys: readonly string[]): Promise<[string, string][]> {
  const rows = await db.sampleRequests.bulkGet([...keys]);
  const pairs = new Map<string, [string, string]>();
  for (const r of rows) if (r) pairs.set(`${r.shopKey}\u0000${r.creatorHandle}`, [r.shopKey, r.creatorHandle]);
  return [...pairs.values()];
}

/** Products by id (for titles and categories); ids Collab Lens never saw are absent. */
export async function productsById(db: AppDB, ids: Iterable<string>): Promise<Map<string, Product>> {
  const unique = [...new Set(ids)];
  const rows = await db.products.bulkGet(unique);
  return new Map(rows.flatMap((p) => (p ? [[p.productId, p] as const] : [])));
}

/** Every transition of `entity` for each of `keys`, oldest sighting first, through the `[entity+key]` index. */
export async function transitionsByKey(db: AppDB, entity: string, keys: readonly string[]): Promise<Map<string, Transition[]>> {
  const out = new Map<string, Transition[]>();
  if (!keys.length) return out;
  const rows = await rowsWhere(db.transitions, '[entity+key]', keys.map((k) => [entity, k]));
  rows.sort((a, b) => a.seenAt - b.seenAt);
  for (const t of rows) {
    const list = out.get(t.key);
    if (list) list.push(t);
    else out.set(t.key, [t]);
  }
  return out;
}

/** The apply ids among `applyIds` that have a posted content captured (`sampleContents`), through its `applyId` index. */
export async function requestsWithContent(db: AppDB, applyIds: readonly string[]): Promise<Set<string>> {
  if (!applyIds.length) return new Set();
  return new Set((await rowsWhere(db.sampleContents, 'applyId', applyIds)).flatMap((c) => (c.applyId ? [c.applyId] : [])));
}

/** The apply ids the changed contents (by content id) belong to. */
export async function contentRequests(db: AppDB, contentIds: readonly string[] | undefined): Promise<string[]> {
  if (!contentIds?.length) return [];
  const rows = await db.sampleContents.bulkGet([...contentIds]);
  return [...new Set(rows.flatMap((c) => (c?.applyId ? [c.applyId] : [])))];
}

/** `loadRequests` with product names, in one more bulk read. */
export async function loadRequestInputs(db: AppDB, keys: readonly string[] | undefined, statuses: readonly SampleStatus[]): Promise<RequestInput[]> {
  const requests = await loadRequests(db, keys, statuses);
  const products = await productsById(db, requests.map((r) => r.productId));
  return requests.map((request) => ({ key: request.applyId, request, product: productName(products, request.productId) }));
}

/** For inputs about one request in `statuses` and its product's name: the changed requests, and those of a changed product. */
export async function requestsAffected(db: AppDB, changes: ChangeSet, statuses: readonly SampleStatus[]): Promise<string[]> {
  const byProduct = await requestKeysForProducts(db, changedKeys(changes, 'products'), statuses);
  return [...new Set([...changedKeys(changes, 'sampleRequests'), ...byProduct])];
}
