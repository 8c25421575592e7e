import type { AppDB } from '../db/app-db';
import type { Aggregate } from '../domain/types';
import type { ChangeSet } from '../rules/types';
import { CREATOR_AGGREGATE_KINDS } from '../creators/figures';
import { benchmarkAggregates } from './commission';
import {
  AGGREGATES_VERSION,
  aggregateKey,
  benchmarkSchema,
  invitationSchema,
  kindRange,
  metaSchema,
  type AggregateKind,
  type AggregateValues,
  type InvitationAggregate,
} from './model';
import { channelWeeks, groupBy, invitationAggregates, messageAggregate, tiersAggregate, weekAggregate } from './outreach';
import { summaryOf } from './summary';

/**
 * Keeping the `aggregates` table current. `rebuildAggregates` computes every aggregate of some shops (or all) from the
 * model; `updateAggregates` takes what an ingest batch wrote (`ChangeSet`: table → primary keys) and re-computes only
 * what those records can move:
 *
 * - summary: the shops of changed shops, requests and products (index counts);
 * - outreach: the invitations the change touches (their rows, creators or products changed, or a request, post, order
 *   or profile of a creator invited in them), then only the weeks and message texts those invitations were and are in,
 *   and the tier totals (a sum of the invitation rows, which hold their funnel per tier);
 * - commission benchmark: when a changed rate-carrying record or product belongs to a categorised product (or to one a
 *   stored benchmark counted), or a marketplace showed a creator (`shopCreators`: the market side), every benchmark, in full (one read of the rate-carrying tables, as the benchmark rules
 *   do). The change set does not say what a rate was before, so benchmarks are recomputed rather than patched; batches
 *   about uncategorised products (orders, most captures today) skip them;
 * - order channels: every week of the shops whose order lines changed (one indexed read of the shop's lines).
 *
 * A shop whose `meta` row is missing or of another `AGGREGATES_VERSION` (a database from before aggregates existed, or
 * a new shape) is rebuilt instead. Rows are written only when their values change, in one transaction per call. A
 * property test (maintain.test.ts) checks that incremental updates after any sequence of changes equal a rebuild.
 */

type Draft = { [K in AggregateKind]: { key: string; shopKey: string; kind: K; values: AggregateValues[K] } }[AggregateKind];

const draft = <K extends AggregateKind>(shopKey: string, kind: K, bucket: string, values: AggregateValues[K]) =>
  ({ key: aggregateKey(shopKey, kind, bucket), shopKey, kind, values }) as Draft;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Put the drafts whose values changed and delete `deletes` (keys also drafted are kept), in one transaction. */
async function write(db: AppDB, drafts: readonly Draft[], deletes: Iterable<string>, now: number): Promise<void> {
  const drafted = new Set(drafts.map((d) => d.key));
  const gone = [...new Set(deletes)].filter((k) => !drafted.has(k));
  await db.transaction('rw', db.aggregates, async () => {
    const existing = await db.aggregates.bulkGet(drafts.map((d) => d.key));
    const changed = drafts.filter((d, i) => {
      const e = existing[i];
      return !e || e.kind !== d.kind || e.shopKey !== d.shopKey || !same(e.values, d.values);
    });
    if (changed.length) await db.aggregates.bulkPut(changed.map((d): Aggregate => ({ ...d, values: d.values as unknown as Record<string, unknown>, updatedAt: now })));
    if (gone.length) await db.aggregates.bulkDelete(gone);
  });
}

async function rowsOf(db: AppDB, shopKey: string, kind: AggregateKind): Promise<Aggregate[]> {
  const [from, to] = kindRange(shopKey, kind);
  return db.aggregates.where(':id').between(from, to, true, true).toArray();
}

/** The invitation rows stored for a shop, by invitation id (rows of another shape are left out: they will be replaced). */
async function storedInvitations(db: AppDB, shopKey: string): Promise<Map<string, InvitationAggregate>> {
  const out = new Map<string, InvitationAggregate>();
  for (const row of await rowsOf(db, shopKey, 'invitation')) {
    const parsed = invitationSchema.safeParse(row.values);
    if (parsed.success) out.set(parsed.data.id, parsed.data);
  }
  return out;
}

/** Drafts of the week and message rows of `weeks` and `messages`, and the tier totals, from every invitation row. */
function rollups(shopKey: string, rows: readonly InvitationAggregate[], weeks: Iterable<string>, messages: Iterable<string>): { drafts: Draft[]; deletes: string[] } {
  const drafts: Draft[] = [];
  const deletes: string[] = [];
  const byWeek = groupBy(rows, (r) => r.week);
  const byMessage = groupBy(rows, (r) => r.messageKey);
  for (const w of new Set(weeks)) {
    const list = byWeek.get(w);
    if (list) drafts.push(draft(shopKey, 'week', w, weekAggregate(w, list)));
    else deletes.push(aggregateKey(shopKey, 'week', w));
  }
  for (const m of new Set(messages)) {
    const list = byMessage.get(m);
    if (list) drafts.push(draft(shopKey, 'message', m, messageAggregate(m, list)));
    else deletes.push(aggregateKey(shopKey, 'message', m));
  }
  if (rows.length) drafts.push(draft(shopKey, 'tiers', '-', tiersAggregate(rows)));
  else deletes.push(aggregateKey(shopKey, 'tiers'));
  return { drafts, deletes };
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface RebuildOptions {
  /** Only these shops (default: every shop, and rows of shops that no longer exist are removed). */
  shopKeys?: readonly string[];
  now?: number;
}

/** Every aggregate of the shops, from the model; rows of those shops that are no longer produced are deleted. */
export async function rebuildAggregates(db: AppDB, options: RebuildOptions = {}): Promise<void> {
  const now = options.now ?? Date.now();
  const known = new Set((await db.shops.toCollection().primaryKeys()) as string[]);
  const asked = options.shopKeys ? [...new Set(options.shopKeys)] : [...known];
  const shops = asked.filter((s) => known.has(s));
  const benchmarks = await benchmarkAggregates(db, shops);
  const drafts: Draft[] = [];
  for (const shopKey of shops) {
    drafts.push(draft(shopKey, 'summary', '-', await summaryOf(db, shopKey)));
    const invitations = [...(await invitationAggregates(db, shopKey)).values()].sort(byId);
    for (const inv of invitations) drafts.push(draft(shopKey, 'invitation', inv.id, inv));
    const r = rollups(
      shopKey,
      invitations,
      invitations.map((i) => i.week),
      invitations.map((i) => i.messageKey),
    );
    drafts.push(...r.drafts);
    for (const [categoryId, b] of benchmarks.get(shopKey) ?? []) drafts.push(draft(shopKey, 'benchmark', categoryId, b));
    for (const c of await channelWeeks(db, shopKey)) drafts.push(draft(shopKey, 'channels', c.week, c));
    drafts.push(draft(shopKey, 'meta', '-', { version: AGGREGATES_VERSION, builtAt: now }));
  }
  const existing = options.shopKeys
    ? await db.aggregates.where('shopKey').anyOf(asked).primaryKeys()
    : await db.aggregates.toCollection().primaryKeys();
  // The creators view's headlines share the table; lib/creators/maintain.ts keeps them.
  await write(db, drafts, (existing as string[]).filter((k) => !CREATOR_AGGREGATE_KINDS.has(k.split('|')[1] ?? '')), now);
}

const keysOf = (changes: ChangeSet, table: string): string[] => [...(changes[table] ?? [])];
/** The two parts of a compound key as a change set writes it (`invitationId|productId`). */
const firstPart = (key: string) => key.split('|', 1)[0] as string;
const secondPart = (key: string) => {
  const i = key.indexOf('|');
  return i < 0 ? '' : key.slice(i + 1);
};
const present = <T>(rows: readonly (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined);

/** Shops whose aggregates are missing or of another version: they are rebuilt rather than patched. */
export async function staleShops(db: AppDB, shopKeys: readonly string[]): Promise<string[]> {
  const metas = await db.aggregates.bulkGet(shopKeys.map((s) => aggregateKey(s, 'meta')));
  return shopKeys.filter((_, i) => {
    const parsed = metaSchema.safeParse(metas[i]?.values);
    return !parsed.success || parsed.data.version !== AGGREGATES_VERSION;
  });
}

/** Whether a change may have moved a commission benchmark (see the module comment). */
async function benchmarksMoved(db: AppDB, changes: ChangeSet, requestProducts: readonly string[], knownShops: readonly string[]): Promise<boolean> {
  // A creator's median commission or categories seen in a marketplace moves the market side.
  if (keysOf(changes, 'shopCreators').length) return true;
  const campaignIds = keysOf(changes, 'campaigns');
  const [applications, registrations, campaignRegistrations] = await Promise.all([
    db.creatorApplications.bulkGet(keysOf(changes, 'creatorApplications')),
    db.registrations.bulkGet(keysOf(changes, 'registrations')),
    campaignIds.length ? db.registrations.where('campaignId').anyOf(campaignIds).toArray() : [],
  ]);
  const candidates = new Set<string>([
    ...keysOf(changes, 'products'),
    ...keysOf(changes, 'openCollabs').map(secondPart),
    ...keysOf(changes, 'invitationProducts').map(secondPart),
    ...present(applications).map((a) => a.productId),
    ...present(registrations).map((r) => r.productId),
    ...campaignRegistrations.map((r) => r.productId),
    ...requestProducts,
  ]);
  candidates.delete('');
  if (!candidates.size) return false;
  const products = present(await db.products.bulkGet([...candidates]));
  if (products.some((p) => p.categoryId !== undefined && p.categoryId !== '')) return true;
  // A product that left its category moved the benchmark that counted it.
  for (const shopKey of knownShops) {
    for (const row of await rowsOf(db, shopKey, 'benchmark')) {
      const parsed = benchmarkSchema.safeParse(row.values);
      if (parsed.success && parsed.data.productIds.some((id) => candidates.has(id))) return true;
    }
  }
  return false;
}

/** The invitations (by shop) a change touches: their own rows, or a request, post, order or profile of a creator in them. */
async function touchedInvitations(
  db: AppDB,
  changes: ChangeSet,
  creatorEvents: readonly { shopKey: string; handle: string }[],
): Promise<Map<string, string[]>> {
  const ids = new Set<string>([...keysOf(changes, 'invitations'), ...keysOf(changes, 'invitationCreators').map(firstPart), ...keysOf(changes, 'invitationProducts').map(firstPart)]);
  const anyShop = new Set(keysOf(changes, 'creators'));
  const inShop = new Set(creatorEvents.map((e) => `${e.shopKey}|${e.handle}`));
  const handles = [...new Set([...anyShop, ...creatorEvents.map((e) => e.handle)])];
  if (handles.length) {
    const invited = await db.invitationCreators.where('handle').anyOf(handles).toArray();
    for (const ic of invited) if (anyShop.has(ic.handle) || inShop.has(`${ic.shopKey}|${ic.handle}`)) ids.add(ic.invitationId);
  }
  const invitations = present(await db.invitations.bulkGet([...ids]));
  const out = new Map<string, string[]>();
  for (const i of invitations) out.set(i.shopKey, [...(out.get(i.shopKey) ?? []), i.id]);
  return out;
}

/** Re-compute what `changes` can have moved (see the module comment). */
export async function updateAggregates(db: AppDB, changes: ChangeSet, now = Date.now()): Promise<void> {
  const [requests, products, contents, orders] = await Promise.all([
    db.sampleRequests.bulkGet(keysOf(changes, 'sampleRequests')),
    db.products.bulkGet(keysOf(changes, 'products')),
    db.sampleContents.bulkGet(keysOf(changes, 'sampleContents')),
    db.orderSkus.bulkGet(keysOf(changes, 'orderSkus')),
  ]);
  const knownShops = (await db.shops.toCollection().primaryKeys()) as string[];
  const known = new Set(knownShops);
  const creatorEvents = [
    ...present(requests).map((r) => ({ shopKey: r.shopKey, handle: r.creatorHandle })),
    ...present(contents).map((c) => ({ shopKey: c.shopKey, handle: c.creatorHandle })),
    ...present(orders).flatMap((o) => (o.creatorHandle ? [{ shopKey: o.shopKey, handle: o.creatorHandle }] : [])),
  ];
  const [invitations, moved] = await Promise.all([
    touchedInvitations(db, changes, creatorEvents),
    benchmarksMoved(
      db,
      changes,
      present(requests).map((r) => r.productId),
      knownShops,
    ),
  ]);
  const summaryShops = new Set([...keysOf(changes, 'shops'), ...present(requests).map((r) => r.shopKey), ...present(products).map((p) => p.shopKey)]);
  const benchmarkShops = moved ? knownShops : [];
  // A changed line may have moved between weeks: its shop's order channels are computed again in full.
  const orderShops = new Set(present(orders).map((o) => o.shopKey));
  const touched = [...new Set([...summaryShops, ...invitations.keys(), ...benchmarkShops, ...orderShops])].filter((s) => known.has(s));
  const stale = new Set(await staleShops(db, touched));
  if (stale.size) await rebuildAggregates(db, { shopKeys: [...stale], now });
  const fresh = (s: string) => known.has(s) && !stale.has(s);

  const drafts: Draft[] = [];
  const deletes: string[] = [];
  for (const shopKey of [...summaryShops].filter(fresh)) drafts.push(draft(shopKey, 'summary', '-', await summaryOf(db, shopKey)));

  for (const [shopKey, ids] of invitations) {
    if (!fresh(shopKey)) continue;
    const [computed, stored] = await Promise.all([invitationAggregates(db, shopKey, ids), storedInvitations(db, shopKey)]);
    const weeks: string[] = [];
    const messages: string[] = [];
    for (const id of ids) {
      const before = stored.get(id);
      const after = computed.get(id);
      for (const row of [before, after]) {
        if (!row) continue;
        weeks.push(row.week);
        messages.push(row.messageKey);
      }
      if (after) {
        stored.set(id, after);
        drafts.push(draft(shopKey, 'invitation', id, after));
      } else {
        stored.delete(id);
        deletes.push(aggregateKey(shopKey, 'invitation', id));
      }
    }
    const r = rollups(shopKey, [...stored.values()].sort(byId), weeks, messages);
    drafts.push(...r.drafts);
    deletes.push(...r.deletes);
  }

  for (const shopKey of [...orderShops].filter(fresh)) {
    for (const c of await channelWeeks(db, shopKey)) drafts.push(draft(shopKey, 'channels', c.week, c));
    for (const row of await rowsOf(db, shopKey, 'channels')) deletes.push(row.key);
  }

  const benchmarkFor = benchmarkShops.filter(fresh);
  const benchmarks = await benchmarkAggregates(db, benchmarkFor);
  for (const shopKey of benchmarkFor) {
    const rows = benchmarks.get(shopKey) ?? new Map();
    for (const [categoryId, b] of rows) drafts.push(draft(shopKey, 'benchmark', categoryId, b));
    for (const row of await rowsOf(db, shopKey, 'benchmark')) deletes.push(row.key);
  }
  await write(db, drafts, deletes, now);
}
