import { Dexie } from 'dexie';
import type { AppDB } from '../db/app-db';
import type { Aggregate } from '../domain/types';
import type { Money } from '../domain/money';
import type { ChangeSet } from '../rules/types';
import {
  addRow,
  CREATOR_AGGREGATE_KINDS,
  CREATOR_ROWS_VERSION,
  emptyTally,
  dayOf,
  headlineKey,
  headlineOf,
  loadFacts,
  periodsOf,
  rowsMetaKey,
  rowsOfPeriod,
  shopFacts,
  shopImports,
  storedHeadline,
  storedMeta,
  tallyOf,
  HEADLINE_KIND,
  ROWS_META_KIND,
  type RowsMeta,
  type ShopFacts,
  type StoredHeadline,
  type Tally,
} from './figures';
import type { CreatorRow, PeriodInfo, PeriodKey } from './model';

/**
 * Keeping the creators view's rows (`creatorRows`) and each period's headline current.
 *
 * `rebuildCreatorRows` computes every row of a shop from the model and writes the ones that changed (and deletes the
 * ones no longer produced), period by period in chunks, then the headlines, then the shop's state row (`RowsMeta`),
 * which it removes first: a rebuild cut short leaves the shop without one, so it is rebuilt again.
 *
 * `updateCreatorRows` takes what an ingest batch wrote (`ChangeSet`: table → primary keys) and recomputes only the
 * creators it touches (their requests, contents, order lines, invitations, applications, marketplace sightings or
 * profile), in every period of their shop; each headline moves by the difference of the rows that changed (or is
 * counted again from the period's rows when a row that held a figure's newest sighting left it). A shop is
 * rebuilt instead when its state row is missing, of another version, built on another UTC day (the rolling windows
 * moved), with another flat cost per sample, or when what it covers changed (its first order line or sample request,
 * a new import). Rows and headlines of one update are written in one transaction. A property test
 * (maintain.test.ts) checks that updates after any sequence of changes equal a rebuild.
 */

const CHUNK = 5_000;

/** A row without its write time, in a canonical order: two rows with the same text hold the same figures. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (key === 'updatedAt') return undefined;
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v;
  });
}
export const sameRow = (a: CreatorRow | undefined, b: CreatorRow | undefined): boolean => (a === undefined ? b === undefined : b !== undefined && canonical(a) === canonical(b));

const periodRange = (shopKey: string, period: PeriodKey) => [
  [shopKey, period, Dexie.minKey],
  [shopKey, period, Dexie.maxKey],
] as const;

async function chunked<T>(items: readonly T[], run: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await run(items.slice(i, i + CHUNK));
}

function aggregateRow(key: string, shopKey: string, kind: string, values: object, now: number): Aggregate {
  return { key, shopKey, kind, values: values as Record<string, unknown>, updatedAt: now };
}

function storedHeadlineOf(shopKey: string, period: PeriodInfo, tally: Tally, currency: string | undefined): StoredHeadline {
  return { version: CREATOR_ROWS_VERSION, headline: headlineOf(shopKey, period, tally, currency), tally, ...(currency && { currency }) };
}

/** Put a headline unless it holds the same figures already. */
async function putHeadline(db: AppDB, shopKey: string, value: StoredHeadline, now: number): Promise<void> {
  const key = headlineKey(shopKey, value.headline.period);
  const before = (await db.aggregates.get(key))?.values;
  if (before && canonical(before) === canonical(value)) return;
  await db.aggregates.put(aggregateRow(key, shopKey, HEADLINE_KIND, value, now));
}

export interface CreatorRowsOptions {
  now?: number;
  /** The seller's flat cost per sample of each shop (lib/costs/sample-cost.ts), by shop key. */
  flatCosts?: Readonly<Record<string, Money>>;
}

/** Every row and headline of one shop, from the model. */
export async function rebuildShop(db: AppDB, shopKey: string, options: CreatorRowsOptions = {}): Promise<void> {
  const now = options.now ?? Date.now();
  const day = dayOf(now);
  await db.aggregates.delete(rowsMetaKey(shopKey));
  const [shop, imports] = await Promise.all([shopFacts(db, shopKey, options.flatCosts?.[shopKey]), shopImports(db, shopKey)]);
  const periods = periodsOf(day, imports);
  const facts = await loadFacts(db, shopKey);
  for (const period of periods) {
    const rows = rowsOfPeriod(facts, shop, period, imports, now);
    const existing = await db.creatorRows.where('[shopKey+period+handle]').between(...periodRange(shopKey, period.key)).toArray();
    const before = new Map(existing.map((r) => [r.handle, r]));
    const changed = [...rows.values()].filter((r) => !sameRow(before.get(r.handle), r));
    const gone = existing.filter((r) => !rows.has(r.handle)).map((r): [string, string, string] => [shopKey, period.key, r.handle]);
    await chunked(changed, (part) => db.creatorRows.bulkPut(part));
    await chunked(gone, (part) => db.creatorRows.bulkDelete(part));
    await putHeadline(db, shopKey, storedHeadlineOf(shopKey, period, tallyOf(rows.values()), shop.currency), now);
  }
  await dropOtherPeriods(db, shopKey, periods);
  const meta: RowsMeta = { version: CREATOR_ROWS_VERSION, day, builtAt: now, ...(shop.currency && { currency: shop.currency }), ...(shop.flat && { flat: shop.flat }), coverage: shop.coverage, periods };
  await db.aggregates.put(aggregateRow(rowsMetaKey(shopKey), shopKey, ROWS_META_KIND, meta, now));
}

/** Remove the rows and headlines of periods the shop no longer has. */
async function dropOtherPeriods(db: AppDB, shopKey: string, periods: readonly PeriodInfo[]): Promise<void> {
  const keep = new Set<string>(periods.map((p) => p.key));
  const keys = (await db.creatorRows
    .where('[shopKey+period+handle]')
    .between([shopKey, '', ''], [shopKey, '\uffff', '\uffff'])
    .primaryKeys()) as unknown as [string, string, string][];
  await chunked(
    keys.filter((k) => !keep.has(k[1])),
    (part) => db.creatorRows.bulkDelete(part),
  );
  const prefix = `${shopKey}|${HEADLINE_KIND}|`;
  const headlines = (await db.aggregates.where(':id').between(prefix, `${prefix}\uffff`).primaryKeys()) as string[];
  await db.aggregates.bulkDelete(headlines.filter((k) => !keep.has(k.slice(prefix.length))));
}

/**
 * Rebuild the shops (every shop when `shopKeys` is undefined), and remove the rows and headlines of shops that no
 * longer exist.
 */
export async function rebuildCreatorRows(db: AppDB, options: CreatorRowsOptions & { shopKeys?: readonly string[] } = {}): Promise<void> {
  const known = (await db.shops.toCollection().primaryKeys()) as string[];
  const asked = options.shopKeys ? [...new Set(options.shopKeys)].filter((s) => known.includes(s)) : known;
  for (const shopKey of asked) await rebuildShop(db, shopKey, options);
  if (!options.shopKeys) {
    const live = new Set(known);
    const orphans = (await db.creatorRows.toCollection().primaryKeys()) as unknown as [string, string, string][];
    await chunked(
      orphans.filter((k) => !live.has(k[0])),
      (part) => db.creatorRows.bulkDelete(part),
    );
    const aggregates = (await db.aggregates.toCollection().primaryKeys()) as string[];
    await db.aggregates.bulkDelete(aggregates.filter((k) => CREATOR_AGGREGATE_KINDS.has(k.split('|')[1] ?? '') && !live.has(k.split('|', 1)[0] as string)));
  }
}

/** A shop's rows as stored: `stale` says why they must be rebuilt rather than updated. */
export type Freshness = { stale: 'missing' | 'day' | 'flat cost' | 'coverage' | 'periods' } | { stale?: undefined; meta: RowsMeta; shop: ShopFacts };

export async function freshness(db: AppDB, shopKey: string, options: CreatorRowsOptions = {}): Promise<Freshness> {
  const meta = storedMeta((await db.aggregates.get(rowsMetaKey(shopKey)))?.values);
  if (!meta) return { stale: 'missing' };
  if (meta.day !== dayOf(options.now ?? Date.now())) return { stale: 'day' };
  const flat = options.flatCosts?.[shopKey];
  if (JSON.stringify(meta.flat ?? null) !== JSON.stringify(flat ?? null)) return { stale: 'flat cost' };
  const [shop, imports] = await Promise.all([shopFacts(db, shopKey, flat), shopImports(db, shopKey)]);
  if (shop.coverage.orders !== meta.coverage.orders || shop.coverage.samples !== meta.coverage.samples) return { stale: 'coverage' };
  const periods = periodsOf(meta.day, imports).map((p) => p.key);
  if (periods.join('\n') !== meta.periods.map((p) => p.key).join('\n')) return { stale: 'periods' };
  return { meta, shop };
}

/** Rebuild the shops whose rows are stale (the daily alarm, a restore, the creators view opening); returns them. */
export async function refreshStale(db: AppDB, shopKeys: readonly string[], options: CreatorRowsOptions = {}): Promise<string[]> {
  const rebuilt: string[] = [];
  for (const shopKey of shopKeys) {
    if (!(await freshness(db, shopKey, options)).stale) continue;
    await rebuildShop(db, shopKey, options);
    rebuilt.push(shopKey);
  }
  return rebuilt;
}

const keysOf = (changes: ChangeSet, table: string): string[] => [...(changes[table] ?? [])];
const present = <T>(rows: readonly (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined);

/** The creators a change touches, by shop; a shop whose own row changed is listed even without creators. */
export async function touchedCreators(db: AppDB, changes: ChangeSet): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const add = (shopKey: string, handle?: string) => {
    let set = out.get(shopKey);
    if (!set) out.set(shopKey, (set = new Set()));
    if (handle) set.add(handle);
  };
  const invitationIds = keysOf(changes, 'invitations');
  const [requests, contents, lines, applications, invited, byInvitation] = await Promise.all([
    db.sampleRequests.bulkGet(keysOf(changes, 'sampleRequests')),
    db.sampleContents.bulkGet(keysOf(changes, 'sampleContents')),
    db.orderSkus.bulkGet(keysOf(changes, 'orderSkus')),
    db.creatorApplications.bulkGet(keysOf(changes, 'creatorApplications')),
    db.invitationCreators.bulkGet(keysOf(changes, 'invitationCreators').map((k) => splitPair(k))),
    Promise.all(invitationIds.map((id) => db.invitationCreators.where('[invitationId+handle]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray())).then((lists) => lists.flat()),
  ]);
  for (const r of present(requests)) add(r.shopKey, r.creatorHandle);
  for (const c of present(contents)) add(c.shopKey, c.creatorHandle);
  for (const l of present(lines)) add(l.shopKey, l.creatorHandle);
  for (const a of present(applications)) add(a.shopKey, a.creatorHandle);
  for (const i of [...present(invited), ...byInvitation]) add(i.shopKey, i.handle);
  for (const k of keysOf(changes, 'shopCreators')) {
    const [shopKey, handle] = splitPair(k);
    add(shopKey, handle);
  }
  for (const k of keysOf(changes, 'shops')) add(k);

  const handles = keysOf(changes, 'creators');
  if (handles.length) {
    const [creators, shops, rowKeys] = await Promise.all([
      db.creators.bulkGet(handles),
      db.shops.toArray(),
      db.creatorRows.where('handle').anyOf(handles).primaryKeys() as unknown as Promise<[string, string, string][]>,
    ]);
    for (const [shopKey, , handle] of rowKeys) add(shopKey, handle);
    for (const c of present(creators)) {
      const region = c.region?.toUpperCase();
      if (region === undefined) continue;
      for (const s of shops) if (s.region.toUpperCase() === region) add(s.key, c.handle);
    }
  }
  return out;
}

/** `a|b` as the pair a change set writes for a compound key. */
function splitPair(key: string): [string, string] {
  const i = key.indexOf('|');
  return i < 0 ? [key, ''] : [key.slice(0, i), key.slice(i + 1)];
}

/** Recompute the rows of `handles` in every period of the shop, and move each headline by what changed. */
async function updateShop(db: AppDB, shopKey: string, handles: readonly string[], shop: ShopFacts, meta: RowsMeta, now: number): Promise<void> {
  if (!handles.length) return;
  const [facts, imports] = await Promise.all([loadFacts(db, shopKey, handles), shopImports(db, shopKey)]);
  const next = new Map<PeriodKey, Map<string, CreatorRow>>();
  for (const period of meta.periods) next.set(period.key, rowsOfPeriod(facts, shop, period, imports, now));
  const keys = meta.periods.flatMap((p) => handles.map((h): [string, string, string] => [shopKey, p.key, h]));
  await db.transaction('rw', db.creatorRows, db.aggregates, async () => {
    const existing = await db.creatorRows.bulkGet(keys);
    const puts: CreatorRow[] = [];
    const deletes: [string, string, string][] = [];
    const moved = new Map<PeriodKey, Tally>();
    // What the rows taken away held: a newest sighting among them may be the headline's, which then needs a recount.
    const lost = new Map<PeriodKey, Tally>();
    keys.forEach((key, i) => {
      const [, period, handle] = key as [string, PeriodKey, string];
      const before = existing[i];
      const after = next.get(period)?.get(handle);
      if (sameRow(before, after)) return;
      let delta = moved.get(period);
      if (!delta) moved.set(period, (delta = emptyTally()));
      if (before) {
        addRow(delta, before, -1);
        let away = lost.get(period);
        if (!away) lost.set(period, (away = emptyTally()));
        addRow(away, before, 1);
      }
      if (after) {
        addRow(delta, after, 1);
        puts.push(after);
      } else deletes.push(key);
    });
    if (puts.length) await db.creatorRows.bulkPut(puts);
    if (deletes.length) await db.creatorRows.bulkDelete(deletes);
    for (const period of meta.periods) {
      const delta = moved.get(period.key);
      if (!delta) continue;
      const stored = storedHeadline((await db.aggregates.get(headlineKey(shopKey, period.key)))?.values);
      const tally = movable(stored?.tally, delta, lost.get(period.key))
        ? applyDelta(stored?.tally, delta)
        : tallyOf(await db.creatorRows.where('[shopKey+period+handle]').between(...periodRange(shopKey, period.key)).toArray());
      await putHeadline(db, shopKey, storedHeadlineOf(shopKey, period, tally, meta.currency), now);
    }
  });
}

/**
 * Whether a tally can move by a difference: not when a row taken away held the newest sighting of a figure and no row
 * put back is as new (a request first counted from when it was seen, then from when it was made, leaves a window), nor
 * without a stored tally. The period's rows are then counted again.
 */
function movable(base: Tally | undefined, delta: Tally, lost: Tally | undefined): boolean {
  if (!base) return false;
  if (!lost) return true;
  return Object.entries(lost.seen).every(([k, at]) => {
    const key = k as keyof Tally['seen'];
    return at === undefined || at < (base.seen[key] ?? -Infinity) || (delta.seen[key] ?? -Infinity) >= at;
  });
}

/** A stored tally moved by the difference of the rows that changed (`seen` only ever grows: see `movable`). */
function applyDelta(base: Tally | undefined, delta: Tally): Tally {
  const t = structuredClone(base ?? emptyTally());
  t.creators += delta.creators;
  t.engaged += delta.engaged;
  t.gmvKnown += delta.gmvKnown;
  t.zeroGmv += delta.zeroGmv;
  t.sampleCostMissing += delta.sampleCostMissing;
  for (const [k, v] of Object.entries(delta.sums)) t.sums[k as keyof Tally['sums']] += v;
  for (const [k, v] of Object.entries(delta.rows)) t.rows[k as keyof Tally['rows']] += v;
  for (const [k, v] of Object.entries(delta.known)) t.known[k as keyof Tally['known']] += v;
  for (const [k, v] of Object.entries(delta.seen)) {
    const key = k as keyof Tally['seen'];
    if (v !== undefined && v > (t.seen[key] ?? -Infinity)) t.seen[key] = v;
  }
  return t;
}

/** Recompute what `changes` can have moved (see the module comment). */
export async function updateCreatorRows(db: AppDB, changes: ChangeSet, options: CreatorRowsOptions = {}): Promise<void> {
  const now = options.now ?? Date.now();
  const known = new Set((await db.shops.toCollection().primaryKeys()) as string[]);
  for (const [shopKey, handles] of await touchedCreators(db, changes)) {
    if (!known.has(shopKey)) continue;
    const state = await freshness(db, shopKey, { ...options, now });
    if (state.stale) await rebuildShop(db, shopKey, { ...options, now });
    else await updateShop(db, shopKey, [...handles].sort(), state.shop, state.meta, now);
  }
}
