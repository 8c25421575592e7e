/** Shared helpers for the built-in rules: bulk loading through indexes, time constants, evidence. */

// Imports of every section, in one place (one module cannot import a name twice).
import type { IndexableType, Table } from 'dexie';
import type { AppDB } from '../db/app-db';
import type { SampleStatus } from '../domain/sample-status';
import type { Campaign, Product, Registration, SampleRequest, SourceRef, Transition } from '../domain/types';
import { commissionBenchmark, commissionObservations, regionOf, type CommissionObservation } from '../queries/benchmark';
import type { ChangeSet, Evidence, FindingDraft, SubjectInput, ThresholdSpec } from './types';

// [section:h2]

/**
 * The rows of `table` whose `index` equals one of `values`, one key range each. Dexie's `anyOf` walks one cursor across
 * the values; fake-indexeddb (the unit tests' IndexedDB) steps such a cursor in time that grows with the table, so
 * over thousands of rows it takes seconds, while a key range is one `getAll` in every IndexedDB.
 */
export async function rowsWhere<T, K, I>(table: Table<T, K, I>, index: string, values: readonly IndexableType[]): Promise<T[]> {
  return (await Promise.all(values.map((v) => table.where(index).equals(v).toArray()))).flat();
}

/** `rowsWhere`, primary keys only. */
export async function keysWhere<T, K, I>(table: Table<T, K, I>, index: string, values: readonly IndexableType[]): Promise<K[]> {
  return (await Promise.all(values.map((v) => table.where(index).equals(v).primaryKeys()))).flat();
}

/**
 * TikTok's posting obligation for a sample (seller help "How to send sample post reminders" and the Sample Integrity
 * Policy, user-needs.md need 4 and idea 2): the creator posts within 14 days of delivery and may extend once by 7 days;
 * the seller may send one post reminder, no earlier than 5 days after delivery.
 */
export const POSTING_WINDOW_DAYS = 14;
export const POSTING_EXTENSION_DAYS = 7;
export const REMINDER_AFTER_DAYS = 5;

/** Every shop key that has sample requests: one key-only pass over the `shopKey` index. */
async function requestShopKeys(db: AppDB): Promise<string[]> {
  return (await db.sampleRequests.orderBy('shopKey').uniqueKeys()) as string[];
}

/** The sample requests in any of `statuses`, in every shop, through the `[shopKey+status]` index. */
async function requestsInStatuses(db: AppDB, statuses: readonly SampleStatus[]): Promise<SampleRequest[]> {
  const shops = await requestShopKeys(db);
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

/** Keys of the requests in `statuses` whose product is one of `productIds` (requests have no product index). */
export async function requestKeysForProducts(db: AppDB, productIds: readonly string[], statuses: readonly SampleStatus[]): Promise<string[]> {
  if (!productIds.length) return [];
  const wanted = new Set(productIds);
  return (await requestsInStatuses(db, statuses)).filter((r) => wanted.has(r.productId)).map((r) => r.applyId);
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

/** The keys of the `entity` records whose status history moved: a change set names transitions as `entity|key`. */
export function transitionSubjects(changes: ChangeSet, entity: string): string[] {
  const prefix = `${entity}|`;
  return [...new Set(changedKeys(changes, 'transitions').flatMap((k) => (k.startsWith(prefix) ? [k.slice(prefix.length)] : [])))];
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

/** When Collab Lens first saw a request in `status`, and on which page. */
export interface StatusSighting {
  at: number;
  source: SourceRef;
}

/**
 * The first sighting of `status` for a request: its earliest transition to it, or, when no transition was kept (a
 * restored or hand-made model), the request's own `statusSeenAt` if that is its current status. A sighting is an upper
 * bound: the change happened at or before it.
 */
export function firstSighting(request: SampleRequest, transitions: readonly Transition[] | undefined, status: SampleStatus): StatusSighting | undefined {
  const t = transitions?.find((x) => x.to === status);
  if (t) return { at: t.seenAt, source: t.source };
  return request.status === status ? { at: request.statusSeenAt, source: request.source } : undefined;
}

/** A sample request as evidence: its key, when it was last seen and on which page. */
export const requestEvidence = (r: SampleRequest, basis?: Evidence['basis']): Evidence => seenRecord('sampleRequest', r.applyId, r, basis);

/** A product's name for a message: its title when Collab Lens saw one, else its id. */
export const productName = (products: ReadonlyMap<string, Product>, productId: string): string => products.get(productId)?.title || productId;

/** A sample request with the name its messages give its product. */
export interface RequestInput extends SubjectInput {
  request: SampleRequest;
  product: string;
}

/** `loadRequests` with product names, in one more bulk read. */
export async function loadRequestInputs(db: AppDB, keys: readonly string[] | undefined, statuses: readonly SampleStatus[]): Promise<RequestInput[]> {
  const requests = await loadRequests(db, keys, statuses);
  const products = await productsById(db, requests.map((r) => r.productId));
  return requests.map((request) => ({ key: request.applyId, request, product: productName(products, request.productId) }));
}

/** For rules about one request in `statuses` and its product's name: the changed requests, and those of a changed product. */
export async function requestsAffected(db: AppDB, changes: ChangeSet, statuses: readonly SampleStatus[]): Promise<string[]> {
  const byProduct = await requestKeysForProducts(db, changedKeys(changes, 'products'), statuses);
  return [...new Set([...changedKeys(changes, 'sampleRequests'), ...byProduct])];
}

/**
 * The products whose commission benchmark, or own rate, a change may have moved: the products of every changed record
 * that carries a rate (`lib/queries/benchmark.ts` lists them), and every product of those products' categories. A
 * changed product may have changed category, and its old one is not known: callers re-run in full for `products`.
 */
export async function benchmarkProductsAffected(db: AppDB, changes: ChangeSet): Promise<string[] | 'all'> {
  // A product that joined or left a category (a category transition) moves benchmarks whose products are not known.
  if (changedKeys(changes, 'transitions').some((k) => k.startsWith('product|'))) return 'all';
  const campaignIds = changedKeys(changes, 'campaigns');
  const [applications, requests, campaignRegistrations] = await Promise.all([
    db.creatorApplications.bulkGet([...changedKeys(changes, 'creatorApplications')]),
    db.sampleRequests.bulkGet([...changedKeys(changes, 'sampleRequests')]),
    keysWhere(db.registrations, 'campaignId', campaignIds),
  ]);
  const direct = new Set<string>([
    ...changedKeys(changes, 'products'),
    ...['openCollabs', 'invitationProducts', 'registrations'].flatMap((table) => changedKeys(changes, table).map((k) => keyParts(k)[1])),
    ...campaignRegistrations.map((k) => keyParts(k)[1]),
    ...applications.flatMap((a) => (a ? [a.productId] : [])),
    ...requests.flatMap((r) => (r ? [r.productId] : [])),
  ]);
  direct.delete('');
  const categories = [...new Set([...(await productsById(db, direct)).values()].flatMap((p) => (p.categoryId ? [p.categoryId] : [])))];
  const inCategories = await keysWhere(db.products, 'categoryId', categories);
  return [...new Set([...direct, ...inCategories])];
}

/** A request waiting for content: when Collab Lens first saw it delivered, and whether a post for it was captured. */
export interface ContentInput extends RequestInput {
  /** First sighting of `CONTENT_PENDING` (TikTok's status once the creator received the sample). */
  delivered?: StatusSighting;
  hasContent: boolean;
}

/** Requests in `CONTENT_PENDING` (or among `keys`), with their delivery sighting and content, in three bulk reads. */
export async function loadContentInputs(db: AppDB, keys: readonly string[] | undefined): Promise<ContentInput[]> {
  const inputs = await loadRequestInputs(db, keys, ['CONTENT_PENDING']);
  const ids = inputs.map((i) => i.key);
  const [transitions, withContent] = await Promise.all([transitionsByKey(db, 'sampleRequest', ids), requestsWithContent(db, ids)]);
  return inputs.map((i) => ({ ...i, delivered: firstSighting(i.request, transitions.get(i.key), 'CONTENT_PENDING'), hasContent: withContent.has(i.key) }));
}

/** Requests whose content clock a change moved: changed requests and products, new transitions, new posts. */
export async function contentAffected(db: AppDB, changes: ChangeSet): Promise<string[]> {
  const [requests, contents] = await Promise.all([requestsAffected(db, changes, ['CONTENT_PENDING']), contentRequests(db, changes.sampleContents)]);
  return [...new Set([...requests, ...transitionSubjects(changes, 'sampleRequest'), ...contents])];
}

/** The benchmark group of a product: its shop's region and its category. */
export const benchmarkGroup = (shopKey: string, categoryId: string): string => `${regionOf(shopKey)}|${categoryId}`;

/** Every commission observation (`lib/queries/benchmark.ts`), grouped by `benchmarkGroup`. */
export async function observationsByGroup(db: AppDB, categories?: readonly string[]): Promise<Map<string, CommissionObservation[]>> {
  const groups = new Map<string, CommissionObservation[]>();
  for (const o of await commissionObservations(db, undefined, categories)) {
    if (o.categoryId === undefined) continue;
    const group = benchmarkGroup(o.shopKey, o.categoryId);
    const list = groups.get(group);
    if (list) list.push(o);
    else groups.set(group, [o]);
  }
  return groups;
}

/** Tables whose rows are benchmark observations or name them. */
export const BENCHMARK_READS = ['products', 'transitions', 'openCollabs', 'invitationProducts', 'creatorApplications', 'sampleRequests', 'registrations', 'campaigns'] as const;

/** The categories of the products a benchmark rule is about to check: only their benchmarks need reading. */
export const categoriesOf = (products: Iterable<{ categoryId?: string } | undefined>) => [...new Set([...products].flatMap((p) => (p?.categoryId ? [p.categoryId] : [])))];

export const MIN_OBSERVATIONS: ThresholdSpec = {
  label: { en: 'Commission rates needed in a category before comparing', id: 'Jumlah tarif komisi yang dibutuhkan dalam satu kategori sebelum dibandingkan' },
  unit: 'count',
  default: 20,
  min: 5,
  max: 500,
};

/** The params and evidence the two benchmark rules share, or nothing when the rate is not under the 25th percentile. */
export function belowBenchmark(
  rate: number | undefined,
  product: Product | undefined,
  shopKey: string,
  observations: readonly CommissionObservation[],
  minCount: number,
): { params: FindingDraft['params']; evidence: Evidence[] } | undefined {
  if (rate === undefined || !product?.categoryId) return undefined;
  const b = commissionBenchmark(observations, product.categoryId, { minCount, region: regionOf(shopKey), excludeProductId: product.productId });
  if ('tooFew' in b || rate >= b.p25) return undefined;
  return {
    params: {
      product: product.title || product.productId,
      productId: product.productId,
      category: product.categoryName ?? product.categoryId,
      rate: { bps: rate },
      p25: { bps: b.p25 },
      p50: { bps: b.p50 },
      count: b.count,
      from: { at: b.from },
      to: { at: b.to },
    },
    evidence: [seenRecord('product', product.productId, product)],
  };
}

// [section:h3]

/** An hour and a day in epoch milliseconds. */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The primary keys a change set holds for one table (none when the table did not change). */
export const changedKeys = (changes: ChangeSet, table: string): readonly string[] => changes[table] ?? [];

/** The two parts of a compound primary key as the change set writes it (`invitationId|handle`); the rest is `''`. */
export function keyParts(key: string): [string, string] {
  const i = key.indexOf('|');
  return i === -1 ? [key, ''] : [key.slice(0, i), key.slice(i + 1)];
}

/** Evidence of one stored record: which entity, its key, and when and on which page Collab Lens last saw it. */
export function seenRecord(entity: string, key: string, row: { lastSeenAt: number; source?: SourceRef }, basis?: Evidence['basis']): Evidence {
  return { entity, key, seenAt: row.lastSeenAt, ...(row.source ? { source: row.source } : {}), ...(basis ? { basis } : {}) };
}

/** A product registration with what its messages name: the campaign (name, windows) and the product's title. */
export interface RegistrationInput extends SubjectInput {
  registration: Registration;
  campaign?: Campaign;
  productTitle?: string;
}

/** Registrations by key (every one when `keys` is undefined), with their campaigns and product titles, in three bulk reads. */
export async function loadRegistrations(db: AppDB, keys: readonly string[] | undefined): Promise<RegistrationInput[]> {
  const rows = keys ? (await db.registrations.bulkGet([...keys])).filter((r): r is Registration => r !== undefined) : await db.registrations.toArray();
  const campaignIds = [...new Set(rows.map((r) => r.campaignId))];
  const [campaigns, products] = await Promise.all([db.campaigns.bulkGet(campaignIds), productsById(db, rows.map((r) => r.productId))]);
  const campaignById = new Map(campaigns.flatMap((c) => (c ? [[c.id, c] as const] : [])));
  return rows.map((registration) => ({
    key: registration.key,
    registration,
    campaign: campaignById.get(registration.campaignId),
    productTitle: products.get(registration.productId)?.title,
  }));
}

/** Registrations a change touches: changed ones, and those of a changed campaign or product (by index). */
export async function registrationsAffected(db: AppDB, changes: ChangeSet): Promise<string[]> {
  const campaignIds = changedKeys(changes, 'campaigns');
  const productIds = changedKeys(changes, 'products');
  const [byCampaign, byProduct] = await Promise.all([
    campaignIds.length ? db.registrations.where('campaignId').anyOf([...campaignIds]).primaryKeys() : [],
    productIds.length ? db.registrations.where('productId').anyOf([...productIds]).primaryKeys() : [],
  ]);
  return [...new Set([...changedKeys(changes, 'registrations'), ...byCampaign, ...byProduct])];
}

/** How a registration's messages name its product and campaign: the title and name when seen, else their ids. */
export const registrationNames = (input: RegistrationInput): { product: string; campaign: string } => ({
  product: input.productTitle || input.registration.productId,
  campaign: input.campaign?.name || input.registration.campaignId,
});

/** Evidence of a registration and, when known, of the campaign it belongs to. */
export const registrationEvidence = (input: RegistrationInput): Evidence[] => [
  seenRecord('registration', input.registration.key, input.registration),
  ...(input.campaign ? [seenRecord('campaign', input.campaign.id, input.campaign)] : []),
];
